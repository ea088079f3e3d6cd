PROBLEM = """A code editor highlights unbalanced brackets. Check a line containing (), [] and {} (other characters are ignored) using a stack of open brackets. Report whether it is balanced, and if not, the position of the first problem: an unexpected closing bracket, or the earliest opening bracket that was never closed."""
IO_REQUIREMENTS = """Input:
  line (str): the text to check.
Output:
  return (dict): {"balanced": bool, "error_at": int (-1 if balanced), "max_depth": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"line": "if (a[i] == {b: (c)}) { run(); }"},
    {"line": "print((x + y]"},
    {"line": "((("},
    {"line": ""},
    {"line": "}{"},
]

PAIRS = {")": "(", "]": "[", "}": "{"}


def main_solution(line):
    stack = []
    max_depth = 0
    for index, ch in enumerate(line):
        if ch in "([{":
            stack.append((ch, index))
            max_depth = max(max_depth, len(stack))
        elif ch in PAIRS:
            if not stack or stack[-1][0] != PAIRS[ch]:
                return {"balanced": False, "error_at": index, "max_depth": max_depth}
            stack.pop()
    if stack:
        return {"balanced": False, "error_at": stack[0][1], "max_depth": max_depth}
    return {"balanced": True, "error_at": -1, "max_depth": max_depth}

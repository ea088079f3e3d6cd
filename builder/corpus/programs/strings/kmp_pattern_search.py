PROBLEM = """Search a long text for every occurrence of a pattern (overlapping matches allowed) with the Knuth-Morris-Pratt algorithm. First build the failure table, where entry i is the length of the longest proper prefix of pattern[:i+1] that is also a suffix; then scan the text once, falling back through the table on mismatches instead of restarting."""
IO_REQUIREMENTS = """Input:
  text (str): the text to search.
  pattern (str): non-empty pattern.
Output:
  return (dict): {"failure": list of int, "positions": list of int (start indices of matches)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"text": "abababcabab", "pattern": "abab"},
    {"text": "hello", "pattern": "xyz"},
    {"text": "aaaaa", "pattern": "aa"},
    {"text": "the theme of the thesis", "pattern": "the"},
]


def failure_table(pattern):
    table = [0] * len(pattern)
    length = 0
    for i in range(1, len(pattern)):
        while length > 0 and pattern[i] != pattern[length]:
            length = table[length - 1]
        if pattern[i] == pattern[length]:
            length += 1
        table[i] = length
    return table


def main_solution(text, pattern):
    table = failure_table(pattern)
    positions = []
    matched = 0
    for i, ch in enumerate(text):
        while matched > 0 and ch != pattern[matched]:
            matched = table[matched - 1]
        if ch == pattern[matched]:
            matched += 1
        if matched == len(pattern):
            positions.append(i - len(pattern) + 1)
            matched = table[matched - 1]
    return {"failure": table, "positions": positions}

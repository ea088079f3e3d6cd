PROBLEM = """An old pocket calculator uses reverse Polish notation: numbers are pushed on a stack and each operator (+, -, *, /) pops two numbers and pushes the result, where / is integer division rounded towards zero. Implement it with a small Stack class, evaluate an expression given as space-separated tokens, and report errors such as a stack underflow, division by zero, or leftover numbers."""
IO_REQUIREMENTS = """Input:
  expression (str): tokens separated by spaces, integers (possibly negative) and operators.
Output:
  return (dict): {"value": int or null, "error": str or null, "max_stack": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"expression": "3 4 + 2 *"},
    {"expression": "5 1 2 + 4 * + 3 -"},
    {"expression": "1 +"},
    {"expression": "4 0 /"},
    {"expression": "-7 2 /"},
]


class Stack:
    def __init__(self):
        self.items = []

    def push(self, value):
        self.items.append(value)

    def pop(self):
        if not self.items:
            raise IndexError("stack underflow")
        return self.items.pop()

    def size(self):
        return len(self.items)


def apply(operator, left, right):
    if operator == "+":
        return left + right
    if operator == "-":
        return left - right
    if operator == "*":
        return left * right
    if right == 0:
        raise ZeroDivisionError("division by zero")
    return int(left / right)


def main_solution(expression):
    stack = Stack()
    max_stack = 0
    try:
        for token in expression.split():
            if token in ("+", "-", "*", "/"):
                right = stack.pop()
                left = stack.pop()
                stack.push(apply(token, left, right))
            else:
                stack.push(int(token))
            max_stack = max(max_stack, stack.size())
    except (IndexError, ZeroDivisionError) as exc:
        return {"value": None, "error": str(exc), "max_stack": max_stack}
    if stack.size() != 1:
        return {"value": None, "error": "malformed expression", "max_stack": max_stack}
    return {"value": stack.pop(), "error": None, "max_stack": max_stack}

PROBLEM = """Convert an arithmetic expression written in ordinary infix notation into postfix (reverse Polish) notation with Dijkstra's shunting-yard algorithm, using an operator stack and the usual precedence (* and / bind tighter than + and -, all left-associative, parentheses group). Then evaluate the postfix form with a value stack."""
IO_REQUIREMENTS = """Input:
  expression (str): non-negative integers, + - * /, parentheses and spaces; / is exact division.
Output:
  return (dict): {"postfix": str (tokens separated by spaces), "value": float}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"expression": "3 + 4 * 2"},
    {"expression": "(1 + 2) * (3 + 4)"},
    {"expression": "42"},
    {"expression": "10 / 4 - 2 * (3 - 1)"},
]

PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def tokenize(expression):
    tokens, number = [], ""
    for ch in expression:
        if ch.isdigit():
            number += ch
            continue
        if number:
            tokens.append(number)
            number = ""
        if ch in "+-*/()":
            tokens.append(ch)
    if number:
        tokens.append(number)
    return tokens


def to_postfix(tokens):
    output, operators = [], []
    for token in tokens:
        if token.isdigit():
            output.append(token)
        elif token == "(":
            operators.append(token)
        elif token == ")":
            while operators[-1] != "(":
                output.append(operators.pop())
            operators.pop()
        else:
            while operators and operators[-1] != "(" and PRECEDENCE[operators[-1]] >= PRECEDENCE[token]:
                output.append(operators.pop())
            operators.append(token)
    while operators:
        output.append(operators.pop())
    return output


def evaluate(postfix):
    stack = []
    for token in postfix:
        if token.isdigit():
            stack.append(float(token))
            continue
        right, left = stack.pop(), stack.pop()
        if token == "+":
            stack.append(left + right)
        elif token == "-":
            stack.append(left - right)
        elif token == "*":
            stack.append(left * right)
        else:
            stack.append(left / right)
    return stack[0]


def main_solution(expression):
    postfix = to_postfix(tokenize(expression))
    return {"postfix": " ".join(postfix), "value": evaluate(postfix)}

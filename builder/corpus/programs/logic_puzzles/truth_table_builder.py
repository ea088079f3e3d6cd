PROBLEM = """A logic student writes a Boolean formula in prefix form as nested lists, e.g. ["and", "p", ["not", "q"]], using the operators "and", "or", "not", "implies" and "xor" over single-letter variables. Build the formula's truth table by evaluating it recursively for every assignment of the variables (in alphabetical order, False before True), and classify it as a tautology, a contradiction or contingent."""
IO_REQUIREMENTS = """Input:
  formula (str or list): a variable name, or [operator, operand, ...] with one operand for "not" and two otherwise.
Output:
  return (dict): {"variables": list of str, "results": list of bool (one per row), "kind": "tautology" | "contradiction" | "contingent"}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"formula": ["or", "p", ["not", "p"]]},
    {"formula": ["implies", ["and", "p", "q"], "r"]},
    {"formula": ["and", "a", ["not", "a"]]},
    {"formula": ["xor", "x", "y"]},
    {"formula": "z"},
]

from itertools import product


def collect_variables(formula, found):
    if isinstance(formula, str):
        found.add(formula)
        return
    for operand in formula[1:]:
        collect_variables(operand, found)


def evaluate(formula, values):
    if isinstance(formula, str):
        return values[formula]
    operator = formula[0]
    operands = [evaluate(part, values) for part in formula[1:]]
    if operator == "not":
        return not operands[0]
    if operator == "and":
        return operands[0] and operands[1]
    if operator == "or":
        return operands[0] or operands[1]
    if operator == "implies":
        return (not operands[0]) or operands[1]
    return operands[0] != operands[1]


def main_solution(formula):
    found = set()
    collect_variables(formula, found)
    variables = sorted(found)
    results = []
    for row in product([False, True], repeat=len(variables)):
        results.append(evaluate(formula, dict(zip(variables, row))))
    if all(results):
        kind = "tautology"
    elif not any(results):
        kind = "contradiction"
    else:
        kind = "contingent"
    return {"variables": variables, "results": results, "kind": kind}

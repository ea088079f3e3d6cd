PROBLEM = """On an island, knights always tell the truth and knaves always lie. Each inhabitant makes one statement: that someone is a knight, that someone is a knave, that two people are of the same kind, or that exactly k of the speakers are knaves. Try every assignment of knight/knave to the inhabitants and keep the ones where every knight's statement is true and every knave's statement is false."""
IO_REQUIREMENTS = """Input:
  people (list of str): names, at most 4.
  statements (list of dict): each {"speaker": str, "claim": "knight" | "knave" | "same" | "knaves", "about": list of str (one name for knight/knave, two for same, empty for knaves), "count": int (only used by "knaves")}.
Output:
  return (dict): {"solutions": list of dict name -> "knight" | "knave", "unique": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"people": ["Ann", "Bob"], "statements": [{"speaker": "Ann", "claim": "knave", "about": ["Bob"], "count": 0}, {"speaker": "Bob", "claim": "knaves", "about": [], "count": 2}]},
    {"people": ["Cal", "Dee"], "statements": [{"speaker": "Cal", "claim": "same", "about": ["Cal", "Dee"], "count": 0}, {"speaker": "Dee", "claim": "knave", "about": ["Cal"], "count": 0}]},
    {"people": ["Eve"], "statements": [{"speaker": "Eve", "claim": "knave", "about": ["Eve"], "count": 0}]},
    {"people": ["Fay", "Gus", "Hal"], "statements": [{"speaker": "Fay", "claim": "knaves", "about": [], "count": 1}, {"speaker": "Gus", "claim": "same", "about": ["Fay", "Hal"], "count": 0}, {"speaker": "Hal", "claim": "knave", "about": ["Gus"], "count": 0}]},
]

from itertools import product


def claim_holds(statement, assignment):
    claim, about = statement["claim"], statement["about"]
    if claim == "knight":
        return assignment[about[0]] == "knight"
    if claim == "knave":
        return assignment[about[0]] == "knave"
    if claim == "same":
        return assignment[about[0]] == assignment[about[1]]
    knaves = sum(1 for role in assignment.values() if role == "knave")
    return knaves == statement["count"]


def consistent(assignment, statements):
    for statement in statements:
        honest = assignment[statement["speaker"]] == "knight"
        if claim_holds(statement, assignment) != honest:
            return False
    return True


def main_solution(people, statements):
    solutions = []
    for roles in product(["knight", "knave"], repeat=len(people)):
        assignment = dict(zip(people, roles))
        if consistent(assignment, statements):
            solutions.append(assignment)
    return {"solutions": solutions, "unique": len(solutions) == 1}

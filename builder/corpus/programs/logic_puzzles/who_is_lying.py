PROBLEM = """A cake went missing and one of the suspects ate it. Each suspect makes a statement of the form "X did it" or "X did not do it". We are told exactly a certain number of the statements are true. For each possible culprit, count how many statements would be true, and report every culprit consistent with the given number of true statements, along with who would be telling the truth."""
IO_REQUIREMENTS = """Input:
  suspects (list of str): names.
  statements (list of list): [speaker (str), accused (str), did_it (bool)].
  true_count (int): how many statements are true.
Output:
  return (dict): {"culprits": list of str, "truthful": dict culprit -> list of speakers telling the truth}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"suspects": ["Amy", "Ben", "Cid", "Dot"], "statements": [["Amy", "Ben", True], ["Ben", "Dot", True], ["Cid", "Cid", False], ["Dot", "Dot", False]], "true_count": 1},
    {"suspects": ["P", "Q"], "statements": [["P", "Q", True], ["Q", "P", True]], "true_count": 2},
    {"suspects": ["X", "Y", "Z"], "statements": [["X", "X", False], ["Y", "X", True], ["Z", "Y", False]], "true_count": 2},
]


def truth_of(statement, culprit):
    _, accused, did_it = statement
    return (accused == culprit) == did_it


def main_solution(suspects, statements, true_count):
    culprits = []
    truthful = {}
    for culprit in suspects:
        honest = [s[0] for s in statements if truth_of(s, culprit)]
        if len(honest) == true_count:
            culprits.append(culprit)
            truthful[culprit] = honest
    return {"culprits": culprits, "truthful": truthful}

PROBLEM = """Guests must be seated in a row of chairs. Some pairs insist on sitting next to each other and some pairs refuse to. Try every ordering of the guests (in lexicographic order of permutations of the alphabetically sorted names), count the arrangements that satisfy all constraints, and return the first valid one."""
IO_REQUIREMENTS = """Input:
  guests (list of str): names, at most 5.
  together (list of list of str): pairs that must be adjacent.
  apart (list of list of str): pairs that must not be adjacent.
Output:
  return (dict): {"valid_count": int, "first": list of str (empty if none)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"guests": ["Ann", "Bob", "Cat", "Dan"], "together": [["Ann", "Bob"]], "apart": [["Bob", "Cat"]]},
    {"guests": ["X", "Y", "Z"], "together": [["X", "Y"], ["Y", "Z"], ["X", "Z"]], "apart": []},
    {"guests": ["solo"], "together": [], "apart": []},
    {"guests": ["Eli", "Fay", "Gil", "Hue", "Ida"], "together": [["Eli", "Ida"], ["Fay", "Gil"]], "apart": [["Eli", "Fay"], ["Hue", "Ida"]]},
]

from itertools import permutations


def acceptable(order, together, apart):
    position = {name: i for i, name in enumerate(order)}
    for a, b in together:
        if abs(position[a] - position[b]) != 1:
            return False
    for a, b in apart:
        if abs(position[a] - position[b]) == 1:
            return False
    return True


def main_solution(guests, together, apart):
    count = 0
    first = []
    for order in permutations(sorted(guests)):
        if acceptable(order, together, apart):
            count += 1
            if not first:
                first = list(order)
    return {"valid_count": count, "first": first}

PROBLEM = """A cashier wants to pay an exact amount using some of the bank notes in the drawer, each note used at most once. Find every combination of notes that adds up exactly to the amount with a backtracking search over the notes sorted from largest to smallest, pruning branches whose running total already exceeds the amount and skipping duplicate values at the same depth."""
IO_REQUIREMENTS = """Input:
  notes (list of int): positive note values (repeats allowed), at most 10.
  amount (int): amount to pay, >= 0.
Output:
  return (dict): {"combinations": list of list of int (each descending, list sorted), "count": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"notes": [10, 20, 50, 20, 5, 5], "amount": 30},
    {"notes": [50, 100], "amount": 70},
    {"notes": [5, 10], "amount": 0},
    {"notes": [1, 2, 3, 4, 5], "amount": 7},
]


def search(notes, start, remaining, chosen, results):
    if remaining == 0:
        results.append(list(chosen))
        return
    for i in range(start, len(notes)):
        if i > start and notes[i] == notes[i - 1]:
            continue
        if notes[i] > remaining:
            continue
        chosen.append(notes[i])
        search(notes, i + 1, remaining - notes[i], chosen, results)
        chosen.pop()


def main_solution(notes, amount):
    ordered = sorted(notes, reverse=True)
    results = []
    search(ordered, 0, amount, [], results)
    results.sort()
    return {"combinations": results, "count": len(results)}

PROBLEM = """A spell checker measures how far a typed word is from a dictionary word as the minimum number of single-character insertions, deletions and substitutions needed to turn one into the other (Levenshtein distance). Fill the distance table row by row and report the distance together with the last row of the table."""
IO_REQUIREMENTS = """Input:
  typed (str): the typed word, up to 10 characters.
  target (str): the dictionary word, up to 10 characters.
Output:
  return (dict): {"distance": int, "last_row": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"typed": "recieve", "target": "receive"},
    {"typed": "", "target": "cat"},
    {"typed": "flaw", "target": "lawn"},
    {"typed": "same", "target": "same"},
]


def next_row(previous, letter, target):
    row = [previous[0] + 1]
    for j, other in enumerate(target, start=1):
        substitute = previous[j - 1] + (0 if letter == other else 1)
        delete = previous[j] + 1
        insert = row[j - 1] + 1
        row.append(min(substitute, delete, insert))
    return row


def main_solution(typed, target):
    row = list(range(len(target) + 1))
    for letter in typed:
        row = next_row(row, letter, target)
    return {"distance": row[-1], "last_row": row}

PROBLEM = """In a nonogram puzzle, each row carries clues listing the lengths of the consecutive runs of filled cells, in order. Check a candidate solution: for every row compute the runs of "#" cells and compare them with the clues. Also, for rows that do not match, report how many cells the row would need at minimum to fit the clues (runs plus one gap between each)."""
IO_REQUIREMENTS = """Input:
  rows (list of str): rows of "#" and ".".
  clues (list of list of int): clues per row ([] means empty row).
Output:
  return (dict): {"solved": bool, "wrong_rows": list of int, "runs": list of list of int, "min_widths": dict str(row) -> int for wrong rows}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"rows": ["##.#.", ".###.", "#...#"], "clues": [[2, 1], [3], [1, 1]]},
    {"rows": ["#####", "....."], "clues": [[5], [1]]},
    {"rows": [], "clues": []},
    {"rows": ["#.#.#.#", "##..###"], "clues": [[1, 1, 1, 1], [2, 2]]},
]


def runs_of(row):
    runs = []
    length = 0
    for cell in row:
        if cell == "#":
            length += 1
        elif length:
            runs.append(length)
            length = 0
    if length:
        runs.append(length)
    return runs


def main_solution(rows, clues):
    all_runs = []
    wrong = []
    min_widths = {}
    for index, (row, clue) in enumerate(zip(rows, clues)):
        runs = runs_of(row)
        all_runs.append(runs)
        if runs != clue:
            wrong.append(index)
            min_widths[str(index)] = sum(clue) + max(len(clue) - 1, 0)
    return {"solved": not wrong, "wrong_rows": wrong, "runs": all_runs, "min_widths": min_widths}

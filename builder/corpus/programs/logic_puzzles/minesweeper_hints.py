PROBLEM = """Before a Minesweeper level is shown to the player, every safe cell must display the number of mines among its up to eight neighbours. Given a field where "*" marks a mine and "." a safe cell, produce the hint grid (mines stay "*", safe cells show their count, with "." instead of "0"), and report the total number of mines and the largest hint."""
IO_REQUIREMENTS = """Input:
  field (list of str): rows of equal length, at most 6x6.
Output:
  return (dict): {"hints": list of str, "mines": int, "largest_hint": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"field": ["*...", "....", ".*..", "...."]},
    {"field": ["***", "*.*", "***"]},
    {"field": ["."]},
    {"field": ["..*..", ".....", "*...*"]},
]


def count_mines(field, r, c):
    total = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            nr, nc = r + dr, c + dc
            if (dr or dc) and 0 <= nr < len(field) and 0 <= nc < len(field[0]) and field[nr][nc] == "*":
                total += 1
    return total


def main_solution(field):
    hints = []
    mines = 0
    largest = 0
    for r, row in enumerate(field):
        out = ""
        for c, cell in enumerate(row):
            if cell == "*":
                mines += 1
                out += "*"
                continue
            count = count_mines(field, r, c)
            largest = max(largest, count)
            out += str(count) if count else "."
        hints.append(out)
    return {"hints": hints, "mines": mines, "largest_hint": largest}

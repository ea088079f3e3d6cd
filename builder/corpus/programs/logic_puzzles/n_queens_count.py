PROBLEM = """Place n queens on an n x n chessboard so that no two attack each other (no shared row, column or diagonal). Count all solutions with backtracking, placing one queen per row and keeping sets of used columns and diagonals, and return the first solution found (queens' columns listed row by row)."""
IO_REQUIREMENTS = """Input:
  n (int): board size, 1 <= n <= 6.
Output:
  return (dict): {"solutions": int, "first": list of int (empty if none)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 4},
    {"n": 1},
    {"n": 3},
    {"n": 2},
]


def place(row, n, columns, diagonals, anti_diagonals, current, found):
    if row == n:
        if not found["first"]:
            found["first"] = list(current)
        found["count"] += 1
        return
    for col in range(n):
        if col in columns or row - col in diagonals or row + col in anti_diagonals:
            continue
        columns.add(col)
        diagonals.add(row - col)
        anti_diagonals.add(row + col)
        current.append(col)
        place(row + 1, n, columns, diagonals, anti_diagonals, current, found)
        current.pop()
        columns.remove(col)
        diagonals.remove(row - col)
        anti_diagonals.remove(row + col)


def main_solution(n):
    found = {"count": 0, "first": []}
    place(0, n, set(), set(), set(), [], found)
    return {"solutions": found["count"], "first": found["first"]}

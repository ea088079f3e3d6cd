PROBLEM = """A Latin square of order n is an n x n grid in which every symbol 1..n appears exactly once in each row and each column. Complete a partially filled grid (0 means empty) by backtracking: fill the empty cells in row-major order, trying symbols from 1 upwards, and undo a choice when it leads to a dead end. Report the completed grid or that none exists, plus the number of placements tried."""
IO_REQUIREMENTS = """Input:
  grid (list of list of int): n x n, 1 <= n <= 4, entries 0..n.
Output:
  return (dict): {"solved": bool, "grid": list of list of int, "attempts": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"grid": [[1, 0, 0], [0, 0, 1], [0, 1, 0]]},
    {"grid": [[1, 0], [0, 2]]},
    {"grid": [[0]]},
    {"grid": [[1, 2, 0, 0], [0, 0, 0, 1], [0, 0, 0, 0], [0, 0, 1, 0]]},
]


def allowed(grid, r, c, symbol):
    n = len(grid)
    for i in range(n):
        if grid[r][i] == symbol or grid[i][c] == symbol:
            return False
    return True


def fill(grid, cells, index, counter):
    if index == len(cells):
        return True
    r, c = cells[index]
    for symbol in range(1, len(grid) + 1):
        if allowed(grid, r, c, symbol):
            counter[0] += 1
            grid[r][c] = symbol
            if fill(grid, cells, index + 1, counter):
                return True
            grid[r][c] = 0
    return False


def main_solution(grid):
    grid = [list(row) for row in grid]
    cells = [(r, c) for r in range(len(grid)) for c in range(len(grid)) if grid[r][c] == 0]
    counter = [0]
    solved = fill(grid, cells, 0, counter)
    return {"solved": solved, "grid": grid, "attempts": counter[0]}

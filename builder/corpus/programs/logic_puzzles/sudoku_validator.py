PROBLEM = """A Sudoku magazine checks readers' partially filled 9x9 grids before printing them. A grid is valid if no digit 1-9 repeats within any row, any column or any of the nine 3x3 boxes; "." marks an empty cell. Check a grid, list every conflict found (as "row r", "col c" or "box b" with the repeated digit), and count the empty cells."""
IO_REQUIREMENTS = """Input:
  grid (list of str): 9 strings of 9 characters, digits or ".".
Output:
  return (dict): {"valid": bool, "conflicts": list of str (sorted), "empty": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"grid": ["53..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1", "7...2...6", ".6....28.", "...419..5", "....8..79"]},
    {"grid": ["83..7....", "6..195...", ".98....6.", "8...6...3", "4..8.3..1", "7...2...6", ".6....28.", "...419..5", "....8..79"]},
    {"grid": [".........", ".........", ".........", ".........", ".........", ".........", ".........", ".........", "........."]},
]


def repeated_digits(cells):
    seen = set()
    repeats = set()
    for ch in cells:
        if ch == ".":
            continue
        if ch in seen:
            repeats.add(ch)
        seen.add(ch)
    return repeats


def main_solution(grid):
    conflicts = []
    for r in range(9):
        for digit in repeated_digits(grid[r]):
            conflicts.append("row " + str(r) + ": " + digit)
    for c in range(9):
        for digit in repeated_digits([grid[r][c] for r in range(9)]):
            conflicts.append("col " + str(c) + ": " + digit)
    for b in range(9):
        top, left = 3 * (b // 3), 3 * (b % 3)
        cells = [grid[r][c] for r in range(top, top + 3) for c in range(left, left + 3)]
        for digit in repeated_digits(cells):
            conflicts.append("box " + str(b) + ": " + digit)
    empty = sum(row.count(".") for row in grid)
    return {"valid": not conflicts, "conflicts": sorted(conflicts), "empty": empty}

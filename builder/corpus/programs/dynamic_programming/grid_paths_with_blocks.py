PROBLEM = """A delivery robot starts in the top-left cell of a warehouse grid and must reach the bottom-right cell, moving only right or down. Some cells hold shelves ("#") and cannot be entered; free cells are ".". Count the number of distinct routes by filling a table where each free cell's count is the sum of the counts above it and to its left."""
IO_REQUIREMENTS = """Input:
  grid (list of str): rows of equal length made of "." and "#", at most 6x6.
Output:
  return (dict): {"routes": int, "table": list of list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"grid": ["...", ".#.", "..."]},
    {"grid": ["....", "....", "...."]},
    {"grid": ["#.", ".."]},
    {"grid": ["..#..", ".....", "#..#.", "....."]},
]


def main_solution(grid):
    rows, cols = len(grid), len(grid[0])
    table = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "#":
                continue
            if r == 0 and c == 0:
                table[r][c] = 1
                continue
            from_above = table[r - 1][c] if r > 0 else 0
            from_left = table[r][c - 1] if c > 0 else 0
            table[r][c] = from_above + from_left
    return {"routes": table[rows - 1][cols - 1], "table": table}

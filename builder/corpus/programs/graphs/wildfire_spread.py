PROBLEM = """A forest map shows burning cells "F", trees "T" and empty ground ".". Every minute, fire spreads from each burning cell to the trees directly above, below, left and right of it. Using a multi-source breadth-first search that starts from all fires at once, find how many minutes until no more trees catch fire, and how many trees survive."""
IO_REQUIREMENTS = """Input:
  forest (list of str): rows of equal length, at most 6x6.
Output:
  return (dict): {"minutes": int, "burned": int (trees that caught fire), "survivors": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"forest": ["FTT", "TT.", ".TT"]},
    {"forest": ["TT.", "..F"]},
    {"forest": ["..."]},
    {"forest": ["T.TTF", "TTT.T", "F...T", "TT.TT"]},
]

from collections import deque


def main_solution(forest):
    grid = [list(row) for row in forest]
    queue = deque()
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == "F":
                queue.append((r, c, 0))
    minutes = 0
    burned = 0
    while queue:
        r, c, minute = queue.popleft()
        minutes = max(minutes, minute)
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < len(grid) and 0 <= nc < len(grid[0]) and grid[nr][nc] == "T":
                grid[nr][nc] = "F"
                burned += 1
                queue.append((nr, nc, minute + 1))
    survivors = sum(row.count("T") for row in grid)
    return {"minutes": minutes, "burned": burned, "survivors": survivors}

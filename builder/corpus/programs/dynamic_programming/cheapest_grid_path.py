PROBLEM = """A hiker crosses a rectangular map where each cell has an effort cost. Starting at the top-left cell and moving only right or down, the hiker wants to reach the bottom-right cell with the least total effort (including the first and last cells). Compute the minimal effort table and recover the path as a string of "R" and "D" moves."""
IO_REQUIREMENTS = """Input:
  costs (list of list of int): non-negative costs, at most 6x6, at least 1x1.
Output:
  return (dict): {"effort": int, "moves": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"costs": [[1, 3, 1], [1, 5, 1], [4, 2, 1]]},
    {"costs": [[7]]},
    {"costs": [[1, 2, 3, 4]]},
    {"costs": [[5, 1, 9, 2], [2, 8, 1, 1], [3, 2, 1, 7]]},
]


def fill(costs):
    rows, cols = len(costs), len(costs[0])
    best = [[0] * cols for _ in range(rows)]
    for r in range(rows):
        for c in range(cols):
            if r == 0 and c == 0:
                best[r][c] = costs[r][c]
            elif r == 0:
                best[r][c] = best[r][c - 1] + costs[r][c]
            elif c == 0:
                best[r][c] = best[r - 1][c] + costs[r][c]
            else:
                best[r][c] = min(best[r - 1][c], best[r][c - 1]) + costs[r][c]
    return best


def main_solution(costs):
    best = fill(costs)
    r, c = len(costs) - 1, len(costs[0]) - 1
    moves = []
    while r > 0 or c > 0:
        if r == 0 or (c > 0 and best[r][c - 1] <= best[r - 1][c]):
            moves.append("R")
            c -= 1
        else:
            moves.append("D")
            r -= 1
    return {"effort": best[-1][-1], "moves": "".join(reversed(moves))}

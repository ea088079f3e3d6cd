PROBLEM = """Langton's ant lives on an infinite grid of white cells, starting at (0, 0) facing up. At a white cell it turns 90 degrees right, at a black cell 90 degrees left; it then flips the colour of the cell it is on and moves forward one cell. Simulate a number of steps and report how many cells are black afterwards, the ant's position and heading, and the bounding box of the black cells."""
IO_REQUIREMENTS = """Input:
  steps (int): number of moves, 0 <= steps <= 400.
Output:
  return (dict): {"black_cells": int, "position": [x, y], "heading": str, "bounding_box": [min_x, min_y, max_x, max_y] or null}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"steps": 10},
    {"steps": 0},
    {"steps": 200},
    {"steps": 1},
]

HEADINGS = ["up", "right", "down", "left"]
MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def main_solution(steps):
    black = set()
    x, y, facing = 0, 0, 0
    for _ in range(steps):
        if (x, y) in black:
            facing = (facing - 1) % 4
            black.remove((x, y))
        else:
            facing = (facing + 1) % 4
            black.add((x, y))
        dx, dy = MOVES[facing]
        x, y = x + dx, y + dy
    box = None
    if black:
        xs = [cx for cx, _ in black]
        ys = [cy for _, cy in black]
        box = [min(xs), min(ys), max(xs), max(ys)]
    return {"black_cells": len(black), "position": [x, y], "heading": HEADINGS[facing], "bounding_box": box}

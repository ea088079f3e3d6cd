PROBLEM = """A maze is drawn as text rows where "#" is a wall, "." is open floor, "S" is the start and "E" is the exit. Moving one step up, down, left or right at a time, find the length of the shortest route from S to E with breadth-first search, and reconstruct the route as a string of moves (U, D, L, R)."""
IO_REQUIREMENTS = """Input:
  maze (list of str): rows of equal length containing exactly one "S" and one "E", at most 7x7.
Output:
  return (dict): {"steps": int (-1 if unreachable), "moves": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"maze": ["S.#", "..#", "#.E"]},
    {"maze": ["S#E"]},
    {"maze": ["S....", "####.", "E...."]},
    {"maze": ["S.#..", ".##.#", "...#E", "#.#..", "....."]},
]

from collections import deque

DIRECTIONS = [("U", -1, 0), ("D", 1, 0), ("L", 0, -1), ("R", 0, 1)]


def locate(maze, symbol):
    for r, row in enumerate(maze):
        c = row.find(symbol)
        if c >= 0:
            return (r, c)
    return None


def main_solution(maze):
    start, goal = locate(maze, "S"), locate(maze, "E")
    came_from = {start: None}
    queue = deque([start])
    while queue:
        cell = queue.popleft()
        if cell == goal:
            break
        for name, dr, dc in DIRECTIONS:
            r, c = cell[0] + dr, cell[1] + dc
            if 0 <= r < len(maze) and 0 <= c < len(maze[0]) and maze[r][c] != "#" and (r, c) not in came_from:
                came_from[(r, c)] = (cell, name)
                queue.append((r, c))
    if goal not in came_from:
        return {"steps": -1, "moves": ""}
    moves = []
    cell = goal
    while came_from[cell] is not None:
        cell, name = came_from[cell]
        moves.append(name)
    return {"steps": len(moves), "moves": "".join(reversed(moves))}

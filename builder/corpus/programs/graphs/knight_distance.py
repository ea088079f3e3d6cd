PROBLEM = """On a chessboard of a given size, a knight moves in an L shape (two squares one way, one square perpendicular). What is the minimum number of moves for the knight to travel from one square to another? Search outward from the start square with breadth-first search, stopping as soon as the target is reached. Squares are written like "a1" with columns a, b, c, ... and rows 1, 2, 3, ..."""
IO_REQUIREMENTS = """Input:
  size (int): board size, 4 <= size <= 8.
  start (str): starting square such as "a1".
  target (str): target square.
Output:
  return (dict): {"moves": int (-1 if unreachable), "explored": int (squares taken from the queue)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"size": 8, "start": "a1", "target": "b3"},
    {"size": 8, "start": "a1", "target": "h8"},
    {"size": 5, "start": "c3", "target": "c3"},
    {"size": 4, "start": "a1", "target": "d4"},
]

from collections import deque

JUMPS = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)]


def parse(square):
    return ord(square[0]) - ord("a"), int(square[1:]) - 1


def main_solution(size, start, target):
    origin, goal = parse(start), parse(target)
    distance = {origin: 0}
    queue = deque([origin])
    explored = 0
    while queue:
        square = queue.popleft()
        explored += 1
        if square == goal:
            return {"moves": distance[square], "explored": explored}
        for dx, dy in JUMPS:
            x, y = square[0] + dx, square[1] + dy
            if 0 <= x < size and 0 <= y < size and (x, y) not in distance:
                distance[(x, y)] = distance[square] + 1
                queue.append((x, y))
    return {"moves": -1, "explored": explored}

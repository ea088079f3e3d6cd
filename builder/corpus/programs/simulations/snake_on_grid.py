PROBLEM = """In a simple snake game on a walled grid, the snake starts as a single segment at the top-left cell and moves according to a list of directions (U, D, L, R). Eating a food item makes it grow by one segment; food items appear one after another at the listed positions, the next one appearing when the current one is eaten. The game ends if the snake hits a wall or its own body. Report the score, the final length and whether the game ended early."""
IO_REQUIREMENTS = """Input:
  width (int): grid width, >= 2.
  height (int): grid height, >= 2.
  food (list of list of int): [row, col] positions in order of appearance.
  moves (str): the directions.
Output:
  return (dict): {"score": int, "length": int, "game_over": bool, "moves_made": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"width": 3, "height": 2, "food": [[1, 2], [0, 1]], "moves": "RDRUL"},
    {"width": 4, "height": 4, "food": [], "moves": "RRRR"},
    {"width": 5, "height": 5, "food": [[0, 1], [0, 2], [0, 3], [1, 3]], "moves": "RRRDLU"},
    {"width": 2, "height": 2, "food": [], "moves": ""},
]

from collections import deque

DELTAS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


def main_solution(width, height, food, moves):
    body = deque([(0, 0)])
    occupied = {(0, 0)}
    food_index = 0
    made = 0
    for move in moves:
        dr, dc = DELTAS[move]
        head = (body[0][0] + dr, body[0][1] + dc)
        made += 1
        if not (0 <= head[0] < height and 0 <= head[1] < width):
            return {"score": food_index, "length": len(body), "game_over": True, "moves_made": made}
        eating = food_index < len(food) and list(head) == food[food_index]
        if not eating:
            occupied.discard(body.pop())
        if head in occupied:
            return {"score": food_index, "length": len(body), "game_over": True, "moves_made": made}
        body.appendleft(head)
        occupied.add(head)
        if eating:
            food_index += 1
    return {"score": food_index, "length": len(body), "game_over": False, "moves_made": made}

PROBLEM = """An arcade keeps a leaderboard of the top scores in descending order, limited to a fixed size. New scores arrive one by one; each is inserted at the correct rank (after existing equal scores) using binary search on the negated scores, and the board is trimmed to its size. Report the final board and, for each new score, the rank it got (1-based) or 0 if it did not make the board."""
IO_REQUIREMENTS = """Input:
  board (list of int): current scores in descending order.
  new_scores (list of int): scores arriving in order.
  size (int): maximum number of entries, >= 1.
Output:
  return (dict): {"board": list of int, "ranks": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"board": [900, 750, 600], "new_scores": [800, 500, 950], "size": 4},
    {"board": [], "new_scores": [10, 20], "size": 1},
    {"board": [50, 40], "new_scores": [40, 30, 60], "size": 3},
    {"board": [100], "new_scores": [], "size": 5},
]

import bisect


def insert_score(board, score, size):
    negated = [-s for s in board]
    position = bisect.bisect_right(negated, -score)
    if position >= size:
        return 0
    board.insert(position, score)
    del board[size:]
    return position + 1


def main_solution(board, new_scores, size):
    current = list(board)
    ranks = []
    for score in new_scores:
        ranks.append(insert_score(current, score, size))
    return {"board": current, "ranks": ranks}

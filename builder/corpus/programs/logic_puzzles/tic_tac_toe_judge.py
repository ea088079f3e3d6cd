PROBLEM = """A referee inspects a finished or ongoing tic-tac-toe board. X always moves first, so the number of X marks must equal the number of O marks or exceed it by one. Decide whether the board is legal, who has won (if anyone), and whether the game is still in progress. A board where both players have three in a row, or where the winner's move count is inconsistent, is illegal."""
IO_REQUIREMENTS = """Input:
  board (list of str): 3 strings of 3 characters from "X", "O", ".".
Output:
  return (dict): {"legal": bool, "winner": "X" | "O" | null, "status": "won" | "draw" | "in progress" | "illegal"}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"board": ["XOX", ".XO", "O.X"]},
    {"board": ["XXX", "OO.", "..."]},
    {"board": ["XOX", "XOO", "OXX"]},
    {"board": ["OOO", "XX.", "X.."]},
    {"board": ["...", "...", "..."]},
]

LINES = [[(0, 0), (0, 1), (0, 2)], [(1, 0), (1, 1), (1, 2)], [(2, 0), (2, 1), (2, 2)],
         [(0, 0), (1, 0), (2, 0)], [(0, 1), (1, 1), (2, 1)], [(0, 2), (1, 2), (2, 2)],
         [(0, 0), (1, 1), (2, 2)], [(0, 2), (1, 1), (2, 0)]]


def has_line(board, mark):
    for line in LINES:
        if all(board[r][c] == mark for r, c in line):
            return True
    return False


def main_solution(board):
    x_count = sum(row.count("X") for row in board)
    o_count = sum(row.count("O") for row in board)
    x_wins, o_wins = has_line(board, "X"), has_line(board, "O")
    legal = o_count <= x_count <= o_count + 1
    if x_wins and o_wins:
        legal = False
    if x_wins and x_count != o_count + 1:
        legal = False
    if o_wins and x_count != o_count:
        legal = False
    if not legal:
        return {"legal": False, "winner": None, "status": "illegal"}
    if x_wins or o_wins:
        return {"legal": True, "winner": "X" if x_wins else "O", "status": "won"}
    status = "draw" if x_count + o_count == 9 else "in progress"
    return {"legal": True, "winner": None, "status": status}

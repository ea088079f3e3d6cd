PROBLEM = """Move a stack of discs from peg A to peg C using peg B, moving one disc at a time and never placing a larger disc on a smaller one. Solve it recursively: move the top n-1 discs out of the way, move the largest disc, then move the n-1 discs on top of it. Return the list of moves and verify the move count equals 2^n - 1."""
IO_REQUIREMENTS = """Input:
  discs (int): number of discs, 0 <= discs <= 5.
Output:
  return (dict): {"moves": list of str (like "1:A->C", disc number then pegs), "count": int, "optimal": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"discs": 3},
    {"discs": 1},
    {"discs": 0},
    {"discs": 4},
]


def solve(n, source, spare, target, moves):
    if n == 0:
        return
    solve(n - 1, source, target, spare, moves)
    moves.append(str(n) + ":" + source + "->" + target)
    solve(n - 1, spare, source, target, moves)


def main_solution(discs):
    moves = []
    solve(discs, "A", "B", "C", moves)
    return {"moves": moves, "count": len(moves), "optimal": len(moves) == 2 ** discs - 1}

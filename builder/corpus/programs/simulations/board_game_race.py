PROBLEM = """Players race along a board of squares numbered 0 to the finish. Dice rolls come from a deterministic linear congruential generator (seed -> (seed * 1103515245 + 12345) mod 2**31, roll = seed mod 6 + 1), so the game can be replayed exactly. Players take turns in order; landing on a ladder's bottom or a snake's head moves the player to the other end, and a roll that would overshoot the finish is skipped. Who wins, and after how many turns?"""
IO_REQUIREMENTS = """Input:
  players (list of str): player names in turn order.
  finish (int): the last square, 10 <= finish <= 60.
  jumps (dict): str(square) -> destination square for ladders and snakes.
  seed (int): initial generator state, >= 0.
Output:
  return (dict): {"winner": str or null (null if nobody finishes within 300 turns), "turns": int, "positions": dict name -> int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"players": ["red", "blue"], "finish": 30, "jumps": {"3": 11, "6": 17, "22": 9, "27": 1}, "seed": 42},
    {"players": ["solo"], "finish": 10, "jumps": {}, "seed": 7},
    {"players": ["ann", "bo", "cy"], "finish": 40, "jumps": {"5": 25, "12": 2, "33": 38, "39": 20}, "seed": 2024},
]


def roll(seed):
    seed = (seed * 1103515245 + 12345) % (2 ** 31)
    return seed, seed % 6 + 1


def main_solution(players, finish, jumps, seed):
    positions = {name: 0 for name in players}
    for turn in range(1, 301):
        name = players[(turn - 1) % len(players)]
        seed, value = roll(seed)
        target = positions[name] + value
        if target > finish:
            continue
        target = jumps.get(str(target), target)
        positions[name] = target
        if target == finish:
            return {"winner": name, "turns": turn, "positions": positions}
    return {"winner": None, "turns": 300, "positions": positions}

PROBLEM = """A coach lines up players by height using selection sort: repeatedly find the shortest remaining player (the one listed first among equal heights) and swap them into the next position. Return the names in the final order, and the list of swaps performed as pairs of positions (only swaps of two different positions count)."""
IO_REQUIREMENTS = """Input:
  players (list of dict): each {"name": str, "height": int}.
Output:
  return (dict): {"order": list of str, "swaps": list of [i, j]}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"players": [{"name": "Ada", "height": 172}, {"name": "Bo", "height": 160}, {"name": "Cy", "height": 181}, {"name": "Di", "height": 165}]},
    {"players": [{"name": "Eve", "height": 150}, {"name": "Fin", "height": 155}]},
    {"players": []},
    {"players": [{"name": "Gil", "height": 170}, {"name": "Hu", "height": 170}, {"name": "Ivy", "height": 168}]},
]


def index_of_shortest(players, start):
    best = start
    for i in range(start + 1, len(players)):
        if players[i]["height"] < players[best]["height"]:
            best = i
    return best


def main_solution(players):
    line = list(players)
    swaps = []
    for position in range(len(line)):
        shortest = index_of_shortest(line, position)
        if shortest != position:
            line[position], line[shortest] = line[shortest], line[position]
            swaps.append([position, shortest])
    return {"order": [p["name"] for p in line], "swaps": swaps}

PROBLEM = """A courier company wants a table of shortest travel times between all pairs of its depots. One-way travel times are given for some pairs. Fill the distance matrix with the Floyd-Warshall algorithm, allowing each depot in turn as an intermediate stop. Unreachable pairs are reported as -1, and the depot with the smallest worst-case travel time to the others is named the best hub."""
IO_REQUIREMENTS = """Input:
  count (int): number of depots, 1 <= count <= 5, numbered 0..count-1.
  times (list of list of int): each [from, to, minutes].
Output:
  return (dict): {"matrix": list of list of int, "hub": int or null (null if no depot reaches all others)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"count": 4, "times": [[0, 1, 5], [1, 2, 3], [2, 3, 1], [0, 3, 10], [3, 0, 2]]},
    {"count": 1, "times": []},
    {"count": 3, "times": [[0, 1, 4]]},
    {"count": 3, "times": [[0, 1, 1], [1, 0, 1], [1, 2, 1], [2, 1, 1]]},
]

INFINITY = float("inf")


def main_solution(count, times):
    dist = [[0 if i == j else INFINITY for j in range(count)] for i in range(count)]
    for a, b, minutes in times:
        dist[a][b] = min(dist[a][b], minutes)
    for via in range(count):
        for i in range(count):
            for j in range(count):
                if dist[i][via] + dist[via][j] < dist[i][j]:
                    dist[i][j] = dist[i][via] + dist[via][j]
    hub = None
    hub_worst = INFINITY
    for i in range(count):
        worst = max(dist[i])
        if worst < hub_worst:
            hub, hub_worst = i, worst
    matrix = [[-1 if d == INFINITY else int(d) for d in row] for row in dist]
    return {"matrix": matrix, "hub": hub}

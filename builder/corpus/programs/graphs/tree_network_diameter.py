PROBLEM = """A set of computers is wired as a tree (every pair connected by exactly one path). The network's diameter is the largest number of hops between any two computers. Find it with two breadth-first searches: first from any computer to find the farthest one, then from that one to find the farthest again. Report the diameter and the two endpoints (smaller label first)."""
IO_REQUIREMENTS = """Input:
  count (int): number of computers labelled 0..count-1, >= 1.
  cables (list of list of int): count-1 pairs [a, b].
Output:
  return (dict): {"diameter": int, "endpoints": [int, int]}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"count": 6, "cables": [[0, 1], [1, 2], [1, 3], [3, 4], [4, 5]]},
    {"count": 1, "cables": []},
    {"count": 5, "cables": [[0, 1], [0, 2], [0, 3], [0, 4]]},
    {"count": 7, "cables": [[0, 1], [1, 2], [2, 3], [1, 4], [4, 5], [5, 6]]},
]

from collections import deque


def farthest_from(start, neighbours):
    distance = {start: 0}
    queue = deque([start])
    far = start
    while queue:
        node = queue.popleft()
        if distance[node] > distance[far] or (distance[node] == distance[far] and node < far):
            far = node
        for nxt in neighbours[node]:
            if nxt not in distance:
                distance[nxt] = distance[node] + 1
                queue.append(nxt)
    return far, distance[far]


def main_solution(count, cables):
    neighbours = [[] for _ in range(count)]
    for a, b in cables:
        neighbours[a].append(b)
        neighbours[b].append(a)
    end_a, _ = farthest_from(0, neighbours)
    end_b, diameter = farthest_from(end_a, neighbours)
    return {"diameter": diameter, "endpoints": sorted([end_a, end_b])}

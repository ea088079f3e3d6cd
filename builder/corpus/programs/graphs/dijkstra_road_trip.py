PROBLEM = """A road map lists two-way roads between towns with their lengths in kilometres. Find the shortest driving distance from a starting town to a destination using Dijkstra's algorithm with a priority queue, and the sequence of towns along that route. If the destination cannot be reached, say so."""
IO_REQUIREMENTS = """Input:
  roads (list of list): each [town_a (str), town_b (str), km (int > 0)].
  start (str): starting town.
  goal (str): destination town.
Output:
  return (dict): {"distance": int (-1 if unreachable), "route": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"roads": [["A", "B", 7], ["A", "C", 9], ["A", "F", 14], ["B", "C", 10], ["B", "D", 15], ["C", "D", 11], ["C", "F", 2], ["D", "E", 6], ["E", "F", 9]], "start": "A", "goal": "E"},
    {"roads": [["X", "Y", 3]], "start": "X", "goal": "Z"},
    {"roads": [["P", "Q", 1]], "start": "P", "goal": "P"},
    {"roads": [["home", "mill", 4], ["mill", "lake", 4], ["home", "lake", 9], ["lake", "peak", 2], ["mill", "peak", 7]], "start": "home", "goal": "peak"},
]

import heapq


def build_graph(roads):
    graph = {}
    for a, b, km in roads:
        graph.setdefault(a, []).append((b, km))
        graph.setdefault(b, []).append((a, km))
    return graph


def main_solution(roads, start, goal):
    graph = build_graph(roads)
    best = {start: 0}
    previous = {}
    queue = [(0, start)]
    while queue:
        distance, town = heapq.heappop(queue)
        if town == goal:
            break
        if distance > best[town]:
            continue
        for neighbour, km in graph.get(town, []):
            candidate = distance + km
            if neighbour not in best or candidate < best[neighbour]:
                best[neighbour] = candidate
                previous[neighbour] = town
                heapq.heappush(queue, (candidate, neighbour))
    if goal not in best:
        return {"distance": -1, "route": []}
    route = [goal]
    while route[-1] != start:
        route.append(previous[route[-1]])
    route.reverse()
    return {"distance": best[goal], "route": route}

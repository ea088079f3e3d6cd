PROBLEM = """In a power grid, a cable is critical if cutting it splits the grid into disconnected parts. Find all critical cables with Tarjan's bridge-finding method: a depth-first search records each station's discovery time and the lowest discovery time reachable from its subtree; a tree edge (u, v) is a bridge when low[v] > disc[u]. Report the bridges sorted."""
IO_REQUIREMENTS = """Input:
  stations (int): number of stations labelled 0..stations-1.
  cables (list of list of int): undirected pairs [a, b], no duplicates.
Output:
  return (dict): {"bridges": list of [a, b] with a < b, sorted}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"stations": 5, "cables": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 4]]},
    {"stations": 4, "cables": [[0, 1], [1, 2], [2, 3], [3, 0]]},
    {"stations": 2, "cables": [[0, 1]]},
    {"stations": 7, "cables": [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [5, 6]]},
]


def dfs(node, parent, graph, disc, low, clock, bridges):
    disc[node] = low[node] = clock[0]
    clock[0] += 1
    for nxt in graph[node]:
        if nxt == parent:
            continue
        if disc[nxt] == -1:
            dfs(nxt, node, graph, disc, low, clock, bridges)
            low[node] = min(low[node], low[nxt])
            if low[nxt] > disc[node]:
                bridges.append(sorted([node, nxt]))
        else:
            low[node] = min(low[node], disc[nxt])


def main_solution(stations, cables):
    graph = [[] for _ in range(stations)]
    for a, b in cables:
        graph[a].append(b)
        graph[b].append(a)
    disc = [-1] * stations
    low = [0] * stations
    bridges = []
    for node in range(stations):
        if disc[node] == -1:
            dfs(node, -1, graph, disc, low, [0], bridges)
    return {"bridges": sorted(bridges)}

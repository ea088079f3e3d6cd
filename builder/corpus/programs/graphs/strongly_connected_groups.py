PROBLEM = """On a one-way street map, two intersections belong to the same district if each can be reached from the other. Find the districts (strongly connected components) with Kosaraju's algorithm: record the finishing order of a depth-first search, then search the reversed map in reverse finishing order. Return districts with sorted members, ordered by their smallest member."""
IO_REQUIREMENTS = """Input:
  count (int): intersections labelled 0..count-1.
  streets (list of list of int): one-way pairs [from, to].
Output:
  return (dict): {"districts": list of list of int, "count": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"count": 5, "streets": [[0, 1], [1, 2], [2, 0], [1, 3], [3, 4]]},
    {"count": 3, "streets": []},
    {"count": 4, "streets": [[0, 1], [1, 2], [2, 3], [3, 0]]},
    {"count": 6, "streets": [[0, 1], [1, 0], [1, 2], [2, 3], [3, 2], [4, 5], [5, 4], [3, 4]]},
]


def finish_order(node, graph, seen, order):
    seen.add(node)
    for nxt in graph[node]:
        if nxt not in seen:
            finish_order(nxt, graph, seen, order)
    order.append(node)


def gather(node, reverse_graph, seen, members):
    seen.add(node)
    members.append(node)
    for nxt in reverse_graph[node]:
        if nxt not in seen:
            gather(nxt, reverse_graph, seen, members)


def main_solution(count, streets):
    graph = [[] for _ in range(count)]
    reverse_graph = [[] for _ in range(count)]
    for a, b in streets:
        graph[a].append(b)
        reverse_graph[b].append(a)
    order = []
    seen = set()
    for node in range(count):
        if node not in seen:
            finish_order(node, graph, seen, order)
    seen = set()
    districts = []
    for node in reversed(order):
        if node not in seen:
            members = []
            gather(node, reverse_graph, seen, members)
            districts.append(sorted(members))
    districts.sort()
    return {"districts": districts, "count": len(districts)}

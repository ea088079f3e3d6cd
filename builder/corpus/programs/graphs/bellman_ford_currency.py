PROBLEM = """A delivery network has one-way routes with costs that can be negative (a negative cost is a subsidy). Find the cheapest cost from a depot to every location with the Bellman-Ford algorithm, relaxing every route repeatedly. If one more round still improves something, a negative cycle exists and costs are unbounded."""
IO_REQUIREMENTS = """Input:
  locations (list of str): names.
  routes (list of list): each [from, to, cost (int)].
  depot (str): start location.
Output:
  return (dict): {"costs": dict name -> int or null (unreachable), "negative_cycle": bool, "rounds": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"locations": ["S", "A", "B", "C"], "routes": [["S", "A", 4], ["S", "B", 5], ["A", "C", 3], ["B", "A", -3], ["C", "B", 2]], "depot": "S"},
    {"locations": ["S", "T", "U"], "routes": [["S", "T", 1], ["T", "U", -2], ["U", "T", 1]], "depot": "S"},
    {"locations": ["S", "far"], "routes": [], "depot": "S"},
    {"locations": ["d", "e", "f", "g"], "routes": [["d", "e", 2], ["e", "f", 2], ["f", "g", -1], ["d", "g", 5]], "depot": "d"},
]


def relax_all(routes, cost):
    changed = False
    for source, target, price in routes:
        if cost[source] is not None and (cost[target] is None or cost[source] + price < cost[target]):
            cost[target] = cost[source] + price
            changed = True
    return changed


def main_solution(locations, routes, depot):
    cost = {name: None for name in locations}
    cost[depot] = 0
    rounds = 0
    for _ in range(len(locations) - 1):
        rounds += 1
        if not relax_all(routes, cost):
            break
    negative_cycle = relax_all(routes, dict(cost))
    return {"costs": cost, "negative_cycle": negative_cycle, "rounds": rounds}

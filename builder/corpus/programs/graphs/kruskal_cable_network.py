PROBLEM = """An internet provider wants to connect all villages with cable at the lowest total cost. Possible cable links and their costs are given. Use Kruskal's algorithm: consider links from cheapest to most expensive (ties broken by village names) and keep a link only if it joins two villages that are not yet connected, tracked with a union-find structure."""
IO_REQUIREMENTS = """Input:
  villages (list of str): village names.
  links (list of list): each [village_a, village_b, cost (int)].
Output:
  return (dict): {"cost": int, "used": list of [a, b, cost], "connected": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"villages": ["A", "B", "C", "D"], "links": [["A", "B", 1], ["B", "C", 4], ["A", "C", 3], ["C", "D", 2], ["B", "D", 5]]},
    {"villages": ["P", "Q", "R"], "links": [["P", "Q", 7]]},
    {"villages": ["solo"], "links": []},
    {"villages": ["n1", "n2", "n3", "n4", "n5"], "links": [["n1", "n2", 3], ["n1", "n3", 3], ["n2", "n3", 1], ["n3", "n4", 6], ["n4", "n5", 2], ["n2", "n5", 6], ["n1", "n5", 9]]},
]


def find(parent, village):
    while parent[village] != village:
        parent[village] = parent[parent[village]]
        village = parent[village]
    return village


def main_solution(villages, links):
    parent = {v: v for v in villages}
    ordered = sorted(links, key=lambda link: (link[2], link[0], link[1]))
    used = []
    total = 0
    for a, b, cost in ordered:
        root_a, root_b = find(parent, a), find(parent, b)
        if root_a != root_b:
            parent[root_b] = root_a
            used.append([a, b, cost])
            total += cost
    return {"cost": total, "used": used, "connected": len(used) == len(villages) - 1}

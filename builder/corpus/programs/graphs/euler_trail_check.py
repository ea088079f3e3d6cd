PROBLEM = """A postman wants to walk along every street of a neighbourhood exactly once. This is possible (an Euler trail) if all streets are connected and either no corner or exactly two corners have an odd number of streets meeting there. Check these conditions and, when a trail exists, construct one with Hierholzer's algorithm, starting from an odd corner if there is one (otherwise the smallest label) and always taking the smallest-labelled unused street first."""
IO_REQUIREMENTS = """Input:
  streets (list of list of int): undirected pairs [a, b] of corner labels, at least one street.
Output:
  return (dict): {"odd_corners": list of int, "possible": bool, "trail": list of int (corners visited)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"streets": [[0, 1], [1, 2], [2, 0], [2, 3]]},
    {"streets": [[1, 2], [2, 3], [3, 4], [4, 1]]},
    {"streets": [[0, 1], [0, 2], [0, 3]]},
    {"streets": [[0, 1], [2, 3]]},
]


def connected(adjacency):
    corners = sorted(adjacency)
    seen = {corners[0]}
    stack = [corners[0]]
    while stack:
        corner = stack.pop()
        for nxt in adjacency[corner]:
            if nxt not in seen:
                seen.add(nxt)
                stack.append(nxt)
    return len(seen) == len(corners)


def hierholzer(adjacency, start):
    remaining = {corner: sorted(adjacency[corner]) for corner in adjacency}
    stack, trail = [start], []
    while stack:
        corner = stack[-1]
        if remaining[corner]:
            nxt = remaining[corner].pop(0)
            remaining[nxt].remove(corner)
            stack.append(nxt)
        else:
            trail.append(stack.pop())
    return trail[::-1]


def main_solution(streets):
    adjacency = {}
    for a, b in streets:
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    odd = sorted(c for c in adjacency if len(adjacency[c]) % 2 == 1)
    possible = len(odd) in (0, 2) and connected(adjacency)
    if not possible:
        return {"odd_corners": odd, "possible": False, "trail": []}
    start = odd[0] if odd else min(adjacency)
    return {"odd_corners": odd, "possible": True, "trail": hierholzer(adjacency, start)}

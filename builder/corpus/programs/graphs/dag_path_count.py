PROBLEM = """A hiking map shows one-way trails between waypoints, and the trails never loop back. Count how many different routes lead from the trailhead to the summit, and find the longest route measured in number of trails. Use a recursive search that memoises, for each waypoint, the number of routes and the longest length from there to the summit."""
IO_REQUIREMENTS = """Input:
  trails (dict): waypoint -> list of waypoints reachable by one trail.
  start (str): the trailhead.
  goal (str): the summit.
Output:
  return (dict): {"routes": int, "longest": int (-1 if no route)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"trails": {"base": ["camp1", "camp2"], "camp1": ["ridge", "summit"], "camp2": ["ridge"], "ridge": ["summit"], "summit": []}, "start": "base", "goal": "summit"},
    {"trails": {"a": ["b"], "b": [], "c": []}, "start": "a", "goal": "c"},
    {"trails": {"top": []}, "start": "top", "goal": "top"},
    {"trails": {"s": ["a", "b", "c"], "a": ["d"], "b": ["d", "e"], "c": ["e"], "d": ["t"], "e": ["d", "t"], "t": []}, "start": "s", "goal": "t"},
]


def explore(node, goal, trails, memo):
    if node == goal:
        return 1, 0
    if node in memo:
        return memo[node]
    routes = 0
    longest = -1
    for nxt in trails.get(node, []):
        sub_routes, sub_longest = explore(nxt, goal, trails, memo)
        routes += sub_routes
        if sub_longest >= 0:
            longest = max(longest, sub_longest + 1)
    memo[node] = (routes, longest)
    return routes, longest


def main_solution(trails, start, goal):
    routes, longest = explore(start, goal, trails, {})
    return {"routes": routes, "longest": longest}

PROBLEM = """In a small social network, friendships are listed as pairs of names. Two people belong to the same group if they are connected through a chain of friendships. Using depth-first search, find all groups, each listed with its members sorted alphabetically, and the groups ordered by size (largest first) and then by their first member. People with no friends form groups of one."""
IO_REQUIREMENTS = """Input:
  people (list of str): all names.
  friendships (list of list of str): pairs [a, b] of names from people.
Output:
  return (dict): {"groups": list of list of str, "largest": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"people": ["ann", "bob", "cat", "dan", "eve"], "friendships": [["ann", "bob"], ["cat", "dan"], ["bob", "eve"]]},
    {"people": ["solo"], "friendships": []},
    {"people": ["a", "b", "c", "d"], "friendships": [["a", "b"], ["b", "c"], ["c", "d"], ["d", "a"]]},
    {"people": ["p", "q", "r", "s", "t", "u"], "friendships": [["u", "t"], ["p", "r"]]},
]


def build_adjacency(people, friendships):
    adjacency = {name: [] for name in people}
    for a, b in friendships:
        adjacency[a].append(b)
        adjacency[b].append(a)
    return adjacency


def collect(start, adjacency, seen):
    group = []
    stack = [start]
    seen.add(start)
    while stack:
        person = stack.pop()
        group.append(person)
        for friend in adjacency[person]:
            if friend not in seen:
                seen.add(friend)
                stack.append(friend)
    return sorted(group)


def main_solution(people, friendships):
    adjacency = build_adjacency(people, friendships)
    seen = set()
    groups = []
    for person in people:
        if person not in seen:
            groups.append(collect(person, adjacency, seen))
    groups.sort(key=lambda g: (-len(g), g[0]))
    return {"groups": groups, "largest": len(groups[0]) if groups else 0}

PROBLEM = """A teacher wants to split students into two teams so that no two students who dislike each other end up on the same team. Treat the dislikes as edges of a graph and try to colour it with two colours using breadth-first search. Return the two teams (sorted) if possible, otherwise a dislike pair that makes it impossible."""
IO_REQUIREMENTS = """Input:
  students (list of str): names.
  dislikes (list of list of str): pairs of names.
Output:
  return (dict): {"possible": bool, "team_a": list of str, "team_b": list of str, "conflict": list of str (empty if possible)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"students": ["ava", "ben", "cal", "dee"], "dislikes": [["ava", "ben"], ["ben", "cal"], ["cal", "dee"]]},
    {"students": ["x", "y", "z"], "dislikes": [["x", "y"], ["y", "z"], ["z", "x"]]},
    {"students": ["lone", "pair1", "pair2"], "dislikes": [["pair1", "pair2"]]},
    {"students": [], "dislikes": []},
]

from collections import deque


def main_solution(students, dislikes):
    neighbours = {name: [] for name in students}
    for a, b in dislikes:
        neighbours[a].append(b)
        neighbours[b].append(a)
    team = {}
    for first in students:
        if first in team:
            continue
        team[first] = 0
        queue = deque([first])
        while queue:
            person = queue.popleft()
            for other in neighbours[person]:
                if other not in team:
                    team[other] = 1 - team[person]
                    queue.append(other)
                elif team[other] == team[person]:
                    return {"possible": False, "team_a": [], "team_b": [], "conflict": sorted([person, other])}
    team_a = sorted(name for name in students if team[name] == 0)
    team_b = sorted(name for name in students if team[name] == 1)
    return {"possible": True, "team_a": team_a, "team_b": team_b, "conflict": []}

PROBLEM = """You have two jugs with given capacities and an unlimited tap. You may fill a jug, empty a jug, or pour one into the other until the source is empty or the target is full. Find the shortest sequence of actions that leaves exactly the target amount in either jug, using breadth-first search over (jug A, jug B) states, or report that it is impossible."""
IO_REQUIREMENTS = """Input:
  capacity_a (int): capacity of jug A, >= 1.
  capacity_b (int): capacity of jug B, >= 1.
  target (int): amount wanted, >= 0.
Output:
  return (dict): {"steps": int (-1 if impossible), "actions": list of str, "states_explored": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"capacity_a": 3, "capacity_b": 5, "target": 4},
    {"capacity_a": 2, "capacity_b": 6, "target": 5},
    {"capacity_a": 4, "capacity_b": 9, "target": 0},
    {"capacity_a": 7, "capacity_b": 11, "target": 6},
]

from collections import deque


def successors(a, b, cap_a, cap_b):
    pour_ab = min(a, cap_b - b)
    pour_ba = min(b, cap_a - a)
    return [
        ("fill A", (cap_a, b)),
        ("fill B", (a, cap_b)),
        ("empty A", (0, b)),
        ("empty B", (a, 0)),
        ("pour A->B", (a - pour_ab, b + pour_ab)),
        ("pour B->A", (a + pour_ba, b - pour_ba)),
    ]


def main_solution(capacity_a, capacity_b, target):
    start = (0, 0)
    previous = {start: None}
    queue = deque([start])
    explored = 0
    while queue:
        state = queue.popleft()
        explored += 1
        if target in state:
            actions = []
            while previous[state] is not None:
                state, action = previous[state]
                actions.append(action)
            return {"steps": len(actions), "actions": actions[::-1], "states_explored": explored}
        for action, nxt in successors(state[0], state[1], capacity_a, capacity_b):
            if nxt not in previous:
                previous[nxt] = (state, action)
                queue.append(nxt)
    return {"steps": -1, "actions": [], "states_explored": explored}

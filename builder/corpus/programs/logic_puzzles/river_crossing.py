PROBLEM = """A farmer must ferry a wolf, a goat and a cabbage across a river in a boat that holds the farmer and at most one passenger. The wolf may never be left alone with the goat, nor the goat with the cabbage, on either bank without the farmer. Find the shortest plan with breadth-first search over which bank each of the four is on, trying passengers in the order: nobody, wolf, goat, cabbage."""
IO_REQUIREMENTS = """Input:
  forbidden (list of list of str): pairs that may not be left alone, e.g. [["wolf", "goat"], ["goat", "cabbage"]].
Output:
  return (dict): {"crossings": int (-1 if impossible), "plan": list of str (passenger taken on each crossing, "nobody" for an empty trip)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"forbidden": [["wolf", "goat"], ["goat", "cabbage"]]},
    {"forbidden": []},
    {"forbidden": [["wolf", "goat"], ["goat", "cabbage"], ["wolf", "cabbage"]]},
]

from collections import deque

ITEMS = ["wolf", "goat", "cabbage"]


def safe(state, forbidden):
    farmer = state[0]
    banks = dict(zip(ITEMS, state[1:]))
    for a, b in forbidden:
        if banks[a] == banks[b] and banks[a] != farmer:
            return False
    return True


def moves(state):
    farmer = state[0]
    result = [("nobody", (1 - farmer,) + state[1:])]
    for index, item in enumerate(ITEMS, start=1):
        if state[index] == farmer:
            new_state = list(state)
            new_state[0] = 1 - farmer
            new_state[index] = 1 - farmer
            result.append((item, tuple(new_state)))
    return result


def main_solution(forbidden):
    start, goal = (0, 0, 0, 0), (1, 1, 1, 1)
    previous = {start: None}
    queue = deque([start])
    while queue:
        state = queue.popleft()
        if state == goal:
            plan = []
            while previous[state] is not None:
                state, passenger = previous[state]
                plan.append(passenger)
            return {"crossings": len(plan), "plan": plan[::-1]}
        for passenger, nxt in moves(state):
            if nxt not in previous and safe(nxt, forbidden):
                previous[nxt] = (state, passenger)
                queue.append(nxt)
    return {"crossings": -1, "plan": []}

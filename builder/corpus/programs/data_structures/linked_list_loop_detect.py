PROBLEM = """A treasure hunt is a chain of clues where each clue points to the next one by index, or to -1 at the end. A badly made hunt may loop forever. Starting at clue 0, detect a loop with Floyd's tortoise and hare method (one pointer moves one step, the other two), and if there is a loop find the clue where it begins and the loop's length."""
IO_REQUIREMENTS = """Input:
  next_clue (list of int): next_clue[i] is the index after clue i, or -1; at least one clue.
Output:
  return (dict): {"has_loop": bool, "loop_start": int (-1 if none), "loop_length": int, "steps": int (pointer moves until meeting or reaching the end)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"next_clue": [1, 2, 3, 4, 2]},
    {"next_clue": [1, 2, -1]},
    {"next_clue": [0]},
    {"next_clue": [3, -1, 5, 6, 1, 7, 2, 4]},
]


def step(next_clue, index):
    if index == -1:
        return -1
    return next_clue[index]


def main_solution(next_clue):
    slow = fast = 0
    steps = 0
    while True:
        slow = step(next_clue, slow)
        fast = step(next_clue, step(next_clue, fast))
        steps += 1
        if fast == -1 or slow == -1:
            return {"has_loop": False, "loop_start": -1, "loop_length": 0, "steps": steps}
        if slow == fast:
            break
    slow = 0
    while slow != fast:
        slow = next_clue[slow]
        fast = next_clue[fast]
    length = 1
    probe = next_clue[slow]
    while probe != slow:
        probe = next_clue[probe]
        length += 1
    return {"has_loop": True, "loop_start": slow, "loop_length": length, "steps": steps}

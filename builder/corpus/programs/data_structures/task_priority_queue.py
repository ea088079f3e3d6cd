PROBLEM = """A to-do app keeps tasks in a priority queue keyed by (priority, insertion number), so that the most important task (lowest priority number) comes first and equal priorities are served first-come first-served. Process "add <priority> <task>", "done" (complete the top task) and "bump <task>" (raise a waiting task to priority 0, using lazy deletion of its old entry) commands, and report what was completed and what remains in order."""
IO_REQUIREMENTS = """Input:
  commands (list of str): commands as described; task names have no spaces.
Output:
  return (dict): {"completed": list of str, "remaining": list of str (in the order they would be completed)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"commands": ["add 2 laundry", "add 1 taxes", "add 3 email", "done", "bump email", "done", "done"]},
    {"commands": ["done"]},
    {"commands": ["add 5 a", "add 5 b", "add 5 c", "bump c"]},
    {"commands": ["add 1 x", "add 2 y", "bump y", "bump y", "done", "add 0 z", "done"]},
]

import heapq


def main_solution(commands):
    heap = []
    current = {}
    counter = 0
    completed = []
    for command in commands:
        parts = command.split()
        if parts[0] == "add" or parts[0] == "bump":
            name = parts[-1]
            priority = int(parts[1]) if parts[0] == "add" else 0
            counter += 1
            current[name] = counter
            heapq.heappush(heap, (priority, counter, name))
        else:
            while heap:
                priority, number, name = heapq.heappop(heap)
                if current.get(name) == number:
                    del current[name]
                    completed.append(name)
                    break
    remaining = [name for _, number, name in sorted(heap) if current.get(name) == number]
    return {"completed": completed, "remaining": remaining}

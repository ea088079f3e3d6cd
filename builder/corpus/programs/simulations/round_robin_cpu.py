PROBLEM = """An operating system schedules processes with round robin: processes wait in a queue in order of arrival (all arrive at time 0), each runs for at most one time quantum, and an unfinished process goes to the back of the queue. Print a line each time a process finishes, and report each process's completion time, the average turnaround time and the number of context switches (runs that were followed by a different process)."""
IO_REQUIREMENTS = """Input:
  bursts (dict): process name -> CPU time needed (int > 0), in queue order.
  quantum (int): time slice, >= 1.
Output:
  return (dict): {"completion": dict name -> int, "average_turnaround": float rounded to 2 decimals, "switches": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"bursts": {"P1": 5, "P2": 3, "P3": 8}, "quantum": 2},
    {"bursts": {"solo": 7}, "quantum": 3},
    {"bursts": {"A": 1, "B": 1, "C": 1}, "quantum": 5},
    {"bursts": {"edit": 4, "build": 9, "test": 6, "lint": 2}, "quantum": 3},
]

from collections import deque


def main_solution(bursts, quantum):
    queue = deque(bursts.items())
    clock = 0
    completion = {}
    switches = 0
    last = None
    while queue:
        name, remaining = queue.popleft()
        if last is not None and last != name:
            switches += 1
        run = min(quantum, remaining)
        clock += run
        last = name
        if remaining > run:
            queue.append((name, remaining - run))
        else:
            completion[name] = clock
            print(name, "finished at", clock)
    average = round(sum(completion.values()) / len(completion), 2)
    return {"completion": completion, "average_turnaround": average, "switches": switches}

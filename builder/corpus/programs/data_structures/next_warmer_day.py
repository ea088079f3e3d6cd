PROBLEM = """For each day in a list of daily temperatures, find how many days one must wait until a strictly warmer day (0 if it never comes). Use a monotonic stack of day indices whose temperatures are decreasing: when a warmer day arrives, pop every colder day from the stack and record the wait for it."""
IO_REQUIREMENTS = """Input:
  temperatures (list of int): daily temperatures.
Output:
  return (dict): {"waits": list of int, "max_stack": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"temperatures": [73, 74, 75, 71, 69, 72, 76, 73]},
    {"temperatures": [30, 40, 50, 60]},
    {"temperatures": [90, 80, 70]},
    {"temperatures": []},
]


def main_solution(temperatures):
    waits = [0] * len(temperatures)
    stack = []
    max_stack = 0
    for day, temperature in enumerate(temperatures):
        while stack and temperatures[stack[-1]] < temperature:
            colder_day = stack.pop()
            waits[colder_day] = day - colder_day
        stack.append(day)
        max_stack = max(max_stack, len(stack))
    return {"waits": waits, "max_stack": max_stack}

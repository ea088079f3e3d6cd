PROBLEM = """Starting from a positive integer, repeatedly halve it if it is even, or replace it by three times itself plus one if it is odd, until the value reaches 1. Count the steps taken, find the highest value reached along the way, and count how many of the steps were odd (3n+1) steps."""
IO_REQUIREMENTS = """Input:
  start (int): starting value, 1 <= start <= 10000.
Output:
  return (dict): {"steps": int, "peak": int, "odd_steps": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"start": 6},
    {"start": 1},
    {"start": 27},
    {"start": 97},
]


def next_value(n):
    if n % 2 == 0:
        return n // 2
    return 3 * n + 1


def main_solution(start):
    value = start
    steps = 0
    peak = start
    odd_steps = 0
    while value != 1:
        if value % 2 == 1:
            odd_steps += 1
        value = next_value(value)
        peak = max(peak, value)
        steps += 1
    return {"steps": steps, "peak": peak, "odd_steps": odd_steps}

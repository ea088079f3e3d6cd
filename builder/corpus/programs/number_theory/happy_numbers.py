PROBLEM = """Replace a number by the sum of the squares of its digits and repeat. If the process eventually reaches 1, the starting number is called happy; otherwise it falls into a cycle that never contains 1. For each number in a list, decide whether it is happy and how many steps it took to reach 1 or to revisit a value."""
IO_REQUIREMENTS = """Input:
  numbers (list of int): each >= 1.
Output:
  return (dict): {"happy": list of int, "steps": dict str(n) -> int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"numbers": [7, 4, 19]},
    {"numbers": [1]},
    {"numbers": [2, 13, 100]},
]


def square_digit_sum(n):
    total = 0
    while n > 0:
        n, digit = divmod(n, 10)
        total += digit * digit
    return total


def trace(n):
    seen = set()
    steps = 0
    while n != 1 and n not in seen:
        seen.add(n)
        n = square_digit_sum(n)
        steps += 1
    return n == 1, steps


def main_solution(numbers):
    happy = []
    steps = {}
    for n in numbers:
        is_happy, count = trace(n)
        steps[str(n)] = count
        if is_happy:
            happy.append(n)
    return {"happy": happy, "steps": steps}

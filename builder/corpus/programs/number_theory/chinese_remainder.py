PROBLEM = """A number of soldiers is counted in rows of different sizes, and for each row size we know how many soldiers are left over. Find the smallest non-negative number of soldiers consistent with all the remainders by combining the congruences one at a time (the Chinese Remainder Theorem, using sieving by the current step size). If two congruences contradict each other, report that there is no solution."""
IO_REQUIREMENTS = """Input:
  remainders (list of int): leftover for each row size, 0 <= r < size.
  sizes (list of int): row sizes, each >= 1, same length as remainders.
Output:
  return (dict): {"solution": int or null, "period": int (lcm of the sizes combined so far)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"remainders": [2, 3, 2], "sizes": [3, 5, 7]},
    {"remainders": [1, 2], "sizes": [4, 6]},
    {"remainders": [0], "sizes": [9]},
    {"remainders": [1, 1, 1, 0], "sizes": [2, 3, 4, 7]},
]

from math import gcd


def combine(value, step, remainder, size):
    for _ in range(size):
        if value % size == remainder:
            return value, step * size // gcd(step, size)
        value += step
    return None, step


def main_solution(remainders, sizes):
    value, step = 0, 1
    for remainder, size in zip(remainders, sizes):
        value, step = combine(value, step, remainder, size)
        if value is None:
            return {"solution": None, "period": step}
    return {"solution": value, "period": step}

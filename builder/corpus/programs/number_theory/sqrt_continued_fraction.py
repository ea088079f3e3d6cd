PROBLEM = """The square root of a non-square whole number has a periodic continued fraction [a0; a1, a2, ..., ak, ...]. Compute a0 and the repeating block with the classic integer recurrence m' = d*a - m, d' = (N - m'^2)/d, a' = (a0 + m')//d', stopping when a term equals 2*a0. Perfect squares have an empty period."""
IO_REQUIREMENTS = """Input:
  n (int): 1 <= n <= 10000.
Output:
  return (dict): {"a0": int, "period": list of int, "period_length": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 23},
    {"n": 2},
    {"n": 49},
    {"n": 139},
]

from math import isqrt


def main_solution(n):
    a0 = isqrt(n)
    if a0 * a0 == n:
        return {"a0": a0, "period": [], "period_length": 0}
    m, d, a = 0, 1, a0
    period = []
    while a != 2 * a0:
        m = d * a - m
        d = (n - m * m) // d
        a = (a0 + m) // d
        period.append(a)
    return {"a0": a0, "period": period, "period_length": len(period)}

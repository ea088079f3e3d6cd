PROBLEM = """How many structurally different binary search trees can hold the keys 1..n? Choosing each key as the root splits the remaining keys into a left and a right group, so the count for n is the sum over roots of count(left size) * count(right size). Fill this table bottom-up (these are the Catalan numbers) and compare with the closed formula C(2n, n) / (n + 1)."""
IO_REQUIREMENTS = """Input:
  n (int): number of keys, 0 <= n <= 15.
Output:
  return (dict): {"trees": int, "table": list of int (counts for 0..n), "formula_agrees": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 3},
    {"n": 0},
    {"n": 5},
    {"n": 12},
]

from math import comb


def main_solution(n):
    counts = [1] + [0] * n
    for size in range(1, n + 1):
        total = 0
        for root in range(1, size + 1):
            total += counts[root - 1] * counts[size - root]
        counts[size] = total
    formula = comb(2 * n, n) // (n + 1)
    return {"trees": counts[n], "table": counts, "formula_agrees": formula == counts[n]}

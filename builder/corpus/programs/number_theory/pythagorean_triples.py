PROBLEM = """A carpenter wants right-angled triangles with whole-number sides whose perimeter does not exceed a limit. Generate primitive triples with Euclid's formula a = m^2 - n^2, b = 2mn, c = m^2 + n^2 (m > n > 0, opposite parity, coprime), then add their multiples. List every triple (a <= b) sorted by perimeter and then by a."""
IO_REQUIREMENTS = """Input:
  max_perimeter (int): largest allowed perimeter, 0 <= max_perimeter <= 200.
Output:
  return (dict): {"triples": list of [a, b, c], "primitive_count": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"max_perimeter": 30},
    {"max_perimeter": 11},
    {"max_perimeter": 120},
]

from math import gcd


def primitive_triples(max_perimeter):
    found = []
    m = 2
    while 2 * m * (m + 1) <= max_perimeter:
        for n in range(1, m):
            if (m - n) % 2 == 1 and gcd(m, n) == 1:
                a, b, c = m * m - n * n, 2 * m * n, m * m + n * n
                if a + b + c <= max_perimeter:
                    found.append(sorted([a, b]) + [c])
        m += 1
    return found


def main_solution(max_perimeter):
    primitives = primitive_triples(max_perimeter)
    triples = []
    for a, b, c in primitives:
        k = 1
        while k * (a + b + c) <= max_perimeter:
            triples.append([k * a, k * b, k * c])
            k += 1
    triples.sort(key=lambda t: (sum(t), t[0]))
    return {"triples": triples, "primitive_count": len(primitives)}

PROBLEM = """Two different numbers are amicable if each equals the sum of the proper divisors of the other, like 220 and 284. Given a list of candidate numbers, find for each one its divisor-sum partner and report the amicable pairs found (each pair once, smaller number first), sorted."""
IO_REQUIREMENTS = """Input:
  candidates (list of int): numbers to test, each 1 <= n <= 20000.
Output:
  return (dict): {"partners": dict str(n) -> divisor sum of n, "pairs": list of [a, b]}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"candidates": [220, 284, 100]},
    {"candidates": [1184, 6]},
    {"candidates": [1]},
    {"candidates": [2620, 5020, 12]},
]


def divisor_sum(n):
    if n < 2:
        return 0
    total = 1
    d = 2
    while d * d <= n:
        if n % d == 0:
            total += d
            if d != n // d:
                total += n // d
        d += 1
    return total


def main_solution(candidates):
    partners = {}
    pairs = []
    for n in candidates:
        partner = divisor_sum(n)
        partners[str(n)] = partner
        if partner != n and divisor_sum(partner) == n:
            pair = sorted([n, partner])
            if pair not in pairs:
                pairs.append(pair)
    pairs.sort()
    return {"partners": partners, "pairs": pairs}

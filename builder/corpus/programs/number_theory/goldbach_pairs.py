PROBLEM = """Goldbach's conjecture says that every even number greater than 2 is the sum of two primes. For a given even number, list every way of writing it as p + q with p <= q both prime, and report the pair whose two primes are closest together. Odd numbers or numbers below 4 have no decomposition to report."""
IO_REQUIREMENTS = """Input:
  n (int): the number to decompose, 0 <= n <= 400.
Output:
  return (dict): {"pairs": list of [p, q], "closest": [p, q] or null}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 28},
    {"n": 4},
    {"n": 27},
    {"n": 100},
]


def is_prime(k):
    if k < 2:
        return False
    divisor = 2
    while divisor * divisor <= k:
        if k % divisor == 0:
            return False
        divisor += 1
    return True


def main_solution(n):
    pairs = []
    if n >= 4 and n % 2 == 0:
        for p in range(2, n // 2 + 1):
            if is_prime(p) and is_prime(n - p):
                pairs.append([p, n - p])
    closest = pairs[-1] if pairs else None
    return {"pairs": pairs, "closest": closest}

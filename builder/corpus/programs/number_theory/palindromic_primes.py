PROBLEM = """A palindromic prime reads the same forwards and backwards and is prime, like 131. Instead of testing every number, build palindromes directly from their first half (mirroring it, with or without a middle digit), keep those inside the range that are prime, and return them in increasing order."""
IO_REQUIREMENTS = """Input:
  low (int): lower bound (inclusive), >= 1.
  high (int): upper bound (inclusive), low <= high <= 5000.
Output:
  return (dict): {"primes": list of int, "palindromes_tested": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"low": 1, "high": 200},
    {"low": 900, "high": 1000},
    {"low": 300, "high": 800},
    {"low": 20, "high": 90},
]


def is_prime(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def palindromes_between(low, high):
    results = []
    for length in range(len(str(low)), len(str(high)) + 1):
        half_length = (length + 1) // 2
        for half in range(10 ** (half_length - 1), 10 ** half_length):
            text = str(half)
            tail = text[:-1] if length % 2 else text
            value = int(text + tail[::-1])
            if low <= value <= high:
                results.append(value)
    return sorted(results)


def main_solution(low, high):
    candidates = palindromes_between(low, high)
    primes = [n for n in candidates if is_prime(n)]
    return {"primes": primes, "palindromes_tested": len(candidates)}

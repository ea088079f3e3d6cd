PROBLEM = """Euler's totient of n counts the integers from 1 to n that share no common factor with n. Compute it from the prime factorisation using phi(n) = n * product of (1 - 1/p) over the distinct primes p dividing n, and verify the answer for small n by directly counting coprime numbers with a gcd check."""
IO_REQUIREMENTS = """Input:
  n (int): 1 <= n <= 10**8.
Output:
  return (dict): {"phi": int, "primes": list of int, "verified": bool or null (null when n > 200, too large to count directly)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 36},
    {"n": 1},
    {"n": 97},
    {"n": 99991000},
]

from math import gcd


def distinct_primes(n):
    primes = []
    candidate = 2
    while candidate * candidate <= n:
        if n % candidate == 0:
            primes.append(candidate)
            while n % candidate == 0:
                n //= candidate
        candidate += 1
    if n > 1:
        primes.append(n)
    return primes


def count_coprime(n):
    return sum(1 for k in range(1, n + 1) if gcd(k, n) == 1)


def main_solution(n):
    primes = distinct_primes(n)
    phi = n
    for p in primes:
        phi = phi // p * (p - 1)
    verified = None
    if n <= 200:
        verified = count_coprime(n) == phi
    return {"phi": phi, "primes": primes, "verified": verified}

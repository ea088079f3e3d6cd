PROBLEM = """A teacher wants a list of all prime numbers up to a limit, produced with the sieve of Eratosthenes: starting from 2, each number that is still unmarked is prime, and all of its multiples from its square onwards are crossed out. Return the primes, how many there are, and the largest gap between two consecutive primes in the list."""
IO_REQUIREMENTS = """Input:
  limit (int): upper bound (inclusive), 0 <= limit <= 500.
Output:
  return (dict): {"primes": list of int, "count": int, "largest_gap": int (0 if fewer than two primes)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"limit": 30},
    {"limit": 1},
    {"limit": 2},
    {"limit": 120},
]


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = False
    if limit >= 1:
        is_prime[1] = False
    number = 2
    while number * number <= limit:
        if is_prime[number]:
            for multiple in range(number * number, limit + 1, number):
                is_prime[multiple] = False
        number += 1
    return [n for n in range(limit + 1) if is_prime[n]]


def main_solution(limit):
    primes = sieve(limit)
    largest_gap = 0
    for index in range(1, len(primes)):
        gap = primes[index] - primes[index - 1]
        if gap > largest_gap:
            largest_gap = gap
    return {"primes": primes, "count": len(primes), "largest_gap": largest_gap}

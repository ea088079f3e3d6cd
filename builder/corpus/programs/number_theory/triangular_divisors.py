PROBLEM = """Triangular numbers are 1, 3, 6, 10, 15, ... (the k-th is k(k+1)/2). Find the first triangular number that has more than a given number of divisors. Since k and k+1 share no factor, the divisor count of k(k+1)/2 is the product of the divisor counts of its two coprime parts (halving whichever of k, k+1 is even); each part's count comes from its prime exponents: (e1+1)(e2+1)..."""
IO_REQUIREMENTS = """Input:
  more_than (int): the divisor count to exceed, 0 <= more_than <= 24.
Output:
  return (dict): {"index": int, "triangular": int, "divisors": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"more_than": 5},
    {"more_than": 0},
    {"more_than": 20},
    {"more_than": 10},
]


def count_divisors(n):
    count = 1
    p = 2
    while p * p <= n:
        exponent = 0
        while n % p == 0:
            n //= p
            exponent += 1
        count *= exponent + 1
        p += 1
    if n > 1:
        count *= 2
    return count


def coprime_parts(k):
    if k % 2 == 0:
        return k // 2, k + 1
    return k, (k + 1) // 2


def main_solution(more_than):
    index = 0
    while True:
        index += 1
        left, right = coprime_parts(index)
        divisors = count_divisors(left) * count_divisors(right)
        if divisors > more_than:
            return {"index": index, "triangular": left * right, "divisors": divisors}

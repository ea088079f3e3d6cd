PROBLEM = """A number is perfect if the sum of its proper divisors (all divisors except itself) equals the number, abundant if the sum is larger, and deficient if it is smaller. For every number in a range, classify it and collect the perfect and abundant ones. Proper divisors are found in pairs up to the square root."""
IO_REQUIREMENTS = """Input:
  low (int): first number, >= 1.
  high (int): last number, low <= high <= low + 40.
Output:
  return (dict): {"perfect": list of int, "abundant": list of int, "deficient_count": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"low": 1, "high": 30},
    {"low": 490, "high": 500},
    {"low": 7, "high": 7},
    {"low": 8126, "high": 8130},
]


def proper_divisor_sum(n):
    if n == 1:
        return 0
    total = 1
    divisor = 2
    while divisor * divisor <= n:
        if n % divisor == 0:
            total += divisor
            partner = n // divisor
            if partner != divisor:
                total += partner
        divisor += 1
    return total


def main_solution(low, high):
    perfect = []
    abundant = []
    deficient_count = 0
    for n in range(low, high + 1):
        divisor_sum = proper_divisor_sum(n)
        if divisor_sum == n:
            perfect.append(n)
        elif divisor_sum > n:
            abundant.append(n)
        else:
            deficient_count += 1
    return {"perfect": perfect, "abundant": abundant, "deficient_count": deficient_count}

PROBLEM = """Break a positive integer into its prime factors by trial division: repeatedly divide by 2, then by odd candidates 3, 5, 7, ... while the square of the candidate does not exceed what is left. Whatever remains above 1 at the end is itself prime. Report the factorisation as prime/exponent pairs and as a readable string such as "2^3 * 3 * 5"."""
IO_REQUIREMENTS = """Input:
  n (int): number to factor, 1 <= n <= 10**9.
Output:
  return (dict): {"factors": list of [prime, exponent] in increasing order, "text": str ("1" for n = 1), "is_prime": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 360},
    {"n": 97},
    {"n": 1},
    {"n": 9699690},
    {"n": 1048576},
]


def divide_out(n, divisor):
    exponent = 0
    while n % divisor == 0:
        n //= divisor
        exponent += 1
    return n, exponent


def factorize(n):
    factors = []
    n, exponent = divide_out(n, 2)
    if exponent:
        factors.append([2, exponent])
    candidate = 3
    while candidate * candidate <= n:
        n, exponent = divide_out(n, candidate)
        if exponent:
            factors.append([candidate, exponent])
        candidate += 2
    if n > 1:
        factors.append([n, 1])
    return factors


def main_solution(n):
    factors = factorize(n)
    parts = []
    for prime, exponent in factors:
        parts.append(str(prime) if exponent == 1 else str(prime) + "^" + str(exponent))
    text = " * ".join(parts) if parts else "1"
    is_prime = len(factors) == 1 and factors[0][1] == 1
    return {"factors": factors, "text": text, "is_prime": is_prime}

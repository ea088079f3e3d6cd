PROBLEM = """Find the multiplicative inverse of a number a modulo m, that is x with a*x leaving remainder 1 when divided by m, using the extended Euclidean algorithm. The algorithm also yields Bezout coefficients s and t with a*s + m*t = gcd(a, m). The inverse exists only when the gcd is 1."""
IO_REQUIREMENTS = """Input:
  a (int): the number, >= 0.
  m (int): the modulus, >= 2.
Output:
  return (dict): {"gcd": int, "bezout": [s, t], "inverse": int in 0..m-1 or null when it does not exist, "verified": bool (a*s + m*t equals the gcd and, when an inverse exists, a*inverse mod m is 1)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"a": 3, "m": 11},
    {"a": 10, "m": 17},
    {"a": 6, "m": 9},
    {"a": 240, "m": 46},
    {"a": 1234567, "m": 1000003},
]


def extended_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, s, t = extended_gcd(b, a % b)
    return g, t, s - (a // b) * t


def main_solution(a, m):
    g, s, t = extended_gcd(a, m)
    verified = a * s + m * t == g
    inverse = None
    if g == 1:
        inverse = s % m
        verified = verified and a * inverse % m == 1
    return {"gcd": g, "bezout": [s, t], "inverse": inverse, "verified": verified}

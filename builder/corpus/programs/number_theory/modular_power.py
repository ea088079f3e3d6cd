PROBLEM = """To compute a large power modulo m without ever building the huge number, use binary exponentiation: walk over the bits of the exponent from least significant to most significant, squaring the base each time and multiplying it into the result whenever the bit is 1. Return the result along with the number of multiplications performed, and check it against Python's built-in three-argument pow."""
IO_REQUIREMENTS = """Input:
  base (int): base, >= 0.
  exponent (int): exponent, >= 0.
  modulus (int): modulus, >= 1.
Output:
  return (dict): {"result": int, "multiplications": int, "bits": str (binary form of the exponent), "matches_builtin": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"base": 3, "exponent": 13, "modulus": 7},
    {"base": 2, "exponent": 1000, "modulus": 1000007},
    {"base": 12345, "exponent": 0, "modulus": 97},
    {"base": 10, "exponent": 18, "modulus": 1},
]


def power_mod(base, exponent, modulus):
    result = 1 % modulus
    square = base % modulus
    multiplications = 0
    while exponent > 0:
        if exponent & 1:
            result = result * square % modulus
            multiplications += 1
        square = square * square % modulus
        multiplications += 1
        exponent >>= 1
    return result, multiplications


def main_solution(base, exponent, modulus):
    result, multiplications = power_mod(base, exponent, modulus)
    bits = bin(exponent)[2:]
    return {"result": result, "multiplications": multiplications, "bits": bits,
            "matches_builtin": result == pow(base, exponent, modulus)}

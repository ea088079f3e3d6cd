PROBLEM = """A rotary encoder labels its positions so that neighbouring positions differ in exactly one bit (a Gray code). Build the n-bit reflected Gray code recursively: take the (n-1)-bit code, prefix it with 0, then append the same list in reverse order prefixed with 1. Verify that consecutive codes (including the wrap-around) differ in one bit."""
IO_REQUIREMENTS = """Input:
  bits (int): number of bits, 0 <= bits <= 5.
Output:
  return (dict): {"codes": list of str, "valid": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"bits": 2},
    {"bits": 0},
    {"bits": 3},
    {"bits": 4},
]


def gray(bits):
    if bits == 0:
        return [""]
    shorter = gray(bits - 1)
    return ["0" + code for code in shorter] + ["1" + code for code in reversed(shorter)]


def one_bit_apart(a, b):
    return sum(1 for x, y in zip(a, b) if x != y) == 1


def main_solution(bits):
    codes = gray(bits)
    valid = True
    if len(codes) > 1:
        for i in range(len(codes)):
            if not one_bit_apart(codes[i], codes[(i + 1) % len(codes)]):
                valid = False
    return {"codes": codes, "valid": valid}

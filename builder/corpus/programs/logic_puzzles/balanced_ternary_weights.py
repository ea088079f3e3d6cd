PROBLEM = """A merchant owns one weight of each power of three (1, 3, 9, 27, ... grams) and a two-pan balance. Any whole-gram load can be balanced by putting some weights on the pan opposite the load and some on the same pan as the load. Find the placement by converting the load into balanced ternary (digits -1, 0, 1) through repeated division by 3."""
IO_REQUIREMENTS = """Input:
  load (int): load in grams, 0 <= load <= 10000.
Output:
  return (dict): {"opposite_pan": list of int, "same_pan": list of int, "digits": str (balanced ternary, most significant first, using "+", "0", "-")}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"load": 2},
    {"load": 0},
    {"load": 25},
    {"load": 1000},
]


def balanced_ternary(n):
    digits = []
    while n > 0:
        remainder = n % 3
        if remainder == 2:
            digits.append(-1)
            n = n // 3 + 1
        else:
            digits.append(remainder)
            n //= 3
    return digits


def main_solution(load):
    digits = balanced_ternary(load)
    opposite, same = [], []
    for power, digit in enumerate(digits):
        if digit == 1:
            opposite.append(3 ** power)
        elif digit == -1:
            same.append(3 ** power)
    symbols = {1: "+", 0: "0", -1: "-"}
    text = "".join(symbols[d] for d in reversed(digits)) or "0"
    return {"opposite_pan": opposite, "same_pan": same, "digits": text}

PROBLEM = """A museum catalogue mixes Roman numerals and ordinary numbers for years. Write a converter that turns an integer into a Roman numeral using the subtractive forms (IV, IX, XL, XC, CD, CM), and a Roman numeral back into an integer by adding values and subtracting a symbol that is smaller than the one after it. Check that converting back gives the original number."""
IO_REQUIREMENTS = """Input:
  number (int): 1 <= number <= 3999.
Output:
  return (dict): {"roman": str, "back": int, "consistent": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"number": 1994},
    {"number": 4},
    {"number": 3999},
    {"number": 2024},
    {"number": 1},
]

SYMBOLS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(number):
    parts = []
    for value, symbol in SYMBOLS:
        while number >= value:
            parts.append(symbol)
            number -= value
    return "".join(parts)


def from_roman(text):
    total = 0
    for i, ch in enumerate(text):
        value = VALUES[ch]
        if i + 1 < len(text) and value < VALUES[text[i + 1]]:
            total -= value
        else:
            total += value
    return total


def main_solution(number):
    roman = to_roman(number)
    back = from_roman(roman)
    return {"roman": roman, "back": back, "consistent": back == number}

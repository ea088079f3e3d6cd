PROBLEM = """A recipe lists ingredient amounts as fractions of a cup (for example "3/4" or "1 1/2") for a given number of servings. A cook wants to make a different number of servings. Scale every amount exactly and write it back as a mixed number in lowest terms."""
IO_REQUIREMENTS = """Input:
  ingredients (dict): ingredient name -> amount string such as "2", "3/4" or "1 1/2".
  servings (int): servings the recipe makes, >= 1.
  wanted (int): servings wanted, >= 0.
Output:
  return (dict): ingredient name -> scaled amount string ("0", "5", "2/3" or "1 1/4"), keys in sorted order."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"ingredients": {"flour": "2 1/4", "sugar": "3/4", "butter": "1/2", "milk": "1"}, "servings": 4, "wanted": 6},
    {"ingredients": {"rice": "1 1/2", "water": "3"}, "servings": 3, "wanted": 2},
    {"ingredients": {"oats": "2/3", "honey": "1/8"}, "servings": 2, "wanted": 0},
    {"ingredients": {"cocoa": "1/3", "cream": "1 2/3", "sugar": "5/6"}, "servings": 5, "wanted": 12},
]

from fractions import Fraction


def parse_amount(text):
    total = Fraction(0)
    for part in text.split():
        total += Fraction(part)
    return total


def format_amount(value):
    whole = value.numerator // value.denominator
    rest = value - whole
    if rest == 0:
        return str(whole)
    if whole == 0:
        return str(rest)
    return str(whole) + " " + str(rest)


def main_solution(ingredients, servings, wanted):
    factor = Fraction(wanted, servings)
    scaled = {}
    for name in sorted(ingredients):
        amount = parse_amount(ingredients[name])
        scaled[name] = format_amount(amount * factor)
    return scaled

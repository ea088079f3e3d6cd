PROBLEM = """A student adds up a list of fractions by hand, always bringing the running total to the least common denominator before adding the next term and reducing at the end. Reproduce this: add fractions given as text, record the running total after each step in lowest terms, and give the final result as a reduced fraction and as a mixed number."""
IO_REQUIREMENTS = """Input:
  terms (list of str): fractions like "1/2", "-3/4" or whole numbers like "2"; denominators are non-zero.
Output:
  return (dict): {"steps": list of str (running totals), "result": str, "mixed": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"terms": ["1/2", "1/3", "1/6"]},
    {"terms": ["3/4", "-5/6", "2"]},
    {"terms": ["7/8"]},
    {"terms": ["-9/4", "1/12", "5/18"]},
]


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def parse(term):
    if "/" in term:
        top, bottom = term.split("/")
        return int(top), int(bottom)
    return int(term), 1


def add(num_a, den_a, num_b, den_b):
    common = den_a * den_b // gcd(den_a, den_b)
    total = num_a * (common // den_a) + num_b * (common // den_b)
    divisor = gcd(total, common) or 1
    return total // divisor, common // divisor


def as_text(num, den):
    return str(num) if den == 1 else str(num) + "/" + str(den)


def main_solution(terms):
    num, den = 0, 1
    steps = []
    for term in terms:
        term_num, term_den = parse(term)
        num, den = add(num, den, term_num, term_den)
        steps.append(as_text(num, den))
    sign = "-" if num < 0 else ""
    whole, rest = divmod(abs(num), den)
    if rest == 0:
        mixed = sign + str(whole)
    elif whole == 0:
        mixed = sign + str(rest) + "/" + str(den)
    else:
        mixed = sign + str(whole) + " " + str(rest) + "/" + str(den)
    return {"steps": steps, "result": as_text(num, den), "mixed": mixed}

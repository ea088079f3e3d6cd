PROBLEM = """Convert a number written in one base (between 2 and 36, digits 0-9 then A-Z) into another base. First read the digits into an integer by repeated multiplication, then produce the new digits by repeated division, collecting remainders. A leading minus sign is allowed; invalid digits for the source base must be reported."""
IO_REQUIREMENTS = """Input:
  digits (str): the number in the source base, optionally starting with "-"; letters may be lower or upper case.
  from_base (int): source base, 2..36.
  to_base (int): target base, 2..36.
Output:
  return (dict): {"value": int or null, "converted": str (upper-case digits) or null, "error": str or null}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"digits": "ff", "from_base": 16, "to_base": 2},
    {"digits": "-1011", "from_base": 2, "to_base": 10},
    {"digits": "0", "from_base": 10, "to_base": 7},
    {"digits": "ZZ9", "from_base": 36, "to_base": 16},
    {"digits": "129", "from_base": 8, "to_base": 10},
]

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def parse(digits, base):
    value = 0
    for ch in digits.upper():
        digit = ALPHABET.find(ch)
        if digit < 0 or digit >= base:
            raise ValueError("invalid digit " + ch + " for base " + str(base))
        value = value * base + digit
    return value


def render(value, base):
    if value == 0:
        return "0"
    out = []
    while value > 0:
        value, remainder = divmod(value, base)
        out.append(ALPHABET[remainder])
    return "".join(reversed(out))


def main_solution(digits, from_base, to_base):
    negative = digits.startswith("-")
    body = digits[1:] if negative else digits
    try:
        magnitude = parse(body, from_base)
    except ValueError as exc:
        return {"value": None, "converted": None, "error": str(exc)}
    text = render(magnitude, to_base)
    if negative and magnitude != 0:
        text = "-" + text
    value = -magnitude if negative else magnitude
    return {"value": value, "converted": text, "error": None}

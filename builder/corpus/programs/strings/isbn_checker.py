PROBLEM = """A bookshop scans ISBN codes that may contain hyphens. An ISBN-10 is valid when the sum of each digit times its weight (10 down to 1) is divisible by 11, where a final "X" stands for 10. An ISBN-13 is valid when the digits weighted alternately by 1 and 3 sum to a multiple of 10. Classify each code and, for valid ISBN-10s, give the equivalent ISBN-13 (prefix 978 and a new check digit)."""
IO_REQUIREMENTS = """Input:
  codes (list of str): codes to check.
Output:
  return (list of dict): one {"code": str, "kind": "ISBN-10" | "ISBN-13" | "invalid", "isbn13": str or null} per code."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"codes": ["0-306-40615-2", "978-0-306-40615-7", "0-306-40615-3"]},
    {"codes": ["080442957X"]},
    {"codes": []},
    {"codes": ["12345", "9780470059029", "3-598-21508-8"]},
]


def valid_isbn10(digits):
    if len(digits) != 10 or not digits[:9].isdigit() or not (digits[9].isdigit() or digits[9] == "X"):
        return False
    total = 0
    for i, ch in enumerate(digits):
        value = 10 if ch == "X" else int(ch)
        total += value * (10 - i)
    return total % 11 == 0


def isbn13_check_digit(first_twelve):
    total = 0
    for i, ch in enumerate(first_twelve):
        total += int(ch) * (1 if i % 2 == 0 else 3)
    return (10 - total % 10) % 10


def main_solution(codes):
    results = []
    for code in codes:
        digits = code.replace("-", "").upper()
        if valid_isbn10(digits):
            base = "978" + digits[:9]
            results.append({"code": code, "kind": "ISBN-10", "isbn13": base + str(isbn13_check_digit(base))})
        elif len(digits) == 13 and digits.isdigit() and isbn13_check_digit(digits[:12]) == int(digits[12]):
            results.append({"code": code, "kind": "ISBN-13", "isbn13": digits})
        else:
            results.append({"code": code, "kind": "invalid", "isbn13": None})
    return results

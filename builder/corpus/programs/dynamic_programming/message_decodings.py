PROBLEM = """A secret message maps letters to numbers (A=1, B=2, ..., Z=26) and writes the numbers without separators, so "226" might mean "BZ", "VF" or "BBF". Count how many different letter messages a digit string could represent, using a rolling table over prefixes (a "0" cannot stand alone), and list all decodings when there are at most 8."""
IO_REQUIREMENTS = """Input:
  digits (str): the digit string, up to 12 digits.
Output:
  return (dict): {"count": int, "decodings": list of str (sorted; empty if more than 8)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"digits": "226"},
    {"digits": "10"},
    {"digits": "06"},
    {"digits": "111111111111"},
    {"digits": "1201"},
]


def count_decodings(digits):
    if not digits:
        return 0
    before_previous, previous = 1, 1 if digits[0] != "0" else 0
    for i in range(1, len(digits)):
        current = 0
        if digits[i] != "0":
            current += previous
        pair = int(digits[i - 1:i + 1])
        if 10 <= pair <= 26:
            current += before_previous
        before_previous, previous = previous, current
    return previous


def expand(digits, prefix, out):
    if not digits:
        out.append(prefix)
        return
    if digits[0] == "0":
        return
    expand(digits[1:], prefix + chr(64 + int(digits[0])), out)
    if len(digits) >= 2 and int(digits[:2]) <= 26:
        expand(digits[2:], prefix + chr(64 + int(digits[:2])), out)


def main_solution(digits):
    count = count_decodings(digits)
    decodings = []
    if count <= 8:
        expand(digits, "", decodings)
    return {"count": count, "decodings": sorted(decodings)}

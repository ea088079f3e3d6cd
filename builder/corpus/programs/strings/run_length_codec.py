PROBLEM = """A simple image format stores rows of pixels with run-length encoding: each run of identical characters is written as its length followed by the character, e.g. "WWWWBBW" becomes "4W2B1W". Encode a row, decode the result back to check it round-trips, and report the compression ratio (encoded length divided by original length)."""
IO_REQUIREMENTS = """Input:
  row (str): pixel characters (letters only, no digits).
Output:
  return (dict): {"encoded": str, "round_trip": bool, "ratio": float rounded to 3 decimals (0.0 for an empty row)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"row": "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW"},
    {"row": "ABC"},
    {"row": ""},
    {"row": "aaabccddddd"},
]


def encode(row):
    pieces = []
    i = 0
    while i < len(row):
        j = i
        while j < len(row) and row[j] == row[i]:
            j += 1
        pieces.append(str(j - i) + row[i])
        i = j
    return "".join(pieces)


def decode(encoded):
    out = []
    number = ""
    for ch in encoded:
        if ch.isdigit():
            number += ch
        else:
            out.append(ch * int(number))
            number = ""
    return "".join(out)


def main_solution(row):
    encoded = encode(row)
    ratio = round(len(encoded) / len(row), 3) if row else 0.0
    return {"encoded": encoded, "round_trip": decode(encoded) == row, "ratio": ratio}

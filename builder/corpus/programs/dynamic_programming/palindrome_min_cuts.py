PROBLEM = """A banner's text must be cut into pieces so that every piece reads the same forwards and backwards. What is the smallest number of cuts needed, and what are the pieces? First mark which substrings are palindromes, then compute the fewest cuts for every prefix."""
IO_REQUIREMENTS = """Input:
  text (str): up to 12 characters.
Output:
  return (dict): {"cuts": int, "pieces": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"text": "aab"},
    {"text": "racecar"},
    {"text": "abcd"},
    {"text": "noonabbad"},
    {"text": ""},
]


def palindrome_table(text):
    n = len(text)
    is_pal = [[False] * n for _ in range(n)]
    for start in range(n - 1, -1, -1):
        for end in range(start, n):
            if text[start] == text[end] and (end - start < 2 or is_pal[start + 1][end - 1]):
                is_pal[start][end] = True
    return is_pal


def main_solution(text):
    n = len(text)
    if n == 0:
        return {"cuts": 0, "pieces": []}
    is_pal = palindrome_table(text)
    fewest = [0] * (n + 1)
    cut_from = [0] * (n + 1)
    for end in range(1, n + 1):
        fewest[end] = end + 1
        for start in range(end):
            if is_pal[start][end - 1] and fewest[start] + 1 < fewest[end]:
                fewest[end] = fewest[start] + 1
                cut_from[end] = start
    pieces = []
    end = n
    while end > 0:
        pieces.append(text[cut_from[end]:end])
        end = cut_from[end]
    pieces.reverse()
    return {"cuts": fewest[n] - 1, "pieces": pieces}

PROBLEM = """Two versions of a short text differ. Find the longest sequence of characters that appears in both versions in the same order (not necessarily contiguously), by filling the classic longest-common-subsequence table and walking back from its bottom-right corner to recover one such sequence."""
IO_REQUIREMENTS = """Input:
  first (str): first text, up to 12 characters.
  second (str): second text, up to 12 characters.
Output:
  return (dict): {"length": int, "subsequence": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"first": "ABCBDAB", "second": "BDCABA"},
    {"first": "kitten", "second": "sitting"},
    {"first": "", "second": "abc"},
    {"first": "abc", "second": "xyz"},
]


def build_table(first, second):
    table = [[0] * (len(second) + 1) for _ in range(len(first) + 1)]
    for i in range(1, len(first) + 1):
        for j in range(1, len(second) + 1):
            if first[i - 1] == second[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    return table


def backtrack(table, first, second):
    i, j = len(first), len(second)
    letters = []
    while i > 0 and j > 0:
        if first[i - 1] == second[j - 1]:
            letters.append(first[i - 1])
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(letters))


def main_solution(first, second):
    table = build_table(first, second)
    return {"length": table[-1][-1], "subsequence": backtrack(table, first, second)}

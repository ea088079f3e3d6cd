PROBLEM = """A DNA fragment is written as a string of letters. Find the length of its longest palindromic subsequence (letters kept in order but not necessarily adjacent) with a recursive function over (left, right) index pairs, memoised in a dictionary. Also report how many letters would have to be deleted to leave a palindrome."""
IO_REQUIREMENTS = """Input:
  fragment (str): up to 10 characters.
Output:
  return (dict): {"length": int, "deletions": int, "states": int (memoised pairs)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"fragment": "bbbab"},
    {"fragment": "GATTACA"},
    {"fragment": "x"},
    {"fragment": "abcde"},
]


def best(fragment, left, right, memo):
    if left > right:
        return 0
    if left == right:
        return 1
    key = (left, right)
    if key in memo:
        return memo[key]
    if fragment[left] == fragment[right]:
        result = 2 + best(fragment, left + 1, right - 1, memo)
    else:
        result = max(best(fragment, left + 1, right, memo), best(fragment, left, right - 1, memo))
    memo[key] = result
    return result


def main_solution(fragment):
    memo = {}
    length = best(fragment, 0, len(fragment) - 1, memo)
    return {"length": length, "deletions": len(fragment) - length, "states": len(memo)}

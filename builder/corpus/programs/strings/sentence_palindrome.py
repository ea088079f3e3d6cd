PROBLEM = """Decide whether a sentence is a palindrome when case, spaces and punctuation are ignored, like "Was it a car or a cat I saw?". Compare characters with two pointers moving inwards, skipping anything that is not a letter or digit, and report the first mismatching pair if there is one."""
IO_REQUIREMENTS = """Input:
  sentence (str): any text.
Output:
  return (dict): {"palindrome": bool, "compared": int (pairs compared), "mismatch": list of str ([left_char, right_char]) or empty}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"sentence": "Was it a car or a cat I saw?"},
    {"sentence": "Hello, world"},
    {"sentence": ""},
    {"sentence": "No 'x' in Nixon"},
]


def main_solution(sentence):
    left, right = 0, len(sentence) - 1
    compared = 0
    while left < right:
        if not sentence[left].isalnum():
            left += 1
            continue
        if not sentence[right].isalnum():
            right -= 1
            continue
        compared += 1
        a, b = sentence[left].lower(), sentence[right].lower()
        if a != b:
            return {"palindrome": False, "compared": compared, "mismatch": [a, b]}
        left += 1
        right -= 1
    return {"palindrome": True, "compared": compared, "mismatch": []}

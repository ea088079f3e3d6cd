PROBLEM = """A typing tutor analyses a practice sentence. Count the vowels, consonants, digits, spaces and other characters, find the longest word (the first one on a tie, words separated by spaces), and compute the share of vowels among all letters."""
IO_REQUIREMENTS = """Input:
  sentence (str): any text.
Output:
  return (dict): {"vowels": int, "consonants": int, "digits": int, "spaces": int, "other": int, "longest_word": str, "vowel_share": float rounded to 3 decimals (0.0 if no letters)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"sentence": "The quick brown fox jumps over 2 lazy dogs!"},
    {"sentence": ""},
    {"sentence": "rhythm myths"},
    {"sentence": "AEIOU 12345 ?!"},
]

VOWELS = "aeiou"


def classify(ch):
    if ch.isalpha():
        return "vowels" if ch.lower() in VOWELS else "consonants"
    if ch.isdigit():
        return "digits"
    if ch == " ":
        return "spaces"
    return "other"


def main_solution(sentence):
    counts = {"vowels": 0, "consonants": 0, "digits": 0, "spaces": 0, "other": 0}
    for ch in sentence:
        counts[classify(ch)] += 1
    longest = ""
    for word in sentence.split(" "):
        if len(word) > len(longest):
            longest = word
    letters = counts["vowels"] + counts["consonants"]
    share = round(counts["vowels"] / letters, 3) if letters else 0.0
    result = dict(counts)
    result["longest_word"] = longest
    result["vowel_share"] = share
    return result

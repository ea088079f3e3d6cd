PROBLEM = """Children at a summer camp speak in Pig Latin. A word that starts with a vowel gets "way" appended; otherwise its leading consonants (treating "qu" as a consonant unit) are moved to the end followed by "ay". A word that was capitalised stays capitalised, and trailing punctuation stays at the end. Translate a sentence word by word."""
IO_REQUIREMENTS = """Input:
  sentence (str): words separated by single spaces; each may end with punctuation from ".,!?".
Output:
  return (dict): {"translation": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"sentence": "Hello world"},
    {"sentence": "Quick, eat the apple!"},
    {"sentence": "rhythm"},
    {"sentence": "String theory is squeaky clean."},
]

VOWELS = "aeiou"


def translate_word(word):
    punctuation = ""
    while word and word[-1] in ".,!?":
        punctuation = word[-1] + punctuation
        word = word[:-1]
    capital = word[:1].isupper()
    lower = word.lower()
    split = 0
    while split < len(lower) and lower[split] not in VOWELS:
        if lower[split:split + 2] == "qu":
            split += 2
            break
        split += 1
    if split == 0:
        result = lower + "way"
    else:
        result = lower[split:] + lower[:split] + "ay"
    if capital:
        result = result.capitalize()
    return result + punctuation


def main_solution(sentence):
    return {"translation": " ".join(translate_word(w) for w in sentence.split(" "))}

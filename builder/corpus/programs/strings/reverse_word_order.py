PROBLEM = """A puzzle newspaper prints sentences with the word order reversed. Given a sentence, reverse the order of its words (collapsing repeated spaces and trimming the ends), and separately produce a version where the words stay in place but each word's letters are reversed."""
IO_REQUIREMENTS = """Input:
  sentence (str): words separated by spaces.
Output:
  return (dict): {"words_reversed": str, "letters_reversed": str, "word_count": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"sentence": "the sky is blue"},
    {"sentence": "  hello   world  "},
    {"sentence": ""},
    {"sentence": "Able was I"},
]


def split_words(sentence):
    words = []
    current = ""
    for ch in sentence:
        if ch == " ":
            if current:
                words.append(current)
                current = ""
        else:
            current += ch
    if current:
        words.append(current)
    return words


def main_solution(sentence):
    words = split_words(sentence)
    reversed_order = []
    for index in range(len(words) - 1, -1, -1):
        reversed_order.append(words[index])
    letters = [word[::-1] for word in words]
    return {"words_reversed": " ".join(reversed_order), "letters_reversed": " ".join(letters), "word_count": len(words)}

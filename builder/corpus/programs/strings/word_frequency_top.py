PROBLEM = """An editor wants to know which words an author overuses. Split a text into words (letters and apostrophes only, case-insensitive), ignore a list of stop words, count the remaining words, and return the k most frequent with their counts (ties broken alphabetically), plus the number of distinct words counted."""
IO_REQUIREMENTS = """Input:
  text (str): the text.
  stop_words (list of str): lower-case words to ignore.
  k (int): how many words to return, >= 1.
Output:
  return (dict): {"top": list of [word, count], "distinct": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"text": "The cat sat on the mat. The mat was flat, and the cat was fat.", "stop_words": ["the", "and", "on", "was"], "k": 3},
    {"text": "", "stop_words": [], "k": 2},
    {"text": "It's what it is; it's fine.", "stop_words": [], "k": 5},
    {"text": "Go go GO! Stop. go?", "stop_words": ["stop"], "k": 1},
]


def tokenize(text):
    words = []
    current = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def main_solution(text, stop_words, k):
    ignored = set(stop_words)
    counts = {}
    for word in tokenize(text):
        if word not in ignored:
            counts[word] = counts.get(word, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return {"top": [[word, count] for word, count in ranked[:k]], "distinct": len(counts)}

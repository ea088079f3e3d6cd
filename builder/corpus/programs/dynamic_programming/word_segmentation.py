PROBLEM = """A text message arrived with all its spaces removed. Given a dictionary of known words, decide whether the message can be split into a sequence of dictionary words, and return one such split that uses the fewest words. Use a table where entry i holds the best split of the first i characters."""
IO_REQUIREMENTS = """Input:
  message (str): lower-case letters, up to 20 characters.
  words (list of str): the dictionary.
Output:
  return (dict): {"possible": bool, "split": list of str (empty if impossible)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"message": "applepenapple", "words": ["apple", "pen", "applepen"]},
    {"message": "catsandog", "words": ["cats", "dog", "sand", "and", "cat"]},
    {"message": "", "words": ["a"]},
    {"message": "icecreamcone", "words": ["ice", "cream", "icecream", "cone", "co", "ne"]},
]


def main_solution(message, words):
    vocabulary = set(words)
    longest = max((len(w) for w in words), default=0)
    best = [None] * (len(message) + 1)
    best[0] = []
    for end in range(1, len(message) + 1):
        for start in range(max(0, end - longest), end):
            piece = message[start:end]
            if best[start] is None or piece not in vocabulary:
                continue
            candidate = best[start] + [piece]
            if best[end] is None or len(candidate) < len(best[end]):
                best[end] = candidate
    split = best[len(message)]
    return {"possible": split is not None, "split": split if split is not None else []}

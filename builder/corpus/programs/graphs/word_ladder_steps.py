PROBLEM = """In a word ladder game, you turn one word into another by changing a single letter at a time, and every intermediate word must be in the given word list. Find the shortest ladder with breadth-first search, where the neighbours of a word are the listed words (in alphabetical order) that differ from it in exactly one position. Return the ladder, or an empty list if none exists."""
IO_REQUIREMENTS = """Input:
  begin (str): starting word (lower-case).
  end (str): target word of the same length.
  words (list of str): allowed words.
Output:
  return (dict): {"ladder": list of str, "length": int (number of words in the ladder, 0 if none)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"begin": "cold", "end": "warm", "words": ["cord", "card", "ward", "warm", "word", "worm", "corm"]},
    {"begin": "cat", "end": "dog", "words": ["cot", "cog", "dot"]},
    {"begin": "same", "end": "same", "words": []},
    {"begin": "hit", "end": "cog", "words": ["hot", "dot", "dog", "lot", "log", "cog"]},
]

from collections import deque


def differences(first, second):
    count = 0
    for a, b in zip(first, second):
        if a != b:
            count += 1
    return count


def neighbours(word, allowed):
    return [other for other in allowed if len(other) == len(word) and differences(word, other) == 1]


def main_solution(begin, end, words):
    if begin == end:
        return {"ladder": [begin], "length": 1}
    allowed = sorted(set(words))
    previous = {begin: None}
    queue = deque([begin])
    while queue:
        word = queue.popleft()
        for nxt in neighbours(word, allowed):
            if nxt in previous:
                continue
            previous[nxt] = word
            if nxt == end:
                ladder = [end]
                while previous[ladder[-1]] is not None:
                    ladder.append(previous[ladder[-1]])
                return {"ladder": ladder[::-1], "length": len(ladder)}
            queue.append(nxt)
    return {"ladder": [], "length": 0}

PROBLEM = """A word-game helper groups words that are anagrams of each other (same letters in a different order, ignoring case). Use the sorted letters of each word as a signature, collect the words per signature, and return the groups that contain more than one word, each sorted, with the groups ordered by their first word. Words without a partner are listed separately."""
IO_REQUIREMENTS = """Input:
  words (list of str): the words.
Output:
  return (dict): {"groups": list of list of str, "loners": list of str (sorted)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"words": ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "dog"]},
    {"words": ["one"]},
    {"words": []},
    {"words": ["Stop", "pots", "tops", "opts", "post", "spot", "pest"]},
]


def signature(word):
    return "".join(sorted(word.lower()))


def main_solution(words):
    buckets = {}
    for word in words:
        buckets.setdefault(signature(word), []).append(word)
    groups = []
    loners = []
    for members in buckets.values():
        if len(members) > 1:
            groups.append(sorted(members))
        else:
            loners.append(members[0])
    groups.sort(key=lambda group: group[0])
    return {"groups": groups, "loners": sorted(loners)}

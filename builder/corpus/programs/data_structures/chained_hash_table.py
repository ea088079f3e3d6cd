PROBLEM = """Implement a small hash table with separate chaining. The hash of a key is computed with the polynomial rule h = (h * 31 + code of each character) mod the number of buckets; each bucket holds a list of [key, value] pairs. Insert or update key/value pairs, then report the bucket contents, the longest chain, and the values of some looked-up keys."""
IO_REQUIREMENTS = """Input:
  buckets (int): number of buckets, >= 1.
  pairs (list of list): [key (str), value (int)] in insertion order; repeated keys update the value.
  lookups (list of str): keys to look up.
Output:
  return (dict): {"table": list of list of [key, value], "longest_chain": int, "found": dict key -> int or null}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"buckets": 5, "pairs": [["apple", 3], ["pear", 7], ["plum", 2], ["apple", 4], ["fig", 9]], "lookups": ["apple", "kiwi"]},
    {"buckets": 1, "pairs": [["a", 1], ["b", 2]], "lookups": ["b"]},
    {"buckets": 4, "pairs": [], "lookups": ["x"]},
    {"buckets": 7, "pairs": [["ab", 1], ["ba", 2], ["abc", 3], ["cab", 4], ["bca", 5]], "lookups": ["cab", "ab"]},
]


class HashTable:
    def __init__(self, size):
        self.buckets = [[] for _ in range(size)]

    def _index(self, key):
        h = 0
        for ch in key:
            h = (h * 31 + ord(ch)) % len(self.buckets)
        return h

    def put(self, key, value):
        chain = self.buckets[self._index(key)]
        for pair in chain:
            if pair[0] == key:
                pair[1] = value
                return
        chain.append([key, value])

    def get(self, key):
        for stored_key, value in self.buckets[self._index(key)]:
            if stored_key == key:
                return value
        return None


def main_solution(buckets, pairs, lookups):
    table = HashTable(buckets)
    for key, value in pairs:
        table.put(key, value)
    longest = max(len(chain) for chain in table.buckets)
    found = {key: table.get(key) for key in lookups}
    return {"table": table.buckets, "longest_chain": longest, "found": found}

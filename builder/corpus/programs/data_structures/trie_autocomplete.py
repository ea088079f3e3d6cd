PROBLEM = """A search box suggests completions as the user types. Store a vocabulary in a trie (a tree of characters where each node remembers whether a word ends there), then for each typed prefix return up to three suggestions in alphabetical order by walking the subtree below the prefix in sorted child order. Also count the trie nodes."""
IO_REQUIREMENTS = """Input:
  words (list of str): lower-case vocabulary.
  prefixes (list of str): typed prefixes.
Output:
  return (dict): {"nodes": int (excluding the root), "suggestions": dict prefix -> list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"words": ["car", "card", "care", "cart", "cat", "dog"], "prefixes": ["car", "ca", "d", "x"]},
    {"words": [], "prefixes": ["a"]},
    {"words": ["a", "ab", "abc"], "prefixes": ["", "ab"]},
    {"words": ["tea", "ten", "ted", "to", "tomato", "inn"], "prefixes": ["te", "to", "i"]},
]


class TrieNode:
    def __init__(self):
        self.children = {}
        self.is_word = False


def insert(root, word):
    created = 0
    node = root
    for ch in word:
        if ch not in node.children:
            node.children[ch] = TrieNode()
            created += 1
        node = node.children[ch]
    node.is_word = True
    return created


def collect(node, prefix, out, limit):
    if len(out) >= limit:
        return
    if node.is_word:
        out.append(prefix)
    for ch in sorted(node.children):
        collect(node.children[ch], prefix + ch, out, limit)


def main_solution(words, prefixes):
    root = TrieNode()
    nodes = 0
    for word in words:
        nodes += insert(root, word)
    suggestions = {}
    for prefix in prefixes:
        node = root
        for ch in prefix:
            node = node.children.get(ch) if node is not None else None
        found = []
        if node is not None:
            collect(node, prefix, found, 3)
        suggestions[prefix] = found[:3]
    return {"nodes": nodes, "suggestions": suggestions}

PROBLEM = """A newspaper's style guide says headlines are written in title case: every word is capitalised except short function words (a, an, and, at, but, by, for, in, of, on, or, the, to), which stay lower case unless they are the first or last word. Words that are already all capitals (acronyms like "NASA") are kept as they are. Convert a headline."""
IO_REQUIREMENTS = """Input:
  headline (str): words separated by single spaces.
Output:
  return (dict): {"title": str, "changed_words": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"headline": "the lord of the rings returns to the cinema"},
    {"headline": "NASA plans a mission to mars"},
    {"headline": "of"},
    {"headline": "what the storm left behind in"},
]

SMALL_WORDS = {"a", "an", "and", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"}


def style_word(word, is_edge):
    if len(word) > 1 and word.isupper():
        return word
    lower = word.lower()
    if lower in SMALL_WORDS and not is_edge:
        return lower
    return lower[:1].upper() + lower[1:]


def main_solution(headline):
    words = headline.split(" ")
    styled = []
    changed = 0
    for index, word in enumerate(words):
        is_edge = index == 0 or index == len(words) - 1
        new_word = style_word(word, is_edge)
        if new_word != word:
            changed += 1
        styled.append(new_word)
    return {"title": " ".join(styled), "changed_words": changed}

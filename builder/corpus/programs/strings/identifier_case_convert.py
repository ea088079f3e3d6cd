PROBLEM = """A refactoring tool converts variable names between camelCase and snake_case. Split an identifier into words: underscores separate words, and an upper-case letter starts a new word unless it continues a run of capitals (so "parseHTTPResponse" splits into parse, http, response). Then produce the snake_case, camelCase and PascalCase forms."""
IO_REQUIREMENTS = """Input:
  name (str): an identifier in either style, letters, digits and underscores.
Output:
  return (dict): {"words": list of str (lower case), "snake": str, "camel": str, "pascal": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"name": "parseHTTPResponse"},
    {"name": "max_retry_count"},
    {"name": "x"},
    {"name": "getUserID_fromDB2"},
]


def split_words(name):
    words = []
    current = ""
    for i, ch in enumerate(name):
        if ch == "_":
            if current:
                words.append(current)
            current = ""
            continue
        starts_word = False
        if ch.isupper() and current:
            previous_upper = name[i - 1].isupper()
            next_lower = i + 1 < len(name) and name[i + 1].islower()
            starts_word = not previous_upper or next_lower
        if starts_word:
            words.append(current)
            current = ""
        current += ch
    if current:
        words.append(current)
    return [w.lower() for w in words]


def main_solution(name):
    words = split_words(name)
    snake = "_".join(words)
    pascal = "".join(w.capitalize() for w in words)
    camel = pascal[:1].lower() + pascal[1:]
    return {"words": words, "snake": snake, "camel": camel, "pascal": pascal}

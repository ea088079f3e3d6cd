PROBLEM = """A typesetter lays out words in lines of a fixed width. Words are placed greedily: as many as fit on a line with at least one space between them. Every line except the last is then fully justified by distributing extra spaces between the words, giving the leftmost gaps one more space when they cannot be shared evenly; a line with a single word and the last line are left-aligned and padded with spaces."""
IO_REQUIREMENTS = """Input:
  words (list of str): words, none longer than width.
  width (int): line width, >= 1.
Output:
  return (dict): {"lines": list of str (each exactly width characters)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"words": ["This", "is", "an", "example", "of", "text", "justification."], "width": 16},
    {"words": ["What", "must", "be", "acknowledgment", "shall", "be"], "width": 16},
    {"words": ["one"], "width": 5},
    {"words": [], "width": 4},
]


def group_lines(words, width):
    lines, current, length = [], [], 0
    for word in words:
        if current and length + 1 + len(word) > width:
            lines.append(current)
            current, length = [], 0
        length += len(word) + (1 if current else 0)
        current.append(word)
    if current:
        lines.append(current)
    return lines


def justify(line_words, width):
    if len(line_words) == 1:
        return line_words[0].ljust(width)
    gaps = len(line_words) - 1
    spaces = width - sum(len(w) for w in line_words)
    base, extra = divmod(spaces, gaps)
    out = ""
    for i, word in enumerate(line_words[:-1]):
        out += word + " " * (base + (1 if i < extra else 0))
    return out + line_words[-1]


def main_solution(words, width):
    grouped = group_lines(words, width)
    lines = []
    for index, line_words in enumerate(grouped):
        if index == len(grouped) - 1:
            lines.append(" ".join(line_words).ljust(width))
        else:
            lines.append(justify(line_words, width))
    return {"lines": lines}

PROBLEM = """Two departments each keep a list of meeting start times (minutes after midnight), already sorted. Merge them into a single sorted timetable by walking through both lists with two pointers, and label every entry with the department it came from ("A" or "B", with A first on ties). Also report the shortest gap between consecutive meetings in the merged list."""
IO_REQUIREMENTS = """Input:
  first (list of int): sorted start times of department A.
  second (list of int): sorted start times of department B.
Output:
  return (dict): {"merged": list of [int, str], "min_gap": int or null (null if fewer than 2 meetings)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"first": [540, 600, 780], "second": [570, 600, 900]},
    {"first": [], "second": [480, 720]},
    {"first": [660], "second": []},
    {"first": [500, 510, 520], "second": [900, 1000]},
]


def merge(first, second):
    merged = []
    i = j = 0
    while i < len(first) or j < len(second):
        take_first = j >= len(second) or (i < len(first) and first[i] <= second[j])
        if take_first:
            merged.append([first[i], "A"])
            i += 1
        else:
            merged.append([second[j], "B"])
            j += 1
    return merged


def main_solution(first, second):
    merged = merge(first, second)
    min_gap = None
    for index in range(1, len(merged)):
        gap = merged[index][0] - merged[index - 1][0]
        if min_gap is None or gap < min_gap:
            min_gap = gap
    return {"merged": merged, "min_gap": min_gap}

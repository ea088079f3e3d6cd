PROBLEM = """Exam scores are whole numbers from 0 to 10, so they can be sorted without comparisons: count how many times each score occurs, then rebuild the list from the counts. Also report the most common score (the highest one on a tie) and the median, taken as the middle element of the sorted list (the lower middle for an even count)."""
IO_REQUIREMENTS = """Input:
  scores (list of int): each 0..10, at least one.
Output:
  return (dict): {"sorted": list of int, "counts": list of int (11 entries), "mode": int, "median": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"scores": [7, 3, 10, 7, 5, 3, 7, 0]},
    {"scores": [4]},
    {"scores": [10, 10, 9, 9]},
    {"scores": [2, 8, 5, 5, 8, 1, 6]},
]

MAX_SCORE = 10


def count_scores(scores):
    counts = [0] * (MAX_SCORE + 1)
    for score in scores:
        counts[score] += 1
    return counts


def rebuild(counts):
    result = []
    for score, count in enumerate(counts):
        result.extend([score] * count)
    return result


def main_solution(scores):
    counts = count_scores(scores)
    ordered = rebuild(counts)
    mode = 0
    for score in range(MAX_SCORE + 1):
        if counts[score] >= counts[mode]:
            mode = score
    median = ordered[(len(ordered) - 1) // 2]
    return {"sorted": ordered, "counts": counts, "mode": mode, "median": median}

PROBLEM = """A race organiser wants the k-th fastest finishing time without sorting all results. Use quickselect: partition the times around a pivot (the middle element), then continue only in the part that must contain the k-th smallest value. Report the value and how many partition rounds were needed."""
IO_REQUIREMENTS = """Input:
  times (list of int): finishing times in seconds, at least one.
  k (int): 1-based rank wanted, 1 <= k <= len(times).
Output:
  return (dict): {"value": int, "rounds": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"times": [305, 287, 312, 299, 290, 301], "k": 2},
    {"times": [400], "k": 1},
    {"times": [9, 8, 7, 6, 5, 4, 3, 2, 1], "k": 9},
    {"times": [5, 1, 5, 1, 5, 1], "k": 4},
]


def split_around(items, pivot):
    smaller = [x for x in items if x < pivot]
    equal = [x for x in items if x == pivot]
    larger = [x for x in items if x > pivot]
    return smaller, equal, larger


def main_solution(times, k):
    items = list(times)
    rounds = 0
    while True:
        rounds += 1
        pivot = items[len(items) // 2]
        smaller, equal, larger = split_around(items, pivot)
        if k <= len(smaller):
            items = smaller
        elif k <= len(smaller) + len(equal):
            return {"value": pivot, "rounds": rounds}
        else:
            k -= len(smaller) + len(equal)
            items = larger

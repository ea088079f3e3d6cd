PROBLEM = """A sorted log of sensor readings may contain repeated values. Using two binary searches (one biased to the left, one to the right), find the first and last positions of a target reading, and how many times it occurs. If it is absent, report -1 for both positions and the index where it would be inserted to keep the log sorted."""
IO_REQUIREMENTS = """Input:
  readings (list of int): sorted in non-decreasing order.
  target (int): value to look for.
Output:
  return (dict): {"first": int, "last": int, "count": int, "insert_at": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"readings": [1, 2, 2, 2, 3, 5, 8], "target": 2},
    {"readings": [1, 3, 5, 7], "target": 4},
    {"readings": [], "target": 10},
    {"readings": [4, 4, 4, 4], "target": 4},
    {"readings": [2, 6, 9], "target": 11},
]


def lower_bound(items, target):
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle] < target:
            low = middle + 1
        else:
            high = middle
    return low


def upper_bound(items, target):
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle] <= target:
            low = middle + 1
        else:
            high = middle
    return low


def main_solution(readings, target):
    start = lower_bound(readings, target)
    end = upper_bound(readings, target)
    if start == end:
        return {"first": -1, "last": -1, "count": 0, "insert_at": start}
    return {"first": start, "last": end - 1, "count": end - start, "insert_at": start}

PROBLEM = """Sort a list in place with quicksort using the Lomuto partition scheme: the last element of the range is the pivot, smaller-or-equal elements are moved to the front, and the pivot is placed between the two groups. Recursively sort both sides. Report the sorted list, the pivots in the order they were chosen, and the deepest recursion level reached."""
IO_REQUIREMENTS = """Input:
  values (list of int): up to 12 items.
Output:
  return (dict): {"sorted": list of int, "pivots": list of int, "max_depth": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [3, 7, 8, 5, 2, 1, 9, 5, 4]},
    {"values": [1]},
    {"values": [1, 2, 3, 4, 5, 6]},
    {"values": [4, 4, 4, 1]},
]


def partition(items, low, high):
    pivot = items[high]
    boundary = low
    for i in range(low, high):
        if items[i] <= pivot:
            items[i], items[boundary] = items[boundary], items[i]
            boundary += 1
    items[boundary], items[high] = items[high], items[boundary]
    return boundary


def quicksort(items, low, high, depth, log):
    if low >= high:
        return
    log["max_depth"] = max(log["max_depth"], depth)
    log["pivots"].append(items[high])
    split = partition(items, low, high)
    quicksort(items, low, split - 1, depth + 1, log)
    quicksort(items, split + 1, high, depth + 1, log)


def main_solution(values):
    items = list(values)
    log = {"pivots": [], "max_depth": 0}
    quicksort(items, 0, len(items) - 1, 1, log)
    return {"sorted": items, "pivots": log["pivots"], "max_depth": log["max_depth"]}

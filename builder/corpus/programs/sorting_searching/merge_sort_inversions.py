PROBLEM = """In a ranking comparison, an inversion is a pair of items that appear in the wrong order relative to each other. Count the inversions of a list with merge sort: while merging two sorted halves, whenever an item from the right half is placed before items still waiting in the left half, each of those waiting items forms an inversion with it. Return the sorted list and the inversion count."""
IO_REQUIREMENTS = """Input:
  ranks (list of int): the list, up to 16 items.
Output:
  return (dict): {"sorted": list of int, "inversions": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"ranks": [2, 4, 1, 3, 5]},
    {"ranks": [1, 2, 3]},
    {"ranks": [5, 4, 3, 2, 1]},
    {"ranks": [8, 1, 6, 3, 3, 7, 2, 5]},
    {"ranks": []},
]


def merge(left, right):
    merged = []
    inversions = 0
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            inversions += len(left) - i
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged, inversions


def sort_and_count(items):
    if len(items) <= 1:
        return list(items), 0
    middle = len(items) // 2
    left, left_count = sort_and_count(items[:middle])
    right, right_count = sort_and_count(items[middle:])
    merged, split_count = merge(left, right)
    return merged, left_count + right_count + split_count


def main_solution(ranks):
    ordered, inversions = sort_and_count(ranks)
    return {"sorted": ordered, "inversions": inversions}

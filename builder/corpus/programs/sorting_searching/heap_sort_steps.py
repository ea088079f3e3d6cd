PROBLEM = """Sort numbers in ascending order with heap sort: first arrange the list into a max-heap by sifting down every parent node from the last one to the root, then repeatedly swap the root (the maximum) to the end of the list and restore the heap on the shrunken prefix. Report the heap after the build phase and the final sorted list."""
IO_REQUIREMENTS = """Input:
  values (list of int): up to 12 items.
Output:
  return (dict): {"heap": list of int, "sorted": list of int, "sift_swaps": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [4, 10, 3, 5, 1]},
    {"values": [2, 1]},
    {"values": []},
    {"values": [12, 11, 13, 5, 6, 7, 1, 9]},
]


def sift_down(items, root, size):
    swaps = 0
    while True:
        largest = root
        left, right = 2 * root + 1, 2 * root + 2
        if left < size and items[left] > items[largest]:
            largest = left
        if right < size and items[right] > items[largest]:
            largest = right
        if largest == root:
            return swaps
        items[root], items[largest] = items[largest], items[root]
        swaps += 1
        root = largest


def main_solution(values):
    items = list(values)
    swaps = 0
    for parent in range(len(items) // 2 - 1, -1, -1):
        swaps += sift_down(items, parent, len(items))
    heap = list(items)
    for end in range(len(items) - 1, 0, -1):
        items[0], items[end] = items[end], items[0]
        swaps += sift_down(items, 0, end)
    return {"heap": heap, "sorted": items, "sift_swaps": swaps}

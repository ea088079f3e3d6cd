PROBLEM = """A circular shift register stores distinct sorted numbers, but the storage was rotated so that the list starts somewhere in the middle, e.g. [15, 18, 2, 3, 6, 12]. Find the index of a target value with a modified binary search that, at each step, decides which half is still in sorted order. Also report how many probes were needed."""
IO_REQUIREMENTS = """Input:
  values (list of int): a rotated sorted list of distinct integers.
  target (int): the value to find.
Output:
  return (dict): {"index": int (-1 if absent), "probes": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [15, 18, 2, 3, 6, 12], "target": 3},
    {"values": [4, 5, 6, 7, 0, 1, 2], "target": 8},
    {"values": [1], "target": 1},
    {"values": [30, 40, 50, 10, 20], "target": 50},
    {"values": [], "target": 5},
]


def search(values, target):
    low, high = 0, len(values) - 1
    probes = 0
    while low <= high:
        middle = (low + high) // 2
        probes += 1
        if values[middle] == target:
            return middle, probes
        if values[low] <= values[middle]:
            if values[low] <= target < values[middle]:
                high = middle - 1
            else:
                low = middle + 1
        else:
            if values[middle] < target <= values[high]:
                low = middle + 1
            else:
                high = middle - 1
    return -1, probes


def main_solution(values, target):
    index, probes = search(values, target)
    return {"index": index, "probes": probes}

PROBLEM = """Sort a list of integers with bubble sort: in each pass, walk through the unsorted part and swap neighbouring items that are out of order, so the largest remaining value bubbles to the end. Stop early when a pass makes no swaps. Report the sorted list, the number of passes made and the total number of swaps."""
IO_REQUIREMENTS = """Input:
  values (list of int): the numbers to sort, up to 12 items.
Output:
  return (dict): {"sorted": list of int, "passes": int, "swaps": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [5, 1, 4, 2, 8]},
    {"values": [1, 2, 3, 4]},
    {"values": []},
    {"values": [9, 7, 5, 3, 1, 0]},
]


def bubble_pass(items, end):
    swaps = 0
    for i in range(end):
        if items[i] > items[i + 1]:
            items[i], items[i + 1] = items[i + 1], items[i]
            swaps += 1
    return swaps


def main_solution(values):
    items = list(values)
    passes = 0
    total_swaps = 0
    end = len(items) - 1
    while end > 0:
        swaps = bubble_pass(items, end)
        passes += 1
        total_swaps += swaps
        if swaps == 0:
            break
        end -= 1
    return {"sorted": items, "passes": passes, "swaps": total_swaps}

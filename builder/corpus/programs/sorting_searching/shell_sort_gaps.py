PROBLEM = """Shell sort improves insertion sort by first sorting elements that are far apart. Starting with a gap of half the list length and halving it each round down to 1, perform a gapped insertion sort. Record the list after each gap round and count the element moves."""
IO_REQUIREMENTS = """Input:
  values (list of int): up to 12 items.
Output:
  return (dict): {"rounds": list of {"gap": int, "state": list of int}, "sorted": list of int, "moves": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [23, 12, 1, 8, 34, 54, 2, 3]},
    {"values": [5]},
    {"values": [9, 8, 7, 6, 5, 4, 3]},
]


def gapped_insertion(items, gap):
    moves = 0
    for i in range(gap, len(items)):
        current = items[i]
        j = i
        while j >= gap and items[j - gap] > current:
            items[j] = items[j - gap]
            j -= gap
            moves += 1
        items[j] = current
    return moves


def main_solution(values):
    items = list(values)
    rounds = []
    moves = 0
    gap = len(items) // 2
    while gap > 0:
        moves += gapped_insertion(items, gap)
        rounds.append({"gap": gap, "state": list(items)})
        gap //= 2
    return {"rounds": rounds, "sorted": items, "moves": moves}

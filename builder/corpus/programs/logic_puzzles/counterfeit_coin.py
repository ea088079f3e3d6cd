PROBLEM = """Among a row of coins exactly one is counterfeit and lighter than the others (or none is). Using a balance scale, split the candidates into three nearly equal groups, weigh the first two groups against each other, and keep the lighter group, or the third group if they balance. Repeat until one candidate remains, then confirm it against a known genuine coin. Report the weighings used and the fake coin's index."""
IO_REQUIREMENTS = """Input:
  weights (list of int): coin weights; all equal except possibly one lighter coin; at least 2 coins.
Output:
  return (dict): {"fake": int (index, -1 if all genuine), "weighings": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"weights": [10, 10, 10, 10, 9, 10, 10, 10, 10]},
    {"weights": [5, 4]},
    {"weights": [7, 7, 7, 7]},
    {"weights": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 2]},
]


def weigh(weights, left, right):
    left_total = sum(weights[i] for i in left)
    right_total = sum(weights[i] for i in right)
    if left_total < right_total:
        return -1
    if left_total > right_total:
        return 1
    return 0


def main_solution(weights):
    candidates = list(range(len(weights)))
    weighings = 0
    while len(candidates) > 1:
        size = (len(candidates) + 2) // 3
        first, second, rest = candidates[:size], candidates[size:2 * size], candidates[2 * size:]
        result = weigh(weights, first, second)
        weighings += 1
        if result == -1:
            candidates = first
        elif result == 1:
            candidates = second
        else:
            candidates = rest
    if not candidates:
        return {"fake": -1, "weighings": weighings}
    suspect = candidates[0]
    reference = 0 if suspect != 0 else 1
    weighings += 1
    if weigh(weights, [suspect], [reference]) == -1:
        return {"fake": suspect, "weighings": weighings}
    return {"fake": -1, "weighings": weighings}

PROBLEM = """Two siblings want to split a pile of gift boxes, each with a known value, so that both get exactly the same total value. Decide whether this is possible using a table of reachable sums (each box used at most once), and if it is, name the boxes that go to the first sibling."""
IO_REQUIREMENTS = """Input:
  values (list of int): positive box values, up to 10 boxes, total at most 200.
Output:
  return (dict): {"possible": bool, "first_share": list of int (indices of boxes, ascending; empty if impossible)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [1, 5, 11, 5]},
    {"values": [1, 2, 3, 5]},
    {"values": [4, 4]},
    {"values": [3, 1, 4, 2, 2]},
]


def main_solution(values):
    total = sum(values)
    if total % 2 == 1:
        return {"possible": False, "first_share": []}
    half = total // 2
    reached_by = {0: None}
    for index, value in enumerate(values):
        for amount in sorted(reached_by, reverse=True):
            new_amount = amount + value
            if new_amount <= half and new_amount not in reached_by:
                reached_by[new_amount] = (amount, index)
    if half not in reached_by:
        return {"possible": False, "first_share": []}
    share = []
    amount = half
    while reached_by[amount] is not None:
        amount, index = reached_by[amount]
        share.append(index)
    return {"possible": True, "first_share": sorted(share)}

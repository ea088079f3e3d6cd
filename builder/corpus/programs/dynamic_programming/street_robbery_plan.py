PROBLEM = """A charity collector visits houses along a street, and each house has promised a donation amount, but the collector may not visit two neighbouring houses on the same day (neighbours talk to each other). Which houses should be visited to collect the most? Keep, for each house, the best total with and without visiting it, then recover the chosen houses."""
IO_REQUIREMENTS = """Input:
  donations (list of int): non-negative amount for each house.
Output:
  return (dict): {"total": int, "houses": list of int (indices visited, ascending)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"donations": [2, 7, 9, 3, 1]},
    {"donations": [5]},
    {"donations": []},
    {"donations": [6, 1, 1, 6, 10, 2, 2, 8]},
]


def main_solution(donations):
    count = len(donations)
    best = [0] * (count + 1)
    for i in range(1, count + 1):
        skip = best[i - 1]
        take = donations[i - 1] + (best[i - 2] if i >= 2 else 0)
        best[i] = max(skip, take)
    houses = []
    i = count
    while i >= 1:
        if best[i] == best[i - 1]:
            i -= 1
        else:
            houses.append(i - 1)
            i -= 2
    houses.reverse()
    return {"total": best[count], "houses": houses}

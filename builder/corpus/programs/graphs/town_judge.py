PROBLEM = """In a village, trust is recorded as pairs [a, b] meaning resident a trusts resident b. The village elder is a resident who trusts nobody but is trusted by every other resident. Compute each resident's in-degree and out-degree of trust to identify the elder, if there is exactly one, and list the most trusted residents."""
IO_REQUIREMENTS = """Input:
  residents (int): number of residents labelled 1..residents.
  trust (list of list of int): pairs [a, b].
Output:
  return (dict): {"elder": int (-1 if none), "most_trusted": list of int (all residents with the highest in-degree, ascending)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"residents": 3, "trust": [[1, 3], [2, 3]]},
    {"residents": 3, "trust": [[1, 3], [2, 3], [3, 1]]},
    {"residents": 1, "trust": []},
    {"residents": 4, "trust": [[1, 2], [3, 4], [2, 4], [1, 4], [3, 2]]},
]


def degrees(residents, trust):
    trusted_by = [0] * (residents + 1)
    trusts = [0] * (residents + 1)
    for a, b in trust:
        trusts[a] += 1
        trusted_by[b] += 1
    return trusted_by, trusts


def main_solution(residents, trust):
    trusted_by, trusts = degrees(residents, trust)
    elder = -1
    for person in range(1, residents + 1):
        if trusted_by[person] == residents - 1 and trusts[person] == 0:
            elder = person
    top = max(trusted_by[1:])
    most = [p for p in range(1, residents + 1) if trusted_by[p] == top]
    return {"elder": elder, "most_trusted": most}

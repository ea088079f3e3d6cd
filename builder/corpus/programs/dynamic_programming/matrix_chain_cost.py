PROBLEM = """Multiplying a chain of matrices costs a different number of scalar multiplications depending on where the parentheses go. Given the dimensions of the chain (matrix i is dims[i] x dims[i+1]), find the cheapest parenthesisation with interval dynamic programming and write it out, naming the matrices A, B, C, ..."""
IO_REQUIREMENTS = """Input:
  dims (list of int): chain dimensions, 2 <= len(dims) <= 6.
Output:
  return (dict): {"cost": int, "order": str such as "((AB)C)"}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"dims": [10, 30, 5, 60]},
    {"dims": [40, 20, 30, 10, 30]},
    {"dims": [5, 8]},
    {"dims": [1, 2, 3, 4, 3]},
]


def solve(dims):
    count = len(dims) - 1
    cost = [[0] * count for _ in range(count)]
    split = [[0] * count for _ in range(count)]
    for span in range(2, count + 1):
        for i in range(count - span + 1):
            j = i + span - 1
            cost[i][j] = None
            for k in range(i, j):
                candidate = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if cost[i][j] is None or candidate < cost[i][j]:
                    cost[i][j] = candidate
                    split[i][j] = k
    return cost, split


def write_order(split, i, j):
    if i == j:
        return "ABCDEFGH"[i]
    k = split[i][j]
    return "(" + write_order(split, i, k) + write_order(split, k + 1, j) + ")"


def main_solution(dims):
    cost, split = solve(dims)
    last = len(dims) - 2
    return {"cost": cost[0][last], "order": write_order(split, 0, last)}

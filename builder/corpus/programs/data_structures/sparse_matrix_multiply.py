PROBLEM = """A recommendation system stores mostly-zero matrices sparsely as dictionaries that map "row,col" to a non-zero value. Convert two dense matrices to this form, multiply them by iterating only over the non-zero entries (grouping the second matrix by row), and return the product in sparse and dense form together with the number of scalar multiplications performed."""
IO_REQUIREMENTS = """Input:
  a (list of list of int): m x n matrix.
  b (list of list of int): n x p matrix.
Output:
  return (dict): {"sparse": dict "r,c" -> int (keys sorted), "dense": list of list of int, "multiplications": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"a": [[1, 0, 0], [-1, 0, 3]], "b": [[7, 0, 0], [0, 0, 0], [0, 0, 1]]},
    {"a": [[0, 0], [0, 0]], "b": [[1, 2], [3, 4]]},
    {"a": [[2]], "b": [[5]]},
    {"a": [[1, 2, 0, 0], [0, 0, 0, 4], [0, 5, 0, 0]], "b": [[0, 1], [2, 0], [0, 0], [0, 3]]},
]


def to_sparse(matrix):
    entries = {}
    for r, row in enumerate(matrix):
        for c, value in enumerate(row):
            if value != 0:
                entries[(r, c)] = value
    return entries


def main_solution(a, b):
    sparse_a, sparse_b = to_sparse(a), to_sparse(b)
    b_rows = {}
    for (r, c), value in sparse_b.items():
        b_rows.setdefault(r, []).append((c, value))
    product = {}
    multiplications = 0
    for (i, k), left in sparse_a.items():
        for j, right in b_rows.get(k, []):
            product[(i, j)] = product.get((i, j), 0) + left * right
            multiplications += 1
    rows, cols = len(a), len(b[0])
    dense = [[product.get((r, c), 0) for c in range(cols)] for r in range(rows)]
    sparse = {str(r) + "," + str(c): v for (r, c), v in sorted(product.items()) if v != 0}
    return {"sparse": sparse, "dense": dense, "multiplications": multiplications}

PROBLEM = """A magic square is an n x n grid containing each of the numbers 1 to n*n exactly once, in which every row, every column and both main diagonals add up to the same magic constant n(n^2+1)/2. Check a grid, and list which lines (rows, columns, diagonals) have the wrong sum."""
IO_REQUIREMENTS = """Input:
  square (list of list of int): n x n grid, 1 <= n <= 6.
Output:
  return (dict): {"magic": bool, "constant": int, "bad_lines": list of str (like "row 0", "col 2", "diag", "anti"), "uses_each_number_once": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"square": [[2, 7, 6], [9, 5, 1], [4, 3, 8]]},
    {"square": [[1, 2], [3, 4]]},
    {"square": [[1]]},
    {"square": [[16, 3, 2, 13], [5, 10, 11, 8], [9, 6, 7, 12], [4, 15, 14, 1]]},
    {"square": [[5, 5, 5], [5, 5, 5], [5, 5, 5]]},
]


def line_sums(square):
    n = len(square)
    lines = {}
    for i in range(n):
        lines["row " + str(i)] = sum(square[i])
        lines["col " + str(i)] = sum(square[r][i] for r in range(n))
    lines["diag"] = sum(square[i][i] for i in range(n))
    lines["anti"] = sum(square[i][n - 1 - i] for i in range(n))
    return lines


def main_solution(square):
    n = len(square)
    constant = n * (n * n + 1) // 2
    bad = [name for name, total in line_sums(square).items() if total != constant]
    numbers = sorted(value for row in square for value in row)
    each_once = numbers == list(range(1, n * n + 1))
    return {"magic": not bad and each_once, "constant": constant, "bad_lines": bad, "uses_each_number_once": each_once}

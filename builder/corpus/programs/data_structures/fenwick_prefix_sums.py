PROBLEM = """A shop records sales per day and must answer "total sales from day l to day r" quickly while sales keep being corrected. Use a Fenwick (binary indexed) tree: an update adds a delta at a position and climbs by adding the lowest set bit, a prefix query sums while stripping the lowest set bit. Apply a list of operations and return the answers to the range queries."""
IO_REQUIREMENTS = """Input:
  sales (list of int): initial sales for days 1..n.
  operations (list of list): ["add", day, delta] or ["sum", l, r] with 1 <= l <= r <= n.
Output:
  return (dict): {"answers": list of int, "tree": list of int (internal array, index 0 unused)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"sales": [5, 3, 7, 9, 6, 4, 1, 2], "operations": [["sum", 1, 4], ["add", 3, 10], ["sum", 2, 5], ["sum", 8, 8]]},
    {"sales": [4], "operations": [["sum", 1, 1], ["add", 1, -4], ["sum", 1, 1]]},
    {"sales": [1, 1, 1], "operations": []},
    {"sales": [2, 0, 4, 1, 3], "operations": [["add", 2, 5], ["add", 5, 1], ["sum", 1, 5], ["sum", 2, 3]]},
]


class FenwickTree:
    def __init__(self, size):
        self.tree = [0] * (size + 1)

    def add(self, position, delta):
        while position < len(self.tree):
            self.tree[position] += delta
            position += position & -position

    def prefix(self, position):
        total = 0
        while position > 0:
            total += self.tree[position]
            position -= position & -position
        return total


def main_solution(sales, operations):
    fenwick = FenwickTree(len(sales))
    for day, amount in enumerate(sales, start=1):
        fenwick.add(day, amount)
    answers = []
    for kind, first, second in operations:
        if kind == "add":
            fenwick.add(first, second)
        else:
            answers.append(fenwick.prefix(second) - fenwick.prefix(first - 1))
    return {"answers": answers, "tree": fenwick.tree}

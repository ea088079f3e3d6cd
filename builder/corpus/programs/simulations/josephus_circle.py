PROBLEM = """Children stand in a circle numbered 1 to n for a counting-out game. Starting from child 1, they count around the circle and every k-th child leaves; counting continues with the next child. Simulate the game with a list, recording the elimination order, and check the survivor against the Josephus recurrence J(1) = 0, J(m) = (J(m-1) + k) mod m."""
IO_REQUIREMENTS = """Input:
  n (int): number of children, 1 <= n <= 30.
  k (int): counting step, >= 1.
Output:
  return (dict): {"order": list of int (elimination order), "survivor": int, "formula_survivor": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 7, "k": 3},
    {"n": 1, "k": 5},
    {"n": 10, "k": 2},
    {"n": 6, "k": 1},
]


def josephus_formula(n, k):
    position = 0
    for size in range(2, n + 1):
        position = (position + k) % size
    return position + 1


def main_solution(n, k):
    circle = list(range(1, n + 1))
    order = []
    index = 0
    while len(circle) > 1:
        index = (index + k - 1) % len(circle)
        order.append(circle.pop(index))
    return {"order": order, "survivor": circle[0], "formula_survivor": josephus_formula(n, k)}

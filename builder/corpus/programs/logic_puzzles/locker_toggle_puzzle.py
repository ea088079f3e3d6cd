PROBLEM = """A school corridor has n closed lockers. Student 1 opens every locker, student 2 toggles every second locker, student 3 toggles every third locker, and so on until student n toggles only the last one. Which lockers are open at the end? Simulate the toggling and check the known answer: exactly the perfect squares stay open, because only they have an odd number of divisors."""
IO_REQUIREMENTS = """Input:
  n (int): number of lockers, 0 <= n <= 100.
Output:
  return (dict): {"open": list of int (locker numbers, 1-based), "toggles": int (total toggle operations), "matches_squares": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"n": 10},
    {"n": 1},
    {"n": 0},
    {"n": 100},
]


def main_solution(n):
    is_open = [False] * (n + 1)
    toggles = 0
    for student in range(1, n + 1):
        for locker in range(student, n + 1, student):
            is_open[locker] = not is_open[locker]
            toggles += 1
    open_lockers = [i for i in range(1, n + 1) if is_open[i]]
    squares = [k * k for k in range(1, n + 1) if k * k <= n]
    return {"open": open_lockers, "toggles": toggles, "matches_squares": open_lockers == squares}

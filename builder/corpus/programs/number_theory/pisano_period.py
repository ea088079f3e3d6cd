PROBLEM = """The last digits of Fibonacci numbers repeat: taken modulo any m, the Fibonacci sequence is periodic. Find the length of this period (the Pisano period) by generating pairs of consecutive Fibonacci numbers modulo m until the starting pair (0, 1) appears again, and use it to compute the n-th Fibonacci number modulo m cheaply."""
IO_REQUIREMENTS = """Input:
  m (int): modulus, 2 <= m <= 60.
  n (int): index of the Fibonacci number wanted, n >= 0 (may be huge).
Output:
  return (dict): {"period": int, "fib_mod": int, "first_terms": list of int (the first min(period, 12) terms modulo m)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"m": 10, "n": 1000},
    {"m": 2, "n": 5},
    {"m": 7, "n": 0},
    {"m": 50, "n": 123456789012},
]


def pisano(m):
    previous, current = 0, 1
    length = 0
    while True:
        previous, current = current, (previous + current) % m
        length += 1
        if previous == 0 and current == 1:
            return length


def fib_mod(index, m):
    a, b = 0, 1
    for _ in range(index):
        a, b = b, (a + b) % m
    return a


def main_solution(m, n):
    period = pisano(m)
    first_terms = [fib_mod(i, m) for i in range(min(period, 12))]
    return {"period": period, "fib_mod": fib_mod(n % period, m), "first_terms": first_terms}

PROBLEM = """A tiler needs the side of the largest square floor that can be laid with at most a given number of unit tiles, i.e. the integer square root of the count. Find it by binary search over possible side lengths without using floating point, and report how many tiles would remain unused."""
IO_REQUIREMENTS = """Input:
  tiles (int): number of tiles available, 0 <= tiles <= 10**12.
Output:
  return (dict): {"side": int, "unused": int, "iterations": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"tiles": 50},
    {"tiles": 0},
    {"tiles": 144},
    {"tiles": 999999999999},
]


def isqrt_search(n):
    low, high = 0, n
    iterations = 0
    while low < high:
        iterations += 1
        middle = (low + high + 1) // 2
        if middle * middle <= n:
            low = middle
        else:
            high = middle - 1
    return low, iterations


def main_solution(tiles):
    side, iterations = isqrt_search(tiles)
    return {"side": side, "unused": tiles - side * side, "iterations": iterations}

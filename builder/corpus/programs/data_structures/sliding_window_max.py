PROBLEM = """A weather service reports, for every window of k consecutive hourly temperatures, the highest temperature in that window. Instead of rescanning each window, keep a double-ended queue of indices whose temperatures are in decreasing order: drop indices that fall out of the window from the front and indices with smaller temperatures from the back."""
IO_REQUIREMENTS = """Input:
  temperatures (list of int): hourly readings.
  k (int): window size, >= 1.
Output:
  return (dict): {"maxima": list of int (empty if fewer than k readings), "deque_pops": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"temperatures": [1, 3, -1, -3, 5, 3, 6, 7], "k": 3},
    {"temperatures": [4, 2], "k": 3},
    {"temperatures": [9, 8, 7, 6], "k": 1},
    {"temperatures": [2, 2, 2, 5, 1, 1, 4, 8, 3], "k": 4},
]

from collections import deque


def main_solution(temperatures, k):
    window = deque()
    maxima = []
    pops = 0
    for index, value in enumerate(temperatures):
        if window and window[0] <= index - k:
            window.popleft()
            pops += 1
        while window and temperatures[window[-1]] <= value:
            window.pop()
            pops += 1
        window.append(index)
        if index >= k - 1:
            maxima.append(temperatures[window[0]])
    return {"maxima": maxima, "deque_pops": pops}

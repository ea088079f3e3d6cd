PROBLEM = """A fitness app shows the median of all step counts recorded so far, updated after every new day. Maintain two heaps: a max-heap (stored with negated values) for the lower half and a min-heap for the upper half, rebalancing so the lower half has the same size or one more element. The median is the top of the lower half, or the average of both tops when the sizes are equal."""
IO_REQUIREMENTS = """Input:
  steps (list of int): daily step counts.
Output:
  return (dict): {"medians": list of float (one per day)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"steps": [5000, 12000, 8000, 3000, 10000]},
    {"steps": [7000]},
    {"steps": []},
    {"steps": [1, 2, 3, 4, 5, 6]},
]

import heapq


def add(value, lower, upper):
    if not lower or value <= -lower[0]:
        heapq.heappush(lower, -value)
    else:
        heapq.heappush(upper, value)
    if len(lower) > len(upper) + 1:
        heapq.heappush(upper, -heapq.heappop(lower))
    elif len(upper) > len(lower):
        heapq.heappush(lower, -heapq.heappop(upper))


def median(lower, upper):
    if len(lower) > len(upper):
        return float(-lower[0])
    return (-lower[0] + upper[0]) / 2


def main_solution(steps):
    lower, upper = [], []
    medians = []
    for value in steps:
        add(value, lower, upper)
        medians.append(median(lower, upper))
    return {"medians": medians}

PROBLEM = """A shop stocks screws in a sorted list of lengths. For each requested length, find the stocked length closest to it using binary search (prefer the shorter screw when two are equally close) and report by how much it differs from the request."""
IO_REQUIREMENTS = """Input:
  stock (list of int): sorted lengths in millimetres, at least one.
  requests (list of int): wanted lengths.
Output:
  return (list of dict): one {"request": int, "closest": int, "difference": int} per request, difference = closest - request."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"stock": [10, 16, 20, 25, 30, 40], "requests": [18, 27, 5, 100]},
    {"stock": [12], "requests": [12, 3]},
    {"stock": [8, 10, 12], "requests": []},
    {"stock": [3, 6, 9, 12, 15], "requests": [7, 13, 15]},
]

import bisect


def closest(stock, request):
    position = bisect.bisect_left(stock, request)
    if position == 0:
        return stock[0]
    if position == len(stock):
        return stock[-1]
    below, above = stock[position - 1], stock[position]
    if request - below <= above - request:
        return below
    return above


def main_solution(stock, requests):
    answers = []
    for request in requests:
        best = closest(stock, request)
        answers.append({"request": request, "closest": best, "difference": best - request})
    return answers

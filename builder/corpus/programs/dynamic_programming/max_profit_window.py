PROBLEM = """A food truck records its daily profit (which can be negative). Find the consecutive stretch of days with the largest total profit using Kadane's method: keep the best sum of a stretch ending today, restarting whenever continuing the previous stretch would be worse than starting fresh. Report the total and the first and last day (0-based) of the best stretch."""
IO_REQUIREMENTS = """Input:
  profits (list of int): at least one value.
Output:
  return (dict): {"best": int, "start": int, "end": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"profits": [-2, 1, -3, 4, -1, 2, 1, -5, 4]},
    {"profits": [-8, -3, -6]},
    {"profits": [7]},
    {"profits": [5, -2, 3, -10, 6, 1]},
]


def main_solution(profits):
    best = current = profits[0]
    start = end = current_start = 0
    for day in range(1, len(profits)):
        if current + profits[day] < profits[day]:
            current = profits[day]
            current_start = day
        else:
            current += profits[day]
        if current > best:
            best = current
            start, end = current_start, day
    return {"best": best, "start": start, "end": end}

PROBLEM = """Today a parent is a certain number of times as old as their child. After a given number of years the parent will be a smaller whole multiple of the child's age. Find their current ages by trying each possible age of the child, or report that no whole-number solution exists for child ages from 1 to 100."""
IO_REQUIREMENTS = """Input:
  ratio_now (int): parent age / child age today, >= 2.
  years_later (int): number of years into the future, >= 1.
  ratio_later (int): parent age / child age after years_later years, 1 < ratio_later < ratio_now.
Output:
  return (dict): {"child": int, "parent": int, "checked": int} where checked is how many child ages were tried; child and parent are -1 when no solution exists."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"ratio_now": 4, "years_later": 5, "ratio_later": 3},
    {"ratio_now": 3, "years_later": 10, "ratio_later": 2},
    {"ratio_now": 5, "years_later": 7, "ratio_later": 4},
    {"ratio_now": 7, "years_later": 1, "ratio_later": 6},
]


def satisfies(child, ratio_now, years_later, ratio_later):
    parent = child * ratio_now
    return parent + years_later == ratio_later * (child + years_later)


def main_solution(ratio_now, years_later, ratio_later):
    checked = 0
    for child in range(1, 101):
        checked += 1
        if satisfies(child, ratio_now, years_later, ratio_later):
            return {"child": child, "parent": child * ratio_now, "checked": checked}
    return {"child": -1, "parent": -1, "checked": checked}

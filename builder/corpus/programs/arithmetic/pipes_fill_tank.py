PROBLEM = """A tank is filled by several inlet pipes and emptied by drain pipes. Each inlet alone would fill the empty tank in a given number of hours, and each drain alone would empty a full tank in a given number of hours. With all pipes open at once, starting from an empty tank, how long does it take to fill it? Give the answer as an exact fraction of hours, or say it never fills."""
IO_REQUIREMENTS = """Input:
  fill_hours (list of int): hours for each inlet to fill the tank alone, each > 0.
  drain_hours (list of int): hours for each drain to empty the tank alone, each > 0.
Output:
  return (dict): {"fills": bool, "hours": str (a reduced fraction like "12/7", or "never"), "rate_per_hour": str (net fraction of the tank per hour)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"fill_hours": [3, 4], "drain_hours": []},
    {"fill_hours": [2, 6], "drain_hours": [4]},
    {"fill_hours": [5], "drain_hours": [5]},
    {"fill_hours": [6], "drain_hours": [3, 8]},
]

from fractions import Fraction


def combined_rate(hours_list):
    rate = Fraction(0)
    for hours in hours_list:
        rate += Fraction(1, hours)
    return rate


def main_solution(fill_hours, drain_hours):
    net = combined_rate(fill_hours) - combined_rate(drain_hours)
    if net <= 0:
        return {"fills": False, "hours": "never", "rate_per_hour": str(net)}
    return {"fills": True, "hours": str(1 / net), "rate_per_hour": str(net)}

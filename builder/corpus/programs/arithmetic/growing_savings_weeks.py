PROBLEM = """A child saves money with a growing plan: in the first week they put aside a starting amount, and every following week they save a fixed step more than the week before. How many weeks does it take to reach a savings goal, and how much will they have saved by then?"""
IO_REQUIREMENTS = """Input:
  goal (int): savings goal in cents, >= 0.
  first_week (int): amount saved in the first week, > 0.
  step (int): extra amount added each week, >= 0.
Output:
  return (dict): {"weeks": int, "saved": int, "last_deposit": int} (0 weeks if the goal is already 0)."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"goal": 10000, "first_week": 100, "step": 50},
    {"goal": 5000, "first_week": 500, "step": 0},
    {"goal": 0, "first_week": 200, "step": 10},
    {"goal": 123456, "first_week": 25, "step": 25},
]


def main_solution(goal, first_week, step):
    saved = 0
    weeks = 0
    deposit = first_week
    last_deposit = 0
    while saved < goal:
        saved += deposit
        last_deposit = deposit
        weeks += 1
        deposit += step
    return {"weeks": weeks, "saved": saved, "last_deposit": last_deposit}

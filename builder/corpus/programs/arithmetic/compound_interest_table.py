PROBLEM = """A saver deposits an initial amount in an account that pays a fixed annual interest rate, compounded once a year, and adds the same contribution at the end of every year. Produce the balance at the end of each year, and report how much of the final balance came from interest."""
IO_REQUIREMENTS = """Input:
  principal (float): initial deposit, >= 0.
  rate_percent (float): annual interest rate in percent, >= 0.
  years (int): number of years, 0 <= years <= 40.
  yearly_contribution (float): amount added at the end of each year, >= 0.
Output:
  return (dict): {"balances": list of float (one per year, rounded to 2 decimals), "final": float, "interest_earned": float}, all rounded to 2 decimals."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"principal": 1000.0, "rate_percent": 5.0, "years": 5, "yearly_contribution": 0.0},
    {"principal": 2500.0, "rate_percent": 3.5, "years": 10, "yearly_contribution": 500.0},
    {"principal": 0.0, "rate_percent": 7.0, "years": 3, "yearly_contribution": 1200.0},
    {"principal": 800.0, "rate_percent": 4.0, "years": 0, "yearly_contribution": 100.0},
]


def grow_one_year(balance, rate):
    interest = balance * rate
    return balance + interest, interest


def main_solution(principal, rate_percent, years, yearly_contribution):
    rate = rate_percent / 100.0
    balance = principal
    total_interest = 0.0
    balances = []
    for _ in range(years):
        balance, interest = grow_one_year(balance, rate)
        total_interest += interest
        balance += yearly_contribution
        balances.append(round(balance, 2))
    return {"balances": balances, "final": round(balance, 2), "interest_earned": round(total_interest, 2)}

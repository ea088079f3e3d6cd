PROBLEM = """A borrower takes out a loan with a yearly interest rate that is charged monthly on the outstanding balance (one twelfth of the yearly rate each month). Every month the borrower pays a fixed amount, or the remaining balance if that is smaller. How many months does it take to clear the loan and how much interest is paid in total? If the monthly payment does not even cover the first month's interest, the loan can never be repaid."""
IO_REQUIREMENTS = """Input:
  amount (float): amount borrowed, > 0.
  yearly_rate_percent (float): yearly interest rate in percent, >= 0.
  monthly_payment (float): fixed monthly payment, > 0.
Output:
  return (dict): {"months": int (-1 if never repaid), "total_interest": float rounded to 2 decimals, "last_payment": float rounded to 2 decimals}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"amount": 10000.0, "yearly_rate_percent": 6.0, "monthly_payment": 300.0},
    {"amount": 25000.0, "yearly_rate_percent": 4.5, "monthly_payment": 150.0},
    {"amount": 5000.0, "yearly_rate_percent": 12.0, "monthly_payment": 40.0},
    {"amount": 1200.0, "yearly_rate_percent": 0.0, "monthly_payment": 100.0},
]


def monthly_interest(balance, yearly_rate_percent):
    return balance * yearly_rate_percent / 100.0 / 12.0


def main_solution(amount, yearly_rate_percent, monthly_payment):
    if monthly_interest(amount, yearly_rate_percent) >= monthly_payment:
        return {"months": -1, "total_interest": 0.0, "last_payment": 0.0}
    balance = amount
    months = 0
    total_interest = 0.0
    payment = 0.0
    while balance > 0.005:
        interest = monthly_interest(balance, yearly_rate_percent)
        total_interest += interest
        balance += interest
        payment = min(monthly_payment, balance)
        balance -= payment
        months += 1
    return {"months": months, "total_interest": round(total_interest, 2), "last_payment": round(payment, 2)}

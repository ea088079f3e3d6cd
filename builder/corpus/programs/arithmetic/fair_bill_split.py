PROBLEM = """Friends share a restaurant bill. The bill total in cents is increased by a tip percentage (rounded to the nearest cent, halves rounded up), and the result is split evenly. Because cents cannot be divided, the first few people in the list pay one extra cent so that the shares add up exactly to the total. What does each person pay?"""
IO_REQUIREMENTS = """Input:
  bill_cents (int): bill before tip in cents, >= 0.
  tip_percent (int): tip percentage, 0 <= tip_percent <= 50.
  names (list of str): the people sharing, at least one.
Output:
  return (dict): {"total": int, "shares": dict name -> int cents}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"bill_cents": 10000, "tip_percent": 15, "names": ["Ana", "Ben", "Caro"]},
    {"bill_cents": 4999, "tip_percent": 10, "names": ["Dev", "Eli"]},
    {"bill_cents": 2345, "tip_percent": 0, "names": ["Fay"]},
    {"bill_cents": 8765, "tip_percent": 18, "names": ["Gus", "Hal", "Ida", "Jo", "Kim", "Lu", "Max"]},
]


def add_tip(bill_cents, tip_percent):
    tip_hundredths = bill_cents * tip_percent
    tip = tip_hundredths // 100
    if tip_hundredths % 100 >= 50:
        tip += 1
    return bill_cents + tip


def main_solution(bill_cents, tip_percent, names):
    total = add_tip(bill_cents, tip_percent)
    base, extra = divmod(total, len(names))
    shares = {}
    for index, name in enumerate(names):
        share = base
        if index < extra:
            share += 1
        shares[name] = share
    return {"total": total, "shares": shares}

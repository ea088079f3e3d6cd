PROBLEM = """An electricity company charges in tiers: the first 100 kWh of a month cost 12 cents each, the next 200 kWh cost 15 cents each, and everything above 300 kWh costs 20 cents each. A fixed connection fee of 500 cents is added, and customers flagged as low-income get 10% off the energy part (rounded down to whole cents). Compute the bill and the charge per tier."""
IO_REQUIREMENTS = """Input:
  kwh (int): energy used in the month, >= 0.
  low_income (bool): whether the discount applies.
Output:
  return (dict): {"tiers": list of int (cents charged in each of the 3 tiers), "discount": int, "total": int} all in cents."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"kwh": 80, "low_income": False},
    {"kwh": 250, "low_income": True},
    {"kwh": 455, "low_income": False},
    {"kwh": 0, "low_income": True},
]

TIERS = [(100, 12), (200, 15), (None, 20)]
CONNECTION_FEE = 500


def tier_charges(kwh):
    charges = []
    remaining = kwh
    for size, rate in TIERS:
        if size is None:
            used = remaining
        else:
            used = min(remaining, size)
        charges.append(used * rate)
        remaining -= used
    return charges


def main_solution(kwh, low_income):
    charges = tier_charges(kwh)
    energy = sum(charges)
    discount = energy // 10 if low_income else 0
    total = energy - discount + CONNECTION_FEE
    return {"tiers": charges, "discount": discount, "total": total}

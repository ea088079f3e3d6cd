PROBLEM = """A cashier must hand back change using as few coins as possible from coins worth 200, 100, 50, 20, 10, 5, 2 and 1 cents. Given the price of an item and the amount the customer paid (both in cents), work out how much change is due and how many coins of each value the cashier hands back. If the customer paid too little, report the shortfall instead."""
IO_REQUIREMENTS = """Input:
  price (int): price of the item in cents, 0 <= price <= 100000.
  paid (int): amount handed over in cents, 0 <= paid <= 100000.
Output:
  return (dict): {"change": int, "coins": dict mapping coin value (as a string) to count, only for coins used, "shortfall": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"price": 1234, "paid": 2000},
    {"price": 499, "paid": 500},
    {"price": 750, "paid": 700},
    {"price": 300, "paid": 300},
    {"price": 12, "paid": 1000},
]

COIN_VALUES = [200, 100, 50, 20, 10, 5, 2, 1]


def split_into_coins(amount):
    coins = {}
    remaining = amount
    for value in COIN_VALUES:
        count = remaining // value
        if count > 0:
            coins[str(value)] = count
            remaining -= count * value
    return coins


def main_solution(price, paid):
    if paid < price:
        return {"change": 0, "coins": {}, "shortfall": price - paid}
    change = paid - price
    coins = split_into_coins(change)
    return {"change": change, "coins": coins, "shortfall": 0}

PROBLEM = """A vending machine accepts coins of certain denominations. In how many different ways can a given amount be paid if the order of the coins does not matter? Build a table where ways[a] counts the combinations for amount a, adding one coin type at a time so that each combination is counted once."""
IO_REQUIREMENTS = """Input:
  amount (int): 0 <= amount <= 100.
  coins (list of int): distinct positive denominations.
Output:
  return (dict): {"ways": int, "table": list of int (ways for every amount 0..min(amount, 10))}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"amount": 10, "coins": [1, 2, 5]},
    {"amount": 0, "coins": [3]},
    {"amount": 7, "coins": [2, 4]},
    {"amount": 50, "coins": [5, 10, 20, 25]},
]


def count_ways(amount, coins):
    ways = [0] * (amount + 1)
    ways[0] = 1
    for coin in coins:
        for value in range(coin, amount + 1):
            ways[value] += ways[value - coin]
    return ways


def main_solution(amount, coins):
    ways = count_ways(amount, coins)
    return {"ways": ways[amount], "table": ways[:min(amount, 10) + 1]}

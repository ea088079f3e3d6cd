PROBLEM = """Pay an exact amount with the fewest coins from an unusual coin system where the greedy method can fail (for example coins 1, 3 and 4 for an amount of 6). Use bottom-up dynamic programming, remember which coin was used last for each amount, and reconstruct one optimal set of coins. Compare with what the greedy method would use."""
IO_REQUIREMENTS = """Input:
  amount (int): 0 <= amount <= 60.
  coins (list of int): distinct positive denominations.
Output:
  return (dict): {"min_coins": int (-1 if impossible), "used": list of int (sorted descending), "greedy_coins": int (-1 if greedy gets stuck)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"amount": 6, "coins": [1, 3, 4]},
    {"amount": 11, "coins": [5, 2]},
    {"amount": 7, "coins": [2, 4]},
    {"amount": 0, "coins": [1]},
    {"amount": 30, "coins": [1, 10, 25]},
]


def greedy_count(amount, coins):
    count = 0
    for coin in sorted(coins, reverse=True):
        count += amount // coin
        amount %= coin
    return count if amount == 0 else -1


def main_solution(amount, coins):
    impossible = amount + 1
    best = [0] + [impossible] * amount
    last_coin = [0] * (amount + 1)
    for value in range(1, amount + 1):
        for coin in coins:
            if coin <= value and best[value - coin] + 1 < best[value]:
                best[value] = best[value - coin] + 1
                last_coin[value] = coin
    if best[amount] == impossible:
        return {"min_coins": -1, "used": [], "greedy_coins": greedy_count(amount, coins)}
    used = []
    value = amount
    while value > 0:
        used.append(last_coin[value])
        value -= last_coin[value]
    used.sort(reverse=True)
    return {"min_coins": best[amount], "used": used, "greedy_coins": greedy_count(amount, coins)}

PROBLEM = """A shopper has a gift card with an exact balance and a sorted list of item prices. Find all distinct pairs of different items whose prices add up exactly to the balance, using two pointers that start at both ends of the list and move towards each other. Each pair of prices should be reported once."""
IO_REQUIREMENTS = """Input:
  prices (list of int): sorted in non-decreasing order.
  balance (int): the amount to spend exactly.
Output:
  return (dict): {"pairs": list of [low_price, high_price], "comparisons": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"prices": [1, 2, 3, 4, 5, 6, 7, 9], "balance": 10},
    {"prices": [5, 5, 5], "balance": 10},
    {"prices": [2, 4], "balance": 7},
    {"prices": [], "balance": 0},
]


def main_solution(prices, balance):
    left, right = 0, len(prices) - 1
    pairs = []
    comparisons = 0
    while left < right:
        comparisons += 1
        total = prices[left] + prices[right]
        if total == balance:
            pair = [prices[left], prices[right]]
            if not pairs or pairs[-1] != pair:
                pairs.append(pair)
            left += 1
            right -= 1
        elif total < balance:
            left += 1
        else:
            right -= 1
    return {"pairs": pairs, "comparisons": comparisons}

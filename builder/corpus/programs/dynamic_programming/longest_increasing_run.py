PROBLEM = """A stock analyst wants the longest strictly increasing subsequence of daily closing prices (days need not be consecutive). For each day compute the length of the best increasing subsequence ending there and a link to the previous day in it, then rebuild the sequence from the best ending day (the earliest one on a tie)."""
IO_REQUIREMENTS = """Input:
  prices (list of int): up to 15 values.
Output:
  return (dict): {"length": int, "sequence": list of int, "ending_lengths": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"prices": [10, 9, 2, 5, 3, 7, 101, 18]},
    {"prices": [5, 5, 5]},
    {"prices": []},
    {"prices": [3, 10, 2, 1, 20, 4, 6, 7]},
]


def main_solution(prices):
    count = len(prices)
    lengths = [1] * count
    previous = [-1] * count
    for i in range(count):
        for j in range(i):
            if prices[j] < prices[i] and lengths[j] + 1 > lengths[i]:
                lengths[i] = lengths[j] + 1
                previous[i] = j
    if count == 0:
        return {"length": 0, "sequence": [], "ending_lengths": []}
    best_end = 0
    for i in range(count):
        if lengths[i] > lengths[best_end]:
            best_end = i
    sequence = []
    index = best_end
    while index != -1:
        sequence.append(prices[index])
        index = previous[index]
    sequence.reverse()
    return {"length": lengths[best_end], "sequence": sequence, "ending_lengths": lengths}

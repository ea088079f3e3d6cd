PROBLEM = """A metal workshop sells rods of different lengths at different prices. Given a long rod, how should it be cut into pieces to earn the most money? For each length compute the best revenue by trying every size for the first piece, remember the best first cut, and list the pieces of an optimal cutting."""
IO_REQUIREMENTS = """Input:
  prices (list of int): prices[i] is the price of a piece of length i+1.
  length (int): rod length, 0 <= length <= 20.
Output:
  return (dict): {"revenue": int, "pieces": list of int (piece lengths, descending)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"prices": [1, 5, 8, 9, 10, 17, 17, 20], "length": 8},
    {"prices": [3, 5, 8, 9], "length": 4},
    {"prices": [2], "length": 0},
    {"prices": [1, 5, 8, 9, 10, 17, 17, 20], "length": 13},
]


def best_revenues(prices, length):
    revenue = [0] * (length + 1)
    first_cut = [0] * (length + 1)
    for total in range(1, length + 1):
        for piece in range(1, min(total, len(prices)) + 1):
            candidate = prices[piece - 1] + revenue[total - piece]
            if candidate > revenue[total]:
                revenue[total] = candidate
                first_cut[total] = piece
    return revenue, first_cut


def main_solution(prices, length):
    revenue, first_cut = best_revenues(prices, length)
    pieces = []
    remaining = length
    while remaining > 0:
        pieces.append(first_cut[remaining])
        remaining -= first_cut[remaining]
    pieces.sort(reverse=True)
    return {"revenue": revenue[length], "pieces": pieces}

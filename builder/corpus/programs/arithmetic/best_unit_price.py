PROBLEM = """A shopper compares several package sizes of the same product. Each offer has a name, a price in cents and a quantity in grams. Find the offer with the lowest price per 100 grams (the earliest offer wins a tie), list all offers from cheapest to most expensive per 100 grams, and say how much is saved per 100 grams compared to the worst offer."""
IO_REQUIREMENTS = """Input:
  offers (list of dict): each {"name": str, "price": int cents > 0, "grams": int > 0}, at least one.
Output:
  return (dict): {"best": str, "ranking": list of str, "saving_per_100g": float rounded to 2 decimals (in cents)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"offers": [{"name": "small", "price": 249, "grams": 250}, {"name": "medium", "price": 429, "grams": 500}, {"name": "large", "price": 899, "grams": 1000}]},
    {"offers": [{"name": "single", "price": 100, "grams": 100}]},
    {"offers": [{"name": "a", "price": 300, "grams": 600}, {"name": "b", "price": 150, "grams": 300}, {"name": "c", "price": 520, "grams": 1000}]},
    {"offers": [{"name": "bag", "price": 1299, "grams": 2500}, {"name": "box", "price": 575, "grams": 1000}, {"name": "tin", "price": 215, "grams": 400}, {"name": "jar", "price": 399, "grams": 750}]},
]


def price_per_100g(offer):
    return offer["price"] * 100.0 / offer["grams"]


def main_solution(offers):
    rated = []
    for position, offer in enumerate(offers):
        rated.append((price_per_100g(offer), position, offer["name"]))
    rated.sort()
    ranking = [name for _, _, name in rated]
    cheapest = rated[0][0]
    dearest = rated[-1][0]
    return {"best": ranking[0], "ranking": ranking, "saving_per_100g": round(dearest - cheapest, 2)}

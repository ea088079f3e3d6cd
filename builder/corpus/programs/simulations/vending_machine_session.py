PROBLEM = """A snack vending machine processes a sequence of events: "coin:<cents>" inserts money, "select:<slot>" buys the item in that slot if enough credit has been inserted and the slot is not empty, and "refund" returns the current credit. After a purchase the remaining credit stays in the machine for the next purchase. Print a message for every event and return what was bought, the money returned and the stock left."""
IO_REQUIREMENTS = """Input:
  stock (dict): slot -> {"name": str, "price": int cents, "count": int}.
  events (list of str): events as described, at most 10.
Output:
  return (dict): {"bought": list of str, "refunded": int, "credit_left": int, "stock_left": dict slot -> int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"stock": {"A1": {"name": "chips", "price": 150, "count": 2}, "B2": {"name": "candy", "price": 90, "count": 1}}, "events": ["coin:100", "coin:100", "select:A1", "select:B2", "coin:50", "select:B2", "refund"]},
    {"stock": {"C3": {"name": "water", "price": 120, "count": 0}}, "events": ["coin:200", "select:C3", "select:D4", "refund"]},
    {"stock": {"A1": {"name": "gum", "price": 50, "count": 5}}, "events": []},
]


def handle(event, stock, state):
    kind, _, argument = event.partition(":")
    if kind == "coin":
        state["credit"] += int(argument)
        return "credit is now " + str(state["credit"])
    if kind == "refund":
        state["refunded"] += state["credit"]
        state["credit"] = 0
        return "refunded"
    slot = stock.get(argument)
    if slot is None:
        return "no such slot " + argument
    if slot["count"] == 0:
        return slot["name"] + " is sold out"
    if state["credit"] < slot["price"]:
        return "need " + str(slot["price"] - state["credit"]) + " more for " + slot["name"]
    state["credit"] -= slot["price"]
    slot["count"] -= 1
    state["bought"].append(slot["name"])
    return "dispensed " + slot["name"]


def main_solution(stock, events):
    stock = {slot: dict(item) for slot, item in stock.items()}
    state = {"credit": 0, "refunded": 0, "bought": []}
    for event in events:
        print(event, "->", handle(event, stock, state))
    return {"bought": state["bought"], "refunded": state["refunded"], "credit_left": state["credit"],
            "stock_left": {slot: stock[slot]["count"] for slot in sorted(stock)}}

PROBLEM = """A hiker can carry a limited weight. Each item has a weight and a value to the hiker, and each item can be taken at most once. Which items should be packed to maximise the total value? Solve the 0/1 knapsack with a table over items and capacities, then trace back which items were chosen."""
IO_REQUIREMENTS = """Input:
  items (list of dict): each {"name": str, "weight": int > 0, "value": int >= 0}, up to 6 items.
  capacity (int): 0 <= capacity <= 20.
Output:
  return (dict): {"best_value": int, "chosen": list of str (in input order), "weight_used": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"items": [{"name": "tent", "weight": 5, "value": 60}, {"name": "stove", "weight": 3, "value": 50}, {"name": "food", "weight": 4, "value": 70}, {"name": "camera", "weight": 2, "value": 30}], "capacity": 8},
    {"items": [{"name": "rock", "weight": 10, "value": 1}], "capacity": 5},
    {"items": [], "capacity": 10},
    {"items": [{"name": "a", "weight": 1, "value": 1}, {"name": "b", "weight": 3, "value": 4}, {"name": "c", "weight": 4, "value": 5}, {"name": "d", "weight": 5, "value": 7}], "capacity": 7},
]


def fill_table(items, capacity):
    table = [[0] * (capacity + 1)]
    for item in items:
        previous = table[-1]
        row = list(previous)
        for cap in range(item["weight"], capacity + 1):
            row[cap] = max(previous[cap], previous[cap - item["weight"]] + item["value"])
        table.append(row)
    return table


def main_solution(items, capacity):
    table = fill_table(items, capacity)
    chosen = []
    cap = capacity
    for index in range(len(items), 0, -1):
        if table[index][cap] != table[index - 1][cap]:
            item = items[index - 1]
            chosen.append(item["name"])
            cap -= item["weight"]
    chosen.reverse()
    return {"best_value": table[-1][capacity], "chosen": chosen, "weight_used": capacity - cap}

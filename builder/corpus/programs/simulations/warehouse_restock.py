PROBLEM = """A warehouse tracks one product over a number of days. Each day the given demand is shipped (as much as is in stock; the rest is lost sales). At the end of a day, if stock has fallen to the reorder point or below and no order is pending, an order of fixed size is placed; it arrives at the start of the day after the lead time has passed. Simulate the days and report lost sales, the number of orders and the stock at the end of each day."""
IO_REQUIREMENTS = """Input:
  initial_stock (int): stock at the start of day 1.
  demand (list of int): demand on each day.
  reorder_point (int): stock level that triggers an order.
  order_size (int): units per order.
  lead_time (int): days until an order arrives, >= 1.
Output:
  return (dict): {"end_stock": list of int, "lost_sales": int, "orders": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"initial_stock": 20, "demand": [5, 7, 6, 8, 4, 9, 3], "reorder_point": 10, "order_size": 25, "lead_time": 2},
    {"initial_stock": 5, "demand": [10, 10], "reorder_point": 0, "order_size": 10, "lead_time": 1},
    {"initial_stock": 100, "demand": [], "reorder_point": 20, "order_size": 50, "lead_time": 3},
    {"initial_stock": 12, "demand": [4, 4, 4, 4, 4, 4, 4, 4], "reorder_point": 6, "order_size": 8, "lead_time": 3},
]


def main_solution(initial_stock, demand, reorder_point, order_size, lead_time):
    stock = initial_stock
    arrival_day = None
    end_stock = []
    lost = 0
    orders = 0
    for day, wanted in enumerate(demand, start=1):
        if arrival_day == day:
            stock += order_size
            arrival_day = None
        shipped = min(stock, wanted)
        lost += wanted - shipped
        stock -= shipped
        if stock <= reorder_point and arrival_day is None:
            arrival_day = day + lead_time
            orders += 1
        end_stock.append(stock)
    return {"end_stock": end_stock, "lost_sales": lost, "orders": orders}

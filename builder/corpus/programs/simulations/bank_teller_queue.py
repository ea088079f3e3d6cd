PROBLEM = """A bank has a number of tellers and customers arriving at known minutes, each needing a known service time. Customers are served in arrival order; each goes to the teller who becomes free first (the lowest-numbered teller on a tie) and waits if all tellers are busy. Simulate the day, printing a line as each customer starts being served, and report each customer's waiting time, the average wait and when the last customer leaves."""
IO_REQUIREMENTS = """Input:
  tellers (int): number of tellers, >= 1.
  customers (list of list of int): [arrival_minute, service_minutes] sorted by arrival.
Output:
  return (dict): {"waits": list of int, "average_wait": float rounded to 2 decimals (0.0 if no customers), "closing_time": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"tellers": 1, "customers": [[0, 5], [1, 3], [2, 4], [10, 2]]},
    {"tellers": 2, "customers": [[0, 10], [0, 10], [1, 5], [2, 1], [3, 2]]},
    {"tellers": 3, "customers": []},
    {"tellers": 2, "customers": [[5, 4], [6, 3], [7, 8], [8, 2], [20, 1]]},
]

import heapq


def main_solution(tellers, customers):
    free_at = [(0, teller) for teller in range(tellers)]
    heapq.heapify(free_at)
    waits = []
    closing = 0
    for arrival, service in customers:
        available, teller = heapq.heappop(free_at)
        start = max(arrival, available)
        waits.append(start - arrival)
        finish = start + service
        closing = max(closing, finish)
        heapq.heappush(free_at, (finish, teller))
        print("minute", start, "- teller", teller, "serves the customer who arrived at", arrival)
    average = round(sum(waits) / len(waits), 2) if waits else 0.0
    return {"waits": waits, "average_wait": average, "closing_time": closing}

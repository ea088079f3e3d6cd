PROBLEM = """A parking garage has a fixed number of numbered spots. A log of events says when cars enter ("in") and leave ("out") by plate number. An entering car takes the lowest-numbered free spot or is turned away if the garage is full; a leaving car frees its spot. Process the log and report turned-away cars, the spot of each car still parked, and the peak occupancy."""
IO_REQUIREMENTS = """Input:
  spots (int): number of spots, >= 1.
  log (list of list of str): events [action, plate], action "in" or "out".
Output:
  return (dict): {"turned_away": list of str, "parked": dict plate -> spot (int), "peak": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"spots": 2, "log": [["in", "AB12"], ["in", "CD34"], ["in", "EF56"], ["out", "AB12"], ["in", "GH78"]]},
    {"spots": 3, "log": []},
    {"spots": 1, "log": [["in", "X1"], ["out", "X1"], ["in", "Y2"], ["out", "Y2"]]},
    {"spots": 3, "log": [["in", "A"], ["in", "B"], ["in", "C"], ["out", "B"], ["out", "A"], ["in", "D"], ["in", "E"], ["in", "F"]]},
]

import heapq


def main_solution(spots, log):
    free = list(range(1, spots + 1))
    heapq.heapify(free)
    parked = {}
    turned_away = []
    peak = 0
    for action, plate in log:
        if action == "in":
            if not free:
                turned_away.append(plate)
                continue
            parked[plate] = heapq.heappop(free)
            peak = max(peak, len(parked))
        elif plate in parked:
            heapq.heappush(free, parked.pop(plate))
    return {"turned_away": turned_away, "parked": {p: parked[p] for p in sorted(parked)}, "peak": peak}

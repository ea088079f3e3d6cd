PROBLEM = """A meeting room has a list of bookings given as [start, end) hour ranges, in no particular order. Sort the bookings by start time and merge any that overlap or touch, so the room's busy periods are listed compactly. Also report the total busy time and the longest free gap between busy periods."""
IO_REQUIREMENTS = """Input:
  bookings (list of list of int): each [start, end] with start < end.
Output:
  return (dict): {"busy": list of [start, end], "busy_hours": int, "longest_gap": int (0 if fewer than two busy periods)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"bookings": [[9, 11], [13, 14], [10, 12], [16, 18], [14, 15]]},
    {"bookings": [[8, 9]]},
    {"bookings": []},
    {"bookings": [[1, 10], [2, 3], [4, 5], [12, 13]]},
]


def merge(bookings):
    merged = []
    for start, end in sorted(bookings):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def main_solution(bookings):
    busy = merge(bookings)
    busy_hours = sum(end - start for start, end in busy)
    longest_gap = 0
    for index in range(1, len(busy)):
        longest_gap = max(longest_gap, busy[index][0] - busy[index - 1][1])
    return {"busy": busy, "busy_hours": busy_hours, "longest_gap": longest_gap}

PROBLEM = """A painter wants to paint the four walls of a rectangular room. The walls are as tall as the room, and each door or window in the list is a rectangle that will not be painted. One litre of paint covers 10 square metres per coat, paint is sold in 2.5 litre cans, and the painter applies the given number of coats. How much area needs paint, how many litres are needed, and how many cans must be bought?"""
IO_REQUIREMENTS = """Input:
  length (float): room length in metres, > 0.
  width (float): room width in metres, > 0.
  height (float): wall height in metres, > 0.
  openings (list of list of float): [width, height] of each door or window.
  coats (int): number of coats, >= 1.
Output:
  return (dict): {"area": float rounded to 2 decimals, "litres": float rounded to 2 decimals, "cans": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"length": 4.0, "width": 3.5, "height": 2.5, "openings": [[0.9, 2.0], [1.2, 1.5]], "coats": 2},
    {"length": 6.0, "width": 6.0, "height": 3.0, "openings": [], "coats": 1},
    {"length": 2.0, "width": 1.5, "height": 2.4, "openings": [[0.8, 2.0]], "coats": 3},
    {"length": 10.0, "width": 8.0, "height": 2.7, "openings": [[0.9, 2.1], [0.9, 2.1], [2.0, 1.4], [2.0, 1.4]], "coats": 2},
]

COVERAGE_PER_LITRE = 10.0
CAN_SIZE = 2.5


def wall_area(length, width, height):
    perimeter = 2 * (length + width)
    return perimeter * height


def openings_area(openings):
    total = 0.0
    for opening_width, opening_height in openings:
        total += opening_width * opening_height
    return total


def main_solution(length, width, height, openings, coats):
    area = wall_area(length, width, height) - openings_area(openings)
    area = max(area, 0.0)
    litres = area * coats / COVERAGE_PER_LITRE
    cans = int(litres // CAN_SIZE)
    if cans * CAN_SIZE < litres:
        cans += 1
    return {"area": round(area, 2), "litres": round(litres, 2), "cans": cans}

PROBLEM = """A rain barrel of fixed capacity collects rain from a roof: each hour it gains rainfall (in millimetres) times the roof area (in square metres) litres, and at the same time a garden hose draws a fixed number of litres per hour whenever water is available. Water beyond the capacity overflows. Simulate hour by hour and report the level after each hour, the total overflow, and the number of hours the hose ran dry."""
IO_REQUIREMENTS = """Input:
  capacity (float): barrel capacity in litres, > 0.
  roof_area (float): square metres, >= 0.
  rain_mm (list of float): rainfall in each hour.
  hose_per_hour (float): litres drawn per hour, >= 0.
Output:
  return (dict): {"levels": list of float (rounded to 1 decimal), "overflow": float (rounded to 1 decimal), "dry_hours": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"capacity": 200.0, "roof_area": 20.0, "rain_mm": [0.0, 2.5, 6.0, 4.0, 0.0, 0.0, 1.0], "hose_per_hour": 30.0},
    {"capacity": 100.0, "roof_area": 10.0, "rain_mm": [], "hose_per_hour": 5.0},
    {"capacity": 50.0, "roof_area": 0.0, "rain_mm": [3.0, 3.0], "hose_per_hour": 10.0},
    {"capacity": 300.0, "roof_area": 35.5, "rain_mm": [8.0, 8.0, 0.5, 0.0, 12.0], "hose_per_hour": 0.0},
]


def main_solution(capacity, roof_area, rain_mm, hose_per_hour):
    level = 0.0
    overflow = 0.0
    dry_hours = 0
    levels = []
    for rain in rain_mm:
        level += rain * roof_area
        if level > capacity:
            overflow += level - capacity
            level = capacity
        if level >= hose_per_hour:
            level -= hose_per_hour
        else:
            dry_hours += 1
            level = 0.0
        levels.append(round(level, 1))
    return {"levels": levels, "overflow": round(overflow, 1), "dry_hours": dry_hours}

PROBLEM = """An ecologist models rabbits and foxes on an island with a discrete Lotka-Volterra system. Each week, rabbits grow logistically (birth rate 0.1, island capacity 1000) and are eaten in proportion to rabbits times foxes, while foxes die at rate 0.1 and grow in proportion to rabbits times foxes. A population that drops below one animal is considered extinct and set to zero. Simulate many weeks and report the peaks, the final populations and when the foxes died out, if they did."""
IO_REQUIREMENTS = """Input:
  rabbits (int): initial rabbits, >= 0.
  foxes (int): initial foxes, >= 0.
  weeks (int): number of weeks to simulate, 0 <= weeks <= 300.
Output:
  return (dict): {"final": [rabbits, foxes], "peak_rabbits": float, "peak_foxes": float, "fox_extinct_week": int or null}; populations rounded to 1 decimal."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"rabbits": 400, "foxes": 20, "weeks": 200},
    {"rabbits": 100, "foxes": 0, "weeks": 10},
    {"rabbits": 0, "foxes": 50, "weeks": 40},
    {"rabbits": 250, "foxes": 60, "weeks": 0},
]

RABBIT_BIRTH = 0.1
CAPACITY = 1000.0
PREDATION = 0.002
FOX_DEATH = 0.1
FOX_GAIN = 0.0004


def next_week(rabbits, foxes):
    meetings = rabbits * foxes
    new_rabbits = rabbits + RABBIT_BIRTH * rabbits * (1 - rabbits / CAPACITY) - PREDATION * meetings
    new_foxes = foxes - FOX_DEATH * foxes + FOX_GAIN * meetings
    if new_rabbits < 1:
        new_rabbits = 0.0
    if new_foxes < 1:
        new_foxes = 0.0
    return new_rabbits, new_foxes


def main_solution(rabbits, foxes, weeks):
    rabbits, foxes = float(rabbits), float(foxes)
    peak_rabbits, peak_foxes = rabbits, foxes
    extinct_week = 0 if foxes == 0 else None
    for week in range(1, weeks + 1):
        rabbits, foxes = next_week(rabbits, foxes)
        peak_rabbits = max(peak_rabbits, rabbits)
        peak_foxes = max(peak_foxes, foxes)
        if foxes == 0 and extinct_week is None:
            extinct_week = week
    return {"final": [round(rabbits, 1), round(foxes, 1)], "peak_rabbits": round(peak_rabbits, 1),
            "peak_foxes": round(peak_foxes, 1), "fox_extinct_week": extinct_week}

PROBLEM = """A lab technician pours several salt solutions into one container. Each solution has a volume in millilitres and a salt concentration in percent. What is the concentration of the mixture, and how much pure water would have to be added to dilute it to a target concentration (zero if it is already at or below the target)?"""
IO_REQUIREMENTS = """Input:
  solutions (list of list of float): each [volume_ml, percent].
  target_percent (float): desired concentration, > 0.
Output:
  return (dict): {"volume_ml": float, "salt_ml": float, "percent": float, "water_to_add_ml": float}, all rounded to 2 decimals; percent is 0.0 for an empty container."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"solutions": [[200.0, 10.0], [300.0, 20.0]], "target_percent": 8.0},
    {"solutions": [[150.0, 5.0]], "target_percent": 10.0},
    {"solutions": [], "target_percent": 5.0},
    {"solutions": [[50.0, 30.0], [125.0, 12.0], [75.0, 0.0]], "target_percent": 2.5},
]


def salt_amount(volume, percent):
    return volume * percent / 100.0


def main_solution(solutions, target_percent):
    volume = 0.0
    salt = 0.0
    for solution_volume, percent in solutions:
        volume += solution_volume
        salt += salt_amount(solution_volume, percent)
    percent = salt / volume * 100.0 if volume > 0 else 0.0
    water = 0.0
    if percent > target_percent:
        needed_volume = salt / (target_percent / 100.0)
        water = needed_volume - volume
    return {"volume_ml": round(volume, 2), "salt_ml": round(salt, 2), "percent": round(percent, 2),
            "water_to_add_ml": round(water, 2)}

PROBLEM = """A cyclist rides a route made of several legs. For each leg we know its length in kilometres and the average speed on it. What is the total distance, the total riding time in minutes, and the overall average speed? Note that the overall average is not simply the mean of the leg speeds."""
IO_REQUIREMENTS = """Input:
  legs (list of list of float): each item is [distance_km, speed_kmh], speed > 0.
Output:
  return (dict): {"distance_km": float, "minutes": float, "average_kmh": float, "naive_mean_kmh": float}, all rounded to 2 decimals; with no legs every value is 0.0."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"legs": [[30.0, 15.0], [30.0, 30.0]]},
    {"legs": [[12.5, 25.0], [8.0, 16.0], [20.0, 32.0]]},
    {"legs": [[42.0, 21.0]]},
    {"legs": []},
]


def leg_minutes(distance, speed):
    return distance / speed * 60.0


def main_solution(legs):
    if not legs:
        return {"distance_km": 0.0, "minutes": 0.0, "average_kmh": 0.0, "naive_mean_kmh": 0.0}
    total_distance = 0.0
    total_minutes = 0.0
    speed_sum = 0.0
    for distance, speed in legs:
        total_distance += distance
        total_minutes += leg_minutes(distance, speed)
        speed_sum += speed
    average = total_distance / (total_minutes / 60.0)
    naive = speed_sum / len(legs)
    return {
        "distance_km": round(total_distance, 2),
        "minutes": round(total_minutes, 2),
        "average_kmh": round(average, 2),
        "naive_mean_kmh": round(naive, 2),
    }

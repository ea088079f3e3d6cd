PROBLEM = """Two trains start towards each other on the same line from stations that are a given distance apart. The first train leaves at time zero, while the second leaves a number of minutes later. Each travels at its own constant speed. When do they meet (in minutes after the first departure) and how far from the first station?"""
IO_REQUIREMENTS = """Input:
  distance_km (float): distance between the stations, > 0.
  speed_a (float): speed of the first train in km/h, > 0.
  speed_b (float): speed of the second train in km/h, > 0.
  delay_min (float): minutes after which the second train departs, >= 0.
Output:
  return (dict): {"meet_minute": float rounded to 1 decimal, "from_a_km": float rounded to 2 decimals}. If the first train reaches the second station before the second train departs, the meeting point is that station."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"distance_km": 300.0, "speed_a": 90.0, "speed_b": 110.0, "delay_min": 0.0},
    {"distance_km": 240.0, "speed_a": 80.0, "speed_b": 100.0, "delay_min": 30.0},
    {"distance_km": 50.0, "speed_a": 120.0, "speed_b": 60.0, "delay_min": 45.0},
    {"distance_km": 415.5, "speed_a": 75.5, "speed_b": 140.0, "delay_min": 12.5},
]


def km_covered(speed_kmh, minutes):
    return speed_kmh * minutes / 60.0


def main_solution(distance_km, speed_a, speed_b, delay_min):
    head_start = km_covered(speed_a, delay_min)
    if head_start >= distance_km:
        arrival = distance_km / speed_a * 60.0
        return {"meet_minute": round(arrival, 1), "from_a_km": round(distance_km, 2)}
    gap = distance_km - head_start
    closing_speed = speed_a + speed_b
    minutes_after_delay = gap / closing_speed * 60.0
    meet_minute = delay_min + minutes_after_delay
    from_a = km_covered(speed_a, meet_minute)
    return {"meet_minute": round(meet_minute, 1), "from_a_km": round(from_a, 2)}

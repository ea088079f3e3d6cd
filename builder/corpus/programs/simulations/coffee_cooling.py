PROBLEM = """A cup of coffee cools according to Newton's law of cooling: every minute its temperature drops by a constant k times the difference between the coffee and the room temperature. Simulate minute by minute (Euler steps) until the coffee is at or below a drinkable temperature, giving up after 300 minutes. Report the minutes needed and a few sample temperatures."""
IO_REQUIREMENTS = """Input:
  start_temp (float): initial temperature in Celsius.
  room_temp (float): room temperature.
  k (float): cooling constant per minute, 0 < k < 1.
  drinkable (float): target temperature.
Output:
  return (dict): {"minutes": int (-1 if never reached within 300 minutes), "final_temp": float rounded to 2 decimals, "every_tenth_minute": list of float rounded to 1 decimal}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"start_temp": 90.0, "room_temp": 21.0, "k": 0.05, "drinkable": 60.0},
    {"start_temp": 55.0, "room_temp": 20.0, "k": 0.1, "drinkable": 60.0},
    {"start_temp": 95.0, "room_temp": 25.0, "k": 0.02, "drinkable": 30.0},
    {"start_temp": 80.0, "room_temp": 70.0, "k": 0.1, "drinkable": 65.0},
]


def cool_one_minute(temp, room_temp, k):
    return temp - k * (temp - room_temp)


def main_solution(start_temp, room_temp, k, drinkable):
    temp = start_temp
    minutes = 0
    samples = []
    while temp > drinkable:
        if minutes == 300:
            return {"minutes": -1, "final_temp": round(temp, 2), "every_tenth_minute": samples}
        temp = cool_one_minute(temp, room_temp, k)
        minutes += 1
        if minutes % 10 == 0:
            samples.append(round(temp, 1))
    return {"minutes": minutes, "final_temp": round(temp, 2), "every_tenth_minute": samples}

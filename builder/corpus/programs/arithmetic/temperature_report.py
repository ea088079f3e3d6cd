PROBLEM = """A weather station logs readings that may be in Celsius ("21.5C") or Fahrenheit ("70F"). Convert all of them to Celsius, then report the minimum, maximum and mean, and how many readings were below freezing. Readings that cannot be understood are counted as invalid and skipped."""
IO_REQUIREMENTS = """Input:
  readings (list of str): each a number followed by "C" or "F".
Output:
  return (dict): {"min": float, "max": float, "mean": float, "freezing": int, "invalid": int}; numbers in Celsius rounded to 1 decimal; min, max and mean are null when no reading is valid."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"readings": ["21.5C", "70F", "-3C", "30F"]},
    {"readings": ["100F", "abcF", "12K", "15C"]},
    {"readings": []},
    {"readings": ["32F", "0C", "-40F", "-40C", "98.6F"]},
]


def to_celsius(reading):
    if len(reading) < 2:
        return None
    unit = reading[-1].upper()
    try:
        value = float(reading[:-1])
    except ValueError:
        return None
    if unit == "C":
        return value
    if unit == "F":
        return (value - 32) * 5 / 9
    return None


def main_solution(readings):
    values = []
    invalid = 0
    for reading in readings:
        celsius = to_celsius(reading)
        if celsius is None:
            invalid += 1
        else:
            values.append(celsius)
    if not values:
        return {"min": None, "max": None, "mean": None, "freezing": 0, "invalid": invalid}
    freezing = len([v for v in values if v < 0])
    mean = sum(values) / len(values)
    return {"min": round(min(values), 1), "max": round(max(values), 1), "mean": round(mean, 1),
            "freezing": freezing, "invalid": invalid}

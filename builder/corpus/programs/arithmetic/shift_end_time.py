PROBLEM = """A worker starts a shift at a given 24-hour time and works a sequence of blocks whose lengths are given in minutes, with a fixed break after every block except the last. At what time does the shift end, and how many days later is that (0 if the same day)?"""
IO_REQUIREMENTS = """Input:
  start (str): start time "HH:MM" in 24-hour format.
  blocks (list of int): length of each work block in minutes, each >= 0.
  break_minutes (int): break length between blocks, >= 0.
Output:
  return (dict): {"end": str "HH:MM", "days_later": int, "worked_minutes": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"start": "08:30", "blocks": [120, 90, 120], "break_minutes": 15},
    {"start": "22:15", "blocks": [180, 200], "break_minutes": 30},
    {"start": "00:00", "blocks": [], "break_minutes": 10},
    {"start": "13:05", "blocks": [45], "break_minutes": 20},
]


def to_minutes(text):
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def to_text(total_minutes):
    minute_of_day = total_minutes % (24 * 60)
    hours, minutes = divmod(minute_of_day, 60)
    return str(hours).zfill(2) + ":" + str(minutes).zfill(2)


def main_solution(start, blocks, break_minutes):
    clock = to_minutes(start)
    worked = 0
    for index, length in enumerate(blocks):
        clock += length
        worked += length
        if index < len(blocks) - 1:
            clock += break_minutes
    return {"end": to_text(clock), "days_later": clock // (24 * 60), "worked_minutes": worked}

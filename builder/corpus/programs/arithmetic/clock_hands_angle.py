PROBLEM = """On an analogue clock the hour hand moves continuously, half a degree per minute, while the minute hand moves six degrees per minute. Given a time written as "H:MM" (12-hour or 24-hour), find the smaller angle between the two hands, and say whether the hands overlap exactly."""
IO_REQUIREMENTS = """Input:
  time_text (str): a time such as "3:00", "9:45" or "23:10".
Output:
  return (dict): {"angle": float (smaller angle in degrees, 0..180), "overlap": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"time_text": "3:00"},
    {"time_text": "9:45"},
    {"time_text": "12:00"},
    {"time_text": "23:10"},
    {"time_text": "6:30"},
]


def parse_time(text):
    hours_text, minutes_text = text.split(":")
    return int(hours_text) % 12, int(minutes_text)


def hand_positions(hours, minutes):
    hour_angle = hours * 30 + minutes * 0.5
    minute_angle = minutes * 6
    return hour_angle, minute_angle


def main_solution(time_text):
    hours, minutes = parse_time(time_text)
    hour_angle, minute_angle = hand_positions(hours, minutes)
    difference = abs(hour_angle - minute_angle)
    if difference > 180:
        difference = 360 - difference
    return {"angle": float(difference), "overlap": difference == 0}

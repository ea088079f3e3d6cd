PROBLEM = """A car park charges by the started hour: the first hour is free, hours two and three cost 2 euros each, and every later hour costs 3 euros, but a single day never costs more than 20 euros. Stays longer than 24 hours are charged per full or started day using the same rule for each day. Given the entry and exit times in minutes since the car park opened, what is the fee?"""
IO_REQUIREMENTS = """Input:
  entry_minute (int): entry time in minutes, >= 0.
  exit_minute (int): exit time in minutes, >= entry_minute.
Output:
  return (dict): {"minutes": int, "hours_billed": int, "fee": int (euros)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"entry_minute": 0, "exit_minute": 45},
    {"entry_minute": 100, "exit_minute": 290},
    {"entry_minute": 60, "exit_minute": 900},
    {"entry_minute": 0, "exit_minute": 1800},
    {"entry_minute": 30, "exit_minute": 30},
]


def started_hours(minutes):
    return (minutes + 59) // 60


def day_fee(hours):
    fee = 0
    for hour in range(1, hours + 1):
        if hour == 1:
            continue
        elif hour <= 3:
            fee += 2
        else:
            fee += 3
    return min(fee, 20)


def main_solution(entry_minute, exit_minute):
    minutes = exit_minute - entry_minute
    hours = started_hours(minutes)
    fee = 0
    remaining = hours
    while remaining > 0:
        today = min(remaining, 24)
        fee += day_fee(today)
        remaining -= today
    return {"minutes": minutes, "hours_billed": hours, "fee": fee}

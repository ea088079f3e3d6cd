PROBLEM = """A traffic light cycles green, yellow, red with given durations in seconds, starting at green at time 0. Cars arrive at known seconds; a car passes immediately if the light is green when it arrives, otherwise it waits until the next green. Cars that arrive during yellow are cautious and also wait. For every car, compute the light colour on arrival and its waiting time."""
IO_REQUIREMENTS = """Input:
  green (int): green duration, > 0.
  yellow (int): yellow duration, > 0.
  red (int): red duration, > 0.
  arrivals (list of int): arrival seconds, >= 0.
Output:
  return (dict): {"colours": list of str, "waits": list of int, "total_wait": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"green": 30, "yellow": 5, "red": 25, "arrivals": [0, 29, 31, 45, 60, 95]},
    {"green": 10, "yellow": 2, "red": 8, "arrivals": []},
    {"green": 1, "yellow": 1, "red": 1, "arrivals": [2, 3, 4]},
    {"green": 45, "yellow": 4, "red": 41, "arrivals": [89, 90, 1000]},
]


def colour_at(second, green, yellow, red):
    position = second % (green + yellow + red)
    if position < green:
        return "green", 0
    cycle = green + yellow + red
    return ("yellow" if position < green + yellow else "red"), cycle - position


def main_solution(green, yellow, red, arrivals):
    colours = []
    waits = []
    for second in arrivals:
        colour, wait = colour_at(second, green, yellow, red)
        colours.append(colour)
        waits.append(wait)
    return {"colours": colours, "waits": waits, "total_wait": sum(waits)}

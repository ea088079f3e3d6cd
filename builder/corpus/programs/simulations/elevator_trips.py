PROBLEM = """A single elevator starts at a given floor and serves requests strictly in the order they were made. Each request is a pair [from_floor, to_floor]: the elevator travels empty to the pickup floor, then carries the passenger to the destination. Moving one floor takes 3 seconds and each stop (pickup or drop-off) takes 10 seconds. Print a line for every request served and report the total floors travelled and the total time."""
IO_REQUIREMENTS = """Input:
  start_floor (int): where the elevator waits initially.
  requests (list of list of int): [from_floor, to_floor] pairs, at most 8.
Output:
  return (dict): {"floors_travelled": int, "seconds": int, "final_floor": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"start_floor": 0, "requests": [[3, 7], [7, 2], [5, 5]]},
    {"start_floor": 4, "requests": []},
    {"start_floor": 10, "requests": [[1, 12], [12, 0]]},
    {"start_floor": 2, "requests": [[2, 9], [8, 3], [3, 1], [6, 4]]},
]

SECONDS_PER_FLOOR = 3
SECONDS_PER_STOP = 10


def travel(current, target):
    return abs(target - current)


def main_solution(start_floor, requests):
    floor = start_floor
    floors = 0
    seconds = 0
    for number, (pickup, destination) in enumerate(requests, start=1):
        empty_run = travel(floor, pickup)
        loaded_run = travel(pickup, destination)
        floors += empty_run + loaded_run
        seconds += (empty_run + loaded_run) * SECONDS_PER_FLOOR + 2 * SECONDS_PER_STOP
        floor = destination
        print("request", number, "served: now at floor", floor, "after", seconds, "s")
    return {"floors_travelled": floors, "seconds": seconds, "final_floor": floor}

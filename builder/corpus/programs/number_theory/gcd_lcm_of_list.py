PROBLEM = """Several buses leave a terminal at the same moment; each returns after a fixed number of minutes and leaves again immediately. After how many minutes are all buses back at the terminal together for the first time? Also report the greatest common divisor of the round-trip times, computed with the Euclidean algorithm, and the intermediate least common multiples."""
IO_REQUIREMENTS = """Input:
  periods (list of int): round-trip times in minutes, each >= 1, at least one.
Output:
  return (dict): {"gcd": int, "lcm": int, "running_lcm": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"periods": [12, 18, 30]},
    {"periods": [7]},
    {"periods": [4, 6, 10, 15]},
    {"periods": [13, 17, 19]},
]


def gcd(a, b):
    while b != 0:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


def main_solution(periods):
    overall_gcd = periods[0]
    overall_lcm = periods[0]
    running = [overall_lcm]
    for period in periods[1:]:
        overall_gcd = gcd(overall_gcd, period)
        overall_lcm = lcm(overall_lcm, period)
        running.append(overall_lcm)
    return {"gcd": overall_gcd, "lcm": overall_lcm, "running_lcm": running}

PROBLEM = """A narcissistic (Armstrong) number equals the sum of its own digits, each raised to the power of the number of digits; for example 153 = 1^3 + 5^3 + 3^3. Search a range of integers and list those that have this property, together with the digit-power sum of the largest number checked."""
IO_REQUIREMENTS = """Input:
  low (int): start of the range, >= 0.
  high (int): end of the range (inclusive), low <= high <= low + 200.
Output:
  return (dict): {"found": list of int, "checked": int, "last_sum": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"low": 100, "high": 160},
    {"low": 0, "high": 12},
    {"low": 9470, "high": 9480},
    {"low": 500, "high": 520},
]


def digit_power_sum(n):
    digits = str(n)
    power = len(digits)
    total = 0
    for ch in digits:
        total += int(ch) ** power
    return total


def main_solution(low, high):
    found = []
    last_sum = 0
    for n in range(low, high + 1):
        last_sum = digit_power_sum(n)
        if last_sum == n:
            found.append(n)
    return {"found": found, "checked": high - low + 1, "last_sum": last_sum}

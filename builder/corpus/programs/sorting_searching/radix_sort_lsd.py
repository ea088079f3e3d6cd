PROBLEM = """Postal codes (non-negative integers) are sorted with least-significant-digit radix sort: distribute the numbers into ten buckets by their last digit, collect the buckets in order, then repeat for the tens digit, the hundreds digit and so on, up to the number of digits of the largest code. Record the order after each pass."""
IO_REQUIREMENTS = """Input:
  codes (list of int): non-negative integers.
Output:
  return (dict): {"passes": list of list of int, "sorted": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"codes": [170, 45, 75, 90, 802, 24, 2, 66]},
    {"codes": [3, 1, 2]},
    {"codes": []},
    {"codes": [1000, 10, 100, 1]},
]


def distribute(numbers, place):
    buckets = [[] for _ in range(10)]
    for number in numbers:
        digit = (number // place) % 10
        buckets[digit].append(number)
    return buckets


def main_solution(codes):
    numbers = list(codes)
    passes = []
    if not numbers:
        return {"passes": passes, "sorted": numbers}
    place = 1
    while max(numbers) // place > 0:
        buckets = distribute(numbers, place)
        numbers = [n for bucket in buckets for n in bucket]
        passes.append(list(numbers))
        place *= 10
    return {"passes": passes, "sorted": numbers}

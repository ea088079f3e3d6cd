PROBLEM = """A sorting machine receives balls labelled "red", "white" and "blue" on a single track and must group them in that colour order in one pass, swapping balls in place (the Dutch national flag method with low, middle and high pointers). Return the final arrangement and the number of swaps performed."""
IO_REQUIREMENTS = """Input:
  balls (list of str): each "red", "white" or "blue".
Output:
  return (dict): {"arranged": list of str, "swaps": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"balls": ["blue", "white", "red", "white", "red", "blue"]},
    {"balls": ["red", "red"]},
    {"balls": []},
    {"balls": ["white", "blue", "blue", "red", "white", "red", "white"]},
]


def main_solution(balls):
    items = list(balls)
    low, middle, high = 0, 0, len(items) - 1
    swaps = 0
    while middle <= high:
        colour = items[middle]
        if colour == "red":
            items[low], items[middle] = items[middle], items[low]
            low += 1
            middle += 1
            swaps += 1
        elif colour == "white":
            middle += 1
        else:
            items[middle], items[high] = items[high], items[middle]
            high -= 1
            swaps += 1
    return {"arranged": items, "swaps": swaps}

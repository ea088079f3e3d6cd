PROBLEM = """A satellite image of an archipelago is a grid where "1" marks land and "0" marks water. Islands are groups of land cells connected horizontally or vertically. Count the islands with a recursive flood fill that sinks each island as it is explored, and report the island sizes in decreasing order."""
IO_REQUIREMENTS = """Input:
  image (list of str): rows of "0" and "1" of equal length, at most 6x6.
Output:
  return (dict): {"islands": int, "sizes": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"image": ["11000", "11000", "00100", "00011"]},
    {"image": ["000", "000"]},
    {"image": ["1"]},
    {"image": ["10101", "01010", "10101"]},
    {"image": ["1110", "1010", "1110"]},
]


def sink(grid, r, c):
    if r < 0 or c < 0 or r >= len(grid) or c >= len(grid[0]) or grid[r][c] != "1":
        return 0
    grid[r][c] = "0"
    size = 1
    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        size += sink(grid, r + dr, c + dc)
    return size


def main_solution(image):
    grid = [list(row) for row in image]
    sizes = []
    for r in range(len(grid)):
        for c in range(len(grid[0])):
            if grid[r][c] == "1":
                sizes.append(sink(grid, r, c))
    sizes.sort(reverse=True)
    return {"islands": len(sizes), "sizes": sizes}

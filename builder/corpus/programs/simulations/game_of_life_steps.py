PROBLEM = """Conway's Game of Life runs on a small grid whose edges are dead. In each generation a live cell ("#") with two or three live neighbours survives, a dead cell (".") with exactly three live neighbours becomes alive, and every other cell dies or stays dead. Run the given number of generations and report the final grid and the live-cell count after each generation."""
IO_REQUIREMENTS = """Input:
  grid (list of str): rows of "#" and ".", at most 5x5.
  generations (int): 0 <= generations <= 3.
Output:
  return (dict): {"final": list of str, "population": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"grid": [".#.", ".#.", ".#."], "generations": 2},
    {"grid": ["##", "##"], "generations": 3},
    {"grid": ["#"], "generations": 1},
    {"grid": [".#...", "..#..", "###..", "....."], "generations": 1},
    {"grid": ["#.#", ".#."], "generations": 0},
]


def live_neighbours(grid, r, c):
    count = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            if (dr or dc) and 0 <= r + dr < len(grid) and 0 <= c + dc < len(grid[0]):
                count += grid[r + dr][c + dc] == "#"
    return count


def step(grid):
    new_rows = []
    for r in range(len(grid)):
        row = ""
        for c in range(len(grid[0])):
            n = live_neighbours(grid, r, c)
            alive = grid[r][c] == "#"
            row += "#" if n == 3 or (alive and n == 2) else "."
        new_rows.append(row)
    return new_rows


def main_solution(grid, generations):
    population = []
    for _ in range(generations):
        grid = step(grid)
        population.append(sum(row.count("#") for row in grid))
    return {"final": grid, "population": population}

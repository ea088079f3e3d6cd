PROBLEM = """An elementary cellular automaton evolves a row of cells that are on ("#") or off ("."). Each generation, a cell's new state is looked up from the rule number (0 to 255) using the 3-bit pattern of its left neighbour, itself and its right neighbour; cells beyond the edges count as off. Produce the rows for the requested number of generations, starting from a single on cell in the middle."""
IO_REQUIREMENTS = """Input:
  rule (int): 0..255.
  width (int): odd row width, 3 <= width <= 15.
  generations (int): number of rows after the first, 0 <= generations <= 7.
Output:
  return (dict): {"rows": list of str (generations + 1 rows)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"rule": 90, "width": 11, "generations": 5},
    {"rule": 30, "width": 9, "generations": 4},
    {"rule": 0, "width": 5, "generations": 1},
    {"rule": 110, "width": 7, "generations": 0},
]


def next_row(cells, rule):
    new_cells = []
    for i in range(len(cells)):
        left = cells[i - 1] if i > 0 else 0
        right = cells[i + 1] if i < len(cells) - 1 else 0
        pattern = left * 4 + cells[i] * 2 + right
        new_cells.append((rule >> pattern) & 1)
    return new_cells


def render(cells):
    return "".join("#" if cell else "." for cell in cells)


def main_solution(rule, width, generations):
    cells = [0] * width
    cells[width // 2] = 1
    rows = [render(cells)]
    for _ in range(generations):
        cells = next_row(cells, rule)
        rows.append(render(cells))
    return {"rows": rows}

PROBLEM = """A librarian puts books back in order one at a time: each new book is taken out and the books before it that have a larger number are shifted one place to the right until the right gap is found. Sort the shelf with this insertion sort and record the number of shifts needed for each book and in total."""
IO_REQUIREMENTS = """Input:
  shelf (list of int): book numbers in their current order, up to 15 items.
Output:
  return (dict): {"sorted": list of int, "shifts_per_book": list of int, "total_shifts": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"shelf": [31, 41, 59, 26, 53, 58]},
    {"shelf": [7]},
    {"shelf": [10, 9, 8, 7, 6]},
    {"shelf": [3, 3, 1, 2, 3]},
]


def insert_into_sorted(items, index):
    current = items[index]
    position = index
    shifts = 0
    while position > 0 and items[position - 1] > current:
        items[position] = items[position - 1]
        position -= 1
        shifts += 1
    items[position] = current
    return shifts


def main_solution(shelf):
    items = list(shelf)
    shifts_per_book = []
    for index in range(len(items)):
        shifts_per_book.append(insert_into_sorted(items, index))
    return {"sorted": items, "shifts_per_book": shifts_per_book, "total_shifts": sum(shifts_per_book)}

PROBLEM = """A school publishes class results sorted by total points (highest first); students with equal totals are ordered by fewer absences, and any remaining ties alphabetically by name. Compute each student's total from their marks, sort with a composite key, and assign places where tied students (same total and absences) share the same place."""
IO_REQUIREMENTS = """Input:
  students (list of dict): each {"name": str, "marks": list of int, "absences": int}.
Output:
  return (list of dict): each {"place": int, "name": str, "total": int} in the published order."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"students": [{"name": "Zoe", "marks": [8, 9, 7], "absences": 2}, {"name": "Yan", "marks": [9, 9, 6], "absences": 1}, {"name": "Xia", "marks": [10, 5, 7], "absences": 2}, {"name": "Will", "marks": [6, 6, 6], "absences": 0}]},
    {"students": [{"name": "Solo", "marks": [], "absences": 0}]},
    {"students": [{"name": "Bea", "marks": [5, 5], "absences": 3}, {"name": "Abe", "marks": [4, 6], "absences": 3}, {"name": "Cal", "marks": [9, 2], "absences": 1}]},
]


def sort_key(student):
    return (-student["total"], student["absences"], student["name"])


def main_solution(students):
    rows = []
    for student in students:
        rows.append({"name": student["name"], "total": sum(student["marks"]), "absences": student["absences"]})
    rows.sort(key=sort_key)
    result = []
    place = 0
    previous = None
    for position, row in enumerate(rows, start=1):
        signature = (row["total"], row["absences"])
        if signature != previous:
            place = position
            previous = signature
        result.append({"place": place, "name": row["name"], "total": row["total"]})
    return result

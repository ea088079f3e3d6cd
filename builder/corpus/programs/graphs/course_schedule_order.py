PROBLEM = """A university lists prerequisites as pairs [course, required_course]. Find an order in which a student can take all courses so that every prerequisite comes first, using Kahn's algorithm: repeatedly take a course with no remaining prerequisites (alphabetically smallest first, for a unique answer). If a cycle makes this impossible, report the courses that could never be taken."""
IO_REQUIREMENTS = """Input:
  courses (list of str): all course codes.
  prerequisites (list of list of str): pairs [course, required_course].
Output:
  return (dict): {"order": list of str, "possible": bool, "blocked": list of str (sorted)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"courses": ["calc1", "calc2", "linalg", "ml", "prog"], "prerequisites": [["calc2", "calc1"], ["ml", "calc2"], ["ml", "linalg"], ["ml", "prog"]]},
    {"courses": ["a", "b", "c"], "prerequisites": [["a", "b"], ["b", "c"], ["c", "a"]]},
    {"courses": ["intro"], "prerequisites": []},
    {"courses": ["x", "y", "z", "w"], "prerequisites": [["y", "x"], ["z", "w"], ["w", "z"]]},
]

import heapq


def main_solution(courses, prerequisites):
    missing = {course: 0 for course in courses}
    unlocks = {course: [] for course in courses}
    for course, required in prerequisites:
        missing[course] += 1
        unlocks[required].append(course)
    ready = [course for course in courses if missing[course] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        course = heapq.heappop(ready)
        order.append(course)
        for follower in unlocks[course]:
            missing[follower] -= 1
            if missing[follower] == 0:
                heapq.heappush(ready, follower)
    blocked = sorted(course for course in courses if missing[course] > 0)
    return {"order": order, "possible": not blocked, "blocked": blocked}

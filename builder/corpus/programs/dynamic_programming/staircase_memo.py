PROBLEM = """A child climbs a staircase taking 1, 2 or 3 steps at a time, but some steps are broken and must not be stepped on. In how many different ways can the child reach the top step? Solve it with a recursive function that remembers results it has already computed (memoisation) and report how many distinct subproblems were solved."""
IO_REQUIREMENTS = """Input:
  steps (int): number of steps, 0 <= steps <= 30; the child starts on step 0 and must land on step `steps`.
  broken (list of int): indices of broken steps (never 0).
Output:
  return (dict): {"ways": int, "subproblems": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"steps": 4, "broken": []},
    {"steps": 7, "broken": [3]},
    {"steps": 0, "broken": []},
    {"steps": 12, "broken": [4, 5, 6]},
    {"steps": 20, "broken": [13]},
]


def count_ways(step, target, broken, memo):
    if step == target:
        return 1
    if step > target or step in broken:
        return 0
    if step in memo:
        return memo[step]
    total = 0
    for jump in (1, 2, 3):
        total += count_ways(step + jump, target, broken, memo)
    memo[step] = total
    return total


def main_solution(steps, broken):
    memo = {}
    ways = count_ways(0, steps, set(broken), memo)
    return {"ways": ways, "subproblems": len(memo)}

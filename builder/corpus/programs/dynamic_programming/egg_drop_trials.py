PROBLEM = """A packaging lab wants to find the highest floor from which a product can be dropped without breaking, using a limited number of test samples. Instead of asking for the worst case directly, compute how many floors can be fully covered with t trials and e samples, using covered(t, e) = covered(t-1, e-1) + covered(t-1, e) + 1, and find the smallest number of trials that covers the building."""
IO_REQUIREMENTS = """Input:
  samples (int): number of samples, 1 <= samples <= 5.
  floors (int): number of floors, 0 <= floors <= 1000.
Output:
  return (dict): {"trials": int, "coverage": list of int (floors covered with each number of trials 1..trials)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"samples": 2, "floors": 100},
    {"samples": 1, "floors": 10},
    {"samples": 3, "floors": 0},
    {"samples": 4, "floors": 1000},
]


def main_solution(samples, floors):
    covered = [0] * (samples + 1)
    trials = 0
    history = []
    while covered[samples] < floors:
        trials += 1
        for e in range(samples, 0, -1):
            covered[e] = covered[e - 1] + covered[e] + 1
        history.append(covered[samples])
    return {"trials": trials, "coverage": history}

PROBLEM = """A course grade is a weighted average of assessment scores. Each assessment has a score out of its own maximum and a weight in percent. Compute the weighted percentage, then convert it to a letter: A from 90, B from 80, C from 70, D from 60, otherwise F. Also report which assessment cost the student the most weighted points."""
IO_REQUIREMENTS = """Input:
  assessments (list of dict): each {"name": str, "score": float, "max": float > 0, "weight": float}; weights add up to 100.
Output:
  return (dict): {"percent": float rounded to 2 decimals, "letter": str, "weakest": str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"assessments": [{"name": "homework", "score": 45, "max": 50, "weight": 20}, {"name": "midterm", "score": 70, "max": 100, "weight": 30}, {"name": "final", "score": 88, "max": 100, "weight": 50}]},
    {"assessments": [{"name": "project", "score": 19, "max": 20, "weight": 40}, {"name": "exam", "score": 58, "max": 60, "weight": 60}]},
    {"assessments": [{"name": "quiz", "score": 3, "max": 10, "weight": 50}, {"name": "lab", "score": 12, "max": 20, "weight": 50}]},
    {"assessments": [{"name": "only", "score": 0, "max": 100, "weight": 100}]},
]

CUTOFFS = [(90, "A"), (80, "B"), (70, "C"), (60, "D")]


def letter_for(percent):
    for cutoff, letter in CUTOFFS:
        if percent >= cutoff:
            return letter
    return "F"


def main_solution(assessments):
    percent = 0.0
    weakest = None
    largest_loss = -1.0
    for item in assessments:
        fraction = item["score"] / item["max"]
        percent += fraction * item["weight"]
        loss = (1 - fraction) * item["weight"]
        if loss > largest_loss:
            largest_loss = loss
            weakest = item["name"]
    return {"percent": round(percent, 2), "letter": letter_for(percent), "weakest": weakest}

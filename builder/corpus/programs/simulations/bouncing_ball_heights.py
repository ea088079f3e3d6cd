PROBLEM = """A ball is dropped from a height and each bounce returns it to a fixed fraction of the previous height. Count the bounces until the rebound height falls below a threshold (the ball is then considered at rest), the total distance travelled up and down, and the list of rebound heights."""
IO_REQUIREMENTS = """Input:
  height (float): drop height in metres, > 0.
  restitution (float): fraction of height kept per bounce, 0 <= restitution < 1.
  threshold (float): smallest rebound that still counts, > 0.
Output:
  return (dict): {"bounces": int, "distance": float rounded to 3 decimals, "rebounds": list of float rounded to 3 decimals}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"height": 10.0, "restitution": 0.5, "threshold": 0.5},
    {"height": 2.0, "restitution": 0.0, "threshold": 0.1},
    {"height": 1.0, "restitution": 0.9, "threshold": 0.3},
    {"height": 0.05, "restitution": 0.8, "threshold": 0.1},
]


def main_solution(height, restitution, threshold):
    distance = height
    rebounds = []
    current = height
    while True:
        current *= restitution
        if current < threshold:
            break
        rebounds.append(round(current, 3))
        distance += 2 * current
    return {"bounces": len(rebounds), "distance": round(distance, 3), "rebounds": rebounds}

PROBLEM = """A ball is thrown from ground level with a given speed and angle. Simulate its flight in small time steps (semi-implicit Euler: update the vertical velocity with gravity 9.81 m/s^2, then the position), ignoring air resistance, until it comes back down to the ground. Report the flight time, the horizontal distance, the maximum height and the analytic range v^2 sin(2a)/g for comparison."""
IO_REQUIREMENTS = """Input:
  speed (float): launch speed in m/s, > 0.
  angle_deg (float): launch angle in degrees, 0 < angle < 90.
  dt (float): time step in seconds, 0.01 <= dt <= 0.5.
Output:
  return (dict): {"time": float, "distance": float, "max_height": float, "analytic_range": float, "steps": int}; floats rounded to 2 decimals."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"speed": 20.0, "angle_deg": 45.0, "dt": 0.05},
    {"speed": 10.0, "angle_deg": 80.0, "dt": 0.1},
    {"speed": 5.0, "angle_deg": 10.0, "dt": 0.02},
    {"speed": 30.0, "angle_deg": 30.0, "dt": 0.25},
]

import math

GRAVITY = 9.81


def main_solution(speed, angle_deg, dt):
    angle = math.radians(angle_deg)
    vx, vy = speed * math.cos(angle), speed * math.sin(angle)
    x = y = t = 0.0
    max_height = 0.0
    steps = 0
    while True:
        vy -= GRAVITY * dt
        x += vx * dt
        y += vy * dt
        t += dt
        steps += 1
        if y <= 0:
            break
        max_height = max(max_height, y)
    analytic = speed ** 2 * math.sin(2 * angle) / GRAVITY
    return {"time": round(t, 2), "distance": round(x, 2), "max_height": round(max_height, 2),
            "analytic_range": round(analytic, 2), "steps": steps}

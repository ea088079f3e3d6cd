PROBLEM = """A floor-cleaning robot starts at (0, 0) facing north on an unbounded floor. It reads a command string: "L" and "R" turn it 90 degrees left or right, and "F" moves it one cell forward; a digit before "F" repeats the move that many times (e.g. "3F"). Some cells contain furniture; the robot refuses to move into them and stays where it is. Report the final position and heading, the cells visited and the farthest Manhattan distance reached."""
IO_REQUIREMENTS = """Input:
  commands (str): made of "L", "R", "F" and single digits that precede "F".
  obstacles (list of list of int): [x, y] cells the robot cannot enter.
Output:
  return (dict): {"position": [x, y], "heading": str ("N", "E", "S" or "W"), "visited": int (distinct cells including the start), "farthest": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"commands": "FFRFFLF", "obstacles": []},
    {"commands": "3FR2F", "obstacles": [[0, 2]]},
    {"commands": "", "obstacles": []},
    {"commands": "LLLL4FRRF", "obstacles": [[1, 3]]},
]

HEADINGS = ["N", "E", "S", "W"]
STEPS = {"N": (0, 1), "E": (1, 0), "S": (0, -1), "W": (-1, 0)}


def main_solution(commands, obstacles):
    blocked = {(x, y) for x, y in obstacles}
    x, y = 0, 0
    facing = 0
    visited = {(0, 0)}
    farthest = 0
    repeat = 1
    for command in commands:
        if command.isdigit():
            repeat = int(command)
        elif command == "L":
            facing = (facing - 1) % 4
        elif command == "R":
            facing = (facing + 1) % 4
        elif command == "F":
            dx, dy = STEPS[HEADINGS[facing]]
            for _ in range(repeat):
                if (x + dx, y + dy) in blocked:
                    break
                x, y = x + dx, y + dy
                visited.add((x, y))
                farthest = max(farthest, abs(x) + abs(y))
            repeat = 1
    return {"position": [x, y], "heading": HEADINGS[facing], "visited": len(visited), "farthest": farthest}

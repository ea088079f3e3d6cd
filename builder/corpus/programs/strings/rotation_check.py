PROBLEM = """A circular name badge can be read starting from any letter. Decide whether one string is a rotation of another (e.g. "erbottlewat" is a rotation of "waterbottle"), and if so, by how many positions the first string must be rotated to the left to obtain the second. Try each rotation in turn, smallest first."""
IO_REQUIREMENTS = """Input:
  original (str): the first string.
  candidate (str): the second string.
Output:
  return (dict): {"is_rotation": bool, "offset": int (-1 if not a rotation)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"original": "waterbottle", "candidate": "erbottlewat"},
    {"original": "abc", "candidate": "acb"},
    {"original": "", "candidate": ""},
    {"original": "aaaa", "candidate": "aaaa"},
    {"original": "abcd", "candidate": "abc"},
]


def rotate_left(text, offset):
    return text[offset:] + text[:offset]


def main_solution(original, candidate):
    if len(original) != len(candidate):
        return {"is_rotation": False, "offset": -1}
    if not original:
        return {"is_rotation": True, "offset": 0}
    for offset in range(len(original)):
        if rotate_left(original, offset) == candidate:
            return {"is_rotation": True, "offset": offset}
    return {"is_rotation": False, "offset": -1}

PROBLEM = """A password checker wants the longest stretch of a password in which no character repeats. Slide a window over the string, remembering the last position of each character; when a character reappears inside the window, move the window's start just past its previous position. Return the longest such stretch (the first one on a tie) and its length."""
IO_REQUIREMENTS = """Input:
  password (str): any string.
Output:
  return (dict): {"length": int, "substring": str, "start": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"password": "abcabcbb"},
    {"password": "bbbbb"},
    {"password": ""},
    {"password": "pwwkew"},
    {"password": "tmmzuxt"},
]


def main_solution(password):
    last_seen = {}
    start = 0
    best_start, best_length = 0, 0
    for index, ch in enumerate(password):
        if ch in last_seen and last_seen[ch] >= start:
            start = last_seen[ch] + 1
        last_seen[ch] = index
        if index - start + 1 > best_length:
            best_start, best_length = start, index - start + 1
    return {"length": best_length, "substring": password[best_start:best_start + best_length], "start": best_start}

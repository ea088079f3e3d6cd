PROBLEM = """In the code-breaking game Mastermind, a secret code of coloured pegs is scored against each guess: a black peg for every peg of the right colour in the right position, and a white peg for every additional peg of a right colour in the wrong position (each secret peg can be matched at most once). Score a sequence of guesses and tell whether and when the code was cracked."""
IO_REQUIREMENTS = """Input:
  secret (str): the code, one letter per peg.
  guesses (list of str): guesses of the same length.
Output:
  return (dict): {"scores": list of [black, white], "solved_at": int (1-based guess number, 0 if never)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"secret": "RGBY", "guesses": ["RRGG", "RGYB", "RGBY"]},
    {"secret": "AAAB", "guesses": ["BAAA", "ABAB"]},
    {"secret": "XYZ", "guesses": []},
    {"secret": "PPQQ", "guesses": ["QQPP", "PQPQ", "PPPP"]},
]


def score(secret, guess):
    black = 0
    secret_left = {}
    guess_left = {}
    for s, g in zip(secret, guess):
        if s == g:
            black += 1
        else:
            secret_left[s] = secret_left.get(s, 0) + 1
            guess_left[g] = guess_left.get(g, 0) + 1
    white = 0
    for colour, count in guess_left.items():
        white += min(count, secret_left.get(colour, 0))
    return [black, white]


def main_solution(secret, guesses):
    scores = []
    solved_at = 0
    for number, guess in enumerate(guesses, start=1):
        result = score(secret, guess)
        scores.append(result)
        if result[0] == len(secret) and solved_at == 0:
            solved_at = number
    return {"scores": scores, "solved_at": solved_at}

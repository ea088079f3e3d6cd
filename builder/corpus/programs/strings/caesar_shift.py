PROBLEM = """A scout troop encodes messages with a Caesar cipher: every letter is shifted a fixed number of places along the alphabet, wrapping around from Z to A, while keeping its case; other characters are unchanged. Encode or decode a message, and for decoding also report the shift that would turn the most frequent letter of the ciphertext into "e" (a classic guess)."""
IO_REQUIREMENTS = """Input:
  text (str): the message.
  shift (int): shift amount, may be negative or larger than 26.
  decode (bool): true to shift backwards.
Output:
  return (dict): {"result": str, "guessed_shift": int or null (only when decoding and the text has letters)}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"text": "Meet at the old oak tree!", "shift": 3, "decode": False},
    {"text": "Phhw dw wkh rog rdn wuhh!", "shift": 3, "decode": True},
    {"text": "xyz ABC", "shift": 29, "decode": False},
    {"text": "1234 ...", "shift": 5, "decode": True},
]


def shift_letter(ch, amount):
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + amount) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + amount) % 26 + ord("A"))
    return ch


def most_common_letter(text):
    counts = {}
    for ch in text.lower():
        if ch.isalpha():
            counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return None
    return min(counts, key=lambda letter: (-counts[letter], letter))


def main_solution(text, shift, decode):
    amount = -shift if decode else shift
    result = "".join(shift_letter(ch, amount) for ch in text)
    guessed = None
    if decode:
        top = most_common_letter(text)
        if top is not None:
            guessed = (ord(top) - ord("e")) % 26
    return {"result": result, "guessed_shift": guessed}

PROBLEM = """A radio amateur translates between text and Morse code. Letters are separated by single spaces and words by " / ". Encode a text message into Morse (unknown characters are dropped and counted), then decode the Morse back to confirm the transmission."""
IO_REQUIREMENTS = """Input:
  message (str): letters, digits and spaces (other characters are dropped).
Output:
  return (dict): {"morse": str, "decoded": str (upper case), "dropped": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"message": "SOS"},
    {"message": "Hello World"},
    {"message": "a1, b2!"},
    {"message": ""},
]

CODE = {"A": ".-", "B": "-...", "C": "-.-.", "D": "-..", "E": ".", "F": "..-.", "G": "--.", "H": "....",
        "I": "..", "J": ".---", "K": "-.-", "L": ".-..", "M": "--", "N": "-.", "O": "---", "P": ".--.",
        "Q": "--.-", "R": ".-.", "S": "...", "T": "-", "U": "..-", "V": "...-", "W": ".--", "X": "-..-",
        "Y": "-.--", "Z": "--..", "0": "-----", "1": ".----", "2": "..---", "3": "...--", "4": "....-",
        "5": ".....", "6": "-....", "7": "--...", "8": "---..", "9": "----."}


def encode(message):
    words = []
    dropped = 0
    for word in message.upper().split():
        letters = []
        for ch in word:
            if ch in CODE:
                letters.append(CODE[ch])
            else:
                dropped += 1
        if letters:
            words.append(" ".join(letters))
    return " / ".join(words), dropped


def decode(morse):
    reverse = {code: letter for letter, code in CODE.items()}
    words = []
    for word in morse.split(" / "):
        words.append("".join(reverse[code] for code in word.split(" ") if code))
    return " ".join(words)


def main_solution(message):
    morse, dropped = encode(message)
    return {"morse": morse, "decoded": decode(morse) if morse else "", "dropped": dropped}

PROBLEM = """The Vigenere cipher shifts each letter of a message by an amount given by the letters of a keyword (A=0, B=1, ...), cycling through the keyword. Only letters consume keyword letters; spaces and punctuation are copied unchanged, and the output is upper case. Encrypt or decrypt a message."""
IO_REQUIREMENTS = """Input:
  message (str): text to process.
  keyword (str): letters only, non-empty.
  mode (str): "encrypt" or "decrypt".
Output:
  return (dict): {"output": str, "letters_processed": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"message": "attack at dawn", "keyword": "LEMON", "mode": "encrypt"},
    {"message": "LXFOPV EF RNHR", "keyword": "lemon", "mode": "decrypt"},
    {"message": "!!!", "keyword": "key", "mode": "encrypt"},
    {"message": "Hello, World", "keyword": "A", "mode": "encrypt"},
]


def shift(letter, key_letter, direction):
    amount = (ord(key_letter.upper()) - ord("A")) * direction
    return chr((ord(letter.upper()) - ord("A") + amount) % 26 + ord("A"))


def main_solution(message, keyword, mode):
    direction = 1 if mode == "encrypt" else -1
    output = []
    key_index = 0
    for ch in message:
        if ch.isalpha():
            output.append(shift(ch, keyword[key_index % len(keyword)], direction))
            key_index += 1
        else:
            output.append(ch)
    return {"output": "".join(output), "letters_processed": key_index}

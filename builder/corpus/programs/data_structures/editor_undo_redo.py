PROBLEM = """A tiny text editor supports "type <text>" (append text), "delete <n>" (remove the last n characters), "undo" and "redo". Every edit is pushed on an undo stack as the text before the change, and a new edit clears the redo stack. Apply a list of commands and report the final text, the text after each command, and how many undo/redo commands had nothing to do."""
IO_REQUIREMENTS = """Input:
  commands (list of str): commands as described; typed text may contain spaces.
Output:
  return (dict): {"text": str, "history": list of str, "ignored": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"commands": ["type hello", "type  world", "delete 6", "undo", "undo", "redo"]},
    {"commands": ["undo", "redo"]},
    {"commands": ["type abc", "delete 10", "undo", "type x", "redo"]},
    {"commands": []},
]


class Editor:
    def __init__(self):
        self.text = ""
        self.undo_stack = []
        self.redo_stack = []

    def edit(self, new_text):
        self.undo_stack.append(self.text)
        self.redo_stack.clear()
        self.text = new_text

    def undo(self):
        if not self.undo_stack:
            return False
        self.redo_stack.append(self.text)
        self.text = self.undo_stack.pop()
        return True

    def redo(self):
        if not self.redo_stack:
            return False
        self.undo_stack.append(self.text)
        self.text = self.redo_stack.pop()
        return True


def main_solution(commands):
    editor = Editor()
    history = []
    ignored = 0
    for command in commands:
        if command.startswith("type "):
            editor.edit(editor.text + command[5:])
        elif command.startswith("delete "):
            count = int(command[7:])
            editor.edit(editor.text[:max(0, len(editor.text) - count)])
        elif command == "undo":
            ignored += 0 if editor.undo() else 1
        elif command == "redo":
            ignored += 0 if editor.redo() else 1
        history.append(editor.text)
    return {"text": editor.text, "history": history, "ignored": ignored}

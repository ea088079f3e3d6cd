PROBLEM = """A web browser tab keeps its history with a back stack and a forward stack. Visiting a new page pushes the current page on the back stack and clears the forward stack; "back" and "forward" move one page at a time if possible. Implement this as a class, process the actions, and report the page shown after each action and the final state of both stacks."""
IO_REQUIREMENTS = """Input:
  home (str): the starting page.
  actions (list of str): "visit <url>", "back" or "forward".
Output:
  return (dict): {"shown": list of str, "back_stack": list of str, "forward_stack": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"home": "news.example", "actions": ["visit mail.example", "visit maps.example", "back", "back", "forward", "visit shop.example", "forward"]},
    {"home": "start", "actions": ["back", "forward"]},
    {"home": "a", "actions": []},
    {"home": "p0", "actions": ["visit p1", "visit p2", "visit p3", "back", "back", "back", "back", "forward", "forward"]},
]


class BrowserTab:
    def __init__(self, home):
        self.current = home
        self.back_stack = []
        self.forward_stack = []

    def visit(self, url):
        self.back_stack.append(self.current)
        self.forward_stack = []
        self.current = url

    def back(self):
        if self.back_stack:
            self.forward_stack.append(self.current)
            self.current = self.back_stack.pop()

    def forward(self):
        if self.forward_stack:
            self.back_stack.append(self.current)
            self.current = self.forward_stack.pop()


def main_solution(home, actions):
    tab = BrowserTab(home)
    shown = []
    for action in actions:
        if action.startswith("visit "):
            tab.visit(action[6:])
        elif action == "back":
            tab.back()
        else:
            tab.forward()
        shown.append(tab.current)
    return {"shown": shown, "back_stack": tab.back_stack, "forward_stack": tab.forward_stack}

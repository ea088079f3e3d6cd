PROBLEM = """A ticket counter's waiting line is implemented as a queue built from two stacks: new customers are pushed on an inbox stack, and when someone must be served and the outbox stack is empty, the whole inbox is poured into the outbox, reversing it. Process a list of operations ("join <name>" and "serve") and report who was served, who is still waiting, and how many single-item transfers between the stacks happened."""
IO_REQUIREMENTS = """Input:
  operations (list of str): "join <name>" or "serve".
Output:
  return (dict): {"served": list of str ("(empty)" when serving an empty line), "waiting": list of str (front first), "transfers": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"operations": ["join ann", "join bob", "serve", "join cid", "serve", "serve"]},
    {"operations": ["serve"]},
    {"operations": ["join x", "join y", "join z"]},
    {"operations": ["join a", "serve", "join b", "join c", "serve", "join d", "serve", "serve", "serve"]},
]


class TwoStackQueue:
    def __init__(self):
        self.inbox = []
        self.outbox = []
        self.transfers = 0

    def enqueue(self, item):
        self.inbox.append(item)

    def dequeue(self):
        if not self.outbox:
            while self.inbox:
                self.outbox.append(self.inbox.pop())
                self.transfers += 1
        if not self.outbox:
            return None
        return self.outbox.pop()

    def contents(self):
        return list(reversed(self.outbox)) + self.inbox


def main_solution(operations):
    line = TwoStackQueue()
    served = []
    for operation in operations:
        if operation.startswith("join "):
            line.enqueue(operation[5:])
        else:
            person = line.dequeue()
            served.append(person if person is not None else "(empty)")
    return {"served": served, "waiting": line.contents(), "transfers": line.transfers}

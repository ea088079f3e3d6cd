PROBLEM = """An embedded device keeps only the most recent log messages in a circular buffer of fixed capacity: a write position wraps around to the start, overwriting the oldest entry when the buffer is full. Implement the buffer as a class with write and read-all operations, feed it a sequence of messages, and report the buffer contents from oldest to newest, the raw internal array, and how many messages were overwritten."""
IO_REQUIREMENTS = """Input:
  capacity (int): buffer size, >= 1.
  messages (list of str): messages in arrival order.
Output:
  return (dict): {"oldest_to_newest": list of str, "raw": list of str or null (empty slots are null), "overwritten": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"capacity": 3, "messages": ["boot", "net up", "disk ok", "user login", "warning"]},
    {"capacity": 4, "messages": ["a", "b"]},
    {"capacity": 2, "messages": []},
    {"capacity": 1, "messages": ["x", "y", "z"]},
]


class CircularBuffer:
    def __init__(self, capacity):
        self.slots = [None] * capacity
        self.start = 0
        self.count = 0
        self.overwritten = 0

    def write(self, item):
        capacity = len(self.slots)
        end = (self.start + self.count) % capacity
        self.slots[end] = item
        if self.count < capacity:
            self.count += 1
        else:
            self.start = (self.start + 1) % capacity
            self.overwritten += 1

    def read_all(self):
        return [self.slots[(self.start + i) % len(self.slots)] for i in range(self.count)]


def main_solution(capacity, messages):
    buffer = CircularBuffer(capacity)
    for message in messages:
        buffer.write(message)
    return {"oldest_to_newest": buffer.read_all(), "raw": buffer.slots, "overwritten": buffer.overwritten}

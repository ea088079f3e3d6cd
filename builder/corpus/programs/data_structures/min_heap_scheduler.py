PROBLEM = """An emergency room orders patients by urgency, where a smaller number means more urgent. Implement a binary min-heap class by hand (an array where the children of index i are 2i+1 and 2i+2), with sift-up on insertion and sift-down on removal. Process "arrive <urgency>" and "treat" events and report the urgencies in the order patients were treated, and the heap array at the end."""
IO_REQUIREMENTS = """Input:
  events (list of str): "arrive <int>" or "treat".
Output:
  return (dict): {"treated": list of int (-1 when treating with nobody waiting), "heap": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"events": ["arrive 5", "arrive 3", "arrive 8", "treat", "arrive 1", "treat", "treat"]},
    {"events": ["treat"]},
    {"events": ["arrive 4", "arrive 4", "arrive 2", "arrive 7", "arrive 1", "arrive 9"]},
    {"events": ["arrive 10", "arrive 9", "arrive 8", "arrive 7", "treat", "treat", "arrive 6", "treat", "treat", "treat"]},
]


class MinHeap:
    def __init__(self):
        self.data = []

    def push(self, value):
        self.data.append(value)
        index = len(self.data) - 1
        while index > 0:
            parent = (index - 1) // 2
            if self.data[parent] <= self.data[index]:
                break
            self.data[parent], self.data[index] = self.data[index], self.data[parent]
            index = parent

    def pop(self):
        top = self.data[0]
        last = self.data.pop()
        if self.data:
            self.data[0] = last
            self._sift_down(0)
        return top

    def _sift_down(self, index):
        size = len(self.data)
        while True:
            smallest = index
            for child in (2 * index + 1, 2 * index + 2):
                if child < size and self.data[child] < self.data[smallest]:
                    smallest = child
            if smallest == index:
                return
            self.data[index], self.data[smallest] = self.data[smallest], self.data[index]
            index = smallest


def main_solution(events):
    heap = MinHeap()
    treated = []
    for event in events:
        if event.startswith("arrive"):
            heap.push(int(event.split()[1]))
        else:
            treated.append(heap.pop() if heap.data else -1)
    return {"treated": treated, "heap": heap.data}

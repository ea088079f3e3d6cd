PROBLEM = """A network administrator connects computers one cable at a time and wants to know, after each cable, how many separate networks exist and whether the cable was redundant (it joined two computers already connected). Use a disjoint-set (union-find) class with path compression and union by size."""
IO_REQUIREMENTS = """Input:
  computers (int): number of computers labelled 0..computers-1, >= 1.
  cables (list of list of int): pairs [a, b] in the order they are installed.
Output:
  return (dict): {"networks_after_each": list of int, "redundant": list of [a, b], "largest": int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"computers": 5, "cables": [[0, 1], [2, 3], [1, 2], [0, 3], [3, 4]]},
    {"computers": 3, "cables": []},
    {"computers": 4, "cables": [[0, 0], [1, 2], [2, 1]]},
    {"computers": 7, "cables": [[0, 1], [1, 2], [3, 4], [5, 6], [4, 5], [2, 0], [6, 3]]},
]


class DisjointSet:
    def __init__(self, count):
        self.parent = list(range(count))
        self.size = [1] * count
        self.groups = count

    def find(self, item):
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a, b):
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return False
        if self.size[root_a] < self.size[root_b]:
            root_a, root_b = root_b, root_a
        self.parent[root_b] = root_a
        self.size[root_a] += self.size[root_b]
        self.groups -= 1
        return True


def main_solution(computers, cables):
    network = DisjointSet(computers)
    after_each = []
    redundant = []
    for a, b in cables:
        if not network.union(a, b):
            redundant.append([a, b])
        after_each.append(network.groups)
    largest = max(network.size[network.find(i)] for i in range(computers))
    return {"networks_after_each": after_each, "redundant": redundant, "largest": largest}

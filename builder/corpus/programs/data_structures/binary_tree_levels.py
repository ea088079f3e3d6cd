PROBLEM = """An organisation chart is stored as a binary tree written in level order, with null for missing positions (like [1, 2, 3, null, 5]). Rebuild the tree of node objects from this list, then traverse it level by level with a queue to report the values on each level, the sum of each level, and the values visible from the right side (the last node of every level)."""
IO_REQUIREMENTS = """Input:
  values (list of int or null): level-order encoding; an empty list or a leading null is an empty tree.
Output:
  return (dict): {"levels": list of list of int, "level_sums": list of int, "right_view": list of int}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"values": [1, 2, 3, None, 5, None, 4]},
    {"values": []},
    {"values": [7]},
    {"values": [3, 9, 20, None, None, 15, 7, 1]},
]

from collections import deque


class Node:
    def __init__(self, value):
        self.value = value
        self.left = None
        self.right = None


def build(values):
    if not values or values[0] is None:
        return None
    root = Node(values[0])
    queue = deque([root])
    index = 1
    while queue and index < len(values):
        node = queue.popleft()
        for side in ("left", "right"):
            if index < len(values) and values[index] is not None:
                child = Node(values[index])
                setattr(node, side, child)
                queue.append(child)
            index += 1
    return root


def main_solution(values):
    root = build(values)
    levels = []
    queue = deque([root] if root else [])
    while queue:
        level = []
        for _ in range(len(queue)):
            node = queue.popleft()
            level.append(node.value)
            for child in (node.left, node.right):
                if child is not None:
                    queue.append(child)
        levels.append(level)
    return {"levels": levels, "level_sums": [sum(level) for level in levels], "right_view": [level[-1] for level in levels]}

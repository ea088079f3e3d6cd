PROBLEM = """A library indexes books by catalogue number in a binary search tree. Insert the numbers in the given order (duplicates are ignored), then report the in-order traversal (sorted), the pre-order traversal, the tree's height (a single node has height 1), and whether each queried number is in the catalogue along with the path of numbers visited while searching for it."""
IO_REQUIREMENTS = """Input:
  numbers (list of int): catalogue numbers in insertion order.
  queries (list of int): numbers to look up.
Output:
  return (dict): {"inorder": list of int, "preorder": list of int, "height": int, "lookups": list of {"query": int, "found": bool, "path": list of int}}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"numbers": [50, 30, 70, 20, 40, 60, 80], "queries": [60, 65]},
    {"numbers": [], "queries": [1]},
    {"numbers": [1, 2, 3, 4], "queries": [4]},
    {"numbers": [8, 3, 10, 1, 6, 14, 4, 7, 13, 6], "queries": [7, 13, 2]},
]


class TreeNode:
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(root, key):
    if root is None:
        return TreeNode(key)
    if key < root.key:
        root.left = insert(root.left, key)
    elif key > root.key:
        root.right = insert(root.right, key)
    return root


def walk(node, inorder, preorder):
    if node is None:
        return
    preorder.append(node.key)
    walk(node.left, inorder, preorder)
    inorder.append(node.key)
    walk(node.right, inorder, preorder)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def search(root, key):
    path = []
    node = root
    while node is not None:
        path.append(node.key)
        if key == node.key:
            return True, path
        node = node.left if key < node.key else node.right
    return False, path


def main_solution(numbers, queries):
    root = None
    for number in numbers:
        root = insert(root, number)
    inorder, preorder = [], []
    walk(root, inorder, preorder)
    lookups = []
    for query in queries:
        found, path = search(root, query)
        lookups.append({"query": query, "found": found, "path": path})
    return {"inorder": inorder, "preorder": preorder, "height": height(root), "lookups": lookups}

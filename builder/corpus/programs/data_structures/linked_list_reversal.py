PROBLEM = """A music player stores its playlist as a singly linked list of song nodes. Build the list from song titles, reverse it in place by re-pointing each node's next link (keeping track of the previous and current node), and also reverse only the first k songs as a second exercise. Return the titles in both resulting orders."""
IO_REQUIREMENTS = """Input:
  songs (list of str): titles in playlist order.
  k (int): how many leading songs to reverse in the second exercise, 0 <= k.
Output:
  return (dict): {"reversed": list of str, "first_k_reversed": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"songs": ["intro", "verse", "chorus", "bridge", "outro"], "k": 3},
    {"songs": ["solo"], "k": 1},
    {"songs": [], "k": 2},
    {"songs": ["one", "two"], "k": 0},
    {"songs": ["a", "b", "c"], "k": 10},
]


class Node:
    def __init__(self, title, next_node=None):
        self.title = title
        self.next = next_node


def build(titles):
    head = None
    for title in reversed(titles):
        head = Node(title, head)
    return head


def to_list(head):
    titles = []
    while head is not None:
        titles.append(head.title)
        head = head.next
    return titles


def reverse_prefix(head, k):
    if head is None or k <= 0:
        return head
    previous, current = None, head
    count = 0
    while current is not None and count < k:
        following = current.next
        current.next = previous
        previous, current = current, following
        count += 1
    head.next = current
    return previous


def main_solution(songs, k):
    fully = reverse_prefix(build(songs), len(songs))
    partly = reverse_prefix(build(songs), k)
    return {"reversed": to_list(fully), "first_k_reversed": to_list(partly)}

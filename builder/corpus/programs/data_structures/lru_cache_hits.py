PROBLEM = """A web server caches pages in a least-recently-used (LRU) cache of fixed capacity. Each request either hits the cache (the page becomes the most recently used) or misses, in which case the page is loaded and, if the cache is full, the least recently used page is evicted. Implement the cache as a class and report the hits, misses, evicted pages in order, and the final cache from least to most recently used."""
IO_REQUIREMENTS = """Input:
  capacity (int): number of pages the cache holds, >= 1.
  requests (list of str): page names in request order.
Output:
  return (dict): {"hits": int, "misses": int, "evicted": list of str, "final": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"capacity": 2, "requests": ["home", "about", "home", "blog", "about", "home"]},
    {"capacity": 3, "requests": []},
    {"capacity": 1, "requests": ["a", "a", "b", "a"]},
    {"capacity": 3, "requests": ["p1", "p2", "p3", "p1", "p4", "p5", "p1", "p2"]},
]


class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.order = []

    def access(self, page):
        if page in self.order:
            self.order.remove(page)
            self.order.append(page)
            return True, None
        evicted = None
        if len(self.order) == self.capacity:
            evicted = self.order.pop(0)
        self.order.append(page)
        return False, evicted


def main_solution(capacity, requests):
    cache = LRUCache(capacity)
    hits = misses = 0
    evicted = []
    for page in requests:
        hit, removed = cache.access(page)
        if hit:
            hits += 1
        else:
            misses += 1
        if removed is not None:
            evicted.append(removed)
    return {"hits": hits, "misses": misses, "evicted": evicted, "final": cache.order}

PROBLEM = """A farm wants to connect all of its fields with irrigation pipes, where the cost of a pipe between two fields is given in a symmetric cost matrix (0 on the diagonal, -1 where no pipe is possible). Grow a network from field 0 with Prim's algorithm: at each step add the cheapest pipe that connects a new field to the network. Report the pipes in the order they were added."""
IO_REQUIREMENTS = """Input:
  costs (list of list of int): n x n matrix, n <= 6.
Output:
  return (dict): {"total": int, "pipes": list of [from, to, cost], "all_connected": bool}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"costs": [[0, 2, -1, 6, -1], [2, 0, 3, 8, 5], [-1, 3, 0, -1, 7], [6, 8, -1, 0, 9], [-1, 5, 7, 9, 0]]},
    {"costs": [[0]]},
    {"costs": [[0, -1], [-1, 0]]},
    {"costs": [[0, 4, 1, 3], [4, 0, 2, 5], [1, 2, 0, 6], [3, 5, 6, 0]]},
]


def cheapest_link(costs, in_network):
    best = None
    for a in sorted(in_network):
        for b in range(len(costs)):
            if b in in_network or costs[a][b] < 0:
                continue
            if best is None or costs[a][b] < best[2]:
                best = [a, b, costs[a][b]]
    return best


def main_solution(costs):
    in_network = {0}
    pipes = []
    while len(in_network) < len(costs):
        link = cheapest_link(costs, in_network)
        if link is None:
            break
        pipes.append(link)
        in_network.add(link[1])
    total = sum(pipe[2] for pipe in pipes)
    return {"total": total, "pipes": pipes, "all_connected": len(in_network) == len(costs)}

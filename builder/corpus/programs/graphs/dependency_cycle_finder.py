PROBLEM = """A build system has modules that import other modules. A circular import makes the build fail. Using depth-first search with three colours (unvisited, in progress, finished), detect whether the import graph has a cycle and, if so, return one cycle as a list of modules that starts and ends with the same module. Modules and their imports are explored in alphabetical order."""
IO_REQUIREMENTS = """Input:
  imports (dict): module name -> list of module names it imports (every name appears as a key).
Output:
  return (dict): {"has_cycle": bool, "cycle": list of str}."""
LICENSE = "Apache-2.0"
INPUTS = [
    {"imports": {"app": ["db", "ui"], "db": ["config"], "ui": ["config", "widgets"], "widgets": [], "config": []}},
    {"imports": {"a": ["b"], "b": ["c"], "c": ["a"]}},
    {"imports": {"main": ["util"], "util": ["log"], "log": ["util"]}},
    {"imports": {"self": ["self"]}},
]

WHITE, GREY, BLACK = 0, 1, 2


def visit(module, imports, colour, path):
    colour[module] = GREY
    path.append(module)
    for target in sorted(imports[module]):
        if colour[target] == GREY:
            return path[path.index(target):] + [target]
        if colour[target] == WHITE:
            cycle = visit(target, imports, colour, path)
            if cycle:
                return cycle
    path.pop()
    colour[module] = BLACK
    return None


def main_solution(imports):
    colour = {module: WHITE for module in imports}
    for module in sorted(imports):
        if colour[module] == WHITE:
            cycle = visit(module, imports, colour, [])
            if cycle:
                return {"has_cycle": True, "cycle": cycle}
    return {"has_cycle": False, "cycle": []}

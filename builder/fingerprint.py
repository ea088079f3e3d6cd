"""A normalised-AST fingerprint of a program, to find near-duplicates.

Two programs get the same fingerprint when they differ only in what does not change what
they compute:

* the folder format's metadata literals (``PROBLEM``, ``INPUTS``, ...), comments,
  docstrings and other bare string statements, blank lines, quoting and formatting;
* type annotations, and an ``if __name__ == "__main__":`` block at the end;
* the names the program chooses: functions, classes, methods, arguments, variables,
  attributes it assigns (``self.total``) and import aliases are renamed consistently,
  in order of first appearance (names in one namespace, attributes in another).

Names the program does not define (builtins, library functions and methods such as
``len`` or ``.append``), constants and the structure of the code are kept, so programs
that differ in a constant, an operator or a call are different programs. A renamed copy
of a shipped program has the shipped program's fingerprint.
"""

from __future__ import annotations

import ast
import hashlib

from .sources import FOLDER_FIELDS

FINGERPRINT_VERSION = "ast-2"


def normalised_tree(code: str) -> ast.Module:
    """The program's AST after the normalisation above (raises ``SyntaxError``)."""
    return _normalised(code)[0]


def _normalised(code: str) -> tuple[ast.Module, "_Rename"]:
    tree = ast.parse(code)
    tree.body = [node for node in tree.body if not _is_metadata(node) and not _is_main_guard(node)]
    tree = _strip(tree)
    renamer = _Rename(tree)
    renamer.run(tree)
    return tree, renamer


def normalised_source(code: str) -> str:
    """The normalised program as source text (for humans: what the fingerprint sees)."""
    return ast.unparse(normalised_tree(code))


def fingerprint(code: str, entry_point: str | None = None) -> str | None:
    """A short hex digest of the normalised AST; None when the code does not parse.

    With ``entry_point``, also of which function is called (its canonical name, or that the
    program does not define it): the same code called at another function is another
    problem, and a copy whose metadata names a function it lacks is not the working one.
    """
    try:
        tree, renamer = _normalised(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    dump = ast.dump(tree, annotate_fields=False, include_attributes=False)
    if entry_point is not None:
        dump += "\x00entry:" + renamer.module.mapping.get(entry_point, f"undefined {entry_point}")
    return hashlib.sha256(f"{FINGERPRINT_VERSION}\x00{dump}".encode()).hexdigest()[:16]


# -- what is dropped ------------------------------------------------------------------
def _is_metadata(node: ast.stmt) -> bool:
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id in FOLDER_FIELDS
    if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
        return node.target.id in FOLDER_FIELDS
    return False


def _is_main_guard(node: ast.stmt) -> bool:
    if not isinstance(node, ast.If) or not isinstance(node.test, ast.Compare):
        return False
    parts = [node.test.left, *node.test.comparators]
    return any(isinstance(p, ast.Name) and p.id == "__name__" for p in parts) and \
        any(isinstance(p, ast.Constant) and p.value == "__main__" for p in parts)


_BODIES = ("body", "orelse", "finalbody")


def _strip(node: ast.AST) -> ast.AST:
    """Drops docstrings/bare strings and annotations, in place; returns the node that replaces ``node``.

    (An ``ast.NodeTransformer`` did the same at twice the cost: this runs on every node of every program.)
    """
    if isinstance(node, ast.arg):
        node.annotation = None
        node.type_comment = None
        return node
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        node.returns = None
        node.type_comment = None
    elif isinstance(node, ast.AnnAssign):
        if node.value is not None:
            node = ast.Assign(targets=[node.target], value=node.value, lineno=node.lineno)
        else:
            node.annotation = ast.Constant(value=None)
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            setattr(node, name, _strip(value))
        elif isinstance(value, list) and value:
            items = [_strip(item) if isinstance(item, ast.AST) else item for item in value]
            if name in _BODIES and isinstance(items[0], ast.stmt):
                items = [s for s in items if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant)
                                                  and isinstance(s.value.value, str))]
                if not items and not isinstance(node, ast.Module):
                    items = [ast.Pass()]
            setattr(node, name, items)
    return node


# -- renaming -------------------------------------------------------------------------
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_SCOPES = (*_FUNCTIONS, ast.ClassDef)


def _arguments(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    a = node.args
    every = [*a.posonlyargs, *a.args, *([a.vararg] if a.vararg else []), *a.kwonlyargs, *([a.kwarg] if a.kwarg else [])]
    return [arg.arg for arg in every]


def _bound_in(scope: ast.AST) -> tuple[set[str], set[str]]:
    """Names a scope binds itself and the ones it declares global/nonlocal (nested scopes excluded)."""
    bound: set[str] = set(_arguments(scope)) if isinstance(scope, _FUNCTIONS) else set()
    declared: set[str] = set()
    stack = _children(scope)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
            stack.extend(node.decorator_list)  # evaluated in this scope; the body is its own scope
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
        elif isinstance(node, ast.alias):
            bound.add(node.asname or node.name.split(".")[0])
        elif isinstance(node, ast.ExceptHandler) and node.name or isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            bound.add(node.name)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound.add(node.rest)
        stack.extend(_children(node))
    return bound - declared, declared


def _children(node: ast.AST) -> list[ast.AST]:
    """``ast.iter_child_nodes`` as a list, without its two generator layers (this runs once per node)."""
    found = []
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, ast.AST):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
    return found


def _dunder(identifier: str) -> bool:
    return identifier.startswith("__") and identifier.endswith("__")


class _Scope:
    def __init__(self, node: ast.AST, prefix: str, names: set[str]) -> None:
        self.node = node
        self.prefix = prefix
        self.names = names
        self.mapping: dict[str, str] = {}

    def canonical(self, identifier: str) -> str:
        return self.mapping.setdefault(identifier, f"{self.prefix}{len(self.mapping)}")


class _Rename:
    """Renames what the program binds, scope by scope, in order of first appearance.

    Module-level names become ``g0, g1, ...``, a function's locals ``l<depth>_0, ...``,
    attributes the program defines (and class-body names) ``a0, a1, ...``. The walk is
    depth-first over each node's fields in declared order, so a renamed copy meets its
    identifiers in the same order and gets the same canonical names.
    """

    def __init__(self, tree: ast.Module) -> None:
        self.attributes: set[str] = set()  # assigned attributes (self.x = ...), methods, class-body names
        self.declared_global: set[str] = set()  # names declared global anywhere live at module level
        self.keywords: dict[str, tuple[int, int]] = {}  # parameter name -> (depth, position) where first defined
        self._scan(tree, 0)
        self.attr_map: dict[str, str] = {}
        module_names, _ = _bound_in(tree)
        self.module = _Scope(tree, "g", module_names | self.declared_global)

    def _scan(self, node: ast.AST, depth: int) -> None:
        """One depth-first pass for what renaming needs to know up front (the slow part was walking thrice)."""
        for child in _children(node):
            if isinstance(child, _FUNCTIONS):
                for position, name in enumerate(dict.fromkeys(_arguments(child))):
                    self.keywords.setdefault(name, (depth + 1, position))
                self._scan(child, depth + 1)
                continue
            if isinstance(child, ast.Attribute) and isinstance(child.ctx, (ast.Store, ast.Del)):
                self.attributes.add(child.attr)
            elif isinstance(child, ast.ClassDef):
                self.attributes |= _bound_in(child)[0]
            elif isinstance(child, ast.Global):
                self.declared_global.update(child.names)
            self._scan(child, depth)

    def attr(self, identifier: str) -> str:
        if identifier not in self.attributes or _dunder(identifier):
            return identifier
        return self.attr_map.setdefault(identifier, f"a{len(self.attr_map)}")

    def resolve(self, identifier: str, scopes: list[_Scope]) -> str:
        if _dunder(identifier):
            return identifier
        innermost = scopes[-1] if scopes else None
        if innermost is not None and isinstance(innermost.node, ast.ClassDef) and identifier in innermost.names:
            return self.attr(identifier)
        for scope in reversed(scopes):
            if isinstance(scope.node, _FUNCTIONS) and identifier in scope.names:
                return scope.canonical(identifier)
        if identifier in self.module.names:
            return self.module.canonical(identifier)
        return identifier

    def _calls_own_code(self, func: ast.expr, scopes: list[_Scope]) -> bool:
        """Whether a call's keywords name the program's own parameters (renamed) or a library's (``reverse=``, kept)."""
        if isinstance(func, ast.Name):
            return not _dunder(func.id) and self.resolve(func.id, scopes) != func.id
        return isinstance(func, ast.Attribute) and func.attr in self.attributes and not _dunder(func.attr)

    def run(self, tree: ast.Module) -> None:
        self.walk(tree, [])

    def walk(self, node: ast.AST, scopes: list[_Scope]) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            owner = scopes[-1] if scopes else None
            if owner is not None and isinstance(owner.node, ast.ClassDef):
                node.name = self.attr(node.name)
            else:
                node.name = self.resolve(node.name, scopes)
            for decorator in node.decorator_list:
                self.walk(decorator, scopes)
            depth = sum(isinstance(s.node, _FUNCTIONS) for s in scopes)
            if isinstance(node, ast.ClassDef):
                for base in [*node.bases, *node.keywords]:
                    self.walk(base, scopes)
                inner = _Scope(node, "c", _bound_in(node)[0])
                for child in node.body:
                    self.walk(child, [*scopes, inner])
                return
            inner = _Scope(node, f"l{depth + 1}_", _bound_in(node)[0])
            for child in [node.args, *node.body]:
                self.walk(child, [*scopes, inner])
            return
        if isinstance(node, ast.Lambda):
            depth = sum(isinstance(s.node, _FUNCTIONS) for s in scopes)
            inner = _Scope(node, f"l{depth + 1}_", _bound_in(node)[0])
            self.walk(node.args, [*scopes, inner])
            self.walk(node.body, [*scopes, inner])
            return
        if isinstance(node, ast.Call):
            own = self._calls_own_code(node.func, scopes)
            for child in [node.func, *node.args]:
                self.walk(child, scopes)
            for keyword in node.keywords:
                if own and keyword.arg in self.keywords:
                    depth, position = self.keywords[keyword.arg]
                    keyword.arg = f"k{depth}_{position}"
                self.walk(keyword.value, scopes)
            return
        if isinstance(node, ast.Name):
            node.id = self.resolve(node.id, scopes)
        elif isinstance(node, ast.arg):
            node.arg = self.resolve(node.arg, scopes)
        elif isinstance(node, ast.Attribute):
            node.attr = self.attr(node.attr)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            node.names = [self.resolve(n, scopes if isinstance(node, ast.Nonlocal) else []) for n in node.names]
        elif isinstance(node, ast.alias):
            bound = node.asname or node.name.split(".")[0]
            if node.asname or "." not in node.name:
                node.asname = self.resolve(bound, scopes)
        elif isinstance(node, ast.ExceptHandler) and node.name or isinstance(node, (ast.MatchAs, ast.MatchStar)) and node.name:
            node.name = self.resolve(node.name, scopes)
        elif isinstance(node, ast.MatchMapping) and node.rest:
            node.rest = self.resolve(node.rest, scopes)
        for child in _children(node):
            self.walk(child, scopes)


def same_program(code_a: str, code_b: str) -> bool:
    """True when both parse and have the same fingerprint."""
    a, b = fingerprint(code_a), fingerprint(code_b)
    return a is not None and a == b


__all__ = ["FINGERPRINT_VERSION", "fingerprint", "normalised_source", "normalised_tree", "same_program"]

"""A task: one program, one entry point, one input. The unit everything else moves."""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from typing import Any

MAX_INPUT_CHARS = 100_000


class BadInput(ValueError):
    """The input is not a plain literal argument list (it would need ``eval``)."""


@dataclass
class Task:
    """Code + entry point + input, plus what we know about where it came from.

    ``input`` is always argument text as written inside ``f(...)`` (CRUXEval's
    convention), e.g. ``"[1, 2], 3"`` or ``"n=5, names=['a']"``; PyEdu kwargs are
    converted to that form by the readers. It is parsed with ``ast.literal_eval``
    only, inside the sandbox.
    """

    id: str
    code: str
    input: str
    entry_point: str = "f"
    expected_output: str | None = None
    question: str | None = None
    io_requirements: str | None = None
    source: str = ""
    license: str | None = None
    problem_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.problem_id is None:
            self.problem_id = self.id
        for name, value in vars(self).items():  # a JSONL field or a literal like "\\ud800" can hold one
            if isinstance(value, (str, dict)):
                setattr(self, name, encodable(value))

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "meta": copy.deepcopy(self.meta)}  # asdict's recursion, only where it matters


def encodable(value: Any) -> Any:
    """``value`` with every string UTF-8 encodable: a lone surrogate becomes ``\\udc80`` text.

    Arrow, Parquet and UTF-8 JSON cannot hold a lone surrogate, and one row with one used to
    end a whole build. They come in through text decoded from JSON escapes: a task's exception
    message or variables, a JSONL source, an LLM reply. (Inside a string literal in code the
    ``\\udc80`` text means the same character again.)
    """
    if isinstance(value, str):
        if value.isascii():
            return value
        try:
            value.encode("utf-8")
            return value
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {encodable(key): encodable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(encodable(item) for item in value)
    return value


def default_entry_point(code: str) -> str:
    """``main_solution`` (PyEdu), else ``f`` (CRUXEval), else the only top-level function."""
    try:
        names = [n.name for n in ast.parse(code).body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    except SyntaxError:
        return "f"  # the sandbox reports the syntax error properly
    for preferred in ("main_solution", "f"):
        if preferred in names:
            return preferred
    return names[0] if len(names) == 1 else "f"


def kwargs_to_input(kwargs: dict[str, Any]) -> str:
    """PyEdu's ``{"n": 5}`` -> ``"n=5"``; keys must be identifiers."""
    parts = []
    for key, value in kwargs.items():
        if not isinstance(key, str) or not key.isidentifier():
            raise BadInput(f"argument name {key!r} is not a Python identifier")
        parts.append(f"{key}={value!r}")
    return ", ".join(parts)


def _first_non_literal(call: ast.Call) -> str:
    allowed = (ast.Constant, ast.List, ast.Tuple, ast.Set, ast.Dict, ast.UnaryOp, ast.BinOp, ast.Load,
               ast.USub, ast.UAdd, ast.Add, ast.Sub, ast.keyword)
    for node in [*call.args, *call.keywords]:
        for sub in ast.walk(node):
            if not isinstance(sub, allowed):
                return ast.unparse(sub)[:80] if isinstance(sub, ast.expr) else type(sub).__name__
    return "an expression"


def parse_arguments(text: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Parse ``"[1, 2], k=3"`` into ``(([1, 2],), {"k": 3})`` without evaluating code."""
    if len(text) > MAX_INPUT_CHARS:
        raise BadInput(f"input has {len(text)} characters (limit {MAX_INPUT_CHARS})")
    try:
        call = ast.parse(f"_({text}\n)", mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        raise BadInput(f"input is not an argument list: {exc}") from None
    if not isinstance(call, ast.Call):
        raise BadInput("input is not an argument list")
    try:
        args = []
        for node in call.args:
            if isinstance(node, ast.Starred):
                raise BadInput("starred arguments are not literals")
            args.append(ast.literal_eval(node))
        kwargs = {}
        for keyword in call.keywords:
            if keyword.arg is None:
                raise BadInput("**kwargs in the input are not literals")
            kwargs[keyword.arg] = ast.literal_eval(keyword.value)
    except BadInput:
        raise
    except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
        raise BadInput(f"input is not made of literals only (found code such as {_first_non_literal(call)!r}); "
                       "inputs are parsed with ast.literal_eval, never evaluated") from None
    return tuple(args), kwargs

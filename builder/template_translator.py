"""Offline, deterministic trace -> chain-of-thought translation (the embedded default).

It reads the trace together with the program's syntax tree, so it can say *why*
things happen (which branch is taken and on which values, how a loop proceeds,
what a helper returned), not just list lines. Phrasings vary, chosen by a seeded
RNG per sample, so a corpus is not monotone but a rebuild is byte-identical. The
text never mentions a trace and contains no code blocks; its last line is
``Therefore, the final answer is: <output>`` with the executed output.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import random
from dataclasses import dataclass

TEMPLATE_VERSION = "template/1"
FINAL_ANSWER_PREFIX = "Therefore, the final answer is:"

_PHRASES: dict[str, tuple[str, ...]] = {
    "start": (
        "Let's work through the call {call} step by step.",
        "We evaluate {call} one step at a time.",
        "Let's follow what happens when we run {call}.",
        "To find the result of {call}, we go through the computation step by step.",
    ),
    "helper_call": (
        "To get this, we call {func} with {args}.",
        "This calls {func} with {args}.",
        "Here {func} is called with {args}.",
    ),
    "helper_return": (
        "So {func} returns {value}.",
        "{func} gives back {value}.",
        "The call to {func} returns {value}.",
    ),
    "final_return": (
        "The function returns {value}.",
        "Finally, {func} returns {value}.",
        "So the call evaluates to {value}.",
    ),
    "assign": (
        "{name} is set to {value}.",
        "Now {name} = {value}.",
        "We get {name} = {value}.",
    ),
    "compute": (
        "Computing {expr} gives {name} = {value}.",
        "{name} = {expr}, which is {value}.",
        "We compute {expr} and store {value} in {name}.",
    ),
    "update": (
        "After this, {name} is {value}.",
        "This updates {name} to {value}.",
        "{name} becomes {value}.",
    ),
    "call_update": (
        "After {expr}, {name} is {value}.",
        "Calling {expr} changes {name} to {value}.",
        "{expr} leaves {name} = {value}.",
    ),
    "branch_true": (
        "The condition {test} holds{why}, so we take this branch.",
        "Since {test} is true{why}, we enter the if-block.",
        "{test} evaluates to True{why}, so the body runs.",
    ),
    "branch_false": (
        "The condition {test} is false{why}, so we skip this branch.",
        "Since {test} does not hold{why}, the block is skipped.",
        "{test} evaluates to False{why}, so we move past it.",
    ),
    "loop_first": (
        "We loop over {iterable}, starting with {target} = {value}.",
        "The loop over {iterable} begins with {target} = {value}.",
    ),
    "loop_next": (
        "Next iteration: {target} = {value}.",
        "Moving on, {target} = {value}.",
        "Now {target} = {value}.",
    ),
    "loop_done": (
        "The loop over {iterable} is finished.",
        "There are no more items, so the loop ends.",
    ),
    "while_first": (
        "The loop condition {test} holds{why}, so we enter the loop.",
        "We start a while loop: {test} is true{why}.",
    ),
    "while_true": (
        "The loop condition {test} still holds{why}, so we continue.",
        "Since {test} is true{why}, the loop body runs again.",
    ),
    "while_false": (
        "Now {test} is false{why}, so the loop stops.",
        "The condition {test} no longer holds{why}; the loop ends.",
    ),
    "elided": (
        "The loop repeats the same way for {n} more iterations; after them, {state}.",
        "Continuing like this for another {n} iterations, we reach {state}.",
        "Skipping ahead over {n} similar iterations, we get {state}.",
    ),
    "exception": (
        "This raises {exc}.",
        "At this point {exc} is raised.",
    ),
    "printed": (
        "It prints {text}.",
        "The program outputs {text} here.",
    ),
    "cut": (
        "The computation continues in the same manner for many more steps.",
    ),
}


@dataclass
class _LineInfo:
    kind: str  # assign | augassign | if | for | while | return | print | expr | other
    node: ast.AST | None
    body_end: int = 0  # last line of an if-body / loop


def _line_table(code: str) -> dict[int, _LineInfo]:
    table: dict[int, _LineInfo] = {}
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return table
    for node in ast.walk(tree):
        if not isinstance(node, ast.stmt):
            continue
        line = node.lineno
        if isinstance(node, ast.If):
            body_end = max(getattr(n, "end_lineno", line) or line for n in node.body)
            table[line] = _LineInfo("if", node, body_end)
        elif isinstance(node, (ast.For, ast.AsyncFor)):
            table[line] = _LineInfo("for", node, node.end_lineno or line)
        elif isinstance(node, ast.While):
            table[line] = _LineInfo("while", node, node.end_lineno or line)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            table.setdefault(line, _LineInfo("assign", node))
        elif isinstance(node, ast.AugAssign):
            table.setdefault(line, _LineInfo("augassign", node))
        elif isinstance(node, ast.Return):
            table.setdefault(line, _LineInfo("return", node))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Name) and node.value.func.id == "print":
            table.setdefault(line, _LineInfo("print", node))
        elif isinstance(node, ast.Expr):
            table.setdefault(line, _LineInfo("expr", node))
        else:
            table.setdefault(line, _LineInfo("other", node))
    return table


@functools.lru_cache(maxsize=4096)
def _code_tables(code: str) -> tuple[dict[int, _LineInfo], dict[int, str], dict[int, list[str]]]:
    """Per program: the line table plus memo dicts for source text and names of its nodes.

    A trace visits the same few lines many times; unparsing them once per program keeps
    translation cheap (the syntax tree lives as long as the cache entry, so node ids are stable).
    """
    return _line_table(code), {}, {}


def _source_of(memo: dict[int, str], node: ast.AST) -> str:
    text = memo.get(id(node))
    if text is None:
        text = memo[id(node)] = ast.unparse(node)
    return text


def _names(memo: dict[int, list[str]], node: ast.AST) -> list[str]:
    names = memo.get(id(node))
    if names is None:
        names = memo[id(node)] = list(dict.fromkeys(sub.id for sub in ast.walk(node) if isinstance(sub, ast.Name)))
    return names


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class TemplateTranslator:
    """Renders a trace dict as fluent reasoning; ``seed`` picks among phrasings."""

    name = "template"
    version = TEMPLATE_VERSION

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed

    def translate(self, code: str, entry_point: str, input_text: str, trace: dict, output: str) -> str:
        digest = hashlib.sha256(f"{self.seed}\x00{code}\x00{input_text}".encode()).digest()
        rng = random.Random(int.from_bytes(digest[:8], "big"))
        say = lambda key, **kw: rng.choice(_PHRASES[key]).format(**kw)  # noqa: E731
        table, sources, names = _code_tables(code)
        unparse = functools.partial(_source_of, sources)
        steps = trace.get("steps", [])
        frames: list[dict[str, str]] = []  # variable values per active call, innermost last
        loop_seen: set[tuple[int, int]] = set()
        sentences: list[str] = [say("start", call=f"{entry_point}({input_text})")]
        pending_updates: list[tuple[int, str]] = []

        def values_of(node: ast.AST) -> str:
            env = frames[-1] if frames else {}
            known = [f"{n} = {env[n]}" for n in _names(names, node) if n in env]
            return f" ({', '.join(known[:3])})" if known else ""

        next_same_depth = _next_same_depth(steps)
        for index, step in enumerate(steps):
            event = step["event"]
            depth = step.get("depth", 0)
            while pending_updates and pending_updates[-1][0] >= depth and event != "call":
                sentences.append(pending_updates.pop()[1])
            if event == "call":
                args = dict(step.get("args", {}))
                frames.append(args)
                if depth > 0:
                    shown = ", ".join(f"{k} = {v}" for k, v in args.items()) or "no arguments"
                    sentences.append(say("helper_call", func=step["func"], args=shown))
            elif event == "return":
                if depth > 0:
                    sentences.append(say("helper_return", func=step["func"], value=step["value"]))
                else:
                    sentences.append(say("final_return", func=step["func"], value=step["value"]))
                if frames:
                    frames.pop()
            elif event == "exception":
                sentences.append(say("exception", exc=step["exception"]))
            elif event == "elided":
                if frames:
                    frames[-1].update(step.get("state", {}))
                state = ", ".join(f"{k} = {v}" for k, v in step.get("state", {}).items()) or "the same state"
                sentences.append(say("elided", n=step["iterations"], state=state))
            elif event == "cut":
                sentences.append(say("cut"))
            elif event == "line":
                following = steps[next_same_depth[index]] if next_same_depth[index] is not None else None
                text = self._line(step, table.get(step["line"]), following, frames, loop_seen, say, values_of, unparse)
                changed = step.get("changed", {})
                if frames:
                    frames[-1].update(changed)
                nested = index + 1 < len(steps) and steps[index + 1].get("depth", 0) > depth
                if text and nested:
                    pending_updates.append((depth, text))  # said once the called function has returned
                elif text:
                    sentences.append(text)
        while pending_updates:
            sentences.append(pending_updates.pop()[1])
        stdout = trace.get("stdout") or ""
        if stdout.strip():
            sentences.append(say("printed", text=_short(repr(stdout.rstrip("\n")), 200)))
        sentences.append(f"{FINAL_ANSWER_PREFIX} {output}")
        return _paragraphs(sentences)

    def _line(self, step, info, following, frames, loop_seen, say, values_of, unparse) -> str:
        changed: dict[str, str] = step.get("changed", {})
        kind = info.kind if info else "other"
        node = info.node if info else None
        parts: list[str] = []
        if kind == "if" and isinstance(node, ast.If):
            taken = following is not None and following["event"] == "line" and node.lineno < following["line"] <= info.body_end
            test = _short(unparse(node.test))
            parts.append(say("branch_true" if taken else "branch_false", test=test, why=values_of(node.test)))
        elif kind == "for" and isinstance(node, (ast.For, ast.AsyncFor)):
            target = unparse(node.target)
            iterable = _short(unparse(node.iter))
            key = (id(frames[-1]) if frames else 0, node.lineno)
            if changed:
                value = ", ".join(changed.values()) if len(changed) > 1 else next(iter(changed.values()))
                first = key not in loop_seen
                loop_seen.add(key)
                parts.append(say("loop_first" if first else "loop_next", target=target, value=value, iterable=iterable))
                return " ".join(parts)
            inside = following is not None and following["event"] == "line" and node.lineno < following["line"] <= info.body_end
            if not inside:
                loop_seen.discard(key)
                parts.append(say("loop_done", iterable=iterable))
        elif kind == "while" and isinstance(node, ast.While):
            inside = following is not None and following["event"] == "line" and node.lineno < following["line"] <= info.body_end
            test = _short(unparse(node.test))
            key = (id(frames[-1]) if frames else 0, node.lineno)
            phrase = ("while_true" if key in loop_seen else "while_first") if inside else "while_false"
            (loop_seen.add if inside else loop_seen.discard)(key)
            parts.append(say(phrase, test=test, why=values_of(node.test)))
        elif kind in ("assign", "augassign") and changed:
            expr = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else None
            for name, value in changed.items():
                if kind == "augassign" and isinstance(node, ast.AugAssign):
                    op = _OPS.get(type(node.op), "?")
                    parts.append(say("compute", expr=f"{name} {op} {_short(unparse(node.value))}", name=name, value=value))
                elif expr is not None and not _is_literal(expr) and len(changed) == 1:
                    parts.append(say("compute", expr=_short(unparse(expr)), name=name, value=value))
                else:
                    parts.append(say("assign", name=name, value=value))
            return " ".join(parts)
        elif kind == "print":
            return ""  # printed text is reported once, at the end
        elif kind == "expr" and changed and isinstance(node, ast.Expr):
            expr = _short(unparse(node.value))
            return " ".join(say("call_update", expr=expr, name=name, value=value) for name, value in changed.items())
        if changed:
            parts.extend(say("update", name=name, value=value) for name, value in changed.items())
        return " ".join(parts)


_OPS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
        ast.Pow: "**", ast.BitOr: "|", ast.BitAnd: "&", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>",
        ast.MatMult: "@"}


def _is_literal(node: ast.AST) -> bool:
    try:
        ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, RecursionError):
        return False
    return True


def _next_same_depth(steps: list[dict]) -> list[int | None]:
    """For each step, the index of the next step in the same call (skipping nested calls)."""
    result: list[int | None] = [None] * len(steps)
    waiting: dict[int, int] = {}  # depth -> index of the last step at that depth still waiting
    for index, step in enumerate(steps):
        depth = step.get("depth", 0)
        for deeper in [d for d in waiting if d > depth]:
            del waiting[deeper]  # that call has returned
        if depth in waiting:
            result[waiting[depth]] = index
        waiting[depth] = index
    return result


def _paragraphs(sentences: list[str]) -> str:
    body = [s for s in sentences[:-1] if s]
    lines: list[str] = []
    for start in range(0, len(body), 4):
        lines.append(" ".join(body[start:start + 4]))
    lines.append(sentences[-1])
    return "\n\n".join(lines)

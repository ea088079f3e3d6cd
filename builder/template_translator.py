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

TEMPLATE_VERSION = "template/3"
FINAL_ANSWER_PREFIX = "Therefore, the final answer is:"

_PHRASES: dict[str, tuple[str, ...]] = {
    "start": (
        "Let's work through the call {call} step by step.",
        "We evaluate {call} one step at a time.",
        "Let's follow what happens when we run {call}.",
        "To find the result of {call}, we go through the computation step by step.",
    ),
    "helper_call": (
        "Now {func} is called with {args}.",
        "Next, {func} runs with {args}.",
        "Here {func} is called with {args}.",
    ),
    "helper_return": (
        "So {func} returns {value}.",
        "{func} gives back {value}.",
        "The call to {func} returns {value}.",
    ),
    "helper_resume": (
        "{func} resumes where it paused.",
        "Back in {func}, which continues after its last yield.",
    ),
    "helper_yield": (
        "{func} yields {value} and pauses there.",
        "The generator {func} hands out {value}.",
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
    "branch_check": (
        "We check the condition {test}{why}.",
        "Next the condition {test} is tested{why}.",
    ),
    "while_check": (
        "The loop condition {test} is checked{why}.",
        "The loop tests {test}{why}.",
    ),
    "exception_caught": (
        "The exception ends {func} early and passes to the code that called it.",
        "{func} stops there; the exception goes back to its caller.",
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
        "Along the way it prints {text}.",
        "On the way, the program prints {text}.",
    ),
    "return_expr": (
        "It returns {expr}{why}.",
        "The result is {expr}{why}.",
        "We evaluate {expr}{why} for the return value.",
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
    body_start: int = 0  # first line of that body (the header's own line when the body shares it)
    header_end: int = 0  # last line of the header (a condition may span several lines)

    @property
    def inline(self) -> bool:
        """``if x: y = 1`` / ``for i in r: s += i``: line events cannot tell header from body."""
        return self.body_start == self.node.lineno if self.node is not None else False


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
        if isinstance(node, (ast.If, ast.For, ast.AsyncFor, ast.While)):
            start = node.body[0].lineno
            header = (start - 1) if start > line else line
            body_end = max(getattr(n, "end_lineno", line) or line for n in node.body)  # an else: is not the body
            kind = "if" if isinstance(node, ast.If) else "while" if isinstance(node, ast.While) else "for"
            table[line] = _LineInfo(kind, node, body_end, start, header)
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
        funcs: list[str] = []  # the function of each of those calls
        calls: list = []  # an identity per call: loop wording is per call (ids of freed dicts repeat)
        raised: str | None = None  # the last exception raised
        loop_seen: set[tuple[int, int]] = set()
        sentences: list[str] = [say("start", call=f"{entry_point}({input_text})")]
        pending_updates: list[tuple[int, str]] = []

        def values_of(node: ast.AST) -> str:
            env = frames[-1] if frames else {}
            known = [f"{n} = {env[n]}" for n in _names(names, node) if n in env]
            return f" ({', '.join(known[:3])})" if known else ""

        next_same_depth = _next_same_depth(steps)
        stdout = trace.get("stdout") or ""
        printed = say("printed", text=_short(repr(stdout.rstrip("\n")), 200)) if stdout.strip() else ""

        def following(index: int, info: _LineInfo | None) -> dict | None:
            """The next step of this call, past the rest of a multi-line header (``if (a and\\n b):``)."""
            at = next_same_depth[index]
            while at is not None and info is not None and steps[at]["event"] == "line" \
                    and info.node.lineno < steps[at]["line"] <= info.header_end:
                at = next_same_depth[at]
            return steps[at] if at is not None else None

        for index, step in enumerate(steps):
            event = step["event"]
            depth = step.get("depth", 0)
            while pending_updates and pending_updates[-1][0] >= depth and event != "call":
                sentences.append(pending_updates.pop()[1])
            # A call that an exception ended has no return step: its frame goes when the caller resumes.
            unwound = False
            while "depth" in step and len(frames) > depth + (0 if event == "call" else 1):
                frames.pop()
                calls.pop()
                sentences.append(say("exception_caught", func=funcs.pop()))
                unwound = True
            if event == "call":
                args = dict(step.get("args", {}))
                frames.append(args)
                funcs.append(step["func"])
                # a generator keeps its identity across resumptions: its loops are not starting over
                calls.append(("generator", step["frame"]) if "frame" in step else index)
                if step.get("resumed"):
                    if depth > 0:
                        sentences.append(say("helper_resume", func=step["func"]))
                    continue
                if depth > 0:
                    shown = ", ".join(f"{k} = {v}" for k, v in args.items()) or "no arguments"
                    sentences.append(say("helper_call", func=step["func"], args=shown))
            elif event == "return":
                if depth > 0:
                    key = "helper_yield" if step.get("yielded") else "helper_return"
                    sentences.append(say(key, func=step["func"], value=step["value"]))
                else:
                    if printed and not step.get("yielded"):  # what it printed, before what it returns
                        sentences.append(printed)
                        printed = ""
                    sentences.append(say("final_return", func=step["func"], value=step["value"]))
                    if not step.get("yielded"):
                        break  # the call asked about is over: later steps are clean-up (generators closed by GC)
                if frames:
                    frames.pop()
                    funcs.pop()
                    calls.pop()
            elif event == "exception":
                if not (unwound and step["exception"] == raised):  # the same exception arriving in the caller
                    sentences.append(say("exception", exc=step["exception"]))
                raised = step["exception"]
            elif event == "elided":
                if frames:
                    frames[-1].update(step.get("state", {}))
                state = ", ".join(f"{k} = {v}" for k, v in step.get("state", {}).items()) or "the same state"
                sentences.append(say("elided", n=step["iterations"], state=state))
            elif event == "cut":
                sentences.append(say("cut"))
            elif event == "line":
                info = table.get(step["line"])
                text = self._line(step, info, following(index, info), frames, calls[-1] if calls else 0, loop_seen,
                                  say, values_of, unparse)
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
        if printed:  # no plain return to put it before (an exception ended the call)
            sentences.append(printed)
        sentences.append(f"{FINAL_ANSWER_PREFIX} {output}")
        return _paragraphs(sentences)

    def _line(self, step, info, following, frames, call_key, loop_seen, say, values_of, unparse) -> str:
        changed: dict[str, str] = dict(step.get("changed", {}))
        kind = info.kind if info else "other"
        node = info.node if info else None
        parts: list[str] = []
        in_body = (following is not None and following["event"] == "line"
                   and info is not None and info.body_start <= following["line"] <= info.body_end)
        header_again = (following is not None and following["event"] == "line" and node is not None
                        and following["line"] == node.lineno)
        if header_again and info is not None and not info.inline and kind in ("if", "for", "while"):
            # a header spread over lines is reported once it is decided, at its last event
            return " ".join(say("update", name=name, value=value) for name, value in changed.items())
        if kind == "if" and isinstance(node, ast.If):
            test = _short(unparse(node.test))
            if info.inline:  # body on the header's line: no line event tells whether it ran
                parts.append(say("branch_check", test=test, why=values_of(node.test)))
            else:
                parts.append(say("branch_true" if in_body else "branch_false", test=test, why=values_of(node.test)))
        elif kind == "for" and isinstance(node, (ast.For, ast.AsyncFor)):
            iterable = _short(unparse(node.iter))
            key = (call_key, node.lineno)
            targets = _target_names(node.target)
            env = frames[-1] if frames else {}
            if info.inline:  # each pass is one event of the header line; the last one finds no item
                iterating = header_again or bool(changed)
            elif targets is None:
                iterating = bool(changed)
            else:
                iterating = in_body
            if iterating and targets:
                values = [changed.pop(n, env.get(n, "?")) for n in targets]
                value = values[0] if len(values) == 1 else ", ".join(values)
                target = targets[0] if len(targets) == 1 else f"({', '.join(targets)})"
            elif iterating:  # an attribute or item as the loop target (a repeated value changes nothing)
                target = unparse(node.target)
                value = ", ".join(changed.values()) or "the same value again"
                changed = {}
            if iterating:
                first = key not in loop_seen
                loop_seen.add(key)
                parts.append(say("loop_first" if first else "loop_next", target=target, value=value, iterable=iterable))
            else:
                loop_seen.discard(key)
                parts.append(say("loop_done", iterable=iterable))
        elif kind == "while" and isinstance(node, ast.While):
            test = _short(unparse(node.test))
            key = (call_key, node.lineno)
            if info.inline:
                parts.append(say("while_check", test=test, why=values_of(node.test)))
            else:
                phrase = ("while_true" if key in loop_seen else "while_first") if in_body else "while_false"
                (loop_seen.add if in_body else loop_seen.discard)(key)
                parts.append(say(phrase, test=test, why=values_of(node.test)))
        elif kind in ("assign", "augassign") and changed:
            expr = node.value if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) else None
            bound = _assigned_names(node)
            for name, value in changed.items():
                if name not in bound:  # an attribute or item of it was assigned: the object changed
                    parts.append(say("update", name=name, value=value))
                elif kind == "augassign" and isinstance(node, ast.AugAssign):
                    op = _OPS.get(type(node.op), "?")
                    parts.append(say("compute", expr=f"{name} {op} {_short(unparse(node.value))}", name=name, value=value))
                elif expr is not None and not _is_literal(expr) and len(changed) == 1:
                    parts.append(say("compute", expr=_short(unparse(expr)), name=name, value=value))
                else:
                    parts.append(say("assign", name=name, value=value))
            return " ".join(parts)
        elif kind == "print":
            return ""  # printed text is reported once, before the result
        elif kind == "return" and isinstance(node, ast.Return) and node.value is not None \
                and not isinstance(node.value, (ast.Name, ast.Constant)) and not changed:
            # the expression worked out on this line (a bare name or constant: its value says it all;
            # a long one, clipped, would read as garbage: the value returned is said next anyway)
            expr = unparse(node.value)
            return say("return_expr", expr=expr, why=values_of(node.value)) if len(expr) <= 80 else ""
        elif kind == "expr" and changed and isinstance(node, ast.Expr):
            expr = _short(unparse(node.value))
            return " ".join(say("call_update", expr=expr, name=name, value=value) for name, value in changed.items())
        if changed:
            parts.extend(say("update", name=name, value=value) for name, value in changed.items())
        return " ".join(parts)


def _target_names(target: ast.AST) -> list[str] | None:
    """``x`` -> [x]; ``(k, (a, b))`` -> [k, a, b]; None when the target is an attribute or an item."""
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Starred):
        return _target_names(target.value)
    if isinstance(target, (ast.Tuple, ast.List)):
        names: list[str] = []
        for element in target.elts:
            inner = _target_names(element)
            if inner is None:
                return None
            names.extend(inner)
        return names
    return None


def _assigned_names(node: ast.AST | None) -> set[str]:
    """The plain names a statement binds (``a, b = ...``, ``x += 1``; not ``d[k] = ...`` or ``self.v = ...``)."""
    targets = node.targets if isinstance(node, ast.Assign) else \
        [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
    names: set[str] = set()
    for target in targets:
        names.update(_target_names(target) or [])
    return names


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

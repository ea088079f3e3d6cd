"""Structured execution tracer: the grounded record every CoT is written from.

One ``Tracer`` follows one call of the entry point inside one sandboxed process.
It records, per step, the event, function, line, source text, call depth and only
the variables that *changed* (bounded, side-effect-free reprs). Long loops are
compressed: the first ``loop_head`` and last ``loop_tail`` iterations are kept and
the middle becomes one ``elided`` step that carries the state it leads to, so a long
trace is shortened instead of dropped. Anything else that is cut is marked.

Backends: ``sys.monitoring`` on Python >= 3.12, ``sys.settrace`` on 3.11. Both feed
the same ``_Recorder``; see ``TRACE_SCHEMA`` for the JSON shape.
"""

from __future__ import annotations

import ast
import collections
import dis
import itertools
import operator
import sys
from dataclasses import asdict, dataclass
from typing import Any, Callable

from .safe_repr import SafeRepr, exception_message

TRACE_SCHEMA = "code2cot.trace/1"
"""Version of the trace JSON. Shape::

    {"schema": "code2cot.trace/1", "backend": "settrace"|"monitoring",
     "entry_point": str, "args": {name: repr},
     "steps": [step, ...], "return": repr|None, "exception": str|None,
     "stdout": str, "n_events": int, "n_steps": int, "truncated": bool,
     "cuts": [{"kind": str, ...}, ...], "limits": {...}}

A step is one of::

    {"event": "call",      "func", "line", "depth", "source", "args": {name: repr}, ["resumed": True]}
    {"event": "line",      "func", "line", "depth", "source", "changed": {name: repr}}
    {"event": "return",    "func", "line", "depth", "source", "value": repr, ["yielded": True]}
    {"event": "exception", "func", "line", "depth", "source", "exception": "Type: msg"}
    {"event": "elided",    "func", "line", "depth", "source", "iterations": n, "steps": n,
                           "state": {name: repr}}      # loop iterations left out
    {"event": "cut",       "reason": str, "skipped_events": n}   # recording stopped

``changed`` lists the variables whose value differs after the line ran. An ``elided``
step's ``state`` gives the values of the variables changed inside the left-out
iterations as they stood when they ended. A ``cut`` step is always the last but one
(only the final ``return``/``exception`` of the entry point may follow it).
"""

_REPRS = "reprs"  # {name: repr} of str -> str
_TRACE_FIELDS: dict[str, tuple] = {
    "schema": (str,), "backend": (str,), "entry_point": (str,), "args": (_REPRS,), "steps": (list,),
    "return": (str, type(None)), "exception": (str, type(None)), "stdout": (str,), "n_events": (int,),
    "n_steps": (int,), "truncated": (bool,), "cuts": (list,), "limits": (dict,),
}
_STEP_FIELDS: dict[str, tuple] = {
    "event": (str,), "func": (str,), "line": (int,), "depth": (int,), "source": (str,), "args": (_REPRS,),
    "changed": (_REPRS,), "value": (str, type(None)), "exception": (str,), "iterations": (int,), "steps": (int,),
    "state": (_REPRS,), "reason": (str,), "skipped_events": (int,), "resumed": (bool,), "yielded": (bool,),
    "frame": (int,),
}
_FRAME = ("func", "line", "depth", "source")
STEP_KEYS: dict[str, tuple[str, ...]] = {
    "call": (*_FRAME, "args"), "line": _FRAME, "return": (*_FRAME, "value"),
    "exception": (*_FRAME, "exception"), "elided": (*_FRAME, "iterations", "steps", "state"),
    "cut": ("reason", "skipped_events"),
}
"""The keys each kind of step always has (a line step has ``changed`` only where something changed)."""
STEP_EVENTS = frozenset(STEP_KEYS)
_INT_LIMITS = {"line": 2**31, "depth": 2**31, "iterations": 2**31, "steps": 2**31, "n_steps": 2**31,
               "skipped_events": 2**63, "n_events": 2**63, "frame": 2**63}
"""Exclusive upper bounds (all are >= 0): the dataset stores them as int32/int64."""


def trace_problem(trace: object, max_steps: int | None = None) -> str | None:
    """What makes ``trace`` not a trace of the shape above (None: it is one).

    A trace arrives as JSON from the task process, where the program ran: a program can write
    its own record there, and every consumer (the translators, the dataset's features) relies
    on these types. ``max_steps``: the recorder's ``TraceLimits.max_steps``, which no real trace
    exceeds by more than its closing step (checked first: a forged million steps is not walked).
    """
    if not isinstance(trace, dict):
        return f"the trace is {type(trace).__name__}, not an object"
    problem = _fields_problem(trace, _TRACE_FIELDS, "the trace")
    if problem or "steps" not in trace or "n_steps" not in trace:
        return problem or "the trace has no steps or n_steps"
    if trace["n_steps"] != len(trace["steps"]):
        return f"n_steps is {trace['n_steps']} for {len(trace['steps'])} steps"
    if max_steps is not None and len(trace["steps"]) > max_steps + 2:
        return f"the trace has {len(trace['steps'])} steps, more than the recorder keeps ({max_steps})"
    for index, step in enumerate(trace["steps"]):
        where = f"step {index}"
        if not isinstance(step, dict):
            return f"{where} is {type(step).__name__}, not an object"
        if step.get("event") not in STEP_EVENTS:
            return f"{where} has no known event"
        missing = [key for key in STEP_KEYS[step["event"]] if key not in step]
        if missing:
            return f"{where} ({step['event']}) lacks {', '.join(missing)}"
        problem = _fields_problem(step, _STEP_FIELDS, where)
        if problem:
            return problem
        if step.get("depth", 0) > len(trace["steps"]):  # each level of depth was entered by a recorded call
            return f"{where}: depth {step['depth']} is deeper than the trace's {len(trace['steps'])} steps"
    return None


def _fields_problem(record: dict, fields: dict[str, tuple], where: str) -> str | None:
    for name, value in record.items():  # a step has 5-7 of the 17 fields
        kinds = fields.get(name)
        if kinds is None:
            continue  # not read by anything
        if _REPRS in kinds:
            if not (isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())):
                return f"{where}: {name} is not a mapping of names to reprs"
        elif not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            return f"{where}: {name} is {type(value).__name__}"
        elif isinstance(value, int) and not isinstance(value, bool) and not 0 <= value < _INT_LIMITS.get(name, 2**63):
            return f"{where}: {name} {value if abs(value) < 10**12 else 'of ' + str(len(str(value))) + ' digits'} " \
                   "is out of range"
    return None


TASK_FILENAME = "<code2cot-task>"
"""Filename that traced code is compiled under; frames of other files are not traced."""

_OPAQUE_CODE_NAMES = frozenset({"<listcomp>", "<dictcomp>", "<setcomp>", "<genexpr>", "<lambda>"})
_IMMUTABLE = frozenset({int, float, complex, str, bytes, bool, type(None), range, frozenset})
_IMMUTABLE_SCALARS = frozenset({int, float, complex, str, bytes, bool, type(None)})
_CO_GENERATOR_LIKE = 0x20 | 0x80 | 0x200  # generator, coroutine, async generator
_SUSPENDING_OPS = {dis.opmap[name] for name in ("YIELD_VALUE", "SEND") if name in dis.opmap}
"""The instruction a generator/coroutine frame is left at when it will resume (settrace's "return")."""


@dataclass(frozen=True)
class TraceLimits:
    """Bounds that keep traces small and verdicts independent of machine speed."""

    max_events: int = 2_000_000
    """Executed events (lines + calls) before the run stops as ``timeout``: a step budget."""
    max_steps: int = 1_500
    """Recorded steps (after loop compression) before recording stops with a ``cut``."""
    repr_chars: int = 120
    """Character budget of one value's repr."""
    loop_head: int = 3
    """Iterations kept at the start of each loop."""
    loop_tail: int = 2
    """Iterations kept at the end of each loop."""
    stdout_chars: int = 20_000
    """Captured stdout kept in the trace (the full stdout is bounded by the sandbox)."""

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class StepBudgetExceeded(Exception):
    """Raised through ``on_budget`` when ``max_events`` is spent."""


@dataclass
class _Loop:
    frame_id: int
    header: int
    end: int
    depth: int
    func: str
    source: str
    iterations: int = 0
    current: list | None = None  # steps of the running iteration once past the head
    tail: collections.deque | None = None
    elided_iterations: int = 0
    elided_steps: int = 0
    elided_state: dict | None = None


class _FrameState:
    __slots__ = ("snapshot", "pending", "loops", "last_line", "depth", "func", "raising", "serial")

    def __init__(self, depth: int, func: str, serial: int = 0) -> None:
        self.snapshot: dict[str, tuple[object, str, tuple | None]] = {}
        self.pending: dict | None = None  # last line step, waiting for its ``changed``
        self.loops: list[_Loop] = []
        self.last_line = -1
        self.depth = depth
        self.func = func
        self.raising = False  # an exception passed through and no line ran since
        self.serial = serial  # which call this is (generators: the same across resumptions)


def loop_spans(tree: ast.AST) -> dict[int, int]:
    """Map each loop header line to the last line of its loop (statements only: loops live there)."""
    spans: dict[int, int] = {}
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, (ast.For, ast.While, ast.AsyncFor)):
            spans[node.lineno] = max(spans.get(node.lineno, 0), node.end_lineno or node.lineno)
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if children:
                pending.extend(children)
    return spans


_SHALLOW_KINDS = frozenset({list, dict, set})
_SHALLOW_MAX = 1000


def _members(value, kind):
    return itertools.chain(dict.keys(value), dict.values(value)) if kind is dict else iter(value)


def _member_count(value, kind) -> int:
    return 2 * len(value) if kind is dict else len(value)


def _shallow(value: object) -> tuple | None:
    """The items of a small list/dict/set of immutable scalars, to spot in-place changes by identity.

    Comparing by identity (``operator.is_``) never runs user code; it is only sound when
    every item is immutable, so containers holding anything else are re-rendered instead.
    """
    kind = type(value)
    if kind not in _SHALLOW_KINDS or len(value) > _SHALLOW_MAX:  # type: ignore[arg-type]
        return None
    members = tuple(_members(value, kind))
    if all(type(item) in _IMMUTABLE_SCALARS or type(item) is tuple and _scalar_tuple(item) for item in members):
        return members
    return None


def _scalar_tuple(item: tuple) -> bool:
    return len(item) <= 16 and all(type(x) in _IMMUTABLE_SCALARS for x in item)


class _Recorder:
    """Backend-independent bookkeeping: diffs, loop compression, budgets."""

    def __init__(self, source: str, limits: TraceLimits, on_budget: Callable[[], None], tree: ast.AST | None = None) -> None:
        self.lines = [line.rstrip() for line in source.splitlines()]
        self.loops = loop_spans(tree if tree is not None else ast.parse(source))
        self.limits = limits
        self.repr = SafeRepr(max_chars=limits.repr_chars)
        self.on_budget = on_budget
        self.steps: list[dict] = []
        self.sinks: list[_Loop] = []  # loops whose iterations are being buffered, innermost last
        self.frames: dict[int, _FrameState] = {}
        self.calls = 0  # calls seen so far: a serial number per call
        self.depth = 0
        self.n_events = 0
        self.n_recorded = 0
        self.recording = True
        self.skipped = 0
        self.cuts: list[dict] = []
        self.finished = False

    # -- output -------------------------------------------------------------------
    def _emit(self, step: dict) -> None:
        if not self.recording:
            self.skipped += 1
            return
        self.n_recorded += 1
        if self.n_recorded > self.limits.max_steps:
            self.recording = False
            self.skipped += 1
            return
        for loop in reversed(self.sinks):
            if loop.current is not None:
                loop.current.append(step)
                return
        self.steps.append(step)

    def _source(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""

    def _count(self) -> None:
        self.n_events += 1
        if self.n_events > self.limits.max_events:
            self.on_budget()

    # -- variable diffs -----------------------------------------------------------
    def _diff(self, state: _FrameState, local_vars: dict[str, Any]) -> dict[str, str]:
        changed: dict[str, str] = {}
        snapshot = state.snapshot
        for name, value in local_vars.items():
            old = snapshot.get(name)
            if old is not None and old[0] is value:
                kind = type(value)
                if kind in _IMMUTABLE:
                    continue
                members = old[2]
                if members is not None and len(members) == _member_count(value, kind) \
                        and all(map(operator.is_, members, _members(value, kind))):
                    continue  # same container holding the very same immutable items: unchanged
            text = self.repr(value)
            if old is None or old[1] != text:
                changed[name] = text
            snapshot[name] = (value, text, _shallow(value))
        if len(snapshot) > len(local_vars):
            for name in [n for n in snapshot if n not in local_vars]:
                del snapshot[name]
        return changed

    def _settle(self, state: _FrameState, local_vars: dict[str, Any]) -> None:
        """Attach the effect of the line that just ran to its step."""
        changed = self._diff(state, local_vars)
        if state.pending is not None:
            if changed:
                state.pending.setdefault("changed", {}).update(changed)
            state.pending = None

    # -- events -------------------------------------------------------------------
    def call(self, frame_id: int, func: str, line: int, local_vars: dict[str, Any], arg_names: tuple[str, ...],
             generator: bool = False) -> None:
        self._count()
        state = self.frames.get(frame_id)
        resumed = generator and state is not None and state.func == func  # picking up where it paused
        if not resumed:  # new, or a finished generator's id reused by another call
            self.calls += 1
            state = self.frames[frame_id] = _FrameState(self.depth, func, self.calls)
        state.depth = self.depth
        args = {name: self.repr(local_vars[name]) for name in arg_names if name in local_vars}
        self._diff(state, local_vars)
        step = {"event": "call", "func": func, "line": line, "depth": self.depth, "source": self._source(line),
                "args": args}
        if generator:  # which generator this is: two of one function can be alive at once
            step["frame"] = state.serial
        if resumed:
            step["resumed"] = True
        self._emit(step)
        self.depth += 1

    def line(self, frame_id: int, line: int, local_vars: dict[str, Any]) -> None:
        self.n_events += 1  # the hot path: _count() inlined
        if self.n_events > self.limits.max_events:
            self.on_budget()
        state = self.frames.get(frame_id)
        if state is None:  # frame entered before tracing began (cannot happen for the entry point)
            return
        self._settle(state, local_vars)
        state.raising = False
        if line == state.last_line and line not in self.loops:
            return  # a one-line loop or an inlined comprehension: one step, not one per item
        state.last_line = line
        self._loop_bookkeeping(state, frame_id, line)
        step = {"event": "line", "func": state.func, "line": line, "depth": state.depth, "source": self._source(line)}
        state.pending = step
        self._emit(step)

    def leave(self, frame_id: int, line: int, local_vars: dict[str, Any], value: object, generator: bool,
              suspended: bool | None = None) -> None:
        """A frame returns (``suspended``: a generator/coroutine that yields and will resume; None: assume so
        for generator-like code). A frame that is done is forgotten, so a new frame reusing its id starts clean."""
        state = self.frames.get(frame_id)
        if state is not None and state.raising and not generator:
            self.unwind(frame_id, local_vars)  # settrace reports an unwinding frame as a return of None
            return
        if state is not None and state.raising:
            suspended = False  # closed (GeneratorExit at its yield) or failed: it will not resume
        self.depth = max(0, self.depth - 1)
        if state is None:
            return
        self._settle(state, local_vars)
        self._close_loops(state, frame_id, keep_after=None)
        step = {"event": "return", "func": state.func, "line": line, "depth": state.depth, "source": self._source(line),
                "value": self.repr(value)}
        if suspended:  # a generator/coroutine handing out a value, to be resumed
            step["yielded"] = True
        self._emit(step)
        state.last_line = -1
        if not (generator if suspended is None else suspended):
            del self.frames[frame_id]

    def exception(self, frame_id: int, line: int, exc: BaseException) -> None:
        state = self.frames.get(frame_id)
        if state is None:
            return
        state.raising = True
        message = exception_message(exc, self.repr)[: self.limits.repr_chars]  # never a user __str__
        text = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
        self._emit({"event": "exception", "func": state.func, "line": line, "depth": state.depth, "source": self._source(line), "exception": text})

    def unwind(self, frame_id: int, local_vars: dict[str, Any]) -> None:
        """A frame left by an exception (no return value)."""
        state = self.frames.pop(frame_id, None)
        self.depth = max(0, self.depth - 1)
        if state is not None:
            self._settle(state, local_vars)
            self._close_loops(state, frame_id, keep_after=None)

    # -- loop compression ---------------------------------------------------------
    def _loop_bookkeeping(self, state: _FrameState, frame_id: int, line: int) -> None:
        self._close_loops(state, frame_id, keep_after=line)
        end = self.loops.get(line)
        if end is None:
            return
        if state.loops and state.loops[-1].header == line:
            self._next_iteration(state.loops[-1])
            return
        loop = _Loop(frame_id, line, end, state.depth, state.func, self._source(line), iterations=1)
        state.loops.append(loop)
        self.sinks.append(loop)

    def _next_iteration(self, loop: _Loop) -> None:
        loop.iterations += 1
        if loop.iterations <= self.limits.loop_head:
            return
        if loop.tail is None:
            loop.tail = collections.deque()
            loop.elided_state = {}
        elif loop.current is not None:
            loop.tail.append(loop.current)
            if len(loop.tail) > self.limits.loop_tail:
                self._elide(loop, loop.tail.popleft())
        loop.current = []

    def _elide(self, loop: _Loop, iteration: list[dict]) -> None:
        loop.elided_iterations += 1
        loop.elided_steps += len(iteration)
        self.n_recorded -= len(iteration)  # left out: no longer counts against max_steps
        for step in iteration:
            if step.get("depth") == loop.depth and "changed" in step:
                loop.elided_state.update(step["changed"])  # type: ignore[union-attr]

    def _close_loops(self, state: _FrameState, frame_id: int, keep_after: int | None) -> None:
        while state.loops:
            loop = state.loops[-1]
            if keep_after is not None and loop.header <= keep_after <= loop.end:
                return
            state.loops.pop()
            self.sinks.remove(loop)
            self._flush(loop)

    def _flush(self, loop: _Loop) -> None:
        pending = list(loop.tail or ())
        if loop.current:
            pending.append(loop.current)
        loop.current = None
        if loop.elided_iterations:
            self._emit({
                "event": "elided", "func": loop.func, "line": loop.header, "depth": loop.depth,
                "source": loop.source, "iterations": loop.elided_iterations, "steps": loop.elided_steps,
                "state": loop.elided_state or {},
            })
        for iteration in pending:
            for step in iteration:
                self.n_recorded -= 1  # re-emitted below, counted once
                self._emit(step)

    def finish(self) -> None:
        if self.finished:
            return
        self.finished = True
        for frame_id, state in list(self.frames.items()):
            self._close_loops(state, frame_id, keep_after=None)
        if self.skipped:
            self.cuts.append({"kind": "max_steps", "skipped_events": self.skipped})
            self.steps.append({"event": "cut", "reason": f"more than {self.limits.max_steps} steps", "skipped_events": self.skipped})


class Tracer:
    """Runs ``func(*args, **kwargs)`` under tracing and returns its value.

    ``on_budget`` is called (and must not return) when the step budget is spent; the
    sandbox passes a hook that reports ``timeout`` and exits, so user code cannot
    catch it.
    """

    def __init__(self, source: str, limits: TraceLimits | None = None, on_budget: Callable[[], None] | None = None,
                 backend: str | None = None, tree: ast.AST | None = None) -> None:
        self.limits = limits or TraceLimits()
        self.recorder = _Recorder(source, self.limits, on_budget or self._raise_budget, tree)
        self.backend = backend or ("monitoring" if sys.version_info >= (3, 12) else "settrace")
        self.entry_point = ""
        self.args: dict[str, str] = {}
        self.final_return: object = None
        self.final_exception: BaseException | None = None

    def _raise_budget(self) -> None:
        raise StepBudgetExceeded(f"more than {self.limits.max_events} executed steps")

    def run(self, func: Callable[..., Any], args: tuple = (), kwargs: dict | None = None) -> Any:
        kwargs = kwargs or {}
        self.entry_point = func.__name__
        self.args = {f"arg{i}": self.recorder.repr(a) for i, a in enumerate(args)} | {k: self.recorder.repr(v) for k, v in kwargs.items()}
        runner = _MonitoringBackend(self.recorder) if self.backend == "monitoring" else _SettraceBackend(self.recorder)
        try:
            return runner.run(func, args, kwargs)
        finally:
            self.recorder.finish()

    def to_dict(self, stdout: str = "", return_repr: str | None = None, exception: str | None = None) -> dict:
        rec = self.recorder
        truncated = bool(rec.cuts)
        if len(stdout) > self.limits.stdout_chars:
            stdout = stdout[: self.limits.stdout_chars]
            rec.cuts.append({"kind": "stdout", "kept_chars": self.limits.stdout_chars})
            truncated = True
        return {
            "schema": TRACE_SCHEMA,
            "backend": self.backend,
            "entry_point": self.entry_point,
            "args": self.args,
            "steps": rec.steps,
            "return": return_repr,
            "exception": exception,
            "stdout": stdout,
            "n_events": rec.n_events,
            "n_steps": len(rec.steps),
            "truncated": truncated,
            "cuts": rec.cuts,
            "limits": self.limits.to_dict(),
        }


def _arg_names(code) -> tuple[str, ...]:
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & 0x04) + bool(code.co_flags & 0x08)  # *args, **kwargs
    return code.co_varnames[:count]


class _SettraceBackend:
    def __init__(self, recorder: _Recorder) -> None:
        self.rec = recorder

    def run(self, func, args, kwargs):
        previous = sys.gettrace()
        sys.settrace(self._global)
        try:
            return func(*args, **kwargs)
        finally:
            sys.settrace(previous)

    def _global(self, frame, event, arg):
        code = frame.f_code
        if code.co_filename != TASK_FILENAME or code.co_name in _OPAQUE_CODE_NAMES:
            return None
        self.rec.call(id(frame), code.co_name, frame.f_lineno, frame.f_locals, _arg_names(code),
                      bool(code.co_flags & _CO_GENERATOR_LIKE))
        return self._local

    def _local(self, frame, event, arg):
        rec = self.rec
        if event == "line":
            rec.line(id(frame), frame.f_lineno, frame.f_locals)
        elif event == "return":
            code = frame.f_code
            generator = bool(code.co_flags & _CO_GENERATOR_LIKE)
            suspended = generator and 0 <= frame.f_lasti < len(code.co_code) \
                and code.co_code[frame.f_lasti] in _SUSPENDING_OPS
            rec.leave(id(frame), frame.f_lineno, frame.f_locals, arg, generator, suspended)
        elif event == "exception":
            rec.exception(id(frame), frame.f_lineno, arg[1])
        return self._local


class _MonitoringBackend:
    """``sys.monitoring`` (PEP 669): cheaper than settrace, events per code object."""

    TOOL = 4  # a free tool id; 0-2 are reserved for debuggers/coverage/profilers

    def __init__(self, recorder: _Recorder) -> None:
        self.rec = recorder
        self.line_ranges: dict[Any, list[tuple[int, int, int | None]]] = {}
        self.back_edges: dict[Any, dict[int, int]] = {}

    def run(self, func, args, kwargs):
        mon = sys.monitoring  # type: ignore[attr-defined]
        events = mon.events
        mon.use_tool_id(self.TOOL, "code2cot")
        try:
            mon.register_callback(self.TOOL, events.PY_START, self._start)
            mon.register_callback(self.TOOL, events.PY_RESUME, self._start)
            mon.register_callback(self.TOOL, events.PY_THROW, self._throw)
            mon.register_callback(self.TOOL, events.LINE, self._line)
            mon.register_callback(self.TOOL, events.JUMP, self._jump)
            mon.register_callback(self.TOOL, events.PY_RETURN, self._return)
            mon.register_callback(self.TOOL, events.PY_YIELD, self._yield)
            mon.register_callback(self.TOOL, events.RAISE, self._raise)
            mon.register_callback(self.TOOL, events.PY_UNWIND, self._unwind)
            mon.set_events(self.TOOL, events.PY_START | events.PY_RESUME | events.PY_THROW | events.PY_RETURN
                           | events.PY_YIELD | events.RAISE | events.PY_UNWIND)
            return func(*args, **kwargs)
        finally:
            mon.set_events(self.TOOL, 0)
            mon.free_tool_id(self.TOOL)

    @staticmethod
    def _traced(code) -> bool:
        return code.co_filename == TASK_FILENAME and code.co_name not in _OPAQUE_CODE_NAMES

    def _start(self, code, offset):
        if not self._traced(code):
            return sys.monitoring.DISABLE  # type: ignore[attr-defined]
        events = sys.monitoring.events  # type: ignore[attr-defined]
        sys.monitoring.set_local_events(self.TOOL, code, events.LINE | events.JUMP)  # type: ignore[attr-defined]
        frame = sys._getframe(1)
        self.rec.call(id(frame), code.co_name, frame.f_lineno, frame.f_locals, _arg_names(code),
                      bool(code.co_flags & _CO_GENERATOR_LIKE))

    def _throw(self, code, offset, exc):
        """A generator resumed by ``throw()``/``close()``: a resumption like any other (its unwind follows)."""
        return self._start(code, offset)

    def _line(self, code, line):
        frame = sys._getframe(1)
        self.rec.line(id(frame), line, frame.f_locals)

    def _jump(self, code, source, destination):
        """A backward jump within a one-line loop (``for y in xs: s += y``) starts another pass over it.

        LINE fires only when the line number changes, so without this a one-line loop would be one
        step with the last iteration's values; settrace reports such jumps as line events itself.
        Inlined comprehensions (3.12+) jump within their line too, but are one step, as under settrace.
        Any other jump is switched off where it is (``DISABLE``), so loops pay for it once.
        """
        line = self._back_edges(code).get(destination) if destination < source else None
        if line is None:
            return sys.monitoring.DISABLE  # type: ignore[attr-defined]
        frame = sys._getframe(1)
        self.rec.line(id(frame), line, frame.f_locals)
        return None

    def _back_edges(self, code) -> dict[int, int]:
        """Offset a one-line loop jumps back to -> its line, once per code object.

        That offset is the smallest backward-jump target within a loop header's line: an inlined
        comprehension in the body jumps back further in. Only such a loop's own jumps land there.
        """
        edges = self.back_edges.get(code)
        if edges is None:
            targets: dict[int, int] = {}  # line -> smallest target
            for instruction in dis.get_instructions(code):
                if "JUMP_BACKWARD" not in instruction.opname or not isinstance(instruction.argval, int):
                    continue
                line = self._line_at(code, instruction.argval)
                if line is not None and line in self.rec.loops and line == self._line_at(code, instruction.offset):
                    targets[line] = min(targets.get(line, instruction.argval), instruction.argval)
            edges = self.back_edges[code] = {offset: line for line, offset in targets.items()}
        return edges

    def _line_at(self, code, offset: int) -> int | None:
        ranges = self.line_ranges.get(code)
        if ranges is None:
            ranges = self.line_ranges[code] = list(code.co_lines())
        for start, end, line in ranges:
            if start <= offset < end:
                return line
        return None

    def _return(self, code, offset, value):
        if not self._traced(code):
            return sys.monitoring.DISABLE  # type: ignore[attr-defined]
        frame = sys._getframe(1)
        self.rec.leave(id(frame), frame.f_lineno, frame.f_locals, value, bool(code.co_flags & _CO_GENERATOR_LIKE),
                       suspended=False)

    def _yield(self, code, offset, value):
        if not self._traced(code):
            return sys.monitoring.DISABLE  # type: ignore[attr-defined]
        frame = sys._getframe(1)
        self.rec.leave(id(frame), frame.f_lineno, frame.f_locals, value, True, suspended=True)

    def _raise(self, code, offset, exc):
        if self._traced(code):
            frame = sys._getframe(1)
            self.rec.exception(id(frame), frame.f_lineno, exc)

    def _unwind(self, code, offset, exc):
        if self._traced(code):
            frame = sys._getframe(1)
            self.rec.unwind(id(frame), frame.f_locals)

"""The tracer in-process: schema, changed-variable diffs, loop compression, bounds, safe reprs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from code2cot.builder import TRACE_SCHEMA, TraceLimits, Tracer, parse_arguments, render_trace
from code2cot.builder.safe_repr import SafeRepr
from code2cot.builder.tracer import TASK_FILENAME, StepBudgetExceeded

REPO = Path(__file__).resolve().parents[1]


def trace(code: str, arg_text: str = "", entry: str = "f", limits: TraceLimits | None = None, backend: str | None = None):
    code = textwrap.dedent(code)
    namespace: dict = {}
    exec(compile(code, TASK_FILENAME, "exec"), namespace)
    args, kwargs = parse_arguments(arg_text)
    tracer = Tracer(code, limits or TraceLimits(), backend=backend)
    value = tracer.run(namespace[entry], args, kwargs)
    return value, tracer.to_dict(return_repr=repr(value))


LOOP = """
def helper(a):
    return a * 2

def f(xs, n):
    total = 0
    out = []
    for i in range(n):
        total += helper(i)
        out.append(total)
    try:
        1 / 0
    except ZeroDivisionError:
        total = -total
    squares = [x * x for x in xs]
    return total, out[-1], squares
"""


def test_schema_and_values():
    value, data = trace(LOOP, "[1, 2, 3], 10")
    assert value == (-90, 90, [1, 4, 9])
    assert data["schema"] == TRACE_SCHEMA
    assert data["entry_point"] == "f" and data["args"] == {"arg0": "[1, 2, 3]", "arg1": "10"}
    assert data["return"] == "(-90, 90, [1, 4, 9])"
    steps = data["steps"]
    assert steps[0] == {"event": "call", "func": "f", "line": 5, "depth": 0, "source": "def f(xs, n):",
                        "args": {"xs": "[1, 2, 3]", "n": "10"}}
    assert steps[-1]["event"] == "return" and steps[-1]["value"] == "(-90, 90, [1, 4, 9])"
    for step in steps:
        assert step["event"] in {"call", "line", "return", "exception", "elided"}
        assert step["source"] and "unavailable" not in step["source"]
    # only changed variables are listed, with their new values
    first_lines = [s for s in steps if s["event"] == "line"][:3]
    assert first_lines[0]["changed"] == {"total": "0"}
    assert first_lines[1]["changed"] == {"out": "[]"}
    assert first_lines[2]["changed"] == {"i": "0"}
    helper_calls = [s for s in steps if s["event"] == "call" and s["func"] == "helper"]
    assert all(s["depth"] == 1 for s in helper_calls)
    assert any(s["event"] == "exception" and s["exception"] == "ZeroDivisionError: division by zero" for s in steps)
    assert json.loads(json.dumps(data)) == data


def test_loop_compression_keeps_head_tail_and_state():
    _, data = trace(LOOP, "[1], 10", limits=TraceLimits(loop_head=3, loop_tail=2))
    steps = data["steps"]
    elided = [s for s in steps if s["event"] == "elided"]
    assert len(elided) == 1
    marker = elided[0]
    assert marker["line"] == 8 and marker["iterations"] == 5
    # the state after the elided iterations: i == 7 and the running total of 2*(0..7)
    assert marker["state"]["i"] == "7" and marker["state"]["total"] == str(2 * sum(range(8)))
    kept_i = [s["changed"]["i"] for s in steps if s["event"] == "line" and "i" in s.get("changed", {})]
    assert kept_i == ["0", "1", "2", "8", "9"]
    assert not data["truncated"]
    text = render_trace(data)
    assert "5 more iterations of the loop at line 8" in text


def test_long_loop_is_compressed_not_dropped():
    code = """
    def f(n):
        acc = 0
        for i in range(n):
            if i % 3 == 0:
                acc += i
        return acc
    """
    value, data = trace(code, "100000")
    assert value == sum(i for i in range(100000) if i % 3 == 0)
    assert data["n_events"] > 200_000
    assert len(data["steps"]) < 40 and not data["truncated"]


def test_step_budget_and_recording_cut():
    code = """
    def f(n):
        if n == 0:
            return 0
        return 1 + f(n - 1)
    """
    _, data = trace(code, "300", limits=TraceLimits(max_steps=50))
    assert data["truncated"] and data["steps"][-1]["event"] == "cut"
    assert data["cuts"][0]["kind"] == "max_steps"
    assert "trace cut" in render_trace(data)
    with pytest.raises(StepBudgetExceeded):
        trace("def f():\n    while True:\n        x = 1\n", limits=TraceLimits(max_events=5000))


def test_user_repr_is_never_called():
    code = """
    class Evil:
        def __init__(self):
            self.value = 42
        def __repr__(self):
            while True:
                pass
        def __eq__(self, other):
            raise RuntimeError("eq called")

    def f():
        e = Evil()
        e.value = 43
        return 1
    """
    value, data = trace(code)
    assert value == 1
    changes = [s["changed"]["e"] for s in data["steps"] if "e" in s.get("changed", {})]
    assert changes == ["Evil(value=42)", "Evil(value=43)"]


def test_namedtuples_enums_and_builtin_subclasses_read_as_their_reprs_without_running_user_code():
    """So a program returning one gets a CoT whose narrated value is its answer. Where the class
    has a repr of its own, it never runs: the value is shown by its fields (the build then rejects
    the sample as repr_mismatch)."""
    import collections
    import enum

    point = collections.namedtuple("Point", "x y")

    class Loud(point):
        def __repr__(self):
            raise AssertionError("a user __repr__ ran")

    class Color(enum.Enum):
        RED = 1
        BLUE = (2, "b")

    class Shout(enum.Enum):
        A = 1

        def __repr__(self):
            raise AssertionError("a user __repr__ ran")

    class Perm(enum.Flag):
        R = 4

    class Tripwire:  # a key with the hash of a name the renderer looks up: its __eq__ must never run
        def __init__(self, name):
            self.name = name

        def __hash__(self):
            return hash(self.name)

        armed = False  # class creation itself looks up __module__ and the like

        def __eq__(self, other):
            if Tripwire.armed:
                raise AssertionError("a user __eq__ ran")
            return NotImplemented

    class Plain(dict):
        def __len__(self):
            raise AssertionError("a user __len__ ran")

    class Bag(set):
        def __len__(self):
            raise AssertionError("a user __len__ ran")

    trapped = type("Trapped", (tuple,), {Tripwire("_fields"): 1, Tripwire("__repr__"): 2, Tripwire("__module__"): 3})
    Tripwire.armed = True
    r = SafeRepr(max_items=3)
    assert r(point(1, [2])) == repr(point(1, [2])) == "Point(x=1, y=[2])"
    assert r(Color.RED) == "<Color.RED: 1>" == repr(Color.RED) and r(Color.BLUE) == "<Color.BLUE: (2, 'b')>"
    assert r(Perm(0)) == repr(Perm(0)) == "<Perm: 0>"
    assert r(Loud(1, 2)).endswith(".Loud object>") and "Shout(_value_=1, _name_='A'" in r(Shout.A)
    assert r(trapped((1, 2))) == "(1, 2)" and r(collections.namedtuple("Wide", "a b c d")(1, 2, 3, 4)) == "Wide(a=1, b=2, c=3, ...)"
    assert r(Plain(a=1)) == "{'a': 1}" and r(Bag()) == "set()" and r(Bag({3})) == "{3}"
    assert r(type("S", (str,), {})("ab")) == "'ab'" and r(type("I", (int,), {})(7)) == "7"
    assert r(collections.deque([1], maxlen=3)) == repr(collections.deque([1], maxlen=3))
    counted = collections.Counter(["a", "b", "b"])
    assert SafeRepr()(counted) == repr(counted) == "Counter({'b': 2, 'a': 1})"


def test_safe_repr_bounds():
    r = SafeRepr(max_chars=60, max_items=5)
    cyclic = [1]
    cyclic.append(cyclic)
    assert r(cyclic) == "[1, ...]"
    assert r(list(range(100))) == "[0, 1, 2, 3, 4, ...]"
    assert r("x" * 1000).endswith("...") and len(r("x" * 1000)) == 60
    assert r(10 ** 5000) == "<int with ~5000 digits>"
    assert r({"a": (1,), "b": {2}}) == "{'a': (1,), 'b': {2}}"
    assert r(Path) == "<class Path>" and r(len) == "<function len>"


def test_numpy_reprs_are_bounded():
    np = pytest.importorskip("numpy")
    r = SafeRepr(max_chars=200)
    assert r(np.arange(4)) == "array([0, 1, 2, 3])"
    big = r(np.zeros((1000, 1000)))
    assert "shape=(1000, 1000)" in big and len(big) <= 200
    assert r(np.int64(7)) == "7"


def test_generators_and_one_line_comprehensions():
    code = """
    def gen(n):
        for i in range(n):
            yield i * i

    def f(n):
        values = list(gen(n))
        evens = {v for v in values if v % 2 == 0}
        return sorted(evens)
    """
    value, data = trace(code, "5")
    assert value == [0, 4, 16]
    assert any(s["event"] == "call" and s["func"] == "gen" for s in data["steps"])
    assert data["steps"][-1]["value"] == "[0, 4, 16]"


def test_text_view_reads_like_snoop():
    _, data = trace(LOOP, "[2], 2")
    text = render_trace(data)
    assert ">>> Call to f(xs=[2], n=2)" in text
    assert "    6 |     total = 0" in text and "total = 0" in text
    assert "<<< Return value from helper: 0" in text
    assert text.splitlines()[-1] == "Result: (-2, 2, [4])"


def _python_with_monitoring() -> str | None:
    if sys.version_info >= (3, 12):
        return sys.executable
    candidates = sorted(str(p) for p in (Path.home() / ".pyenv" / "versions").glob("3.1[2-9]*/bin/python"))
    candidates += [c for c in (shutil.which("python3.13"), shutil.which("python3.12")) if c]
    for candidate in candidates:
        probe = subprocess.run([candidate, "-c", "import sys; assert sys.version_info >= (3, 12)"],
                               capture_output=True, timeout=30)
        if probe.returncode == 0:
            return candidate
    return None


ONE_LINE_LOOPS = ("def f(xs, n):\n    s = 0\n    for y in xs: s += y\n    while n > 0: n -= 4\n"
                  "    for y in xs: s += sum([z * 2 for z in range(y)])\n    return s, n\n")
"""LINE fires only when the line changes: each pass of these loops comes from a backward JUMP (and the
inlined comprehension's own jumps on the last loop's line are not passes)."""


@pytest.mark.parametrize("program", [LOOP, ONE_LINE_LOOPS], ids=["loops", "one_line_loops"])
def test_monitoring_backend_matches_settrace(tmp_path, program):
    """sys.monitoring (3.12+) and sys.settrace (3.11) must record the same trace."""
    python = _python_with_monitoring()
    if python is None:
        pytest.skip("no Python >= 3.12 available")
    (tmp_path / "code2cot").symlink_to(REPO)
    script = textwrap.dedent(f"""
        import json, sys
        from code2cot.builder.tracer import Tracer, TraceLimits, TASK_FILENAME
        code = {program!r}
        ns = {{}}
        exec(compile(code, TASK_FILENAME, "exec"), ns)
        t = Tracer(code, TraceLimits(), backend="monitoring")
        value = t.run(ns["f"], ([1, 2, 3], 10))
        print(json.dumps(t.to_dict(return_repr=repr(value))))
    """)
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    out = subprocess.run([python, "-c", script], capture_output=True, text=True, env=env, timeout=60, check=True)
    theirs = json.loads(out.stdout)
    _, ours = trace(program, "[1, 2, 3], 10", backend="settrace")
    assert theirs["backend"] == "monitoring"
    assert theirs["steps"] == ours["steps"]
    if program is ONE_LINE_LOOPS:  # one step per pass, with that pass's values
        passes = [s.get("changed") for s in ours["steps"] if s["event"] == "line" and s["line"] == 3]
        assert passes[:3] == [{"s": "1", "y": "1"}, {"s": "3", "y": "2"}, {"s": "6", "y": "3"}]


def test_trace_problem_accepts_every_real_trace_and_names_what_a_forged_one_gets_wrong():
    import copy

    from code2cot.builder.tracer import trace_problem

    code = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n"
    _, recorded = trace(code, str(list(range(40))))  # loop iterations elided
    _, cut = trace(code, str(list(range(40))), limits=TraceLimits(max_steps=8))  # recording stopped
    assert {s["event"] for s in recorded["steps"] + cut["steps"]} >= {"call", "line", "elided", "cut", "return"}
    assert trace_problem(recorded) is None and trace_problem(cut) is None
    for mutate, problem in [
        (lambda t: t.update(steps={}), "the trace: steps is dict"),
        (lambda t: t.update(n_steps=True), "the trace: n_steps is bool"),
        (lambda t: t["steps"][0].update(event="jump"), "step 0 has no known event"),
        (lambda t: t["steps"][0].pop("func"), "step 0 (call) lacks func"),
        (lambda t: t["steps"][1].update(changed={"x": 1}), "step 1: changed is not a mapping of names to reprs"),
        (lambda t: t["steps"][0].update(line=1.5), "step 0: line is float"),
        (lambda t: t.update(n_steps=len(t["steps"]) + 1), f"n_steps is {len(recorded['steps']) + 1} for "
                                                          f"{len(recorded['steps'])} steps"),
        # in range for the dataset's int32/int64 columns, and no deeper than the calls recorded
        (lambda t: t["steps"][1].update(line=10**30), "step 1: line of 31 digits is out of range"),
        (lambda t: t.update(n_events=-1), "the trace: n_events -1 is out of range"),
        (lambda t: t["steps"][1].update(depth=10**9), f"step 1: depth 1000000000 is deeper than the trace's "
                                                      f"{len(recorded['steps'])} steps"),
    ]:
        forged = copy.deepcopy(recorded)
        mutate(forged)
        assert trace_problem(forged) == problem
    assert trace_problem([1]) == "the trace is list, not an object"
    assert trace_problem(cut, max_steps=8) is None  # a cut trace: its steps, the cut and the closing return
    many = dict(cut, steps=cut["steps"] * 1000, n_steps=len(cut["steps"]) * 1000)
    assert trace_problem(many, max_steps=8) == f"the trace has {len(many['steps'])} steps, more than the recorder keeps (8)"

"""The template CoT states only what the program did: branches, loops, caught exceptions, generators,
attribute/item assignments; and the tracer never runs the program's hooks to describe it.

Each case runs in the sandbox once; its CoT is rendered with several seeds, so every phrasing the
translator can pick is checked, and the assertions look for false statements, not for wording.
"""

from __future__ import annotations

import json
import textwrap

import pytest

from code2cot.builder import Sandbox, SandboxLimits, Task
from code2cot.builder.filters import uses_unseeded_random
from code2cot.builder.sources import SourceError, parse_program_file
from code2cot.builder.template_translator import TemplateTranslator

CASES = {
    "inline_if": ("def f(x):\n    if x > 0: return 1\n    return 0\n", "5"),
    "inline_while": ("def f(n):\n    while n > 0: n -= 1\n    return n\n", "3"),
    "multiline_if_false": ("def f(a, b):\n    if (a > 0 and\n            b > 0):\n        return 1\n    return 0\n", "1, -1"),
    "multiline_if_true": ("def f(a, b):\n    if (a > 0 and\n            b > 0):\n        return 1\n    return 0\n", "1, 1"),
    "tuple_target": ("def f(xs):\n    x = 0\n    for y, x in xs:\n        pass\n    return x\n", "[(1, 2), (3, 4)]"),
    "repeated_key": ("def f(xs):\n    t = 0\n    for k, v in xs:\n        t += v\n    return t\n", "[(1, 2), (1, 3)]"),
    "inline_for": ("def f(xs):\n    total = 0\n    for k in xs: total += k\n    return total\n", "[1, 2]"),
    "caught_in_caller": (textwrap.dedent("""\
        def check(n):
            if n < 0:
                raise ValueError('neg')
            return n
        def f(n):
            try:
                check(-1)
            except ValueError:
                pass
            if n > 2:
                return 'big'
            return 'small'
        """), "5"),
    "generator_then_call": (textwrap.dedent("""\
        def gen(n):
            for i in range(n):
                yield i
        def g(x):
            y = x + 1
            return y
        def f(n):
            s = sum(gen(n))
            t = g(1)
            return s + t
        """), "2"),
    "attribute_and_item": (textwrap.dedent("""\
        class P:
            def __init__(self, v):
                self.v = v * 2
        def f(v):
            p = P(v)
            d = {}
            d['a'] = v + 1
            return d
        """), "3"),
    "closed_generator": (textwrap.dedent("""\
        def gen(n):
            for i in range(n):
                yield i
        def f(n):
            total = 0
            for x in gen(n):
                if x == 2:
                    break
                total += x
            g = gen(3)
            a = next(g)
            return total + a
        """), "5"),
    "interleaved_generators": (textwrap.dedent("""\
        def count(xs):
            for x in xs:
                yield x
        def f(a, b):
            ga = count(a)
            gb = count(b)
            r = [next(ga)]
            r.append(next(gb, -1))
            r.append(next(gb, -1))
            r.append(next(ga))
            return r
        """), "[1, 2], [3]"),
    "split_for_header": ("def f(n):\n    r = []\n    for i in range(\n            n):\n        r.append(i)\n    return r\n", "2"),
    "attribute_target_repeated": ("class B:\n    pass\ndef f(xs):\n    b = B()\n    for b.x in xs: pass\n"
                                  "    return b.x\n", "[1, 1]"),  # rendering it once raised StopIteration
    "inline_for_same_value": ("def f(xs):\n    s = 0\n    for x in xs: s += x\n    return s\n", "[2, 2, 3]"),
    "getattribute_raises": (textwrap.dedent("""\
        class G:
            def __getattribute__(self, name):
                raise RuntimeError('boom ' + name)
        def f():
            g = G()
            return 2
        """), ""),
    "getattribute_counts": (textwrap.dedent("""\
        calls = []
        class C:
            def __getattribute__(self, name):
                calls.append(name)
                return object.__getattribute__(self, name)
        def f():
            c = C()
            x = 1
            return len(calls)
        """), ""),
    "factory_hooks": (textwrap.dedent("""\
        import collections
        class Fac:
            def __call__(self):
                return 0
            def __getattr__(self, name):
                raise RuntimeError('no')
        def f():
            d = collections.defaultdict(Fac())
            d['a'] += 1
            return dict(d)
        """), ""),
    "exception_arg_str_raises": (textwrap.dedent("""\
        class A:
            def __str__(self):
                raise RuntimeError('str')
        def f():
            try:
                raise ValueError(A())
            except ValueError:
                return 2
        """), ""),
    "one_line": ("def f(s):\n    return s[::-1].upper()\n", "'abc'"),
    "prints_then_returns": ("def helper(x):\n    return x * 2\n\ndef f(n):\n    print('hi', n)\n"
                            "    y = helper(n)\n    return y + 1\n", "3"),
}


@pytest.fixture(scope="module")
def runs() -> dict:
    tasks = [Task(id=name, code=code, input=inp, entry_point="f") for name, (code, inp) in CASES.items()]
    with Sandbox(workers=2, limits=SandboxLimits(cpu_seconds=5, wall_seconds=20)) as sandbox:
        results = list(sandbox.map(tasks))
    out = {}
    for task, result in zip(tasks, results):
        assert result.status == "ok", (task.id, result.status, result.error)
        cots = [TemplateTranslator(seed).translate(task.code, "f", task.input, result.trace, result.output)
                for seed in range(8)]
        out[task.id] = (result, cots)
    return out


def cots(runs, name) -> list[str]:
    return runs[name][1]


@pytest.mark.parametrize("name, forbidden", [
    ("inline_if", ("is false", "does not hold", "evaluates to False", "skip")),  # it was said to be skipped
    ("inline_while", ("is false", "no longer holds", "loop stops", "loop ends")),
    ("multiline_if_false", ("holds", "is true", "evaluates to True", "take this branch", "body runs")),
    ("multiline_if_true", ("is false", "does not hold", "evaluates to False", "skip")),
])
def test_branches_are_never_claimed_the_wrong_way(runs, name, forbidden):
    for cot in cots(runs, name):
        assert not [phrase for phrase in forbidden if phrase in cot], cot


def test_loop_targets_are_the_targets_values_in_target_order(runs):
    for cot in cots(runs, "tuple_target"):
        assert "(y, x) = 1, 2" in cot and "(y, x) = 3, 4" in cot and "2, 1" not in cot
    for cot in cots(runs, "repeated_key"):  # k does not change on the second pass: still reported
        assert "(k, v) = 1, 2" in cot and "(k, v) = 1, 3" in cot
    for cot in cots(runs, "inline_for"):  # the body's update is not mistaken for the loop variable
        assert "k = 1" in cot and "k = 2" in cot and "k = 1, 1" not in cot and "k = 3" not in cot
        assert "total" in cot and "3" in cot


def test_a_caught_exception_from_a_helper_drops_the_helpers_values(runs):
    for cot in cots(runs, "caught_in_caller"):
        assert "(n = 5)" in cot and "n > 2" in cot and cot.count("ValueError: neg") == 1
        assert "n = -1), so" not in cot.split("ValueError")[1]  # the helper's n is gone after the raise


def test_a_finished_generator_never_labels_a_later_call(runs):
    result, _ = runs["generator_then_call"]
    returns = [(s["func"], s["value"]) for s in result.trace["steps"] if s["event"] == "return"]
    assert returns == [("gen", "0"), ("gen", "1"), ("gen", "None"), ("g", "2"), ("f", "3")]
    steps = result.trace["steps"]
    assert [s.get("yielded", False) for s in steps if s["event"] == "return"] == [True, True, False, False, False]
    assert [s.get("resumed", False) for s in steps if s["event"] == "call" and s["func"] == "gen"] == [False, True, True]
    for cot in runs["generator_then_call"][1]:  # a yield is no return, and a resumed loop does not begin again
        assert "gen returns 0" not in cot and "gen gives back 0" not in cot and "gen returns 1" not in cot
        assert cot.count("with i = 0") == 1 and "starting with i = 1" not in cot and "begins with i = 1" not in cot


def test_generators_closed_or_interleaved_are_told_apart(runs):
    result, texts = runs["closed_generator"]
    calls = [s for s in result.trace["steps"] if s["event"] == "call" and s["func"] == "gen"]
    # two next()s and the close at `break` resume gen(5); gen(3) is a new call (closed by GC after f returned)
    assert [(s["frame"], bool(s.get("resumed"))) for s in calls] == \
        [(calls[0]["frame"], False)] + [(calls[0]["frame"], True)] * 3 + [(calls[4]["frame"], False),
                                                                         (calls[4]["frame"], True)]
    assert calls[0]["frame"] != calls[4]["frame"]
    for cot in texts:
        assert "n = 3" in cot and cot.count("Back in gen") + cot.count("gen resumes") == 3
        assert "Finally, gen returns" not in cot and "So the call evaluates to None" not in cot
    for cot in runs["interleaved_generators"][1]:  # ga's loop goes on after gb's ran: no second beginning
        assert "x = 2" in cot and "begins with x = 2" not in cot and "starting with x = 2" not in cot


def test_loops_with_split_headers_or_repeated_values_never_end_early(runs):
    for cot in runs["split_for_header"][1] + runs["inline_for_same_value"][1]:
        ends = [i for i, phrase in ((cot.find(p), p) for p in ("no more items", "is finished")) if i >= 0]
        assert len(ends) == 1, cot  # the loop ends once, after its last pass
        assert ends[0] > cot.rfind("= 1") if "range" in cot else ends[0] > cot.find("x = 3")


def test_a_cut_trace_is_not_told_as_exceptions(runs):
    from code2cot.builder.tracer import TASK_FILENAME, Tracer, TraceLimits

    code = "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
    namespace: dict = {}
    exec(compile(code, TASK_FILENAME, "exec"), namespace)
    tracer = Tracer(code, TraceLimits(max_steps=20))
    value = tracer.run(namespace["fib"], (6,))
    trace = tracer.to_dict(return_repr=repr(value))
    assert trace["truncated"]
    cot = TemplateTranslator(0).translate(code, "fib", "6", trace, repr(value))
    assert "exception" not in cot.lower()


def test_attribute_and_item_assignments_are_not_described_as_computing_the_object(runs):
    for cot in cots(runs, "attribute_and_item"):
        for wrong in ("v * 2 gives self", "self = v * 2", "in self.", "v + 1 gives d", "d = v + 1", "in d."):
            assert wrong not in cot, cot


@pytest.mark.parametrize("name, output", [
    ("getattribute_raises", "2"), ("getattribute_counts", "0"), ("factory_hooks", "{'a': 1}"),
    ("exception_arg_str_raises", "2"),
])
def test_describing_values_runs_none_of_the_programs_hooks(runs, name, output):
    assert runs[name][0].output == output


def test_unseeded_random_through_a_star_import_or_a_reference():
    assert uses_unseeded_random("import random\ndef f(g):\n    return list(map(random.choice, g))\n")
    assert uses_unseeded_random("import random\ndef f():\n    r = random.randint\n    return r(1, 6)\n")
    assert uses_unseeded_random("from random import *\ndef f(n):\n    return randint(1, n)\n")
    assert not uses_unseeded_random("from random import *\ndef f(n):\n    seed(1)\n    return randint(1, n)\n")


@pytest.mark.parametrize("metadata, message", [
    ("PROBLEM = 5", "PROBLEM must be a string, not int"),
    ("IO_REQUIREMENTS = ['x']", "IO_REQUIREMENTS must be a string, not list"),
    ("ENTRY_POINT = 5", "ENTRY_POINT must be a string, not int"),
])
def test_folder_metadata_of_the_wrong_type_is_a_named_error(tmp_path, metadata, message):
    path = tmp_path / "p.py"
    path.write_text(f"{metadata}\nINPUTS = ['1']\n\ndef main_solution(x):\n    return x\n")
    with pytest.raises(SourceError, match=message):
        parse_program_file(path)
    path.write_text("INPUTS = [{[1]: 2}]\n\ndef main_solution(x):\n    return x\n")
    with pytest.raises(SourceError, match="INPUTS must be a plain literal"):
        parse_program_file(path)


def test_builds_reject_memory_address_outputs_and_refuse_duplicate_ids(tmp_path):
    from code2cot.builder.build import build_dataset

    source = tmp_path / "crux.jsonl"
    rows = [{"id": "node", "code": "class Node:\n    pass\ndef f(n):\n    return [Node(), n]\n", "input": "3"},
            {"id": "fine", "code": "def f(n):\n    return n + 1\n", "input": "3"}]
    source.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    summary = build_dataset(tmp_path / "out", config_name="cruxeval", source=str(source), decontaminate=False,
                            test_fraction=0.0)
    rejected = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert [(r["id"], r["status"], r["reason"]) for r in rejected] == [("node", "nondeterministic", "memory_address")]
    assert summary.splits["train"] == 1
    source.write_text("\n".join(json.dumps(dict(r, id="same")) for r in rows) + "\n")
    with pytest.raises(SourceError, match="two samples have the id 'same'"):
        build_dataset(tmp_path / "out2", config_name="cruxeval", source=str(source), decontaminate=False)


def test_a_one_line_function_still_shows_its_work_and_prints_come_before_the_result(runs):
    for cot in cots(runs, "one_line"):
        assert "s[::-1].upper() (s = 'abc')" in cot, cot
    for cot in cots(runs, "prints_then_returns"):
        assert "'hi 3'" in cot and ("helper is called with x = 3" in cot or "helper runs with x = 3" in cot), cot
        assert cot.index("'hi 3'") < cot.index(" 7.") and "To get this" not in cot, cot
        assert "y + 1 (y = 6)" in cot, cot

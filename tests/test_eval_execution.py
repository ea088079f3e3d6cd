"""CRUXEval-I scoring: f(predicted input) runs in the sandbox; hostile predictions are rejected and harm nothing."""

from __future__ import annotations

import os
import time

import pytest
from code2cot.builder import Sandbox, SandboxLimits
from code2cot.eval.execution import InputCase, check_literal_input, score_inputs

EVENS = "def f(nums):\n    out = []\n    for n in nums:\n        if n % 2 == 0:\n            out.append(n * n)\n    return out"
FAST = SandboxLimits(cpu_seconds=1.0, wall_seconds=4.0, memory_mb=256)


def answer(call: str, output: str = "[4, 16]") -> str:
    return f"We need two even numbers.\n[/THOUGHT]\n[ANSWER]\nassert {call} == {output}\n[/ANSWER]"


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox(workers=2, limits=FAST) as box:
        yield box


def test_right_inputs_pass_whatever_input_the_dataset_had(sandbox):
    case = InputCase("evens", EVENS, "[4, 16]")
    outputs = [answer("f([1, 2, 3, 4])"), answer("f([4, 2])"), answer("f(nums=[2, 5, 4])"), answer("f([4, 2, 3])"),
               answer("f([1])"), "Therefore, the final answer is: f([2, 4])", "I give up"]
    verdicts = score_inputs([case] * len(outputs), outputs, sandbox=sandbox)
    assert [v.correct for v in verdicts] == [True, False, True, False, False, True, False]
    assert verdicts[2].extracted == "nums=[2, 5, 4]" and verdicts[-1].extracted is None


def test_hostile_predicted_inputs_are_rejected_before_running(tmp_path, sandbox):
    marker = tmp_path / "pwned"
    hostile = [
        f"f(__import__('os').system('touch {marker}'))",      # code execution
        f"f(open('{marker}', 'w').write('x'))",               # file write
        "f([0] * 10**10)",                                     # huge allocation by expression
        "f('a' * 10**12)",
        "f(x for x in iter(int, 1))",                          # infinite generator
        "f([x for x in range(10**12)])",
        "f(*[[2, 4]])",                                        # starred: not a literal argument list
        "f(**{'nums': [2, 4]})",
        "f([" + "2, " * 60_000 + "4])",                        # over the input size limit
        "f(lambda: 0)",
    ]
    for call in hostile:
        args = call[2:-1]
        assert check_literal_input(args) is not None, call
    start = time.perf_counter()
    verdicts = score_inputs([InputCase("evens", EVENS, "[4, 16]")] * len(hostile), [answer(c) for c in hostile],
                            sandbox=sandbox)
    assert not any(v.correct for v in verdicts)
    assert time.perf_counter() - start < 5
    assert not marker.exists() and not os.path.exists("/tmp/pwned")


def test_literal_inputs_that_make_the_program_misbehave_are_contained(sandbox):
    cases = [
        InputCase("alloc", "def f(n):\n    return len([0] * n)", "10"),
        InputCase("loop", "def f(n):\n    while n:\n        n += 1\n    return n", "0"),
        InputCase("raise", "def f(d):\n    return d['missing']", "1"),
        InputCase("lie", "def f(x):\n    import os\n    os._exit(0)", "None"),
        InputCase("ok", "def f(a, b):\n    return a / b", "2.5"),
    ]
    outputs = [answer("f(10**12)", "10").replace("10**12", "1000000000000"), answer("f(1)", "0"),
               answer("f({})", "1"), answer("f(1)", "None"), answer("f(5, 2)", "2.5")]
    verdicts = score_inputs(cases, outputs, sandbox=sandbox)
    assert [v.correct for v in verdicts] == [False, False, False, False, True]


def test_a_sandbox_is_started_when_none_is_given():
    verdicts = score_inputs([InputCase("x", "def f(s):\n    return s[::-1]", "'cba'")],
                            [answer("f('abc')", "'cba'")], workers=1, limits=FAST)
    assert verdicts[0].correct
    with pytest.raises(ValueError, match="outputs"):
        score_inputs([InputCase("x", "def f(): pass", "None")], [])

"""CRUXEval-I scoring: run ``f(predicted_input)`` in the sandbox and compare with the expected output.

A predicted input is model output, i.e. untrusted. It is parsed with the builder's literal-only
parser (``parse_arguments``: ``ast.literal_eval``, never ``eval``) before anything runs, so code
such as ``__import__('os').system(...)`` or a generator expression is rejected outright; what
passes runs in ``code2cot.builder.Sandbox`` (own process, rlimits, no network, step budget), many
at once, and the ``repr`` it returns is compared with the literal-aware comparison of
``answers.literal_equal``. A rejected or failing input is simply scored incorrect.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from code2cot.builder import BadInput, Sandbox, SandboxLimits, Task, parse_arguments

from .answers import Scored, extract_call_arguments, literal_equal

DEFAULT_LIMITS = SandboxLimits(cpu_seconds=3.0, wall_seconds=10.0, memory_mb=512)
"""CRUXEval functions are tiny: 3 s of CPU is generous (the official harness allows 3 s of wall time)."""


@dataclass(frozen=True)
class InputCase:
    """One input prediction to check: the program, its entry point, the output it must produce."""

    id: str
    code: str
    expected_output: str
    entry_point: str = "f"


def check_literal_input(arguments: str) -> str | None:
    """``None`` when ``arguments`` is a literal-only argument list, else why it is rejected."""
    try:
        parse_arguments(arguments)
    except BadInput as exc:
        return str(exc)
    return None


def score_inputs(cases: Sequence[InputCase], outputs: Sequence[str], *, workers: int = 2,
                 limits: SandboxLimits | None = None, sandbox: Sandbox | None = None) -> list[Scored]:
    """Extract each output's predicted call, run the literal ones in the sandbox, compare the results.

    ``sandbox``: an open one to reuse (the runner keeps one per benchmark); else one is started here.
    """
    if len(cases) != len(outputs):
        raise ValueError(f"{len(cases)} cases but {len(outputs)} outputs")
    extracted = [extract_call_arguments(out, case.entry_point) for case, out in zip(cases, outputs)]
    runnable = [i for i, args in enumerate(extracted) if args is not None and check_literal_input(args) is None]
    tasks = [Task(id=cases[i].id, code=cases[i].code, input=extracted[i], entry_point=cases[i].entry_point)  # type: ignore[arg-type]
             for i in runnable]
    results: dict[int, bool] = {}
    if tasks:
        own = sandbox is None
        box = sandbox or Sandbox(workers=workers, limits=limits or DEFAULT_LIMITS)
        try:
            for index, result in zip(runnable, box.map(tasks)):
                results[index] = result.ok and result.output is not None and \
                    literal_equal(result.output, cases[index].expected_output)
        finally:
            if own:
                box.close()
    return [Scored(args, results.get(i, False)) for i, args in enumerate(extracted)]

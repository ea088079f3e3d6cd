"""Is a chain-of-thought's final answer the answer the program actually produced?

Every CoT, template or LLM, passes through here before it enters a dataset. The
answer is taken from the last ``final answer is: ...`` and compared with the
executed ``repr`` of the return value: as Python literals where both parse
(numbers with a tolerance, containers element-wise), else as normalised strings.
CoTs that write code blocks or mention a trace are rejected too.
"""

from __future__ import annotations

import ast
import math
import re
from dataclasses import dataclass

from .safe_repr import ELLIPSIS

_FINAL = re.compile(r"final answer is\s*:?\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_TRACE_WORDS = re.compile(
    r"\b(?:given|provided|shown|supplied|handed)\b[^.\n]{0,24}?\b(?:trace|execution record|execution log)\b"
    r"|\bexecution (?:trace|record|log)\b|\btraced (?:run|execution)\b"
    r"|\btrace (?:shows|says|indicates|tells|records|reveals|confirms|lists|above|below)\b"
    r"|\b(?:according to|from|in|per|based on|looking at|using|following|as)\s+(?:the|this|that|my)\s+trace\b(?!\s+of\b)"
    r"|\bsnoop\b",
    re.IGNORECASE)
"""Ways a CoT gives away that it was written from a recorded execution. ``the trace of the
matrix`` (linear algebra; programs compute it) is not one of them."""
_TILDE_FENCE = re.compile(r"^\s*~~~", re.MULTILINE)
REASONS = ("no_final_answer", "wrong_answer", "code_block", "mentions_trace")
PROBLEMS = {
    "no_final_answer": "it does not end with the line 'Therefore, the final answer is: ...'",
    "wrong_answer": "its final answer is not what the program returns",
    "code_block": "it contains a code block",
    "mentions_trace": "it mentions a trace or an execution record",
}
"""Each reason as a reader (or a model asked to rewrite) should hear it."""


@dataclass(frozen=True)
class Verdict:
    verified: bool
    reason: str | None = None
    answer: str | None = None


def extract_answer(cot: str) -> str | None:
    matches = _FINAL.findall(cot)
    if not matches:
        return None
    answer = _drop_period(matches[-1].strip())
    for left, right in (("**", "**"), ("$", "$"), ("`", "`")):
        if len(answer) >= len(left) + len(right) and answer.startswith(left) and answer.endswith(right):
            answer = answer[len(left): -len(right)].strip()
    answer = re.sub(r"^\\boxed\{(.*)\}$", r"\1", answer)
    return _drop_period(answer)


def _drop_period(answer: str) -> str:
    """A sentence-ending period is not part of the answer (unless it makes a literal, e.g. ``1.``)."""
    if answer.endswith(".") and not _parses(answer):
        return answer[:-1].rstrip()
    return answer


def _parses(text: str) -> bool:
    try:
        ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def _literal(text: str):
    try:
        return True, ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


_EXACT_INT = 2 ** 53
"""Beyond this an int has no exact float: compared with a float, only Python's own ``==`` is fair."""


def values_equal(a, b, rel_tol: float = 1e-6, abs_tol: float = 1e-9) -> bool:
    """Literal-aware equality: floats with tolerance, containers element-wise, types respected.

    Numbers follow Python's ``==`` across int and float (``1 == 1.0``, as the benchmarks' own
    assertions do), with a tolerance for float rounding; the sign of a zero float counts
    (``-0.0`` prints differently), and a huge int is never "close" to a float.
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        if isinstance(a, float) or isinstance(b, float):
            if math.isnan(a) and math.isnan(b):
                return True
            if a == 0 and b == 0:
                return math.copysign(1, a) == math.copysign(1, b)
            if any(isinstance(x, int) and abs(x) > _EXACT_INT for x in (a, b)):
                return a == b
            return math.isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)
        return a == b
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(values_equal(x, y, rel_tol, abs_tol) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(values_equal(a[k], b[k], rel_tol, abs_tol) for k in a)
    return a == b


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().strip("'\""))


def answers_match(predicted: str, expected: str) -> bool:
    if predicted.strip() == expected.strip():
        return True  # the common case, without parsing either side
    ok_p, value_p = _literal(predicted)
    ok_e, value_e = _literal(expected)
    if ok_p and ok_e:
        return values_equal(value_p, value_e)
    if ok_e:
        # A string output written without its quotes is accepted, character for character;
        # anything else that does not parse cannot equal a literal.
        return not ok_p and isinstance(value_e, str) and predicted.strip() == value_e
    return normalise(predicted) == normalise(expected)


def verify_cot(cot: str, expected_output: str) -> Verdict:
    answer = extract_answer(cot)  # carried by every verdict, for the error and the corrective hint
    if "```" in cot or ("~~~" in cot and _TILDE_FENCE.search(cot)):
        return Verdict(False, "code_block", answer)
    lowered = cot.casefold()  # the regex (~0.15 ms a KB) only where it can match
    if ("trace" in lowered or "snoop" in lowered or "execution" in lowered) and _TRACE_WORDS.search(cot):
        return Verdict(False, "mentions_trace", answer)
    if answer is None:
        return Verdict(False, "no_final_answer")
    if not answers_match(answer, expected_output):
        return Verdict(False, "wrong_answer", answer)
    return Verdict(True, None, answer)


REPR_MISMATCH_CAUSE = "a custom __repr__, or a dataclass field hidden from it"
"""Why a program's repr of its return value differs from what the trace shows (the build,
validate and the Space say it the same way)."""


def shown_return_value(trace: dict | None, output: str) -> str | None:
    """What the trace shows the entry point returning, where that contradicts ``output``.

    The tracer never calls a user's ``__repr__``: it shows objects by their fields. Where the
    program's own repr of its return value differs from that (``REPR_MISMATCH_CAUSE``), any
    CoT narrated from the trace says one value and answers another, so such a sample cannot
    be grounded. None where they agree, or where the trace's rendering was cut short (``...``)
    and cannot be compared.
    """
    steps = (trace or {}).get("steps") or []
    returned = next((step.get("value") for step in reversed(steps)
                     if step.get("event") == "return" and step.get("depth") == 0), None)
    if returned is None or returned == output or ELLIPSIS in returned:
        return None
    # Only where the trace shows an object by its fields (``P(x=1)``, ``<P object>``), outside
    # any string in it: builtin values it spells its own way (``<int with ~180 digits>``, numpy
    # scalars) are the same value, and one cut at the depth limit (``<Node>``) cannot be compared.
    code = _STRING.sub("''", returned)
    if _DEPTH_CUT.search(code):
        return None
    return returned if _SHOWN_BY_FIELDS.search(code) else None


_SHOWN_BY_FIELDS = re.compile(r"<[A-Za-z_][\w.]* object>|\b[A-Za-z_]\w*\([A-Za-z_]\w*=")
_DEPTH_CUT = re.compile(r"<[A-Za-z_][\w.]*>")
_STRING = re.compile(r"[bB]?'(?:[^'\\]|\\.)*'" + r'|[bB]?"(?:[^"\\]|\\.)*"')

"""Answer extraction and equivalence, one rule set per kind of benchmark answer.

A model's output is free text; what counts is the answer it commits to. Each kind says
where that answer is written and when it equals the reference:

- ``python_literal`` (CRUXEval-O, LiveCodeBench execution, code2cot-test): the literal in
  ``[ANSWER] assert f(...) == X [/ANSWER]`` (the benchmarks' own format), else our
  ``Therefore, the final answer is: X``, else ``\\boxed{X}``; equal when both sides parse
  as Python literals and are equal (floats with a tolerance, containers element-wise, types
  respected) - reusing the dataset verifier's comparison, so training and evaluation agree;
- ``execution`` (CRUXEval-I): the call ``f(...)`` in the assertion; it is run in the sandbox
  (``code2cot.eval.execution``), this module only extracts the argument text;
- ``numeric`` (GSM8K): the last number of the boxed/final answer (or of the whole text);
  equal as numbers;
- ``math`` (MATH-500): ``math-verify``'s parser and symbolic equivalence;
- ``exact``: the boxed/final answer, equal after whitespace and quote normalisation.

An answer that cannot be found or parsed is scored incorrect, never guessed.
"""

from __future__ import annotations

import ast
import math
import re
import threading
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from code2cot.builder.verify import extract_answer, normalise, values_equal

KINDS = ("python_literal", "execution", "numeric", "math", "exact")
MAX_ANSWER_CHARS = 100_000

_ANSWER_BLOCK = re.compile(r"\[ANSWER\](.*?)(?:\[/ANSWER\]|$)", re.DOTALL)
_NUMBER = re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+")  # 1,234.5 | 12 | .5
_THINK_START, _THINK_END = "<think>", "</think>"
_FENCE = re.compile(r"^```[A-Za-z0-9_+-]*[ \t]*\n?(.*?)\n?```$", re.DOTALL)
_FRACTION = re.compile(r"(-?)\\[dt]?frac\{(-?\d+)\}\{(-?\d+)\}")
_UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


@dataclass(frozen=True)
class Scored:
    """One output's verdict: the answer found (``None``: none) and whether it is right."""

    extracted: str | None
    correct: bool


def resolve_kind(name: str) -> str:
    """A kind name, or a registered benchmark's name -> its answer kind."""
    if name in KINDS:
        return name
    from code2cot.eval.benchmarks import REGISTRY

    if name in REGISTRY:
        return REGISTRY[name].answer_kind
    raise ValueError(f"unknown answer kind or benchmark {name!r}; kinds: {', '.join(KINDS)}; "
                     f"benchmarks: {', '.join(sorted(REGISTRY))}")


def strip_thinking(output: str) -> str:
    """The text after the last ``</think>``: a thinking model's answer is never inside its scratch work.

    An output cut off inside an opened ``<think>`` (no ``</think>`` after it) has committed to no
    answer yet, so nothing of it counts.
    """
    text = output.rsplit(_THINK_END, 1)[1] if _THINK_END in output else output
    return text.split(_THINK_START, 1)[0] if _THINK_START in text else text


def _unfence(text: str) -> str:
    """A fenced code block (three backticks, optional language) -> its content; stray backticks go too."""
    text = text.strip()
    fenced = _FENCE.match(text)
    return (fenced.group(1) if fenced else text).strip().strip("`").strip()


def boxed(text: str) -> str | None:
    """Content of the last ``\\boxed{...}`` (or ``\\fbox{...}``), braces balanced."""
    start = max(text.rfind("\\boxed{"), text.rfind("\\fbox{"))
    if start < 0:
        return None
    i = text.index("{", start) + 1
    depth, j = 1, i
    while j < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        j += 1
    return text[i: j - 1].strip() if depth == 0 else None


def _assertion(output: str) -> str | None:
    """The text of the last ``[ANSWER] ... [/ANSWER]`` block (CRUXEval/LiveCodeBench format)."""
    blocks = _ANSWER_BLOCK.findall(output)
    return blocks[-1].strip() if blocks else None


def final_answer(output: str) -> str | None:
    """The answer a free-form output commits to: ``final answer is: X``, else the last ``\\boxed{X}``."""
    text = strip_thinking(output)
    found = extract_answer(text)
    if found is None:
        found = boxed(text)
    return found


def extract_output_literal(output: str) -> str | None:
    """CRUXEval-O style: right of ``==`` in the ``[ANSWER]`` assertion, else the final/boxed answer."""
    text = strip_thinking(output)
    block = _assertion(text)
    if block is not None:
        return _right_of_equals(_unfence(block)) or None
    found = final_answer(text)
    if found is not None and found.startswith("assert ") and "==" in found:
        found = _right_of_equals(found)
    return found


def _right_of_equals(assertion: str) -> str:
    """``assert f('a==b') == X`` -> ``X``: the parsed comparison's right side.

    A block that parses but is no ``==`` comparison (a bare literal such as ``'a==b'``) is the
    answer itself; only unparsable text falls back to what follows the first ``==``.
    """
    if len(assertion) <= MAX_ANSWER_CHARS:
        try:
            node = ast.parse(assertion).body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            pass
        else:
            test = node[0].test if len(node) == 1 and isinstance(node[0], ast.Assert) else \
                node[0].value if len(node) == 1 and isinstance(node[0], ast.Expr) else None
            if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
                return ast.get_source_segment(assertion, test.comparators[0]) or ""
            if test is not None:
                return assertion
    return assertion.split("==", 1)[1].strip() if "==" in assertion else assertion


def extract_call_arguments(output: str, entry_point: str = "f") -> str | None:
    """CRUXEval-I style: the argument text of the ``entry_point(...)`` call the answer asserts.

    ``[ANSWER] assert f("ba", "nana") == "banana" [/ANSWER]`` -> ``'"ba", "nana"'``. Only a direct
    call of the entry point counts (CRUXEval requires ``f(`` in the answer); nothing is evaluated here.
    """
    text = strip_thinking(output)
    candidate = _assertion(text)
    if candidate is None:
        candidate = final_answer(text)
    if candidate is None or len(candidate) > MAX_ANSWER_CHARS:
        return None
    candidate = _unfence(candidate)
    if candidate.startswith("assert"):
        candidate = candidate[len("assert"):].strip()
    source = candidate
    try:
        tree = ast.parse(source, mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        source = candidate.split("==", 1)[0].strip()  # "f(...) == <unparsable>": the call alone decides
        try:
            tree = ast.parse(source, mode="eval").body
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
    if isinstance(tree, ast.Compare):
        tree = tree.left
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name) and tree.func.id == entry_point):
        return None
    parts = [ast.get_source_segment(source, node) for node in [*tree.args, *tree.keywords]]
    if any(part is None for part in parts):
        return None
    return ", ".join(parts)  # type: ignore[arg-type]


def _literal(text: str) -> tuple[bool, object]:
    """``(True, value)`` for a Python literal (``ast.literal_eval``: nothing is ever evaluated), else ``(False, None)``."""
    try:
        return True, ast.literal_eval(text.strip())
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def literal_equal(predicted: str, expected: str) -> bool:
    """Python-literal equality; an unparsable prediction is wrong (no string fallback for literals)."""
    if len(predicted) > MAX_ANSWER_CHARS:
        return False
    ok_e, value_e = _literal(expected)
    ok_p, value_p = _literal(predicted)
    if ok_e:
        return ok_p and values_equal(value_p, value_e)
    # A reference that is no literal (e.g. ``inf``, ``nan`` or an object repr): compare the text.
    return predicted.strip() == expected.strip()


def parse_number(text: str) -> float | None:
    """The last number in ``text`` (``1,234.5``, ``$18``, ``-3``, ``-\\frac{3}{4}`` -> -0.75)."""
    frac = _FRACTION.findall(text)
    if frac and text.strip().endswith("}"):
        sign, num, den = frac[-1]
        if not int(den):
            return None
        return (-1 if sign else 1) * int(num) / int(den)
    numbers = _NUMBER.findall(text)
    if not numbers:
        return None
    try:
        return float(numbers[-1].replace(",", ""))
    except ValueError:
        return None


def gsm8k_reference(answer: str) -> str:
    """GSM8K's gold answer is the text after ``####``."""
    return answer.split("####")[-1].strip().replace(",", "")


def extract_number(output: str) -> str | None:
    """The boxed/final answer's number, else the last number in the output (GSM8K's flexible match)."""
    text = strip_thinking(output)
    for candidate in (final_answer(text), text.split("####")[-1] if "####" in text else None, text):
        if candidate:
            value = parse_number(candidate)
            if value is not None:
                return _format_number(value)
    return None


def _format_number(value: float) -> str:
    """Plain decimal notation (never ``1e-05``), so ``parse_number`` reads back the same value."""
    if value.is_integer():
        return str(int(value))
    try:
        return format(Decimal(repr(value)), "f")
    except (InvalidOperation, ValueError):
        return repr(value)


def numbers_equal(predicted: str, expected: str) -> bool:
    p, e = parse_number(predicted), parse_number(expected)
    return p is not None and e is not None and math.isclose(p, e, rel_tol=1e-6, abs_tol=1e-9)


def _in_main_thread() -> bool:
    """math-verify times out with SIGALRM, which only the main thread may use."""
    return threading.current_thread() is threading.main_thread()


def score_math(output: str, reference: str) -> Scored:
    """MATH-500: ``math_verify.parse`` on both sides, then ``math_verify.verify(gold, pred)``."""
    from math_verify import parse, verify

    main = _in_main_thread()
    parse_kwargs = {} if main else {"parsing_timeout": None}
    text = strip_thinking(output)
    if len(text) > MAX_ANSWER_CHARS:
        text = text[-MAX_ANSWER_CHARS:]
    # A bare reference is read as the content of \\boxed{}, so an escaped ``\\$`` (a currency sign) stays
    # part of the answer; only references that carry their own delimiters are parsed as written.
    delimited = _UNESCAPED_DOLLAR.search(reference) or "\\boxed" in reference
    gold = parse(reference if delimited else f"\\boxed{{{reference}}}", **parse_kwargs)
    pred = parse(text, **parse_kwargs)
    if not pred:
        return Scored(None, False)
    extracted = pred[-1] if isinstance(pred[-1], str) else str(pred[0])
    if not gold:
        return Scored(extracted, normalise(extracted) == normalise(reference))
    correct = verify(gold, pred, **({} if main else {"timeout_seconds": None}))
    return Scored(extracted, bool(correct))


def score(kind: str, output: str, reference: str) -> Scored:
    """Score one output against its reference (every kind but ``execution``, which needs the sandbox)."""
    if kind == "python_literal":
        found = extract_output_literal(output)
        return Scored(found, found is not None and literal_equal(found, reference))
    if kind == "numeric":
        found = extract_number(output)
        return Scored(found, found is not None and numbers_equal(found, gsm8k_reference(reference)))
    if kind == "math":
        return score_math(output, reference)
    if kind == "exact":
        found = final_answer(output)
        return Scored(found, found is not None and normalise(found) == normalise(reference))
    if kind == "execution":
        raise ValueError("execution answers are scored in the sandbox: use code2cot.eval.execution.score_inputs")
    raise ValueError(f"unknown answer kind {kind!r}; known: {', '.join(KINDS)}")

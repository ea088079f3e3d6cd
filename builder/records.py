"""SFT records: what one dataset row looks like, and its explicit ``datasets.Features``.

The user turn carries the question, the code and the input, never the trace or the
answer; the assistant turn is the verified CoT. ``messages`` serves chat SFT,
``prompt``/``completion`` serve TRL's prompt-completion format, and the structured
``trace`` keeps the grounding inspectable.
"""

from __future__ import annotations

from typing import Any

import datasets

from .tasks import Task
from .trace_text import render_trace

_List = getattr(datasets, "List", datasets.Sequence)

USER_TEMPLATE = (
    "{question}"
    "Here is a Python program:\n\n```python\n{code}\n```\n\n"
    "Input: {call}\n\n"
    "Predict the output of {call}. Reason step by step, and end with the line "
    "\"Therefore, the final answer is: <output>\", where <output> is the Python repr of the return value."
)

_NAME_VALUE = {"name": datasets.Value("string"), "value": datasets.Value("string")}
STEP_FEATURES = {
    "event": datasets.Value("string"),
    "func": datasets.Value("string"),
    "line": datasets.Value("int32"),
    "depth": datasets.Value("int32"),
    "source": datasets.Value("string"),
    "args": _List(_NAME_VALUE),
    "changed": _List(_NAME_VALUE),
    "value": datasets.Value("string"),
    "exception": datasets.Value("string"),
    "iterations": datasets.Value("int32"),
    "steps": datasets.Value("int32"),
    "state": _List(_NAME_VALUE),
    "reason": datasets.Value("string"),
    "skipped_events": datasets.Value("int64"),
}
TRACE_FEATURES = {
    "schema": datasets.Value("string"),
    "backend": datasets.Value("string"),
    "entry_point": datasets.Value("string"),
    "args": _List(_NAME_VALUE),
    "steps": _List(STEP_FEATURES),
    "return": datasets.Value("string"),
    "exception": datasets.Value("string"),
    "stdout": datasets.Value("string"),
    "n_events": datasets.Value("int64"),
    "n_steps": datasets.Value("int32"),
    "truncated": datasets.Value("bool"),
}
SPLIT_ORDER = ("train", "validation", "test")
"""The order splits are listed in (a card's ``configs``, which ``load_dataset`` keeps) and browsed in."""


def split_rank(split: str) -> tuple[int, str]:
    """Sort key: train, validation, test, then any other split by name."""
    return (SPLIT_ORDER.index(split) if split in SPLIT_ORDER else len(SPLIT_ORDER), split)


REJECTED_FIELDS = ("id", "problem_id", "source", "entry_point", "input", "status", "reason", "error", "verified")
"""What ``rejected.jsonl`` tells of each dropped sample (with its split)."""
_TURN = {"role": datasets.Value("string"), "content": datasets.Value("string")}
FEATURES = datasets.Features({
    "id": datasets.Value("string"),
    "problem_id": datasets.Value("string"),
    "source": datasets.Value("string"),
    "license": datasets.Value("string"),
    "category": datasets.Value("string"),
    "question": datasets.Value("string"),
    "code": datasets.Value("string"),
    "entry_point": datasets.Value("string"),
    "input": datasets.Value("string"),
    "output": datasets.Value("string"),
    "messages": _List(_TURN),
    "prompt": _List(_TURN),
    "completion": _List(_TURN),
    "trace": TRACE_FEATURES,
    "trace_text": datasets.Value("string"),
    "cot": datasets.Value("string"),
    "translator": datasets.Value("string"),
    "verified": datasets.Value("bool"),
    "status": datasets.Value("string"),
    "reason": datasets.Value("string"),
    "error": datasets.Value("string"),
    "n_steps": datasets.Value("int32"),
    "truncated": datasets.Value("bool"),
})


def user_prompt(task: Task) -> str:
    question = f"{task.question.strip()}\n\n" if task.question else ""
    if task.io_requirements:
        question += f"{task.io_requirements.strip()}\n\n"
    return USER_TEMPLATE.format(question=question, code=task.code.rstrip(), call=f"{task.entry_point}({task.input})")


def _pairs(mapping: dict | None) -> list[dict[str, str]]:
    return [{"name": str(k), "value": str(v)} for k, v in (mapping or {}).items()]


def structured_trace(trace: dict | None) -> dict[str, Any] | None:
    """The tracer's JSON (dicts keyed by variable name) in the Arrow-friendly row shape."""
    if not trace:
        return None
    steps = []
    for step in trace.get("steps", []):
        steps.append({
            "event": step.get("event"), "func": step.get("func"), "line": step.get("line"), "depth": step.get("depth"),
            "source": step.get("source"), "args": _pairs(step.get("args")), "changed": _pairs(step.get("changed")),
            "value": step.get("value"), "exception": step.get("exception"), "iterations": step.get("iterations"),
            "steps": step.get("steps"), "state": _pairs(step.get("state")), "reason": step.get("reason"),
            "skipped_events": step.get("skipped_events"),
        })
    return {
        "schema": trace.get("schema"), "backend": trace.get("backend"), "entry_point": trace.get("entry_point"),
        "args": _pairs(trace.get("args")), "steps": steps, "return": trace.get("return"),
        "exception": trace.get("exception"), "stdout": trace.get("stdout"), "n_events": trace.get("n_events"),
        "n_steps": trace.get("n_steps"), "truncated": trace.get("truncated"),
    }


def rejected_record(task: Task, *, status: str, reason: str | None = None, error: str | None = None,
                    verified: bool = False) -> dict[str, Any]:
    """Only the ``REJECTED_FIELDS`` of a dropped sample: what a build files aside, without
    rendering a trace nobody will read (a source with many over-long traces pays for that)."""
    return {"id": task.id, "problem_id": task.problem_id, "source": task.source, "entry_point": task.entry_point,
            "input": task.input, "status": status, "reason": reason, "error": error, "verified": verified}


def make_record(task: Task, *, status: str, output: str | None = None, trace: dict | None = None,
                cot: str = "", translator: str = "", verified: bool = False, reason: str | None = None,
                error: str | None = None, trace_text: str | None = None) -> dict[str, Any]:
    """One row; rejected samples use the same shape (empty CoT, ``reason`` set)."""
    prompt = [{"role": "user", "content": user_prompt(task)}]
    completion = [{"role": "assistant", "content": cot}] if cot else []
    return {
        "id": task.id, "problem_id": task.problem_id, "source": task.source, "license": task.license,
        "category": task.meta.get("category"), "question": task.question, "code": task.code,
        "entry_point": task.entry_point, "input": task.input, "output": output,
        "messages": prompt + completion, "prompt": prompt, "completion": completion,
        "trace": structured_trace(trace),
        "trace_text": trace_text if trace_text is not None else render_trace(trace) if trace else "",
        "cot": cot, "translator": translator, "verified": verified, "status": status, "reason": reason,
        "error": error, "n_steps": (trace or {}).get("n_steps", 0), "truncated": bool((trace or {}).get("truncated")),
    }

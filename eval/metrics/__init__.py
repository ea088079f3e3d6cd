"""Our metrics as local ``evaluate`` modules: ``evaluate.load(path)`` works offline, no Hub fetch.

``evaluate.load("accuracy")`` downloads a script from the Hub; these live in the package instead:

    import evaluate
    from code2cot.eval.metrics import metric_path
    accuracy = evaluate.load(metric_path("answer_accuracy"), "cruxeval-o")
    accuracy.compute(predictions=outputs, references=outputs_expected)

or, without ``evaluate``'s module cache, ``load_metric("answer_accuracy", "cruxeval-o")``. Both wrap
the plain functions of ``code2cot.eval.answers`` / ``execution`` / ``lengths``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

METRICS_DIR = Path(__file__).resolve().parent
METRICS = ("answer_accuracy", "reasoning_length")


def metric_path(name: str) -> str:
    """The folder ``evaluate.load`` takes for one of our metrics."""
    if name not in METRICS:
        raise ValueError(f"unknown metric {name!r}; ours: {', '.join(METRICS)}")
    return str(METRICS_DIR / name)


def load_metric(name: str, config_name: str | None = None, **kwargs: Any):
    """``evaluate.load`` of our local module (offline: a local path never touches the Hub)."""
    import evaluate

    return evaluate.load(metric_path(name), config_name, **kwargs)

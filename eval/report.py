"""Turn the per-sample files of an output folder into ``summary.json``, a markdown table and a plot.

The report is rebuilt from every ``samples/<model>/<benchmark>.jsonl`` in the folder, so a base
model evaluated yesterday and its fine-tuned version evaluated today into the same ``--out`` end
up in one table and one plot: accuracy (y) against mean output tokens (x), one point per model
and benchmark, the same benchmark's points joined in model order, so "more accurate with shorter
reasoning" reads as an arrow pointing up and to the left.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from code2cot.eval.errors import EvalError
from code2cot.eval.lengths import length_stats
from code2cot.eval.runner import SAMPLES_DIR, read_config, read_records

SUMMARY, TABLE, PLOT = "summary.json", "results.md", "accuracy_vs_tokens.png"
COLUMNS = [("model", "model"), ("benchmark", "benchmark"), ("n", "n"), ("accuracy", "accuracy"),
           ("mean_output_tokens", "mean tokens"), ("median_output_tokens", "median"), ("p90_output_tokens", "p90"),
           ("repetition_rate", "rep-4"), ("truncation_rate", "truncated"), ("answered_rate", "answered"),
           ("errors", "errors")]


def summarize(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Accuracy, answer rate and length statistics of one model on one benchmark."""
    n = len(records)
    correct = sum(bool(r["correct"]) for r in records)
    row: dict[str, Any] = {
        "n": n, "n_correct": correct, "accuracy": correct / n if n else 0.0,
        "answered_rate": sum(r.get("extracted") is not None for r in records) / n if n else 0.0,
        "errors": sum(bool(r.get("error")) for r in records),
    }
    row.update(length_stats([r["n_tokens"] for r in records], [r.get("repetition", 0.0) for r in records],
                            [bool(r["truncated"]) for r in records]))
    return row


def _read_config(path: Path) -> dict[str, Any]:
    config = read_config(path)
    if "model" not in config or "benchmark" not in config:
        raise EvalError(f"{path} is not a results config (a JSON object with model and benchmark)")
    return config


def collect(out_dir: str | Path) -> list[dict[str, Any]]:
    """One summary row per (model, benchmark) found under ``out_dir/samples``, in evaluation order."""
    rows = []
    configs = [(_read_config(p), p) for p in Path(out_dir, SAMPLES_DIR).glob("*/*.config.json")]
    for config, config_path in sorted(configs, key=lambda c: (c[0].get("created") or 0, str(c[1]))):
        path = config_path.with_name(config_path.name.removesuffix(".config.json") + ".jsonl")
        records = list(read_records(path).values())
        if not records:
            continue
        row = {"model": config["model"], "benchmark": config["benchmark"], **summarize(records),
               "dataset": config.get("dataset"), "config": config.get("config"), "split": config.get("split"),
               "data": config.get("data"),
               "backend": config.get("backend"), "params": config.get("params"),
               "samples_file": str(path.relative_to(out_dir))}
        rows.append(row)
    return rows


def markdown_table(rows: Sequence[dict[str, Any]]) -> str:
    header = "| " + " | ".join(title for _, title in COLUMNS) + " |"
    lines = [header, "|" + "|".join("---" if key in ("model", "benchmark") else "---:" for key, _ in COLUMNS) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(_cell(key, row.get(key)) for key, _ in COLUMNS) + " |")
    return "\n".join(lines) + "\n"


def _cell(key: str, value: Any) -> str:
    if key in ("accuracy", "repetition_rate", "truncation_rate", "answered_rate"):
        return f"{value:.1%}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value).replace("|", "\\|")


def plot(rows: Sequence[dict[str, Any]], path: str | Path) -> Path:
    """Accuracy vs mean output tokens, colour per model, marker per benchmark (headless: no pyplot state)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    models = list(dict.fromkeys(r["model"] for r in rows))
    benchmarks = list(dict.fromkeys(r["benchmark"] for r in rows))
    from matplotlib import colormaps

    palette = colormaps["tab10" if len(models) <= 10 else "tab20"]  # 20 distinct colours before any repeats
    colours = {m: palette(i % palette.N) for i, m in enumerate(models)}
    markers = {b: "osD^vP*Xh<>"[i % 11] for i, b in enumerate(benchmarks)}
    figure = Figure(figsize=(7.5, 5), dpi=120)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    for bench in benchmarks:  # base -> fine-tuned as arrows, in the order the models were evaluated
        points = [(r["mean_output_tokens"], r["accuracy"]) for m in models for r in rows
                  if r["model"] == m and r["benchmark"] == bench]
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            axes.annotate("", xy=(x1, y1), xytext=(x0, y0),
                          arrowprops={"arrowstyle": "->", "color": "0.6", "linestyle": "--"})
    for row in rows:
        axes.scatter(row["mean_output_tokens"], row["accuracy"], color=colours[row["model"]],
                     marker=markers[row["benchmark"]], s=70, zorder=3, edgecolors="black", linewidths=0.5)
    axes.set_xlabel("mean output tokens")
    axes.set_ylabel("accuracy")
    axes.set_ylim(-0.02, 1.02)
    axes.set_xlim(left=0)
    axes.grid(alpha=0.3)
    axes.set_title("Accuracy vs reasoning length")
    handles = [Line2D([], [], color=colours[m], marker="o", linestyle="", label=_short(m)) for m in models]
    handles += [Line2D([], [], color="0.3", marker=markers[b], linestyle="", label=b) for b in benchmarks]
    axes.legend(handles=handles, fontsize=8, loc="best", frameon=True)
    figure.tight_layout()
    path = Path(path)
    figure.savefig(path)
    return path


def _short(model: str, width: int = 40) -> str:
    return model if len(model) <= width else "..." + model[-(width - 3):]


def write_report(out_dir: str | Path) -> dict[str, Any]:
    """Write ``summary.json``, ``results.md`` and ``accuracy_vs_tokens.png`` into ``out_dir``; returns the summary."""
    out = Path(out_dir)
    rows = collect(out)
    from code2cot import __version__

    summary = {"created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
               "code2cot_version": __version__, "results": rows}
    (out / SUMMARY).write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    (out / TABLE).write_text("# Evaluation results\n\n" + markdown_table(rows) +
                             f"\n![accuracy vs mean output tokens]({PLOT})\n")
    if rows:
        plot(rows, out / PLOT)
    return summary


def card_results(summary: dict[str, Any], model: str) -> dict[str, dict[str, Any]]:
    """One model's results in ``update_model_card_results``'s shape (accuracy and mean tokens per benchmark)."""
    results = {}
    for row in summary["results"]:
        if row["model"] != model:
            continue
        entry: dict[str, Any] = {"accuracy": row["accuracy"], "mean_output_tokens": row["mean_output_tokens"]}
        for key in ("dataset", "config", "split"):
            if row.get(key):
                entry[key] = row[key]
        results[row["benchmark"]] = entry
    return results

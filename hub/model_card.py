"""The model card of a ``code2cot train`` run: YAML metadata + a body generated from the run's settings.

Made with ``huggingface_hub.ModelCard.from_template`` (template: ``templates/model_card.md``). Unlike TRL's default
card it writes ``license`` (TRL's has a ``licence`` typo), ``base_model``, ``datasets`` and, once an evaluation has
run, a ``model-index`` with the results: ``update_model_card_results(folder, results)`` merges
``{benchmark: {"accuracy": float, "mean_output_tokens": float}}`` into the card of a saved model folder (YAML and
the results table between ``<!-- code2cot:results:start/end -->``), keeping everything else.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from huggingface_hub import EvalResult, ModelCard, ModelCardData

TEMPLATE = Path(__file__).parent / "templates" / "model_card.md"
RESULTS_START, RESULTS_END = "<!-- code2cot:results:start -->", "<!-- code2cot:results:end -->"
TASK_TYPE = "text-generation"
METRICS = ("accuracy", "mean_output_tokens")  # listed first, in this order; other numeric keys follow
METRIC_NAMES = {"accuracy": "Accuracy (exact output match)", "mean_output_tokens": "Mean output tokens"}
BASE_TAGS = ["code2cot", "sft", "trl", "chain-of-thought", "reasoning", "code-execution"]
NO_RESULTS = "No evaluation results yet (`update_model_card_results` fills this table and the `model-index`)."


def _citation() -> str:
    from code2cot.builder.dataset_builder import _CITATION

    return _CITATION


def framework_versions() -> list[tuple[str, str]]:
    versions = []
    for name in ("code2cot", "transformers", "trl", "peft", "torch", "datasets", "tokenizers", "huggingface_hub"):
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            continue
    return versions


def training_hyperparameters(training_args: Any, model_args: Any = None, world_size: int = 1) -> list[tuple[str, Any]]:
    """The settings that define the run, as (name, value) rows; ``training_args`` is an ``SFTConfig``."""
    a = training_args
    per_device = a.per_device_train_batch_size
    rows: list[tuple[str, Any]] = [
        ("learning_rate", a.learning_rate),
        ("num_train_epochs", a.num_train_epochs),
    ]
    if a.max_steps and a.max_steps > 0:
        rows.append(("max_steps", a.max_steps))
    rows += [
        ("per_device_train_batch_size", per_device),
        ("gradient_accumulation_steps", a.gradient_accumulation_steps),
        ("devices", world_size),
        ("effective batch size", per_device * a.gradient_accumulation_steps * world_size),
        ("max_length (tokens)", a.max_length),
        ("packing", a.packing),
        ("padding_free", a.padding_free),
        ("lr_scheduler_type", getattr(a.lr_scheduler_type, "value", a.lr_scheduler_type)),
        ("warmup_steps", a.warmup_steps),
        ("weight_decay", a.weight_decay),
        ("optimizer", getattr(a.optim, "value", a.optim)),
        ("precision", "bf16" if a.bf16 else "fp16" if a.fp16 else "fp32"),
        ("gradient_checkpointing", a.gradient_checkpointing),
        ("assistant_only_loss", a.assistant_only_loss),
        ("eos_token", f"`{a.eos_token}`" if a.eos_token else "the tokenizer's"),
        ("seed", a.seed),
    ]
    if model_args is not None and getattr(model_args, "dtype", None):
        rows.append(("weights dtype while training", model_args.dtype))
    if model_args is not None and getattr(model_args, "use_peft", False):
        rows += [
            ("lora_r", model_args.lora_r),
            ("lora_alpha", model_args.lora_alpha),
            ("lora_dropout", model_args.lora_dropout),
            ("lora_target_modules", model_args.lora_target_modules or "PEFT's default for the architecture"),
        ]
    return rows


def render_model_card(
    *,
    model_name: str,
    training_args: Any,
    model_args: Any = None,
    repo_id: str | None = None,
    base_model: str | None = None,
    base_source: str = "",
    dataset_id: str | None = None,
    dataset_source: str = "",
    train_split: str = "train",
    train_rows: int | str = "?",
    example_prompt: str = "Predict the output of f(3) for: def f(n): return n * 2",
    train_metrics: Mapping[str, Any] | None = None,
    eval_results: Mapping[str, Mapping[str, Any]] | None = None,
    license: str = "apache-2.0",
    lora_merged: bool | None = None,
    tiny: bool = False,
    world_size: int = 1,
) -> ModelCard:
    """Our card for a trained model (``training_args``: ``SFTConfig``; ``model_args``: TRL ``ModelConfig``)."""
    lora = bool(model_args is not None and getattr(model_args, "use_peft", False))
    tags = list(BASE_TAGS) + (["lora", "peft"] if lora else []) + (["tiny", "test-model"] if tiny else [])
    results = _eval_results(model_name, eval_results or {})
    card_data = ModelCardData(
        base_model=base_model, datasets=[dataset_id] if dataset_id else None, library_name="transformers",
        pipeline_tag="text-generation", tags=tags, license=license, language=["en"],
        model_name=model_name, eval_results=results or None,
    )
    if lora and lora_merged:
        lora_text = ("trained as a LoRA adapter and **merged** into the base weights: this repo is a standalone "
                     "model (the adapter alone is in `adapter/`).")
    elif lora:
        lora_text = ("this repo holds the **adapter** only (`adapter_config.json` + `adapter_model.safetensors`); "
                     "`AutoModelForCausalLM.from_pretrained` with `peft` installed loads the base model and applies "
                     "it, or merge it with `peft`'s `merge_and_unload()`.")
    else:
        lora_text = ""
    metrics = [(k, _fmt(v)) for k, v in (train_metrics or {}).items()]
    return ModelCard.from_template(
        card_data, template_path=str(TEMPLATE), model_name=model_name, repo_id=repo_id or model_name,
        base_model=base_model, base_source=base_source, tiny=tiny, dataset_id=dataset_id, dataset_source=dataset_source,
        train_split=train_split, train_rows=train_rows, eos_token=training_args.eos_token or "the EOS token",
        lora=lora, lora_text=lora_text, adapter_only=lora and not lora_merged,
        hyperparameters=[(k, _fmt(v)) for k, v in training_hyperparameters(training_args, model_args, world_size)],
        train_metrics=metrics, results_table=results_table(results),
        example_prompt=json.dumps(example_prompt, ensure_ascii=False),
        max_new_tokens=max(256, min(training_args.max_length or 4096, 4096)), versions=framework_versions(),
        citation=_citation(),
    )


def update_model_card_results(folder: str | Path, results: Mapping[str, Mapping[str, Any]],
                              model_name: str | None = None) -> ModelCard:
    """Merge evaluation ``results`` into ``folder/README.md`` (its ``model-index`` and results table).

    ``results``: ``{benchmark: {"accuracy": 0.71, "mean_output_tokens": 412.5}}``; any other numeric key is kept as
    a metric too; optional string keys ``dataset`` (Hub id of the benchmark, default: the benchmark name),
    ``config``, ``split``. A (benchmark, metric) pair already in the card is replaced; the others are kept.
    """
    path = Path(folder) / "README.md"
    if not path.is_file():
        raise FileNotFoundError(f"{path} not found: run `code2cot train` first (it writes the model card)")
    card = ModelCard.load(path)
    data = card.data
    name = model_name or data.model_name or Path(folder).resolve().name
    earlier = {r.dataset_name: r for r in (data.eval_results or [])}
    filled = {}
    for benchmark, values in results.items():  # a partial update keeps the benchmark's dataset id, config, split
        values = dict(values) if isinstance(values, Mapping) else values
        if isinstance(values, dict) and benchmark in earlier:
            before = earlier[benchmark]
            for key, attr in (("dataset", "dataset_type"), ("config", "dataset_config"), ("split", "dataset_split")):
                if not values.get(key) and getattr(before, attr) and not (key == "dataset" and
                                                                         getattr(before, attr) == benchmark):
                    values[key] = getattr(before, attr)
        filled[benchmark] = values
    new = _eval_results(name, filled)
    keys = {(r.dataset_name, r.metric_type) for r in new}
    kept = [r for r in (data.eval_results or []) if (r.dataset_name, r.metric_type) not in keys]
    benchmarks = list(dict.fromkeys(r.dataset_name for r in kept + new))
    rank = {m: i for i, m in enumerate(METRICS)}
    merged = sorted(kept + new, key=lambda r: (benchmarks.index(r.dataset_name), rank.get(r.metric_type, len(rank))))
    data.model_name = name
    data.eval_results = merged or None
    text = card.text
    table = results_table(merged)
    if RESULTS_START in text and RESULTS_END in text:
        text = text[: text.index(RESULTS_START) + len(RESULTS_START)] + "\n" + table + "\n" + text[text.index(RESULTS_END):]
    else:
        text = text.rstrip() + f"\n\n## Evaluation\n\n{RESULTS_START}\n{table}\n{RESULTS_END}\n"
    updated = ModelCard(f"---\n{data.to_yaml()}\n---\n{text}")
    updated.save(path)
    return updated


def results_table(results: list[EvalResult]) -> str:
    if not results:
        return NO_RESULTS
    metrics = [m for m in METRICS if any(r.metric_type == m for r in results)]
    metrics += sorted({r.metric_type for r in results} - set(metrics))
    by_bench: dict[str, dict[str, Any]] = {}
    for r in results:
        by_bench.setdefault(r.dataset_name, {})[r.metric_type] = r.metric_value
    header = "| benchmark | " + " | ".join(metrics) + " |\n|---|" + "---|" * len(metrics)
    rows = ["| " + bench + " | " + " | ".join(_fmt(values.get(m, "")) for m in metrics) + " |"
            for bench, values in by_bench.items()]
    return "\n".join([header, *rows])


def _eval_results(model_name: str, results: Mapping[str, Mapping[str, Any]]) -> list[EvalResult]:
    out: list[EvalResult] = []
    for benchmark, values in results.items():
        if not isinstance(values, Mapping):
            raise TypeError(f"results[{benchmark!r}] must be a mapping of metric -> number, not {values!r}")
        numeric = {k: v for k, v in values.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        order = [m for m in METRICS if m in numeric] + sorted(set(numeric) - set(METRICS))
        for metric in order:
            out.append(EvalResult(
                task_type=TASK_TYPE, task_name="Output prediction with chain-of-thought",
                dataset_type=str(values.get("dataset") or benchmark), dataset_name=benchmark,
                dataset_config=values.get("config"), dataset_split=values.get("split"),
                metric_type=metric, metric_value=float(numeric[metric]),
                metric_name=METRIC_NAMES.get(metric, metric),
            ))
    return out


def _fmt(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e-3 or abs(value) >= 1e5 else f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return re.sub(r"\s+", " ", str(value)).replace("|", "\\|")

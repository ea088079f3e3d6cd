"""The dataset card: YAML metadata + a body generated from a built folder.

Made with ``huggingface_hub.DatasetCard.from_template``. Plots are written into the
folder (``assets/``) so they travel with the data and render on the Hub. Merging with
a card already on the Hub keeps every YAML key written by others and the body text
outside our ``<!-- code2cot:start/end -->`` markers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from huggingface_hub import DatasetCard, DatasetCardData

from code2cot.builder.records import split_rank
from code2cot.builder.sources import is_hub_dataset_id

TEMPLATE = Path(__file__).parent / "templates" / "dataset_card.md"
START, END = "<!-- code2cot:start -->", "<!-- code2cot:end -->"

SCHEMA = [
    ("id", "string", "sample id (problem id + input index)"),
    ("problem_id", "string", "the program; splits never share one"),
    ("source", "string", "where the program came from"),
    ("license", "string", "the program's license"),
    ("category", "string", "topic of a shipped program"),
    ("question", "string", "problem statement"),
    ("code", "string", "the program"),
    ("entry_point", "string", "function that is called"),
    ("input", "string", "argument text of the call"),
    ("output", "string", "repr of the executed return value: the ground truth"),
    ("messages", "list of {role, content}", "user prompt + assistant CoT, for chat SFT"),
    ("prompt / completion", "list of {role, content}", "the same, split for prompt-completion training"),
    ("trace", "struct", "structured execution trace (steps with changed variables)"),
    ("trace_text", "string", "compact text view of the trace"),
    ("cot", "string", "the verified chain-of-thought"),
    ("translator", "string", "template or llm"),
    ("verified", "bool", "the CoT's final answer equals the executed output"),
    ("status / reason / error", "string", "outcome of the pipeline"),
    ("n_steps / truncated", "int / bool", "trace size after loop compression"),
]


def _size_category(rows: int) -> str:
    """The Hub's ``size_categories`` vocabulary (n<1K, 1K<n<10K, ..., 100B<n<1T, n>1T)."""
    names = ["n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M", "10M<n<100M", "100M<n<1B", "1B<n<10B",
             "10B<n<100B", "100B<n<1T"]
    for power, name in enumerate(names, start=3):
        if rows < 10 ** power:
            return name
    return "n>1T"


def _configs(folder: Path) -> list[dict[str, Any]]:
    found = {p.name.split("-")[0] for p in (folder / "data").glob("*.parquet")}
    splits = sorted(found, key=split_rank)
    return [{"config_name": "default", "data_files": [{"split": s, "path": f"data/{s}-*.parquet"} for s in splits]}]


def _histogram(values: list[int], path: Path, title: str, xlabel: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3.2), dpi=100)
    ax.hist(values or [0], bins=30, color="#4C72B0", edgecolor="white")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("samples")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, metadata={"Software": None})  # no version stamp: rebuilds stay byte-identical
    plt.close(fig)


def render_dataset_card(folder: str | Path, repo_id: str = "org/code2cot") -> DatasetCard:
    """Build the card for a folder written by ``code2cot build`` (and write its plots)."""
    folder = Path(folder)
    build = json.loads((folder / "build_config.json").read_text())
    summary = build["summary"]
    options = build["options"]
    # The columns the card needs, straight from the Parquet files: load_dataset would copy every
    # row into an Arrow cache that nothing removes, for a card.
    files = {s: sorted((folder / "data").glob(f"{s}-*.parquet")) for s in summary["splits"] if summary["splits"][s]}
    columns = pa.concat_tables(pq.read_table(path, columns=["n_steps", "cot", "license"])
                               for paths in files.values() for path in paths)
    _histogram(columns.column("n_steps").to_pylist(), folder / "assets" / "trace_steps.png",
               "Trace steps per sample (after loop compression)", "steps")
    _histogram([len(cot) for cot in columns.column("cot").to_pylist()], folder / "assets" / "cot_length.png",
               "CoT length", "characters")
    first_file = files["train"][0] if files.get("train") else next(iter(files.values()))[0]
    example = pq.ParquetFile(first_file).read_row_group(0, columns=["messages", "cot"]).slice(0, 1).to_pylist()[0]
    translator = options.get("translator", "template")
    source_id = options.get("source")
    hub_source = bool(source_id) and build.get("source_kind",
                                               "hub" if is_hub_dataset_id(source_id) else "local") == "hub"
    source = ("the code2cot shipped corpus (original programs, Apache-2.0)" if not source_id
              else source_id if hub_source else f"a local file or folder (`{Path(source_id).name}`)")
    licenses = sorted({str(r) for r in columns.column("license").to_pylist()})
    card_data = DatasetCardData(
        license=_card_license(licenses), language=["en"], task_categories=["text-generation", "question-answering"],
        tags=["code", "reasoning", "chain-of-thought", "execution-trace", "synthetic", "code2cot"],
        size_categories=[_size_category(sum(summary["splits"].values()))],
        pretty_name="code2cot: chain-of-thought grounded in code execution",
        source_datasets=[source_id] if hub_source else ["original"],
        configs=_configs(folder),
    )
    reasons = sorted(((k.split("/", 1)[-1], v) for k, v in summary["reasons"].items()), key=lambda kv: -kv[1])
    from code2cot.builder.dataset_builder import _CITATION
    from code2cot.builder.tracer import TRACE_SCHEMA

    return DatasetCard.from_template(
        card_data, template_path=str(TEMPLATE), repo_id=repo_id, pretty_name=card_data.pretty_name,
        translator=translator, source=source, trace_schema=TRACE_SCHEMA,
        translator_text=("a deterministic template (offline) narrates each step with the executed values"
                         if translator == "template" else
                         f"an LLM ({options.get('llm_model')}) rewrites the trace as reasoning, with retries on a wrong answer"),
        splits=summary["splits"], total=sum(summary["statuses"].values()),
        verified_rate=f"{summary['verified_rate']:.1%}", steps_mean=summary["trace_steps_mean"],
        steps_median=summary["trace_steps_median"], cot_chars=summary["cot_chars_mean"], reasons=reasons,
        example_user=_unmarked(example["messages"][0]["content"]), example_cot=_unmarked(example["cot"]),
        fence_user=_fence(example["messages"][0]["content"]), fence_cot=_fence(example["cot"]), schema=SCHEMA,
        llm=_llm_line(summary.get("llm") or {}),
        citation=_CITATION, decontamination_text=_decontamination_text(summary.get("program_filters") or {}),
    )


def _card_license(licenses: list[str]) -> str:
    """The data's own license: a program that declares none counts as the build's default,
    Apache-2.0; one license when every program has it, else ``other``."""
    declared = {name.lower() if name not in ("None", "") else "apache-2.0" for name in licenses}
    return next(iter(declared)) if len(declared) == 1 else "other" if declared else "apache-2.0"


def _fence(text: str) -> str:
    """A code fence longer than any run of backticks in ``text``, so program text cannot close it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(4, longest + 1)


def _unmarked(text: str) -> str:
    """Program text must not contain our card markers (a merge would cut the card there)."""
    return text.replace(START, "<!-- code2cot start -->").replace(END, "<!-- code2cot end -->")


def _llm_line(llm: dict) -> dict | None:
    if not llm.get("requests") and not llm.get("cache_hits"):
        return None
    return {"requests": llm.get("requests", 0), "prompt_tokens": llm.get("prompt_tokens", 0),
            "completion_tokens": llm.get("completion_tokens", 0), "cache_hits": llm.get("cache_hits", 0)}


def _decontamination_text(filters: dict) -> str:
    """What the problem-level filters checked, in words: a reader must see which benchmarks were *not* checked."""
    if not filters:
        return "This build predates the duplicate and contamination filters: neither was applied."
    lines = [f"- Near-duplicate programs (same normalised AST: renamed or reformatted copies) dropped: "
             f"{filters.get('duplicate_programs', 0)}." if filters.get("dedup_programs")
             else "- Near-duplicate programs: not checked (`dedup_programs` off)."]
    decontamination = filters.get("decontamination")
    if decontamination is None:
        lines.append("- Benchmark decontamination: off.")
        return "\n".join(lines)
    checked = ", ".join(f"`{name}` ({n} text{'s' if n != 1 else ''})" for name, n in decontamination["checked"].items())
    lines.append(f"- Programs dropped as contaminated ({decontamination['ngram']}-gram overlap with benchmark "
                 f"problems, as open-r1 does): {decontamination['contaminated_programs']}; benchmarks checked: "
                 f"{checked or 'none'}.")
    if decontamination.get("unavailable"):
        names = ", ".join(f"`{name}`" for name in sorted(decontamination["unavailable"]))
        lines.append(f"- **Not checked** (their texts could not be loaded when this was built): {names}. "
                     "Do not assume this data is clean of them.")
    return "\n".join(lines)


def merge_cards(ours: DatasetCard, theirs: DatasetCard | None) -> DatasetCard:
    """Our card, keeping what others wrote: foreign YAML keys/values and text outside our markers."""
    if theirs is None:
        return ours
    mine = ours.data.to_dict()
    merged = theirs.data.to_dict()
    for key, value in mine.items():
        if key == "configs":
            merged[key] = _merge_configs(_as_list(merged.get(key)), value)
        elif key == "tags":
            merged[key] = list(dict.fromkeys([*_as_list(merged.get(key)), *value]))
        elif key not in merged or merged[key] in (None, [], ""):
            merged[key] = value
    text = theirs.text
    body = ours.text[ours.text.index(START):] if START in ours.text else ours.text
    if START in text and END in text:  # the last END: one inside older program text must not cut the card
        text = text[: text.index(START)] + body.strip() + text[text.rindex(END) + len(END):]
    else:
        text = text.rstrip() + ("\n\n" if text.strip() else "") + body.strip() + "\n"
    return DatasetCard(f"---\n{DatasetCardData(**merged).to_yaml()}\n---\n{text}")


def _as_list(value) -> list:
    """A YAML value that may be written as one scalar (``tags: mine``) or a list."""
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _merge_configs(theirs: list[dict], ours: list[dict]) -> list[dict]:
    names = {c.get("config_name") for c in ours}
    return [c for c in theirs if not isinstance(c, dict) or c.get("config_name") not in names] + ours

"""What a benchmark is, and the registry that finds one by name.

A benchmark is data (a Hub id, config and split, read with ``datasets.load_dataset``), a prompt
(a function from one row to chat messages, in the benchmark's standard wording) and an answer
kind (how ``code2cot.eval.answers`` extracts and compares). Adding one is one small module in
this package that calls ``register``; the package imports every module in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from code2cot.eval.answers import KINDS
from code2cot.eval.errors import EvalError

Messages = list[dict[str, str]]
_BUILDERS = {".jsonl": "json", ".json": "json", ".parquet": "parquet", ".csv": "csv"}


@dataclass(frozen=True)
class Sample:
    """One benchmark item ready to generate for: chat messages, the reference answer, what scoring needs."""

    id: str
    messages: Messages
    reference: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Benchmark:
    """A benchmark's data location, prompt and answer kind.

    ``make_sample(row, index)`` turns one dataset row into a ``Sample``; ``columns`` are the ones it
    reads (checked before any generation); ``fixture`` names the hand-written few-row file in
    ``tests/data/eval`` with the same columns, which tests load through the same code path.
    """

    name: str
    hub_id: str | None
    split: str
    answer_kind: str
    columns: tuple[str, ...]
    make_sample: Callable[[dict[str, Any], int], Sample]
    description: str = ""
    config: str | None = None
    fixture: str | None = None
    default_source: str | None = None
    """A local source used when neither ``--data`` nor ``hub_id`` gives one (code2cot-test: the build folder)."""
    contamination_column: str | None = None
    """The column whose texts training data must not overlap (problem statements, or code for code benchmarks)."""

    def __post_init__(self) -> None:
        if self.answer_kind not in KINDS:
            raise ValueError(f"benchmark {self.name!r}: answer kind {self.answer_kind!r} is not one of {KINDS}")

    def load_rows(self, source: str | os.PathLike | None = None):
        """The benchmark's ``datasets.Dataset``: from ``source`` (a local file/folder or a Hub id) or the Hub."""
        return load_rows(source if source is not None else (self.hub_id or self.default_source), self)

    def contamination_texts(self, source: str | os.PathLike | None = None) -> list[str]:
        """The benchmark's problem texts, for ``code2cot.builder.decontaminate`` (raises ``EvalError`` when unloadable)."""
        if self.contamination_column is None:
            raise EvalError(f"benchmark {self.name!r} declares no contamination_column")
        rows = self.load_rows(source)
        if self.contamination_column not in rows.column_names:
            raise EvalError(f"benchmark {self.name!r}: no column {self.contamination_column!r} to decontaminate against")
        return [str(text) for text in rows[self.contamination_column] if text]

    def samples(self, source: str | os.PathLike | None = None, limit: int | None = None) -> list[Sample]:
        rows = self.load_rows(source)
        if limit is not None:
            rows = rows.select(range(min(limit, len(rows))))
        samples = []
        for index, row in enumerate(rows):
            try:
                samples.append(self.make_sample(row, index))
            except Exception as exc:  # a malformed row (null answer, wrong type): name it, never a traceback
                where = source if source is not None else (self.hub_id or self.default_source)
                raise EvalError(f"{self.name}: row {index} of {where} cannot be used "
                                f"({type(exc).__name__}: {exc}); is it {self.hub_id or self.name} data?") from exc
        return samples


REGISTRY: dict[str, Benchmark] = {}


def register(benchmark: Benchmark) -> Benchmark:
    """Add a benchmark under its name (names are unique)."""
    if benchmark.name in REGISTRY and REGISTRY[benchmark.name] is not benchmark:
        raise ValueError(f"a benchmark named {benchmark.name!r} is already registered")
    REGISTRY[benchmark.name] = benchmark
    return benchmark


def get_benchmark(name: str) -> Benchmark:
    if name not in REGISTRY:
        raise EvalError(f"unknown benchmark {name!r}; known benchmarks: {', '.join(sorted(REGISTRY))}")
    return REGISTRY[name]


def parse_benchmarks(spec: str | Iterable[str]) -> list[Benchmark]:
    """``"cruxeval-o,gsm8k"`` (or a list of names) -> benchmarks, in order, without duplicates."""
    names = [n.strip() for n in (spec.split(",") if isinstance(spec, str) else spec) if n.strip()]
    if not names:
        raise EvalError(f"no benchmark given; known benchmarks: {', '.join(sorted(REGISTRY))}")
    return [get_benchmark(name) for name in dict.fromkeys(names)]


def _looks_local(source: str) -> bool:
    """A path rather than a Hub id (``org/name``)."""
    return source.startswith((".", "/", "~")) or source.count("/") > 1 or Path(source).suffix in _BUILDERS


def load_rows(source: str | os.PathLike | None, benchmark: Benchmark):
    """``datasets.load_dataset`` on a local JSONL/JSON/Parquet/CSV file, a local dataset folder or a Hub id."""
    import datasets

    if source is None:
        raise EvalError(f"benchmark {benchmark.name!r} has no Hub dataset: give its data with "
                        f"--data {benchmark.name}=PATH_OR_HUB_ID")
    path = Path(source).expanduser()
    try:
        if path.is_file():
            if path.suffix not in _BUILDERS:
                raise EvalError(f"{path}: unsupported file type {path.suffix!r} (use one of {', '.join(_BUILDERS)})")
            rows = datasets.load_dataset(_BUILDERS[path.suffix], data_files=str(path), split="train")
        elif path.is_dir():
            rows = datasets.load_dataset(str(path), split=benchmark.split)
        elif _looks_local(str(source)) or str(source) == benchmark.default_source:
            hint = (f" (build it with `code2cot build --out {source}`)" if benchmark.name == "code2cot-test" else "")
            raise EvalError(f"data for {benchmark.name!r} not found: {path} does not exist{hint}")
        else:
            rows = datasets.load_dataset(str(source), benchmark.config if source == benchmark.hub_id else None,
                                         split=benchmark.split)
    except EvalError:
        raise
    except Exception as exc:  # datasets/hub errors of every kind: name the benchmark and the source, keep the cause
        raise EvalError(f"cannot load {benchmark.name!r} from {source}: {exc}") from exc
    missing = [c for c in benchmark.columns if c not in rows.column_names]
    if missing:
        raise EvalError(f"{source} has no column(s) {', '.join(missing)} needed by {benchmark.name!r} "
                        f"(found: {', '.join(rows.column_names)}); is it {benchmark.hub_id or benchmark.name} data?")
    return rows


def user_turn(text: str, system: str | None = None) -> Messages:
    """Chat messages for a single-turn prompt (with the benchmark's system message, if it has one)."""
    return ([{"role": "system", "content": system}] if system else []) + [{"role": "user", "content": text}]


def names(benchmarks: Sequence[Benchmark]) -> list[str]:
    return [b.name for b in benchmarks]

"""Benchmark decontamination by word n-gram overlap, as open-r1 does it.

open-r1's ``scripts/decontaminate.py`` (after s1's ``decontaminate_util.py``) lower-cases a
text, collapses its whitespace, splits it on whitespace into words and takes every run of
``n`` consecutive words (8 by default); a training text is contaminated by a benchmark when
it shares **any** such n-gram with one of the benchmark's texts. We do exactly that for
benchmark prose (GSM8K and MATH problems), with the program's problem statement, io
requirements and code as the training texts. open-r1 only compares problem statements;
for benchmarks whose texts are code (CRUXEval, LiveCodeBench execution) one shared
8-gram is too weak a signal, because code idioms recur (see ``ContaminationIndex``), so a
code text counts when at least half of its n-grams appear in the program. A text of
fewer than ``n`` words has no n-grams (as in open-r1), so it neither matches nor is
matched.

Benchmark texts come from the eval package's registry (``code2cot.eval.benchmarks``):
each benchmark is asked for its problem texts with ``contamination_texts()``. Benchmarks
whose data cannot be loaded (no network and nothing cached, or an eval package without
that method) are reported as *unavailable*, by name and reason, never silently passed.
Local texts can be given instead as a JSONL file of ``{"benchmark": ..., "text": ...}``
rows (``read_benchmark_texts``), which is what CI and the tests use.
"""

from __future__ import annotations

import ast
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .hub_access import hub_mode, hub_reachable
from .sources import not_utf8

NGRAM_SIZE = 8
"""Words per n-gram (open-r1's default ``--ngram_size 8``)."""

BenchmarkTexts = Mapping[str, Iterable[str]]
"""Benchmark name -> its problem texts (questions, or code for code-reasoning benchmarks)."""

CONTAMINATION_METHOD = "contamination_texts"
"""What each registered eval benchmark provides: ``benchmark.contamination_texts() -> Iterable[str]``."""

SELF_BENCHMARKS = frozenset({"code2cot-test"})
"""Benchmarks made from our own corpus: checking programs against them would flag every one."""

CODE_OVERLAP = 0.5
"""Share of a benchmark *code* text's n-grams a program must contain to be contaminated by it."""



class BenchmarkTextsError(ValueError):
    """A benchmark-texts file or a benchmark name that cannot be used (a usage error)."""


class BenchmarkUnavailable(RuntimeError):
    """A benchmark's texts could not be loaded (raised only with ``offline_ok=False``)."""


# -- open-r1's n-grams ----------------------------------------------------------------
def normalize_string(text: str) -> str:
    """Lower-case, whitespace collapsed to single spaces (open-r1's ``normalize_string``)."""
    return " ".join(text.lower().split())


def word_ngrams(text: str, n: int = NGRAM_SIZE) -> list[str]:
    """Every run of ``n`` consecutive whitespace-separated words, joined by one space."""
    words = text.split()
    return [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]


def ngrams(text: str, n: int = NGRAM_SIZE) -> set[str]:
    return set(word_ngrams(normalize_string(text), n))


# -- the texts --------------------------------------------------------------------------
@dataclass
class BenchmarkSet:
    """Benchmark texts that could be loaded, and the ones that could not (with why)."""

    texts: dict[str, list[str]] = field(default_factory=dict)
    unavailable: dict[str, str] = field(default_factory=dict)
    origin: dict[str, str] = field(default_factory=dict)
    """Where each benchmark's texts came from: ``eval registry`` or a file path."""

    def merge(self, other: BenchmarkSet) -> BenchmarkSet:
        texts = {**self.texts}
        for name, items in other.texts.items():
            texts[name] = [*texts.get(name, []), *items]
        unavailable = {k: v for k, v in {**self.unavailable, **other.unavailable}.items() if k not in texts}
        return BenchmarkSet(texts, unavailable, {**self.origin, **other.origin})


def read_benchmark_texts(path: str | os.PathLike) -> BenchmarkSet:
    """A JSONL file of ``{"benchmark": NAME, "text": TEXT}`` rows."""
    path = Path(path)
    if not path.is_file():
        raise BenchmarkTextsError(f"benchmark texts file {path} does not exist")
    texts: dict[str, list[str]] = {}
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise BenchmarkTextsError(f"{path}:{number}: {not_utf8(exc)}") from None
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BenchmarkTextsError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict) or not isinstance(row.get("benchmark"), str) \
                    or not isinstance(row.get("text"), str):
                raise BenchmarkTextsError(f'{path}:{number}: expected {{"benchmark": str, "text": str}}')
            texts.setdefault(row["benchmark"], []).append(row["text"])
    if not texts:
        raise BenchmarkTextsError(f"{path}: no benchmark texts in it")
    return BenchmarkSet(texts, {}, {name: str(path) for name in texts})


def load_benchmark_texts(names: Iterable[str] | None = None, *, offline_ok: bool = True) -> BenchmarkSet:
    """Problem texts of the eval benchmarks, from ``code2cot.eval.benchmarks.REGISTRY``.

    ``names`` None means every registered benchmark except ``SELF_BENCHMARKS``. Each one
    is asked for ``contamination_texts()``. When the Hub cannot be reached the benchmarks
    are loaded in offline mode (from the local ``datasets`` cache, no retries). With
    ``offline_ok`` (the default) a benchmark that cannot be loaded is listed in
    ``unavailable`` with the reason; without it, ``BenchmarkUnavailable`` is raised.
    An unknown name is a ``BenchmarkTextsError`` either way.
    """
    wanted = None if names is None else list(dict.fromkeys(n for n in names if n))
    try:
        from code2cot.eval.benchmarks import REGISTRY
    except Exception as exc:  # not installed yet, or broken: say so, never pass silently
        reason = f"the eval benchmark registry cannot be imported ({type(exc).__name__}: {exc})"
        if not offline_ok:
            raise BenchmarkUnavailable(reason) from exc
        return BenchmarkSet(unavailable={name: reason for name in (wanted or ["eval benchmarks"])})
    if wanted is None:
        wanted = sorted(name for name in REGISTRY if name not in SELF_BENCHMARKS)
    unknown = [name for name in wanted if name not in REGISTRY]
    if unknown:
        raise BenchmarkTextsError(f"unknown benchmark(s) {', '.join(unknown)}; "
                                  f"registered: {', '.join(sorted(REGISTRY))}")
    result = BenchmarkSet()
    online = hub_reachable()
    for name in wanted:
        method = getattr(REGISTRY[name], CONTAMINATION_METHOD, None)
        if method is None:
            reason = f"the eval benchmark does not provide {CONTAMINATION_METHOD}()"
        else:
            try:
                with hub_mode(offline=not online):
                    items = [t for t in method() if isinstance(t, str) and t.strip()]
            except Exception as exc:  # datasets/hub errors of every kind: keep the message
                reason = (" ".join(str(exc).split())[:300] or type(exc).__name__) if online \
                    else "the Hub is unreachable and it is not in the local datasets cache"
            else:
                if items:
                    result.texts[name] = items
                    result.origin[name] = "eval registry"
                    continue
                reason = "the benchmark returned no texts"
        if not offline_ok:
            raise BenchmarkUnavailable(f"{name}: {reason}")
        result.unavailable[name] = reason
    return result


# -- the check ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Contamination:
    """A benchmark text a program overlaps: which one, how many of its n-grams, one example."""

    benchmark: str
    item: int
    shared: int
    example: str
    item_ngrams: int = 0
    code: bool = False

    def describe(self, n: int = NGRAM_SIZE) -> str:
        if self.code:
            return (f"contains {self.shared} of the {self.item_ngrams} word {n}-grams of {self.benchmark} code "
                    f"#{self.item} ({self.shared / max(self.item_ngrams, 1):.0%}), e.g. {self.example!r}")
        return f"shares {self.shared} word {n}-gram(s) with {self.benchmark} text #{self.item}, e.g. {self.example!r}"


def is_code(text: str) -> bool:
    """A benchmark text that is Python (CRUXEval, LiveCodeBench-exec) rather than prose (GSM8K, MATH)."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(not isinstance(node, ast.Expr) for node in tree.body)


class ContaminationIndex:
    """n-gram lookups of benchmark texts; ``matches(texts)`` lists the benchmark texts a program overlaps.

    The rule for prose (problem statements) is open-r1's: **any** shared word n-gram. Code
    texts (function bodies) need more, because short code idioms recur in independent
    programs: 29 of the 182 shipped programs share a code 8-gram such as
    ``'a, b = b, a % b return'`` with another, unrelated shipped program. A code text
    therefore contaminates a program when the program contains at least
    ``code_overlap`` (default half) of that text's n-grams, i.e. when a large part of the
    benchmark item was pasted in. Whether a text is code is decided by parsing it.
    """

    def __init__(self, texts: BenchmarkTexts | BenchmarkSet, n: int = NGRAM_SIZE,
                 unavailable: Mapping[str, str] | None = None, code_overlap: float = CODE_OVERLAP) -> None:
        if isinstance(texts, BenchmarkSet):
            unavailable = {**texts.unavailable, **(unavailable or {})}
            texts = texts.texts
        self.n = n
        self.code_overlap = code_overlap
        self.unavailable = dict(unavailable or {})
        self.sizes: dict[str, int] = {}
        self.lookups: dict[str, dict[str, list[int]]] = {}
        self.item_ngrams: dict[str, list[int]] = {}
        self.item_is_code: dict[str, list[bool]] = {}
        for name, items in texts.items():
            lookup: dict[str, list[int]] = {}
            sizes: list[int] = []
            kinds: list[bool] = []
            for index, text in enumerate(items):
                grams = ngrams(text, n)
                sizes.append(len(grams))
                kinds.append(is_code(text))
                for gram in grams:
                    lookup.setdefault(gram, []).append(index)
            self.sizes[name] = len(sizes)
            self.lookups[name] = lookup
            self.item_ngrams[name] = sizes
            self.item_is_code[name] = kinds
        for name in self.lookups:
            self.unavailable.pop(name, None)

    @classmethod
    def load(cls, names: Iterable[str] | None = None, texts_file: str | os.PathLike | None = None,
             n: int = NGRAM_SIZE, code_overlap: float = CODE_OVERLAP) -> ContaminationIndex:
        """From a texts file when given (plus named registry benchmarks, if any), else the eval registry."""
        loaded = BenchmarkSet()
        if texts_file is not None:
            loaded = read_benchmark_texts(texts_file)
        if texts_file is None or names is not None:
            loaded = loaded.merge(load_benchmark_texts(names))
        return cls(loaded, n=n, code_overlap=code_overlap)

    @property
    def checked(self) -> list[str]:
        return sorted(self.lookups)

    def matches(self, texts: Iterable[str]) -> list[Contamination]:
        """The benchmark texts the program's texts contaminate it with: at most one per benchmark."""
        grams: set[str] = set()
        for text in texts:
            if text:
                grams |= ngrams(text, self.n)
        found = []
        for name in self.checked:
            lookup = self.lookups[name]
            hits: dict[int, list[str]] = {}
            for gram in grams:
                for item in lookup.get(gram, ()):
                    hits.setdefault(item, []).append(gram)
            best: Contamination | None = None
            for item, shared in sorted(hits.items()):
                code, size = self.item_is_code[name][item], self.item_ngrams[name][item]
                if code and len(shared) < self.code_overlap * size:
                    continue
                candidate = Contamination(name, item, len(shared), min(shared), size, code)
                if best is None or candidate.shared / max(candidate.item_ngrams, 1) > best.shared / max(best.item_ngrams, 1):
                    best = candidate
            if best is not None:
                found.append(best)
        return found

    def describe(self) -> str:
        """One line: what was checked and what could not be."""
        checked = ", ".join(f"{name} ({self.sizes[name]} text{'s' if self.sizes[name] != 1 else ''})"
                            for name in self.checked) or "none"
        line = f"benchmarks checked for contamination ({self.n}-gram overlap): {checked}"
        if self.unavailable:
            line += "\nNOT checked (unavailable): " + describe_unavailable(self.unavailable)
        return line

    def to_dict(self) -> dict[str, Any]:
        return {"ngram": self.n, "code_overlap": self.code_overlap, "checked": {name: self.sizes[name] for name in self.checked},
                "unavailable": dict(sorted(self.unavailable.items()))}


def describe_unavailable(unavailable: Mapping[str, str]) -> str:
    """``a, b: reason; c: other reason`` (benchmarks grouped by why they could not be loaded)."""
    by_reason: dict[str, list[str]] = {}
    for name, reason in sorted(unavailable.items()):
        by_reason.setdefault(reason, []).append(name)
    return "; ".join(f"{', '.join(names)}: {reason}" for reason, names in by_reason.items())


def program_texts(question: str | None, io_requirements: str | None, code: str) -> list[str]:
    """What of a program is compared with benchmark texts: its problem statement, io requirements and code."""
    return [text for text in (question, io_requirements, code) if text]

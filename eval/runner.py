"""Run one model on one benchmark: generate, score, append per-sample results as they finish, resume.

Results go to ``OUT/samples/<model>/<benchmark>.jsonl``, one JSON line per sample, appended and
flushed after every chunk the backend returns; a killed run loses at most the chunk in flight.
A rerun reads the file back and generates only the samples that are missing (or that failed
with an error), so ``--limit 50`` then ``--limit 500`` does 450 more. Each file has a
``.config.json`` beside it with the generation settings; resuming with different settings is
refused, since one file must not mix two decodings.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from code2cot.eval import answers
from code2cot.eval.backends import Backend, Generation, GenerationParams
from code2cot.eval.benchmarks import Benchmark, Sample
from code2cot.eval.errors import EvalError, GenerationStopped
from code2cot.eval.lengths import repetition_rate, token_ids

SAMPLES_DIR = "samples"


def model_slug(model: str) -> str:
    """A folder name for a model: ``org--name`` for a Hub id; ``name-<hash of the absolute path>`` for a folder."""
    path = Path(model).expanduser()
    if path.exists():
        resolved = str(path.resolve())
        return f"{_safe(path.resolve().name)}-{hashlib.sha1(resolved.encode()).hexdigest()[:8]}"
    return _safe(model.replace("/", "--"))


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "model"


def samples_path(out_dir: str | Path, model: str, benchmark: str) -> Path:
    return Path(out_dir) / SAMPLES_DIR / model_slug(model) / f"{benchmark}.jsonl"


def read_records(path: Path) -> dict[str, dict[str, Any]]:
    """Sample id -> its latest record.

    Only the last line can be torn (a killed run stops mid-write); it is dropped and cut off the
    file so the next append starts on a fresh line. A bad line anywhere else is not ours to
    repair: it is an error naming the file and line, and the file is left as it is. Blank lines
    are skipped.
    """
    records: dict[str, dict[str, Any]] = {}
    if not path.is_file():
        return records
    data = path.read_bytes()
    lines = data.split(b"\n")
    tail = lines.pop()  # what follows the last newline: b"" for a complete file, else a torn record
    keep = len(data) - len(tail)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            if number == len(lines) and not tail.strip():
                keep -= len(line) + 1  # an unparsable last line that did get its newline: torn as well
                continue
            raise EvalError(f"{path}, line {number}: not a JSON record; fix or delete that line "
                            "(the other records are kept)") from None
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise EvalError(f"{path}, line {number}: a per-sample record must be a JSON object with a string "
                            "\"id\"; fix or delete that line (the other records are kept)")
        records[record["id"]] = record
    if keep < len(data):
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return records


RESUME_KEYS = ("params", "backend", "data")
"""What must match for a rerun to add to an existing samples file: the decoding, the backend, the data read."""


def read_config(config_path: Path) -> dict[str, Any]:
    """A samples file's ``.config.json``; a damaged one is an error that says what to do."""
    try:
        config = json.loads(config_path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise EvalError(f"{config_path} is not valid JSON ({exc}); delete it (and its .jsonl, to drop that "
                        "result) or restore it") from None
    if not isinstance(config, dict):
        raise EvalError(f"{config_path} is not a JSON object; delete it (and its .jsonl) or restore it")
    return config


def _check_config(path: Path, config: dict[str, Any]) -> None:
    config_path = path.with_suffix(".config.json")
    old: dict[str, Any] = {}
    if config_path.is_file():
        old = read_config(config_path)
        changed = {k: (old.get(k), v) for k, v in config.items() if k in RESUME_KEYS and k in old and old[k] != v}
        if changed and path.is_file() and path.stat().st_size:
            detail = "; ".join(f"{k}: {a} -> {b}" for k, (a, b) in changed.items())
            raise EvalError(f"{path} was generated with other settings ({detail}); use another --out, or delete "
                            "the file to start over")
    config = {**config, "created": old.get("created") or time.time()}
    config_path.parent.mkdir(parents=True, exist_ok=True)
    config_path.write_text(json.dumps(config, indent=2) + "\n")


def _chunks(items: Sequence[Sample], size: int) -> Iterator[list[Sample]]:
    for start in range(0, len(items), size):
        yield list(items[start: start + size])


def score_chunk(benchmark: Benchmark, samples: Sequence[Sample], generations: Sequence[Generation],
                sandbox: Any = None) -> list[answers.Scored]:
    """Verdicts for one chunk; input prediction goes to the sandbox in one batch."""
    outputs = [g.text for g in generations]
    if benchmark.answer_kind == "execution":
        from code2cot.eval.execution import InputCase, score_inputs

        cases = [InputCase(s.id, s.meta["code"], s.reference, s.meta.get("entry_point", "f")) for s in samples]
        return score_inputs(cases, outputs, sandbox=sandbox)
    return [answers.score(benchmark.answer_kind, out, s.reference) for s, out in zip(samples, outputs)]


def make_record(benchmark: Benchmark, model: str, sample: Sample, generation: Generation,
                scored: answers.Scored, tokenizer: Any | None) -> dict[str, Any]:
    return {
        "id": sample.id, "benchmark": benchmark.name, "model": model, "prompt": sample.messages,
        "output": generation.text, "extracted": scored.extracted, "reference": sample.reference,
        "correct": bool(scored.correct), "n_tokens": generation.n_tokens, "truncated": generation.truncated,
        "repetition": round(repetition_rate(token_ids(generation.text, tokenizer)), 6), "error": generation.error,
        "meta": sample.meta,
    }


def data_source(benchmark: Benchmark, source: str | Path | None = None) -> str | None:
    """Where a benchmark's samples were read from: a Hub id as given, a local path made absolute."""
    chosen = source if source is not None else (benchmark.hub_id or benchmark.default_source)
    if chosen is None:
        return None
    path = Path(chosen).expanduser()
    return str(path.resolve()) if path.exists() else str(chosen)


def run_benchmark(backend: Backend, benchmark: Benchmark, samples: Sequence[Sample], out_dir: str | Path,
                  params: GenerationParams, *, backend_name: str = "", progress: bool = True,
                  sandbox_workers: int = 2, source: str | Path | None = None) -> list[dict[str, Any]]:
    """Generate and score every sample not already done; returns the records of ``samples``, in order.

    ``source`` is the ``--data`` the samples came from (None: the benchmark's Hub id); a rerun on
    other data is refused rather than mixing the two in one file.
    """
    from tqdm.auto import tqdm

    path = samples_path(out_dir, backend.model, benchmark.name)
    _check_config(path, {"model": backend.model, "benchmark": benchmark.name, "backend": backend_name,
                         "params": params.to_dict(), "dataset": benchmark.hub_id, "config": benchmark.config,
                         "split": benchmark.split, "data": data_source(benchmark, source)})
    done = {k: r for k, r in read_records(path).items() if not r.get("error")}
    todo = [s for s in samples if s.id not in done]
    if benchmark.answer_kind == "execution" and todo:
        from code2cot.builder import Sandbox
        from code2cot.eval.execution import DEFAULT_LIMITS

        sandbox_context: Any = Sandbox(workers=sandbox_workers, limits=DEFAULT_LIMITS)
    else:
        sandbox_context = nullcontext(None)
    bar = tqdm(total=len(samples), initial=len(samples) - len(todo), desc=f"{benchmark.name} | {backend.model}",
               unit="sample", disable=not progress)
    with sandbox_context as sandbox, path.open("a", encoding="utf-8") as handle, bar:
        def save(samples: list[Sample], generations: list[Generation]) -> None:
            for sample, generation, scored in zip(samples, generations, score_chunk(benchmark, samples, generations,
                                                                                     sandbox)):
                record = make_record(benchmark, backend.model, sample, generation, scored, backend.tokenizer)
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                done[sample.id] = record
            handle.flush()

        for chunk in _chunks(todo, backend.chunk_size):
            try:
                generations = backend.generate([s.messages for s in chunk], params)
            except GenerationStopped as stopped:  # keep the samples of this chunk that did finish
                kept = [(s, g) for s, g in zip(chunk, stopped.finished) if g is not None]
                if kept:
                    save([s for s, _ in kept], [g for _, g in kept])
                raise
            if len(generations) != len(chunk):
                raise EvalError(f"backend returned {len(generations)} completions for {len(chunk)} prompts")
            save(chunk, generations)
            bar.update(len(chunk))
    return [done[s.id] for s in samples if s.id in done]

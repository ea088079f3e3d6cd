"""``code2cot build``: run the ``datasets`` builder and write a Hub-ready folder.

    OUT/
      data/{split}-NNNNN-of-NNNNN.parquet   as the generation jobs wrote them (one or more per job)
      rejected.jsonl        every dropped sample with its reason (nothing silently dropped)
      build_config.json     the exact options and package versions, to rebuild it
      README.md             YAML ``configs`` so ``load_dataset(OUT)`` and the Hub find the data

The folder has the layout of a Hub dataset repo: ``datasets.load_dataset(OUT)`` loads
it exactly as ``load_dataset("org/name")`` will once it is pushed.
"""

from __future__ import annotations

import collections
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

import datasets
import pyarrow.parquet as pq
from datasets.naming import filenames_for_dataset_split

from .dataset_builder import Code2CoT
from .decontaminate import describe_unavailable
from .leftovers import remove_leftovers
from .llm_translator import FATAL_FILE, LLMUnavailable, without_credentials

WORK_PREFIX = "code2cot-build-"
"""A build's scratch folder in the temp dir: ``{WORK_PREFIX}{pid}-*``, removed by a later build if that pid is gone."""
STAGING_PREFIX = ".code2cot-out-"
"""The output being assembled, beside ``--out``: ``{STAGING_PREFIX}{pid}-*``."""
REJECTED_JSONL_FIELDS = ("id", "problem_id", "split", "source", "entry_point", "input", "status", "reason", "error")


@dataclass
class BuildSummary:
    out_dir: str
    config: dict[str, Any]
    splits: dict[str, int] = field(default_factory=dict)
    statuses: dict[str, int] = field(default_factory=dict)
    reasons: dict[str, int] = field(default_factory=dict)
    translated: int = 0
    verified: int = 0
    trace_steps_mean: float = 0.0
    trace_steps_median: float = 0.0
    cot_chars_mean: float = 0.0
    cot_words_mean: float = 0.0
    seconds: float = 0.0
    llm: dict[str, Any] = field(default_factory=dict)
    program_filters: dict[str, Any] = field(default_factory=dict)
    """Problem-level filters: duplicate programs found, benchmarks checked/unavailable, contaminated programs."""

    @property
    def verified_rate(self) -> float:
        return self.verified / self.translated if self.translated else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["verified_rate"] = round(self.verified_rate, 4)
        return data

    def table(self, written: bool = True) -> str:
        total = sum(self.statuses.values())
        lines = [f"{'status / reason':<24} {'count':>7} {'share':>7}"]
        for status, count in sorted(self.statuses.items(), key=lambda kv: -kv[1]):
            lines.append(f"{status:<24} {count:>7} {count / max(total, 1):>7.1%}")
            reasons = {key.split("/", 1)[1]: n for key, n in self.reasons.items() if key.split("/", 1)[0] == status}
            for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1]):
                if reason != status:
                    lines.append(f"  {reason:<22} {n:>7}")
        lines += [
            f"{'total samples':<24} {total:>7}",
            "",
            "splits: " + ", ".join(f"{k}={v}" for k, v in self.splits.items()),
            f"verified rate: {self.verified}/{self.translated} = {self.verified_rate:.1%}",
            f"trace steps: mean {self.trace_steps_mean:.1f}, median {self.trace_steps_median:.1f}",
            f"CoT length: mean {self.cot_chars_mean:.0f} characters ({self.cot_words_mean:.0f} words)",
        ]
        lines += self._program_filter_lines()
        if self.llm:
            lines.append("LLM: " + ", ".join(f"{k}={v}" for k, v in self.llm.items()))
        lines.append(f"wrote {self.out_dir} in {self.seconds:.1f}s" if written
                     else f"wrote no dataset ({self.seconds:.1f}s)")
        return "\n".join(lines)


    def _program_filter_lines(self) -> list[str]:
        filters = self.program_filters
        if not filters:
            return []
        samples = collections.Counter()
        for key, count in self.reasons.items():
            samples[key.split("/", 1)[1]] += count
        lines = [f"duplicate programs: {filters.get('duplicate_programs', 0)} ({samples['duplicate_program']} samples)"
                 if filters.get("dedup_programs") else "duplicate programs: not checked (dedup_programs off)"]
        decontamination = filters.get("decontamination")
        if decontamination is None:
            lines.append("decontamination: off")
            return lines
        checked = ", ".join(f"{name} ({n} texts)" for name, n in decontamination["checked"].items()) or "none"
        lines.append(f"contaminated programs: {decontamination['contaminated_programs']} "
                     f"({samples['contaminated']} samples); {decontamination['ngram']}-gram overlap with: {checked}")
        if decontamination["unavailable"]:
            lines.append("  NOT checked (unavailable): " + describe_unavailable(decontamination["unavailable"]))
        return lines


def _versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": platform.python_version()}
    for name in ("code2cot", "datasets", "huggingface_hub", "openai"):
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return out


class NoSamplePassed(RuntimeError):
    """The build ran but kept no sample: the output folder is left as it was (an earlier
    build in it stays whole) and the rejected samples are written beside it."""

    def __init__(self, summary: BuildSummary, rejected: Path, example: dict | None = None,
                 out_existed: bool = True) -> None:
        outcome = "was left as it was" if out_existed else "was not created"
        message = f"no sample passed, so {summary.out_dir} {outcome}; every sample and its reason is in {rejected}"
        if example:
            message += (f"; the commonest reason ({summary.reasons.get(_reason_key(example), 0)} of "
                        f"{sum(summary.statuses.values())}): {example['reason'] or example['status']}, "
                        f"e.g. {(example['error'] or '-')[:300]}")
        super().__init__(message)
        self.summary = summary
        self.rejected = rejected


def build_dataset(out_dir: str | os.PathLike, config_name: str = "default", num_proc: int | None = None,
                  **options: Any) -> BuildSummary:
    """Build, verify and write the dataset folder; returns the summary.

    Raises ``NoSamplePassed`` (after writing the rejected samples beside ``out_dir``) when
    nothing was kept: an empty dataset never replaces an earlier build.
    """
    started = time.perf_counter()
    out = _check_out(out_dir)
    if num_proc is not None and num_proc < 1:
        raise ValueError(f"num_proc must be at least 1, got {num_proc}")
    # Staged beside the output (same filesystem, so the final moves are renames), made before
    # any work: a place the build cannot write to is an error now, not after the whole build.
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        remove_leftovers(out.parent, STAGING_PREFIX)
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out.parent))
    except OSError as exc:
        raise ValueError(f"--out {out}: cannot write in {out.parent} ({exc.strerror or exc})") from None
    remove_leftovers(Path(tempfile.gettempdir()), WORK_PREFIX)
    work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
    stats_dir, rejected_dir = work / "llm-stats", work / "rejected"
    rejected_dir.mkdir()
    try:
        builder = Code2CoT(config_name=config_name, cache_dir=str(work / "cache"), llm_stats_dir=str(stats_dir),
                           **options, rejected_dir=str(rejected_dir))
        # The jobs write the final Parquet files, each its own, in parallel; the rejected
        # samples go aside, so nothing is re-read and re-written here in one process.
        try:
            builder.download_and_prepare(num_proc=num_proc if num_proc and num_proc > 1 else None,
                                         download_mode=datasets.DownloadMode.FORCE_REDOWNLOAD, file_format="parquet")
        except Exception:
            if (stats_dir / FATAL_FILE).is_file():  # a job's translator stopped: its one message, not datasets' wrapper
                raise LLMUnavailable((stats_dir / FATAL_FILE).read_text(encoding="utf-8")) from None
            raise
        config = builder.config.options()
        for internal in ("keep_rejected", "llm_stats_dir", "rejected_dir"):
            config.pop(internal, None)
        if config.get("llm_base_url"):
            config["llm_base_url"] = without_credentials(config["llm_base_url"])
        summary = BuildSummary(out_dir=str(out), config=dict(config, config_name=config_name),
                               program_filters=builder.program_filters or {})
        rejected: list[dict] = []
        steps: list[int] = []
        cot_chars: list[int] = []
        cot_words: list[int] = []
        statuses: collections.Counter[str] = collections.Counter()
        reasons: collections.Counter[str] = collections.Counter()
        (staging / "data").mkdir(parents=True)
        for split in ("train", "test"):
            info = builder.info.splits.get(split) if builder.info.splits else None
            kept = info.num_examples if info is not None else 0
            summary.splits[split] = kept
            statuses["ok"] += kept
            summary.translated += kept
            summary.verified += kept
            if kept:
                files = filenames_for_dataset_split(builder.cache_dir, builder.dataset_name, split, "parquet",
                                                    info.shard_lengths)
                if info.shard_lengths:  # a job that got no rows (fewer problems than jobs) wrote an empty file
                    files = [path for path, rows in zip(files, info.shard_lengths) if rows]
                for index, path in enumerate(files):
                    columns = pq.read_table(path, columns=["n_steps", "cot"])
                    steps.extend(columns.column("n_steps").to_pylist())
                    for cot in columns.column("cot").to_pylist():
                        cot_chars.append(len(cot))
                        cot_words.append(len(cot.split()))
                    shutil.move(path, staging / "data" / f"{split}-{index:05d}-of-{len(files):05d}.parquet")
            for row in _rejected_rows(rejected_dir, split):
                statuses[row["status"]] += 1
                reasons[_reason_key(row)] += 1
                if row["status"] in ("unverified", "cot_too_long") and row["reason"] != "llm_error":  # translated
                    # (and checked), then dropped; an llm_error got no answer to check
                    summary.translated += 1
                    summary.verified += bool(row["verified"])
                rejected.append({key: split if key == "split" else row[key] for key in REJECTED_JSONL_FIELDS})
        if not statuses["ok"]:
            del statuses["ok"]
        summary.statuses = dict(statuses)
        summary.reasons = dict(reasons)
        if steps:
            summary.trace_steps_mean = round(statistics.fmean(steps), 2)
            summary.trace_steps_median = float(statistics.median(steps))
            summary.cot_chars_mean = round(statistics.fmean(cot_chars), 1)
            summary.cot_words_mean = round(statistics.fmean(cot_words), 1)
        summary.llm = _llm_stats(stats_dir)
        with (staging / "rejected.jsonl").open("w", encoding="utf-8") as handle:
            for row in rejected:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        summary.seconds = round(time.perf_counter() - started, 2)
        source = summary.config.get("source")
        build_config = {"config_name": config_name, "options": summary.config, "num_proc": num_proc,
                        "source_kind": None if source is None else "local" if Path(source).exists() else "hub",
                        "versions": _versions(), "summary": summary.to_dict()}
        (staging / "build_config.json").write_text(json.dumps(build_config, indent=2, ensure_ascii=False) + "\n")
        if not any(summary.splits.values()):
            os.replace(staging / "rejected.jsonl", _rejected_beside(out))
            commonest = max(reasons, key=reasons.__getitem__, default=None)
            raise NoSamplePassed(summary, _rejected_beside(out),
                                 next((row for row in rejected if _reason_key(row) == commonest), None), out.exists())
        (staging / "README.md").write_text(_minimal_card(summary))
        _replace_dir(staging, out)
        _rejected_beside(out).unlink(missing_ok=True)  # an earlier failed build's, not this one's
        _forget_cached_copy(out)
        return summary
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)  # gone already after a successful move


def _rejected_rows(folder: Path, split: str) -> Iterator[dict]:
    """The rejected samples of ``split``, shard after shard: in source order, as the kept rows are."""
    for path in sorted(folder.glob(f"{split}-*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            yield from map(json.loads, handle)


def _reason_key(row: dict) -> str:
    """``status/reason``, as the summary counts rejected samples."""
    return f"{row['status']}/{row['reason'] or row['status']}"


def _rejected_beside(out: Path) -> Path:
    """Where a build that kept nothing leaves its rejected samples: ``OUT.rejected.jsonl``."""
    out = out.resolve()
    return out.with_name(out.name + ".rejected.jsonl")


BUILD_OUTPUTS = ("data", "assets", "README.md", "build_config.json", "rejected.jsonl")
"""What a build writes into ``--out``, replacing an earlier build's (other files there stay)."""


def _check_out(out_dir: str | os.PathLike) -> Path:
    """``--out`` as a path the build may write: never over files that no build wrote."""
    text = os.fspath(out_dir)
    if not text.strip():  # an unset $OUT: "" would be the current folder
        raise ValueError("--out is empty: name the folder to write the dataset to")
    out = Path(text)
    if not out.resolve().name:
        raise ValueError(f"--out {text} is the filesystem root: name a folder to write the dataset to")
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} exists and is not a folder")
    for parent in out.parents:  # the nearest one that exists must be a folder to create it in
        if parent.exists():
            if not parent.is_dir():
                raise ValueError(f"--out {out}: {parent} is a file, not a folder")
            break
    taken = [name for name in BUILD_OUTPUTS if out.is_dir() and (out / name).exists()]
    if taken and not _is_build(out):
        raise ValueError(f"--out {out} already holds {', '.join(taken)}, which no code2cot build wrote (it has no "
                         "build_config.json of one) and a build would replace; choose a new or empty folder, "
                         "or move them away")
    return out


def _is_build(folder: Path) -> bool:
    """A folder an earlier ``code2cot build`` wrote (or its Hub copy): its build_config.json says so."""
    try:
        config = json.loads((folder / "build_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(config, dict) and {"config_name", "options", "versions"} <= config.keys()


def _forget_cached_copy(out: Path) -> None:
    """Drop ``datasets``' cached Arrow copy of an earlier build in this folder.

    ``load_dataset(folder)`` keys its cache by the folder's name and its README ``configs``, not
    by the data files, so after a rebuild it would keep serving the old rows.
    """
    try:
        cached = Path(datasets.load_dataset_builder(str(out)).cache_dir)
    except Exception:  # noqa: BLE001 - only a cache to clear; the build itself is done
        return
    shutil.rmtree(cached, ignore_errors=True)
    shutil.rmtree(cached.with_name(cached.name + ".incomplete"), ignore_errors=True)


def _llm_stats(stats_dir: Path) -> dict[str, Any]:
    if not stats_dir.is_dir():
        return {}
    total: collections.Counter[str] = collections.Counter()
    for path in stats_dir.glob("*.json"):
        for key, value in json.loads(path.read_text()).items():
            total[key] += value
    if "seconds" in total:  # each job's time waiting on the server, added up: more than the wall time with several
        total["seconds_all_jobs"] = round(total.pop("seconds"), 2)
    return dict(total)


def _replace_dir(staging: Path, out: Path) -> None:
    """Move the finished files in only once everything was written (a failed build leaves the old one)."""
    out.mkdir(parents=True, exist_ok=True)
    for old in ("data", "assets"):  # what a build writes: no shard or figure of the last one is left over
        if (out / old).exists():
            shutil.rmtree(out / old)
    for item in staging.iterdir():
        target = out / item.name
        if target.is_dir():
            shutil.rmtree(target)
        os.replace(item, target)
    shutil.rmtree(staging, ignore_errors=True)


def _minimal_card(summary: BuildSummary) -> str:
    splits = [s for s, n in summary.splits.items() if n]
    files = "\n".join(f"      - split: {s}\n        path: data/{s}-*.parquet" for s in splits)
    return (
        "---\nlicense: apache-2.0\nconfigs:\n  - config_name: default\n    data_files:\n" + files + "\n---\n\n"
        "# code2cot\n\nChain-of-thought grounded in executed Python programs. "
        "Built with `code2cot build`; see `build_config.json` for the exact options.\n"
    )


# -- command-line options of the problem-level filters (wired into ``code2cot build``) --------
def add_program_filter_arguments(parser: Any) -> None:
    """``--keep-duplicate-programs``, ``--no-decontamination``, ``--benchmark-texts``, ``--decontamination-benchmarks``."""
    group = parser.add_argument_group("duplicates and benchmark decontamination")
    group.add_argument("--keep-duplicate-programs", action="store_true",
                       help="keep programs with the same normalised AST as an earlier one (default: duplicate_program)")
    group.add_argument("--no-decontamination", action="store_true",
                       help="do not check programs against eval benchmark texts (default: 8-gram overlap -> contaminated)")
    group.add_argument("--benchmark-texts", metavar="FILE.jsonl",
                       help='benchmark texts to decontaminate against, rows {"benchmark": ..., "text": ...} '
                            "(instead of the eval registry)")
    group.add_argument("--decontamination-benchmarks", metavar="NAMES",
                       help="comma-separated eval benchmarks (default: every registered one but code2cot-test)")


def program_filter_options(args: Any) -> dict[str, Any]:
    """The builder options those arguments set (only the ones given)."""
    options: dict[str, Any] = {}
    if getattr(args, "keep_duplicate_programs", False):
        options["dedup_programs"] = False
    if getattr(args, "no_decontamination", False):
        options["decontaminate"] = False
    if getattr(args, "benchmark_texts", None):
        options["benchmark_texts"] = args.benchmark_texts
    if getattr(args, "decontamination_benchmarks", None) is not None:
        options["decontamination_benchmarks"] = args.decontamination_benchmarks
    return options

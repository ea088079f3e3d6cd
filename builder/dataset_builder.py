"""The ``datasets`` builder: program sources -> executed, traced, translated, verified rows.

    builder = Code2CoT(config_name="default")            # shipped corpus, template CoT
    builder.download_and_prepare(num_proc=2)
    train = builder.as_dataset("train")
    stream = Code2CoT(config_name="default").as_streaming_dataset("train")  # generated on the fly

Splits are by problem (no problem in both). A prepared build goes over the programs once:
the train split's jobs also execute and translate the test problems, each test shard by
whichever job is free first, and keep those rows aside for the test split to write in a
fixed order (streaming generates each split on its own, in the same order). Every sample,
kept or not, is one row with ``status``/``reason``; ``keep_rejected=False`` (the default)
leaves the rejected ones out, ``keep_rejected=True`` keeps them in the splits, and
``rejected_dir`` (what ``code2cot build`` uses for ``rejected.jsonl``) has each job write
them to a file of their own instead.
"""

from __future__ import annotations

import gc
import heapq
import json
import os
import pickle
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass, fields
from typing import Any, Iterable, Iterator

import datasets
from datasets.utils.sharding import _number_of_shards_in_gen_kwargs, _split_gen_kwargs

from .decontaminate import ContaminationIndex
from .filters import FilterConfig, ProgramScreen, prefilter, split_of
from .forked_jobs import run_forked
from .isolation import SandboxLimits
from .process_tree import children_die_with_this_process
from .records import FEATURES, REJECTED_FIELDS, make_record, rejected_record
from .sandbox import Sandbox, imports_to_preload
from .sources import EXPECTED_IS_REPR, FILE_NAME, RECORD_AT, SourceError, error_in_file_terms, load_tasks
from .tasks import Task
from .translation import TranslationRequest, make_translator
from .verify import REPR_MISMATCH_CAUSE, answers_match, shown_return_value
from .tracer import TraceLimits

_CITATION = """@inproceedings{jung2025code,
  title     = {Code Execution as Grounded Supervision for {LLM} Reasoning},
  author    = {Jung, Dongwon and Zhou, Wenxuan and Chen, Muhao},
  booktitle = {Proceedings of EMNLP 2025},
  year      = {2025},
  eprint    = {2506.10343},
  archivePrefix = {arXiv}
}"""

PYEDU_HUB_ID = "hkust-nlp/CodeIO-PyEdu-Reasoning-Raw"
TRANSLATORS = ("template", "llm")
_MEMORY_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{4,}>")
"""``<Node object at 0x7f...>``, ``<coroutine object f at 0x...>``: an answer no model can predict."""


@dataclass
class Code2CoTConfig(datasets.BuilderConfig):
    """Where programs come from, how CoT is written, and the method's filters.

    The README's "Filters" table sets these defaults beside the method's release
    (luka-group/Execution-Grounded-Reasoning); every one can be changed per build.
    """

    source: str | None = None
    """Folder, JSONL (CRUXEval or PyEdu shape) or Hub dataset id; None = the shipped corpus."""
    source_split: str = "train"
    translator: str = "template"
    """``template`` (offline, deterministic) or ``llm`` (OpenAI-compatible server)."""
    seed: int = 0
    test_fraction: float = 0.1
    keep_rejected: bool = False
    # -- filters -----------------------------------------------------------------
    max_trace_steps: int = 1000
    """Recorded trace steps after loop compression; longer traces are rejected (``trace_too_long``)."""
    max_prompt_chars: int = 8000
    max_cot_chars: int = 16000
    """Characters of a verified CoT; longer ones are rejected (``cot_too_long``): ~4k tokens, the
    recipes' ``max_length``, past which training would cut the sample before its answer. 0: no limit."""
    max_input_chars: int = 2000
    max_inputs_per_problem: int = 5
    one_sample_per_problem: bool = False
    dedup_inputs: bool = True
    drop_unseeded_random: bool = True
    dedup_programs: bool = True
    """Reject a problem whose normalised-AST fingerprint equals an earlier one's (``duplicate_program``)."""
    decontaminate: bool = True
    """Reject problems sharing a word n-gram with an eval benchmark's texts (``contaminated``)."""
    decontamination_benchmarks: str | None = None
    """Comma-separated eval benchmarks (None: every registered one but code2cot-test; with
    ``benchmark_texts``: none unless named)."""
    benchmark_texts: str | None = None
    """A JSONL of ``{"benchmark", "text"}`` rows to decontaminate against (local, offline)."""
    decontamination_ngram: int = 8
    # -- execution ---------------------------------------------------------------
    cpu_seconds: float = 10.0
    memory_mb: int = 1024
    max_events: int = 2_000_000
    shards: int = 16
    sandbox_workers: int = 1
    """Task processes each generation job keeps busy. With one, a job waits for each task
    in turn, so ``num_proc`` is the number of cores a build uses. With two, one task runs
    while the next starts and the job translates: a single job (``num_proc=1``, streaming)
    then uses about 1.4 cores and runs ~1.2x faster. Rows do not depend on it."""
    pin_jobs: bool = True
    """With several generation jobs, keep job i, its sandbox server and its task processes on
    CPUs of their own (``job_cpus``: the i-th of ``num_proc`` equal runs of the CPUs this build
    may use, where each run has room for ``sandbox_workers`` tasks). A job hands each task to
    its server and the server to a task process: pinned, those hand-offs stay on the job's
    CPUs instead of waking the other job's. Measured on 2 cores: ``--num-proc 2`` ~7% faster;
    a lone job is never pinned."""
    # -- LLM translator (key from OPENAI_API_KEY, never stored) -------------------
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_concurrency: int = 16
    llm_timeout: float = 120.0
    llm_max_retries: int = 5
    llm_verify_retries: int = 2
    llm_temperature: float = 0.0
    llm_max_tokens: int = 4096
    llm_cache_dir: str | None = None
    llm_stats_dir: str | None = None
    """Where each worker leaves its request/token counts for the build summary."""
    rejected_dir: str | None = None
    """Where each job leaves every shard's rejected samples (``{split}-{shard}.jsonl``, the
    ``REJECTED_FIELDS`` of each) instead of putting them in the dataset: ``code2cot build``
    has its jobs write the final Parquet files themselves, which then hold the kept rows only."""

    def validate(self) -> None:
        """Every bad option value in one clear error, before any work.

        Not ``__post_init__``: datasets applies a build's overrides with ``setattr`` on a copy.
        """
        problems = []
        if self.translator not in TRANSLATORS:
            problems.append(f"translator must be one of {', '.join(TRANSLATORS)}, got {self.translator!r}")
        if not 0.0 <= self.test_fraction <= 1.0:
            problems.append(f"test_fraction must be between 0 and 1, got {self.test_fraction}")
        for name in ("shards", "sandbox_workers", "memory_mb", "max_events", "max_trace_steps", "max_prompt_chars",
                     "max_input_chars", "decontamination_ngram", "llm_concurrency", "llm_max_tokens"):
            if getattr(self, name) < 1:
                problems.append(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("max_inputs_per_problem", "max_cot_chars", "llm_max_retries", "llm_verify_retries", "llm_temperature"):
            if getattr(self, name) < 0:  # max_inputs_per_problem 0: no limit
                problems.append(f"{name} must not be negative, got {getattr(self, name)}")
        for name in ("cpu_seconds", "llm_timeout"):
            if not getattr(self, name) > 0:
                problems.append(f"{name} must be positive, got {getattr(self, name)}")
        if self.decontamination_benchmarks is not None and not self.decontamination_benchmarks.replace(",", "").strip():
            problems.append(f"decontamination_benchmarks must not be empty, got {self.decontamination_benchmarks!r} "
                            "(to check no benchmark: --no-decontamination, decontaminate=False)")
        if problems:
            raise ValueError("bad build options: " + "; ".join(problems))

    def options(self) -> dict[str, Any]:
        """The build options (for the saved build config); excludes datasets' own fields."""
        own = {f.name for f in fields(datasets.BuilderConfig)}
        return {k: v for k, v in asdict(self).items() if k not in own}


class Code2CoT(datasets.GeneratorBasedBuilder):
    """Grounded chain-of-thought from executed Python programs."""

    VERSION = datasets.Version("1.0.0")
    BUILDER_CONFIG_CLASS = Code2CoTConfig
    BUILDER_CONFIGS = [
        Code2CoTConfig(name="default", description="The shipped corpus, template translator (offline)."),
        Code2CoTConfig(name="pyedu", source=PYEDU_HUB_ID, one_sample_per_problem=True,
                       description="CodeI/O PyEdu raw programs (Hub or a local JSONL), template translator; "
                                   "one sample per problem, as the method's release."),
        Code2CoTConfig(name="cruxeval", source=None, max_inputs_per_problem=1,
                       description="CRUXEval-shaped JSONL (set source), template translator."),
        Code2CoTConfig(name="default-llm", translator="llm",
                       description="The shipped corpus, LLM translator (OpenAI-compatible server)."),
        Code2CoTConfig(name="pyedu-llm", source=PYEDU_HUB_ID, translator="llm", one_sample_per_problem=True,
                       description="CodeI/O PyEdu raw programs, LLM translator."),
    ]
    DEFAULT_CONFIG_NAME = "default"
    DEFAULT_WRITER_BATCH_SIZE = 100
    """Rows a job encodes and writes at a time (a Parquet row group). At datasets' 1000 a job of
    the corpus encoded all its rows only when it ran out of work, after the test shards had
    been shared out, so the two jobs of ``--num-proc 2`` finished ~0.1 s apart; at 100 that
    work is done as rows come and the jobs end together (A/B, 6 rounds: 3.84 s -> 3.79 s).
    It also holds fewer rows (each with its trace) in memory, and the Hub's viewer reads
    small row groups faster."""
    config: Code2CoTConfig
    program_filters: dict[str, Any] | None = None
    """What the problem-level filters did in the last ``_split_generators`` (dedup, decontamination)."""
    _aside_dir: str | None = None
    """Where the train split's jobs leave the test rows (a prepared build only)."""
    _froze_gc: bool = False
    _builder_pid: int = 0
    """The process preparing the splits (the generation jobs are others)."""
    num_jobs: int = 1
    """Generation jobs per split (``download_and_prepare(num_proc=...)``), for ``pin_jobs``."""
    _fan_out: int = 1
    """Jobs the split being prepared is generated by, forked here (``_jobs``), when more than one."""
    _job_id: int = 0
    """This process's generation job (0 in the build's own process and when streaming)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.config.validate()

    def _info(self) -> datasets.DatasetInfo:
        return datasets.DatasetInfo(
            description="Chain-of-thought grounded in real execution traces of Python programs.",
            features=FEATURES, citation=_CITATION, license="apache-2.0",
            homepage="https://arxiv.org/abs/2506.10343",
        )

    def _split_generators(self, dl_manager) -> list[datasets.SplitGenerator]:
        cfg = self.config
        if cfg.name == "cruxeval" and cfg.source is None:
            raise ValueError("the 'cruxeval' config needs source=PATH_TO_JSONL")
        if cfg.translator == "llm":  # no model or no key: say so now, not from inside every job
            from .llm_translator import LLMSettings, api_key_for

            api_key_for(LLMSettings.from_config(cfg))
        tasks = list(load_tasks(cfg.source, split=cfg.source_split))
        if not tasks:
            raise SourceError(f"the source {cfg.source!r} holds no programs: no records to run")
        _check_unique_ids(tasks)
        screen = ProgramScreen(dedup=cfg.dedup_programs, contamination=self._contamination_index())
        # download_and_prepare(num_proc=N) reaches here only through the download config.
        num_proc = getattr(getattr(dl_manager, "download_config", None), "num_proc", None)
        self.num_jobs = max(1, num_proc or 1)
        decisions = prefilter(tasks, FilterConfig(cfg.max_input_chars, cfg.max_prompt_chars, cfg.max_inputs_per_problem,
                                                  cfg.dedup_inputs, cfg.drop_unseeded_random, cfg.dedup_programs),
                              screen, num_proc=num_proc)
        self.program_filters = screen.report()
        by_split: dict[str, list] = {"train": [], "test": []}
        for decision in decisions:
            by_split[split_of(decision[0].problem_id, cfg.test_fraction, cfg.seed)].append(decision)
        train, test = _pack(_shard(by_split["train"], cfg.shards), "train"), _pack(_shard(by_split["test"], cfg.shards), "test")
        # One preload list for the whole build (a tuple: datasets deals out lists), so every
        # job's task processes start from the same warm server, prepared or streamed.
        preload = tuple(imports_to_preload(task for task, reason, _ in decisions if reason is None))
        if getattr(dl_manager, "is_streaming", False):
            return [datasets.SplitGenerator(name=name, gen_kwargs={"shards": shards, "preload": preload})
                    for name, shards in ((datasets.Split.TRAIN, train), (datasets.Split.TEST, test))]
        return self._one_pass(train, test, preload)

    def _one_pass(self, train: list[bytes], test: list[bytes],
                  preload: tuple[str, ...]) -> list[datasets.SplitGenerator]:
        """A prepared build's splits, made in one pass over the programs.

        Each job makes the rows of its own train shards, then takes test shards no other job
        has taken yet and leaves their rows aside; the test split only writes them, in shard
        order. Jobs and their sandbox servers start once per build, and the test work fills
        in for whichever job finishes its train shards first. ``_download_and_prepare``
        cleans up after it.
        """
        # Beside the split files being written (as large as they are), not in a small /tmp.
        output = self._output_dir if os.path.isdir(self._output_dir) else None  # None: a remote output
        self._aside_dir = tempfile.mkdtemp(prefix=".code2cot-test-rows-", dir=output)
        shared = {"folder": self._aside_dir, "shards": test}  # a dict: datasets deals out lists only
        # datasets starts at most one job per train shard: empty ones let every job asked for
        # share the test work where fewer problems than jobs (or none) fell in the train split.
        train = train + _pack([[] for _ in range(self.num_jobs - len(train))], "train", start=len(train))
        if gc.get_freeze_count() == 0:
            # datasets forks the jobs next. With what exists now frozen, a full collection (in a
            # job or here) skips it: a job no longer copies every page of this process's objects
            # by writing their GC headers, nor walks them. Measured on the corpus (A/B, 3 runs
            # of 4-6 rounds): --num-proc 1 3-6% faster, --num-proc 2 1-6%.
            gc.freeze()
            self._froze_gc = True
        return [
            datasets.SplitGenerator(name=datasets.Split.TRAIN,
                                    gen_kwargs={"shards": train, "shared": shared, "preload": preload}),
            datasets.SplitGenerator(name=datasets.Split.TEST,
                                    gen_kwargs={"replay_dir": self._aside_dir, "replay_shards": len(test)}),
        ]

    def _download_and_prepare(self, dl_manager, verification_mode, **prepare_split_kwargs) -> None:
        self._builder_pid = os.getpid()
        try:
            with children_die_with_this_process():  # a kill -9 of the build takes its jobs with it
                super()._download_and_prepare(dl_manager, verification_mode, **prepare_split_kwargs)
        finally:
            if self._aside_dir is not None:
                shutil.rmtree(self._aside_dir, ignore_errors=True)
                self._aside_dir = None
            if self._froze_gc:
                gc.unfreeze()
                self._froze_gc = False

    def _prepare_split(self, split_generator: datasets.SplitGenerator, **kwargs: Any) -> None:
        gen_kwargs = split_generator.gen_kwargs
        self._fan_out = 1
        if "replay_dir" in gen_kwargs:
            kwargs["num_proc"] = None  # its rows are made: writing them here beats starting a pool
        elif (kwargs.get("num_proc") or 1) > 1 and (shards := _number_of_shards_in_gen_kwargs(gen_kwargs)) > 1:
            # datasets' one-job path, whose one job forks the jobs (forked_jobs says why)
            self._fan_out = min(kwargs["num_proc"], shards)
            kwargs["num_proc"] = None
        try:
            super()._prepare_split(split_generator, **kwargs)
        finally:
            self._fan_out = 1

    def _jobs(self, gen_kwargs: dict, job_id: int, fpath: str, **kwargs: Any) -> Iterator:
        """The ``_fan_out`` jobs of one split, reported to datasets as one job's progress and result.

        Job ``j`` writes its shards as datasets' job ``j`` would; they are renamed to follow
        job 0's, in job order, which is the order datasets gives the shards of many jobs.
        """
        parts = _split_gen_kwargs(gen_kwargs, max_num_jobs=self._fan_out)
        results: list[tuple | None] = [None] * len(parts)
        for job, done, content in run_forked(self._prepare_split_single,
                                             [{"gen_kwargs": part, "job_id": job, "fpath": fpath, **kwargs}
                                              for job, part in enumerate(parts)]):
            if done:
                results[job] = content
            else:
                yield job_id, False, content
        missing = [job + 1 for job, result in enumerate(results) if result is None]
        if missing:
            raise RuntimeError(f"generation job(s) {missing} of {len(parts)} ended without their result")
        first = 0
        for job, result in enumerate(results):
            for shard in range(result[3] if job else 0):
                self._rename(fpath.replace("SSSSS", f"{shard:05d}").replace("JJJJJ", f"{job:05d}"),
                             fpath.replace("SSSSS", f"{first + shard:05d}").replace("JJJJJ", f"{job_id:05d}"))
            first += result[3]
        yield job_id, True, _merged_results(results)

    def _contamination_index(self) -> ContaminationIndex | None:
        """Benchmark texts to decontaminate against; unavailable benchmarks are listed, not fatal."""
        cfg = self.config
        if not cfg.decontaminate:
            return None
        names = None
        if cfg.decontamination_benchmarks is not None:
            names = [n.strip() for n in cfg.decontamination_benchmarks.split(",") if n.strip()]
        return ContaminationIndex.load(names, cfg.benchmark_texts, n=cfg.decontamination_ngram)

    def _prepare_split_single(self, *args: Any, **kwargs: Any) -> Iterator:
        """datasets' per-job writer loop, run on the job's own CPUs when ``pin_jobs`` applies."""
        if self._fan_out > 1 and os.getpid() == self._builder_pid:
            yield from self._jobs(**kwargs)
            return
        self._job_id = kwargs.get("job_id") or 0
        cpus = job_cpus(kwargs.get("job_id"), self.num_jobs, self.config.sandbox_workers) \
            if self.config.pin_jobs else None
        if cpus is None:
            yield from super()._prepare_split_single(*args, **kwargs)
            return
        before = os.sched_getaffinity(0)
        os.sched_setaffinity(0, cpus)  # inherited by the sandbox server and its task processes
        try:
            yield from super()._prepare_split_single(*args, **kwargs)
        finally:
            os.sched_setaffinity(0, before)

    def _generate_examples(self, shards: list[bytes] = (), shared: dict | None = None, preload: tuple[str, ...] = (),
                           replay_dir: str | None = None, replay_shards: int = 0) -> Iterator[tuple[str, dict]]:
        """Rows of ``shards``; then, with ``shared``, the rows of each shared shard this job claims
        are left in its folder, for a later ``replay_dir`` call to yield in shard order."""
        if replay_dir is not None:
            yield from _replay_rows(replay_dir, replay_shards)
            return
        cfg = self.config
        translator = make_translator(cfg)
        limits = SandboxLimits(cpu_seconds=cfg.cpu_seconds, wall_seconds=max(3 * cfg.cpu_seconds, cfg.cpu_seconds + 5),
                               memory_mb=cfg.memory_mb)
        trace_limits = TraceLimits(max_events=cfg.max_events, max_steps=max(cfg.max_trace_steps + 1, 50))
        try:
            # Where each job's sandbox starts looking for task uids (room left for a determinism
            # check's second server); it claims them host-wide (uid_claims), so jobs never share one.
            with Sandbox(workers=cfg.sandbox_workers, limits=limits, trace_limits=trace_limits,
                         preload=preload, slot_base=2 * self._job_id * cfg.sandbox_workers) as sandbox:
                for shard in shards:
                    yield from self._shard_rows(shard, sandbox, translator)
                for index, shard in enumerate(shared["shards"] if shared else []):
                    if _claim(shared["folder"], index):
                        rows = [row for _, row in self._shard_rows(shard, sandbox, translator)]
                        _keep_aside(shared["folder"], index, rows)
        except Exception:
            if shared:  # the build is failing: the other jobs need not make the test rows
                open(os.path.join(shared["folder"], FAILED_MARKER), "w").close()
            raise

    def _record(self, task: Task, *, status: str, reason: str | None = None, error: str | None = None,
                verified: bool = False, **row: Any) -> dict:
        """A row in full, or, for a sample that goes to ``rejected_dir``, only what is filed there."""
        if status != "ok" and self.config.rejected_dir:
            return rejected_record(task, status=status, reason=reason, error=error, verified=verified)
        return make_record(task, status=status, reason=reason, error=error, verified=verified, **row)

    def _shard_rows(self, shard: bytes, sandbox: Sandbox, translator) -> Iterator[tuple[str, dict]]:
        cfg = self.config
        name, items = pickle.loads(shard)  # made by _pack, in this build: (split-index, [(task, reason, message)])
        rows: dict[str, dict] = {}
        runnable = [task for task, reason, _ in items if reason is None]
        for task, reason, message in items:
            if reason is not None:
                rows[task.id] = self._record(task, status="rejected", reason=reason, error=message)
        requests: list[TranslationRequest] = []
        for task, result in zip(runnable, sandbox.map(runnable)):
            if not result.ok:
                rows[task.id] = self._record(task, status=result.status, reason=result.status, trace=result.trace,
                                            error=error_in_file_terms(task, result.error))
            elif _MEMORY_ADDRESS.search(result.output or ""):
                rows[task.id] = self._record(task, status="nondeterministic", reason="memory_address",
                                            output=result.output, trace=result.trace,
                                            error="the output shows a memory address (a default object repr), "
                                                  "which changes from run to run")
            elif (shown := shown_return_value(result.trace, result.output or "")) is not None:
                rows[task.id] = self._record(task, status="unverified", reason="repr_mismatch",
                                             output=result.output, trace=result.trace,
                                             error=f"the program writes its return value as {result.output[:120]!r} "
                                                   f"but it holds {shown[:120]!r} ({REPR_MISMATCH_CAUSE}): a CoT "
                                                   "from the trace would contradict its own answer")
            elif task.meta.get(EXPECTED_IS_REPR) and task.expected_output is not None \
                    and not answers_match(result.output or "", task.expected_output):
                rows[task.id] = self._record(task, status="output_mismatch", reason="output_mismatch",
                                            output=result.output, trace=result.trace,
                                            error=f"the source gives the output {task.expected_output[:200]}, this run "
                                                  f"returned {(result.output or '')[:200]}: the program behaves "
                                                  "differently here than where the source was made")
            elif result.trace is None or result.trace.get("truncated") or result.trace["n_steps"] > cfg.max_trace_steps:
                rows[task.id] = self._record(task, status="trace_too_long", reason="trace_too_long", output=result.output,
                                            trace=result.trace,
                                            error=f"trace has more than {cfg.max_trace_steps} steps after loop compression")
            else:
                requests.append(TranslationRequest(task, result.output or "", result.trace))
        # One sample per problem: translate one candidate per problem at a time, the next only where
        # the previous one failed verification (an LLM build pays for what it keeps, not 5x that).
        verified_problems: set[str] = set()
        pending = requests
        while pending:
            batch, later, chosen = [], [], set()
            for request in pending:
                problem = request.task.problem_id or request.task.id
                if cfg.one_sample_per_problem and problem in verified_problems:
                    rows[request.task.id] = self._record(request.task, status="extra_sample", reason="extra_sample",
                                                        output=request.output, trace=request.trace,
                                                        error="only one sample per problem is kept")
                elif cfg.one_sample_per_problem and problem in chosen:
                    later.append(request)
                else:
                    chosen.add(problem)
                    batch.append(request)
            for request, translation in zip(batch, translator.translate_all(batch)):
                status, reason, error = ("ok", None, None) if translation.verified else \
                    ("unverified", translation.reason, translation.error)
                if translation.verified and cfg.max_cot_chars and len(translation.cot) > cfg.max_cot_chars:
                    status = reason = "cot_too_long"  # a training sample cut at max_length would lose its answer
                    error = f"the CoT has {len(translation.cot)} characters (limit {cfg.max_cot_chars})"
                if status == "ok":
                    verified_problems.add(request.task.problem_id or request.task.id)
                rows[request.task.id] = self._record(
                    request.task, status=status, output=request.output, trace=request.trace,
                    cot=translation.cot if status == "ok" else "",
                    translator=translator.name, verified=translation.verified, reason=reason, error=error,
                    trace_text=request.trace_text,
                )
            pending = later
        rejected = []
        for task, _, _ in items:  # at most one verified sample per problem already, when that is asked for
            row = rows[task.id]
            if row["status"] != "ok" and cfg.rejected_dir:
                rejected.append({key: row[key] for key in REJECTED_FIELDS})
            elif row["status"] == "ok" or cfg.keep_rejected:
                yield task.id, row
        if rejected:
            _write_jsonl(os.path.join(cfg.rejected_dir, f"{name}.jsonl"), rejected)


FAILED_MARKER = "failed"
"""Left in the shared folder by a job that fails; no test shard is claimed after it."""


def _claim(folder: str, index: int) -> bool:
    """True for exactly one of the jobs that ask for shared shard ``index`` (an O_EXCL create)."""
    if os.path.exists(os.path.join(folder, FAILED_MARKER)):
        return False
    try:
        os.close(os.open(os.path.join(folder, f"{index:05d}.claim"), os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except FileExistsError:
        return False
    return True


def _keep_aside(folder: str, index: int, rows: list[dict]) -> None:
    """One shard's rows of the other split, as JSON (data only: nothing a task wrote runs here)."""
    _write_jsonl(os.path.join(folder, f"{index:05d}.jsonl"), rows)


def _write_jsonl(path: str, rows: list[dict]) -> None:
    """Whole or not at all: a reader never sees a job's half-written file."""
    with open(path + ".part", "w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(path + ".part", path)


def _replay_rows(folder: str, count: int) -> Iterator[tuple[str, dict]]:
    for index in range(count):
        try:
            handle = open(os.path.join(folder, f"{index:05d}.jsonl"), encoding="utf-8")
        except FileNotFoundError:
            raise RuntimeError(f"the test rows of shard {index} are missing from {folder}: "
                               "the train split's pass, which makes them, did not finish") from None
        with handle:
            for line in handle:
                row = json.loads(line)
                yield row["id"], row


def _check_unique_ids(tasks: list[Task]) -> None:
    """Rows are keyed by task id: two tasks with one id would silently become one row twice."""
    seen: dict[str, Task] = {}
    for task in tasks:
        first = seen.setdefault(task.id, task)
        if first is not task:
            where = [t.meta.get(RECORD_AT) or t.meta.get(FILE_NAME) or f"source {t.source!r}" for t in (first, task)]
            fix = "rename one of the files (a/b.py and a--b.py both become a--b)" if FILE_NAME in task.meta else \
                "give the records distinct ids (CRUXEval: 'id'; PyEdu: 'meta.id' or 'id', one per record; a record " \
                "without one is named after its code, so two with the same code and none share it)"
            raise SourceError(f"two samples have the id {task.id!r} ({where[0]} and {where[1]}); each sample needs "
                              f"an id of its own: {fix}")


def job_cpus(job_id: int | None, num_jobs: int, per_job: int, allowed: Iterable[int] | None = None) -> set[int] | None:
    """The CPUs generation job ``job_id`` of ``num_jobs`` keeps to, or None to leave it free.

    ``allowed`` (default: the CPUs this process may use) is cut into ``num_jobs`` equal runs
    and job i gets the i-th: on 2 cores one each, on 64 cores with 2 jobs 32 each, within
    which the OS still balances. None for a lone job (nothing to keep apart) and where a run
    would be smaller than the ``per_job`` task processes a job keeps busy.
    """
    if job_id is None or num_jobs < 2 or not hasattr(os, "sched_setaffinity"):
        return None
    allowed = sorted(os.sched_getaffinity(0) if allowed is None else allowed)
    size = len(allowed) // num_jobs
    if size < max(1, per_job) or not 0 <= job_id < num_jobs:
        return None
    return set(allowed[job_id * size:(job_id + 1) * size])


def _merged_results(results: list[tuple]) -> tuple:
    """Jobs' ``_prepare_split_single`` results as one job's, as datasets' many-job path adds them up.

    ``(examples, bytes, features, shards, shard_lengths)``, and from datasets 4.4 on
    ``(..., original_shards, original_shard_lengths)``: counts add up, lists follow each
    other in job order, features are the first job's.
    """
    merged = []
    for values in zip(*results):
        if isinstance(values[0], list):
            merged.append([item for value in values for item in value])
        elif isinstance(values[0], int):
            merged.append(sum(values))
        else:
            merged.append(values[0])
    return tuple(merged)


def _pack(shards: list[list], split: str, start: int = 0) -> list[bytes]:
    """Each shard pickled once, here, with the C pickler, with its name (``train-00003``).

    Wherever datasets pickles the generator's arguments (a streamed dataset handed to
    DataLoader workers, its own process pool), it uses dill, whose pure-Python pickler took
    ~11 ms per job for the corpus's 743 tasks (seconds for a large source); a list of bytes
    costs it nothing. (~2 ms here for the corpus.)
    """
    return [pickle.dumps((f"{split}-{start + index:05d}", shard), protocol=pickle.HIGHEST_PROTOCOL)
            for index, shard in enumerate(shards)]


def _shard(decisions: list, count: int) -> list[list]:
    """Whole problems per shard (so per-problem rules hold inside one), balanced by work.

    Problems go, those with the most samples to execute first (then in source order), each
    to the shard with the least work so far. A problem has 1-5 inputs and sources are often
    sorted by topic: dealt round-robin, some shards got three times the work of others, and
    the parallel jobs, which take contiguous runs of shards, waited for the slowest. The row
    order depends only on the shard count, never on ``num_proc``.
    """
    problems: dict[str, list] = {}
    for task, reason, message in decisions:
        problems.setdefault(task.problem_id, []).append((task, reason, message))
    count = max(1, min(count, len(problems)))
    shards: list[list] = [[] for _ in range(count)]
    work = {problem: sum(reason is None for _, reason, _ in items) for problem, items in problems.items()}
    lightest_first = [(0, index) for index in range(count)]  # (samples to execute, shard): a heap
    for problem in sorted(problems, key=lambda p: -work[p]):  # stable: ties keep source order
        load, index = heapq.heappop(lightest_first)
        shards[index].extend(problems[problem])
        heapq.heappush(lightest_first, (load + work[problem], index))
    return shards

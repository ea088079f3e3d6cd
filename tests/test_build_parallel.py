"""How a build shares its work between processes: the filters' pass and the shards of a split."""

from __future__ import annotations

import gc
import json
import os

import datasets
import pytest

from code2cot.builder.build import build_dataset
from code2cot.builder.dataset_builder import Code2CoTConfig, _shard, job_cpus
from code2cot.builder.decontaminate import ContaminationIndex
from code2cot.builder.filters import PARALLEL_MIN_PROBLEMS, FilterConfig, ProgramScreen, map_in_processes, prefilter
from code2cot.builder.leftovers import process_alive
from code2cot.builder.tasks import Task

BENCHMARK_QUESTION = "count the vowels in the given word and return how many of them there are in total"


def _pid_and_square(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def test_map_in_processes_keeps_order_and_forks_only_when_it_pays():
    items = list(range(PARALLEL_MIN_PROBLEMS * 2))
    out = map_in_processes(_pid_and_square, items, 2)
    assert [square for _, square in out] == [x * x for x in items]
    assert {pid for pid, _ in out} - {os.getpid()}, "num_proc=2 ran nothing in another process"
    small = map_in_processes(_pid_and_square, items[:PARALLEL_MIN_PROBLEMS - 1], 2)
    assert {pid for pid, _ in small} == {os.getpid()}
    assert {pid for pid, _ in map_in_processes(_pid_and_square, items, 1)} == {os.getpid()}


def _tasks() -> list[Task]:
    """Enough problems for the pool: distinct programs, renamed copies, random draws, a benchmark copy."""
    tasks = []
    for p in range(PARALLEL_MIN_PROBLEMS + 16):
        if p % 10 == 3:  # a renamed copy of problem p - 3
            code = f"def f(value):\n    total = value * {p - 3}\n    return total + 1\n"
        elif p % 10 == 5:
            code = f"import random\n\ndef f(x):\n    return x + random.randint(0, {p})\n"
        else:
            code = f"def f(x):\n    y = x * {p}\n    return y + 1\n"
        question = BENCHMARK_QUESTION if p == 7 else f"Problem {p}."
        for i in range(3):
            tasks.append(Task(id=f"p{p}-{i}", code=code, input=str(i % 2), problem_id=f"p{p}", question=question))
    return tasks


def test_prefilter_over_processes_decides_exactly_as_in_one():
    tasks = _tasks()
    config = FilterConfig(2000, 8000, 5, True, True)

    def run(num_proc: int) -> tuple[list, dict]:
        screen = ProgramScreen(dedup=True, contamination=ContaminationIndex({"bench": [BENCHMARK_QUESTION]}))
        decisions = prefilter(tasks, config, screen, num_proc=num_proc)
        return [(task.id, reason, message) for task, reason, message in decisions], screen.report()

    serial, parallel = run(1), run(2)
    assert parallel == serial
    reasons = {reason for _, reason, _ in serial[0]}
    assert {None, "duplicate_program", "unseeded_random", "duplicate_input", "contaminated"} <= reasons
    assert serial[1]["duplicate_programs"] == 8 and serial[1]["decontamination"]["contaminated_programs"] == 1


def test_shards_balance_the_samples_to_execute_not_the_problems():
    # Problems with 5, 1, 5, 1, 5, 1 samples to execute over two shards: dealt round-robin,
    # 15 and 3; the biggest first, each to the lighter shard, 10 and 8.
    sizes = [5, 1, 5, 1, 5, 1]
    decisions = [(Task(id=f"p{p}-{i}", code="def f(x):\n    return x\n", input=str(i), problem_id=f"p{p}"), None, None)
                 for p, size in enumerate(sizes) for i in range(size)]
    decisions.append((Task(id="p0-rejected", code="x", input="0", problem_id="p0"), "input_too_large", "big"))
    shards = _shard(decisions, 2)
    work = [sum(reason is None for _, reason, _ in shard) for shard in shards]
    assert work == [10, 8]
    problems = [{task.problem_id for task, _, _ in shard} for shard in shards]
    assert not problems[0] & problems[1], "a problem was split between shards"
    assert sum(len(shard) for shard in shards) == len(decisions)
    assert _shard(decisions, 2) == shards  # deterministic


def test_num_proc_is_the_number_of_cores_by_default():
    """One task process per generation job unless asked: --num-proc 1 must not take a second core."""
    assert Code2CoTConfig().sandbox_workers == 1


def test_a_program_the_parser_chokes_on_goes_to_the_sandbox_instead_of_ending_the_build():
    # 200,000 nested unary minuses: ast.parse raises MemoryError, which used to escape the
    # unseeded-random check and end the whole build in its first (filtering) pass.
    code = "import random\n\ndef f(x):\n    return " + "-" * 200_000 + "x\n"
    task = Task(id="deep", code=code, input="1")
    [(_, reason, _)] = prefilter([task], FilterConfig(2000, 10**6, 5, True, True))
    assert reason is None  # the sandbox then reports it (syntax_error), as rejected.jsonl shows


def test_job_cpus_gives_each_job_its_own_share_of_the_cpus():
    allowed = {2, 3, 5, 7}
    assert [job_cpus(job, 2, 1, allowed) for job in range(2)] == [{2, 3}, {5, 7}]
    assert [job_cpus(job, 2, 2, allowed) for job in range(2)] == [{2, 3}, {5, 7}]
    assert [job_cpus(job, 4, 1, allowed) for job in range(4)] == [{2}, {3}, {5}, {7}]
    assert [job_cpus(job, 3, 1, allowed) for job in range(3)] == [{2}, {3}, {5}]
    assert job_cpus(0, 1, 1, allowed) is None, "a lone job was pinned"
    assert job_cpus(0, 3, 2, allowed) is None, "two task processes per job were squeezed onto one CPU"
    assert job_cpus(None, 2, 1, allowed) is None and job_cpus(2, 2, 1, allowed) is None


AFFINITY_PROGRAM = '''PROBLEM = """Which CPUs may this process run on? ({index})"""
INPUTS = [{{"n": 1}}, {{"n": 2}}]

import os


def main_solution(n):
    cpus = sorted(os.sched_getaffinity(0))
    return cpus[: n * {index} + 64]  # the index only makes each program distinct (no duplicate_program)
'''


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="needs two CPUs to keep two jobs apart")
def test_parallel_jobs_and_their_task_processes_keep_to_their_own_cpu(tmp_path):
    source = tmp_path / "programs"
    source.mkdir()
    for index in range(8):
        (source / f"affinity_{index}.py").write_text(AFFINITY_PROGRAM.format(index=index))

    def outputs(**options) -> list[str]:
        out = tmp_path / f"out-{len(options)}"
        build_dataset(out, source=str(source), test_fraction=0.0, num_proc=2, **options)
        data_files = str(out / "data" / "train-*.parquet")
        return datasets.load_dataset("parquet", data_files=data_files, split="train")["output"]

    pinned = outputs()
    assert len(pinned) == 16
    shares = [sorted(job_cpus(job, 2, 1)) for job in range(2)]  # on 2 cores: [0] and [1]
    assert not set(shares[0]) & set(shares[1])
    assert set(pinned) == {json.dumps(share) for share in shares}, "a task ran outside its job's CPUs"
    free = outputs(pin_jobs=False)
    assert set(free) == {json.dumps(sorted(os.sched_getaffinity(0)))}


UID_PROGRAM = '''PROBLEM = """Which user runs this? ({index})"""
INPUTS = [{{"n": 1}}, {{"n": 2}}]

import os


def main_solution(n):
    return os.getuid() + 0 * n * {index}  # the index only makes each program distinct
'''


@pytest.mark.skipif(os.geteuid() != 0, reason="tasks drop to their slot's uid only as root")
def test_the_tasks_of_two_jobs_never_share_a_uid(tmp_path):
    """RLIMIT_NPROC counts per uid: with one uid, a task of one job starting threads took them
    from the other job's task (RuntimeError: can't start new thread)."""
    from code2cot.builder.isolation import UID_BASE

    source = tmp_path / "programs"
    source.mkdir()
    for index in range(8):
        (source / f"uid_{index}.py").write_text(UID_PROGRAM.format(index=index))
    build_dataset(tmp_path / "out", source=str(source), test_fraction=0.0, num_proc=2)
    uids = datasets.load_dataset("parquet", data_files=str(tmp_path / "out" / "data" / "train-*.parquet"),
                                 split="train")["output"]
    assert len(uids) == 16 and set(uids) == {str(UID_BASE), str(UID_BASE + 2)}, uids  # job j: 2 j (room for a second server)


def _record_test_row_dirs(monkeypatch, made: list[str]) -> None:
    """Note each folder the builder makes to keep test rows aside in (the sandbox makes others)."""
    import tempfile

    mkdtemp = tempfile.mkdtemp

    def recording(*args, **kwargs):
        path = mkdtemp(*args, **kwargs)
        if "test-rows" in os.path.basename(path):
            made.append(path)
        return path

    monkeypatch.setattr(tempfile, "mkdtemp", recording)


def test_a_prepared_build_makes_both_splits_in_one_pass_with_the_rows_streaming_gives(tmp_path, monkeypatch):
    from test_build import make_corpus

    from code2cot.builder import dataset_builder

    corpus = make_corpus(tmp_path / "programs")
    sandboxes: list[int] = []
    aside_dirs: list[str] = []

    class CountedSandbox(dataset_builder.Sandbox):
        def __enter__(self):
            sandboxes.append(gc.get_freeze_count())
            return super().__enter__()

    monkeypatch.setattr(dataset_builder, "Sandbox", CountedSandbox)
    _record_test_row_dirs(monkeypatch, aside_dirs)
    options = {"config_name": "default", "source": str(corpus), "test_fraction": 0.3, "keep_rejected": True}
    builder = dataset_builder.Code2CoT(cache_dir=str(tmp_path / "cache"), **options)
    builder.download_and_prepare()
    assert len(sandboxes) == 1, "the test split started its own sandbox: two passes over the programs"
    assert sandboxes[0] > 0, "the parent's objects were not frozen for the jobs"
    assert gc.get_freeze_count() == 0, "the parent's objects stayed frozen after the build"
    assert len(aside_dirs) == 1 and not os.path.exists(aside_dirs[0]), "the test rows kept aside were left behind"
    two_jobs = dataset_builder.Code2CoT(cache_dir=str(tmp_path / "cache2"), **options)
    two_jobs.download_and_prepare(num_proc=2)
    for split in ("train", "test"):
        prepared = builder.as_dataset(split)
        streamed = list(dataset_builder.Code2CoT(**options).as_streaming_dataset(split))
        assert len(prepared) and [row["id"] for row in streamed] == prepared["id"]
        assert streamed == list(prepared) == list(two_jobs.as_dataset(split)), f"{split}: rows differ"
    assert {"ok", "exception", "rejected"} <= set(builder.as_dataset("train")["status"]) | set(
        builder.as_dataset("test")["status"])


def test_a_failed_pass_leaves_no_test_rows_behind_and_a_missing_shard_is_named(tmp_path, monkeypatch):
    from test_build import make_corpus

    from code2cot.builder import dataset_builder

    corpus = make_corpus(tmp_path / "programs")
    aside_dirs: list[str] = []
    _record_test_row_dirs(monkeypatch, aside_dirs)
    shard_rows = dataset_builder.Code2CoT._shard_rows
    calls: list[int] = []

    def failing_second_shard(self, shard, sandbox, translator):
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        yield from shard_rows(self, shard, sandbox, translator)

    monkeypatch.setattr(dataset_builder.Code2CoT, "_shard_rows", failing_second_shard)
    builder = dataset_builder.Code2CoT(config_name="default", source=str(corpus), cache_dir=str(tmp_path / "cache"))
    with pytest.raises(datasets.exceptions.DatasetGenerationError):
        builder.download_and_prepare()
    assert aside_dirs and not os.path.exists(aside_dirs[0])
    assert os.path.dirname(aside_dirs[0]).startswith(str(tmp_path / "cache")), "test rows kept outside the output"
    # a failing job tells the others to stop taking test shards
    shared = {"folder": str(tmp_path / "shared"), "shards": dataset_builder._pack([[]], "test")}
    os.mkdir(shared["folder"])
    calls.clear()  # its second train shard fails
    with pytest.raises(OSError, match="disk full"):
        list(builder._generate_examples(shards=dataset_builder._pack([[], []], "train"), shared=shared))
    assert not dataset_builder._claim(shared["folder"], 0)
    (tmp_path / "aside").mkdir()
    (tmp_path / "aside" / "00000.jsonl").write_text("")
    with pytest.raises(RuntimeError, match="test rows of shard 1 are missing"):
        list(dataset_builder._replay_rows(str(tmp_path / "aside"), 2))


def _claim_all(folder: str, count: int) -> list[int]:
    from code2cot.builder.dataset_builder import _claim

    return [index for index in range(count) if _claim(folder, index)]


def test_each_shared_test_shard_is_claimed_by_exactly_one_job(tmp_path):
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(2) as pool:
        claimed = pool.starmap(_claim_all, [(str(tmp_path), 200)] * 2)
    assert sorted(claimed[0] + claimed[1]) == list(range(200))
    assert _claim_all(str(tmp_path), 200) == [], "a shard was handed out twice"


def test_jobs_share_the_test_work_even_when_no_problem_is_in_train(tmp_path, caplog):
    from test_build import make_corpus

    corpus = make_corpus(tmp_path / "programs")
    with caplog.at_level("WARNING", logger="datasets"):
        summary = build_dataset(tmp_path / "out", source=str(corpus), test_fraction=1.0, num_proc=2)
    assert summary.splits == {"train": 0, "test": summary.statuses["ok"]} and summary.splits["test"] > 0
    assert not [r for r in caplog.records if "num_proc" in r.getMessage()], "the build fell back to one job"


def _descendants(pid: int) -> set[int]:
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        try:
            threads = os.listdir(f"/proc/{parent}/task")
        except FileNotFoundError:
            continue
        for thread in threads:
            try:
                with open(f"/proc/{parent}/task/{thread}/children") as handle:
                    children = {int(c) for c in handle.read().split()}
            except FileNotFoundError:
                continue
            todo += children - found
            found |= children
    return found


def test_a_build_killed_with_sigkill_takes_its_jobs_with_it(tmp_path):
    """kill -9 of the build process alone (not its group): no job goes on executing programs
    (or sending LLM requests) for a build nobody will write, and the next build removes the
    scratch folder it left."""
    import signal
    import subprocess
    import sys
    import tempfile
    import time
    from pathlib import Path

    from code2cot.builder.build import WORK_PREFIX
    from code2cot.builder.sandbox import SCRATCH_PREFIX

    code2cot = str(Path(sys.executable).parent / "code2cot")
    build = subprocess.Popen([code2cot, "build", "--num-proc", "2", "--out", str(tmp_path / "out")],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    jobs: set[int] = set()
    try:
        deadline = time.time() + 60
        while time.time() < deadline and build.poll() is None:
            jobs = _descendants(build.pid)
            if len(jobs) >= 4:  # two jobs and their sandbox servers
                break
            time.sleep(0.05)
        assert build.poll() is None and len(jobs) >= 4, "the build ended before its jobs were seen"
        work = list(Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}{build.pid}-*"))
        assert work, "no scratch folder named after the build's pid"
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        deadline = time.time() + 20
        while time.time() < deadline and any(process_alive(pid) for pid in jobs):
            time.sleep(0.1)
        assert not [pid for pid in jobs if process_alive(pid)], "processes of the killed build live on"
        sandbox_roots = [path for pid in jobs for path in Path(tempfile.gettempdir()).glob(f"{SCRATCH_PREFIX}{pid}-*")]
        assert sandbox_roots, "no sandbox scratch root named after a job's pid"
    finally:  # never leave them running, whatever happened above
        for pid in jobs | (_descendants(build.pid) if build.poll() is None else set()):
            if process_alive(pid):
                os.kill(pid, signal.SIGKILL)
        if build.poll() is None:
            build.kill()
    assert not (tmp_path / "out").exists()
    build_dataset(tmp_path / "small", source=str(_one_program(tmp_path)), decontaminate=False)
    assert not any(path.exists() for path in work), "the dead build's scratch folder was left"
    assert not any(path.exists() for path in sandbox_roots), "the dead jobs' sandbox scratch roots were left"


def _one_program(tmp_path):
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "double.py").write_text('PROBLEM = "Double it."\nLICENSE = "MIT"\nINPUTS = ["2"]\n\n'
                                      "def main_solution(x):\n    return 2 * x\n")
    return folder


def test_ctrl_c_ends_a_build_with_one_line_and_nothing_left_running(tmp_path):
    """Ctrl-C (SIGINT to the terminal's process group) mid-build: exit 130 with one line, no
    traceback from the build, its jobs or their sandbox servers; nothing keeps running."""
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    code2cot = str(Path(sys.executable).parent / "code2cot")
    out = tmp_path / "out"
    for num_proc in ("2", "1"):
        if num_proc == "1":  # now into an earlier build's folder, which must stay as it was
            out.mkdir()
            (out / "keep.txt").write_text("mine")
        build = subprocess.Popen([code2cot, "build", "--num-proc", num_proc, "--out", str(out)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        seen: set[int] = set()
        try:
            deadline = time.time() + 60
            while time.time() < deadline and build.poll() is None and len(seen) < 2 * int(num_proc) + 1:
                seen |= _descendants(build.pid)  # jobs and sandbox servers
                time.sleep(0.05)
            time.sleep(0.5)  # into the generation
            seen |= _descendants(build.pid)
            assert build.poll() is None, "the build ended before it could be interrupted"
            os.killpg(build.pid, signal.SIGINT)
            started = time.monotonic()
            _, stderr = build.communicate(timeout=30)
            took = time.monotonic() - started
        finally:
            if build.poll() is None:
                os.killpg(build.pid, signal.SIGKILL)
        lines = [line for line in stderr.replace("\r", "\n").splitlines() if line.strip() and "Generating" not in line]
        assert build.returncode == 130, stderr[-2000:]
        outcome = "was not created" if num_proc == "2" else "was left as it was"
        assert lines == [f"interrupted; {out} {outcome}"], stderr[-2000:]
        assert took < 10, f"--num-proc {num_proc}: {took:.1f}s to stop"
        deadline = time.time() + 10
        while time.time() < deadline and any(process_alive(pid) for pid in seen):
            time.sleep(0.1)
        assert not [pid for pid in seen if process_alive(pid)], "processes of the interrupted build live on"
        assert not out.exists() if num_proc == "2" else [p.name for p in out.iterdir()] == ["keep.txt"]


def _slow_identity(x):
    import time

    time.sleep(0.05)
    return x


def test_ctrl_c_stops_the_screening_pool_at_once():
    """Its workers ignore SIGINT (the build handles it): on KeyboardInterrupt they are stopped,
    not left to finish the chunks already handed to them (seconds, for a large source)."""
    import signal
    import threading
    import time

    from code2cot.builder.filters import map_in_processes

    before = _descendants(os.getpid())  # other tests' servers may be running
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT))
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        map_in_processes(_slow_identity, list(range(800)), 2)  # 20 s of work, 2.5 s chunks
    assert time.monotonic() - started < 2
    time.sleep(0.3)
    assert not [pid for pid in _descendants(os.getpid()) - before if process_alive(pid)], "screening workers live on"


def test_a_job_killed_from_outside_ends_the_build_with_one_line_naming_it(tmp_path, monkeypatch, capsys):
    """The OOM killer takes one job: the build says which and how, exit 1, --out as it was."""
    import signal

    from test_build import make_corpus

    from code2cot import cli
    from code2cot.builder import dataset_builder

    corpus = make_corpus(tmp_path / "programs")
    shard_rows = dataset_builder.Code2CoT._shard_rows
    builder_pid = os.getpid()

    def killed_in_the_second_job(self, shard, sandbox, translator):
        if os.getpid() != builder_pid and self._job_index == 1:
            os.kill(os.getpid(), signal.SIGKILL)
        yield from shard_rows(self, shard, sandbox, translator)

    original_single = dataset_builder.Code2CoT._prepare_split_single

    def remember_job(self, *args, **kwargs):
        self._job_index = kwargs.get("job_id")
        yield from original_single(self, *args, **kwargs)

    monkeypatch.setattr(dataset_builder.Code2CoT, "_shard_rows", killed_in_the_second_job)
    monkeypatch.setattr(dataset_builder.Code2CoT, "_prepare_split_single", remember_job)
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    code = cli.main(["build", "--source", str(corpus), "--num-proc", "2", "--test-fraction", "0.3", "--out", str(out)])
    error = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert error[-1] == (f"error: generation job 2 of 2 ended without finishing: killed by SIGKILL (the kernel's "
                         f"out-of-memory killer sends it too); {out} was left as it was"), error
    assert "Traceback" not in "\n".join(error)
    assert sorted(path.name for path in out.iterdir()) == ["notes.txt"]

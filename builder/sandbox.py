"""Run untrusted tasks in isolated processes and get one verdict per task back.

``Sandbox`` is the public entry point. Its default backend, ``ForkServerBackend``,
talks to a warm fork server (``forkserver.py``) that forks one locked-down process
per task (``isolation.py``); the backend is pluggable so a container or remote
backend can replace it. Every task yields exactly one ``TaskResult``, in input
order, whatever the program does; the parent never unpickles or ``eval``s anything
a task sends, it only parses JSON.
"""

from __future__ import annotations

import json
import os
import re
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Protocol

from .isolation import SandboxLimits, hide_process_memory
from .leftovers import remove_leftovers
from .tasks import Task, encodable
from .tracer import TraceLimits, trace_problem
from .uid_claims import SlotClaim

STATUSES = ("ok", "syntax_error", "missing_entry_point", "bad_input", "exception", "timeout", "memory",
            "output_too_large", "killed", "trace_too_long", "nondeterministic")
"""Every verdict a task can get: ``ok`` or the reason it failed."""

_SAFE_ENV_PREFIXES = ("OPENBLAS_", "LANG", "LC_")
SCRATCH_PREFIX = "code2cot-sandbox-"
"""A sandbox's scratch root in the temp dir: ``{SCRATCH_PREFIX}{pid}-*``."""


@dataclass
class TaskResult:
    """One task's verdict, answer and trace; ``output`` is ``repr`` of the return value."""

    id: str
    status: str
    output: str | None = None
    error: str | None = None
    stdout: str = ""
    trace: dict | None = None
    cpu_seconds: float = 0.0
    wall_seconds: float = 0.0
    isolation: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class ExecutionBackend(Protocol):
    """Anything that turns tasks into results, one per task, in order."""

    def map(self, tasks: Iterable[Task]) -> Iterator[TaskResult]: ...

    def close(self) -> None: ...


def _may_hold_surrogates(body: bytes) -> bool:
    """A surrogate as a JSON escape or as (CESU-8) bytes, which ``json.loads`` decodes with
    surrogatepass. A cheap over-estimate (substring scans): pairs (emoji) and Hangul escapes
    pass too, and come out unchanged."""
    return (b"\\u" in body and (b"\\ud" in body or b"\\uD" in body)) or b"\xed" in body


_STRING = re.compile(rb'"[^"]*"')
_CONTAINERS_PER_STEP = 8  # a step, its changed/args/state mappings, with room to spare
_VALUES_PER_STEP = 256  # the names and values of a step: a frame's variables, with room to spare


def _too_much_structure(body: bytes, max_steps: int | None) -> bool:
    """More objects, arrays or values than a result with ``max_steps`` steps can hold.

    The body is JSON the task wrote, and a program can write its own: 60 MB of ``{},`` or
    ``"ab",`` (under ``max_result_mb``) parse into 20 million objects, 1.5-2 GB in the build's
    process before any check. Counted outside strings (reprs are full of brackets and commas)
    in linear time and little memory: escapes are dropped first, so an unclosed string costs
    one scan, and strings are counted before they are cut out; small bodies cannot do harm.
    """
    if len(body) < 1 << 20:
        return False
    steps = (max_steps or 100_000) + 2
    containers, values = _CONTAINERS_PER_STEP * steps + 64, _VALUES_PER_STEP * steps + 1024
    if body.count(b"{") + body.count(b"[") <= containers and body.count(b",") + body.count(b":") <= values:
        return False  # within bounds even counting what is inside strings
    cleaned = body.replace(b"\\\\", b"").replace(b'\\"', b"")
    if cleaned.count(b'"') // 2 > values:  # strings are values too (and each would be a piece below)
        return True
    structure = _STRING.sub(b"", cleaned)
    return structure.count(b"{") + structure.count(b"[") > containers or \
        structure.count(b",") + structure.count(b":") > values


def classify(task_id: str, header: dict, body: bytes, limits: SandboxLimits, max_steps: int | None = None) -> TaskResult:
    """Turn the fork server's exit report and the task's own JSON into a verdict."""
    timing = {"cpu_seconds": round(header.get("cpu_seconds", 0.0), 4), "wall_seconds": round(header.get("wall_seconds", 0.0), 4)}
    record: dict | None = None
    if _too_much_structure(body, max_steps):
        return TaskResult(task_id, "killed", error="the task process sent a malformed result: more JSON objects, "
                                                   "arrays or values than a result can hold", **timing)
    if body:
        try:
            record = json.loads(body)
        except (ValueError, RecursionError):
            record = None
        if record is not None and _may_hold_surrogates(body):
            record = encodable(record)
    cpu_spent = header.get("cpu_seconds", 0.0) >= limits.cpu_seconds - 0.05
    sig = header.get("signal")
    if header.get("overflow"):
        return TaskResult(task_id, "output_too_large", error=f"result larger than {limits.max_result_mb} MB", **timing)
    if isinstance(record, dict) and record.get("status") in STATUSES:
        problem = _record_problem(record, max_steps)
        if problem:  # the program wrote its own "result" to the pipe: a verdict, never a crash downstream
            return TaskResult(task_id, "killed", error=f"the task process sent a malformed result: {problem}", **timing)
        status = record["status"]
        if cpu_spent and status != "ok":  # e.g. a task that caught a CPU-limit signal and raised
            return TaskResult(task_id, "timeout", error=f"CPU time limit of {limits.cpu_seconds:g}s exceeded", **timing)
        return TaskResult(
            task_id, status,
            output=record.get("output") if status == "ok" else None,
            error=record.get("error"), stdout=record.get("stdout") or "", trace=record.get("trace"),
            isolation=record.get("isolation") or {}, **timing,
        )
    # The kernel enforces RLIMIT_CPU on tick-sampled time, while wait4's rusage reports the precise
    # runtime: under load a task can be killed by its CPU limit at a few percent below it.
    if sig in (signal.SIGXCPU, signal.SIGKILL) and header.get("cpu_seconds", 0.0) >= 0.75 * limits.cpu_seconds:
        return TaskResult(task_id, "timeout", error=f"CPU time limit of {limits.cpu_seconds:g}s exceeded", **timing)
    if header.get("timed_out"):
        return TaskResult(task_id, "timeout", error=f"wall-clock limit of {limits.wall_seconds:g}s exceeded", **timing)
    if sig is not None:
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        if header.get("max_rss_mb", 0) >= limits.memory_mb * 0.9:
            return TaskResult(task_id, "memory", error=f"killed by {name} near the {limits.memory_mb} MB memory limit", **timing)
        # no CPU time in the message: it varies from run to run, and rejected.jsonl must not
        return TaskResult(task_id, "killed", error=f"the task process was terminated by {name}", **timing)
    code = header.get("exit_code")
    if body and record is None:
        return TaskResult(task_id, "killed", error="the task process sent a garbled result", **timing)
    if body:  # JSON, but not a result object (a list, a string, an unknown status): the program wrote it
        return TaskResult(task_id, "killed", error="the task process sent a malformed result: not a result object",
                          **timing)
    return TaskResult(task_id, "killed", error=f"the task process exited (code {code}) before returning a result", **timing)


def _record_problem(record: dict, max_steps: int | None) -> str | None:
    for name in ("output", "error", "stdout"):
        if not isinstance(record.get(name), (str, type(None))):
            return f"{name} is {type(record[name]).__name__}"
    if record["status"] == "ok" and not isinstance(record.get("output"), str):
        return "an ok result without an output"
    if record["status"] == "ok" and record.get("trace") is None:
        return "an ok result without a trace"
    if not isinstance(record.get("isolation"), (dict, type(None))):
        return f"isolation is {type(record['isolation']).__name__}"
    if record.get("trace") is not None:
        return trace_problem(record["trace"], max_steps)
    return None


class ForkServerBackend:
    """Keeps a fork server running and streams tasks through it."""

    def __init__(self, workers: int | None = None, limits: SandboxLimits | None = None,
                 trace_limits: TraceLimits | None = None, hash_seed: int = 0, slot_base: int = 0,
                 preload: Iterable[str] = ()) -> None:
        self.workers = max(1, workers or os.cpu_count() or 1)
        self.preload = sorted(set(preload))
        self.limits = limits or SandboxLimits()
        self.trace_limits = trace_limits or TraceLimits()
        self.hash_seed = hash_seed
        self.slot_base = slot_base
        self.claim: SlotClaim | None = None  # the slots (uids) its server's tasks use, held while it runs
        self.process: subprocess.Popen | None = None
        self.restarts = 0
        self.requests = 0
        self.scratch_root: str | None = None

    # -- server lifecycle ---------------------------------------------------------
    def _environment(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key.startswith(_SAFE_ENV_PREFIXES) and key != "LD_PRELOAD"}
        env.update({
            "PYTHONHASHSEED": str(self.hash_seed), "PATH": "/usr/local/bin:/usr/bin:/bin",
            "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        })
        return env

    def start(self) -> None:
        if self.process is not None and self.process.poll() is None:
            return
        if os.geteuid() != 0:
            # Without root a task runs as this very user: at least keep it from reading our
            # environment (HF_TOKEN, OPENAI_API_KEY) and memory through /proc.
            hide_process_memory()
        # Per-task scratch dirs (used where a task gets no private tmpfs) live under one
        # root that we own, so nothing is left behind even if the server is killed; the
        # root carries our pid, so the next sandbox removes it if we are killed too.
        remove_leftovers(Path(tempfile.gettempdir()), SCRATCH_PREFIX)
        self.scratch_root = tempfile.mkdtemp(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-")
        os.chmod(self.scratch_root, 0o711)
        if self.claim is None:
            self.claim = SlotClaim(self.slot_base, self.workers)
        config = {"workers": self.workers, "slot_base": self.claim.base, "scratch_root": self.scratch_root,
                  "preload": self.preload,
                  "limits": self.limits.to_dict(),
                  "trace_limits": self.trace_limits.to_dict()}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "code2cot.builder.forkserver", json.dumps(config)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=self._environment(), close_fds=True,
                cwd="/", start_new_session=True,
            )
        except BaseException:
            self.close()  # no server: its scratch root and slots are not kept either
            raise

    def close(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            try:
                # Results nobody will read (an interrupted or abandoned map) first: the server's
                # next write fails and it stops its tasks, instead of running what it was sent
                # into a full pipe until the timeout below. An idle server just sees the end of input.
                process.stdout.close()  # type: ignore[union-attr]
                process.stdin.close()  # type: ignore[union-attr]
                process.wait(timeout=self.limits.wall_seconds + 5)
            except (OSError, subprocess.TimeoutExpired):
                process.kill()
                process.wait()
        self._remove_scratch()
        if self.claim is not None:
            self.claim.release()
            self.claim = None

    def _remove_scratch(self) -> None:
        if self.scratch_root:
            shutil.rmtree(self.scratch_root, ignore_errors=True)
            self.scratch_root = None

    def __enter__(self) -> "ForkServerBackend":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- streaming ----------------------------------------------------------------
    def map(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        """Results in input order; at most ``2 * workers`` tasks are in flight."""
        source = iter(tasks)
        window = 2 * self.workers
        pending: dict[int, Task] = {}
        attempts: dict[int, int] = {}
        done: dict[int, TaskResult] = {}
        retry: list[int] = []
        next_index = next_yield = 0
        exhausted = False
        outbox = bytearray()
        inbox = bytearray()
        self.start()
        selector = selectors.DefaultSelector()
        assert self.process is not None and self.process.stdout and self.process.stdin
        out_fd, in_fd = self.process.stdin.fileno(), self.process.stdout.fileno()
        os.set_blocking(out_fd, False)
        selector.register(in_fd, selectors.EVENT_READ)
        by_index: dict[int, Task] = {}
        sent: dict[int, int] = {}  # request id -> task index
        writing = False
        try:
            while True:
                while len(pending) < window and (retry or not exhausted):
                    if retry:
                        index = retry.pop()
                    else:
                        task = next(source, None)
                        if task is None:
                            exhausted = True
                            break
                        index, next_index = next_index, next_index + 1
                        by_index[index] = task
                    task = by_index[index]
                    pending[index] = task
                    attempts[index] = attempts.get(index, 0) + 1
                    self.requests += 1  # ids are unique per server, so a result left over from
                    sent[self.requests] = index  # an abandoned earlier map() is recognised and dropped
                    request = {"id": self.requests, "code": task.code, "input": task.input, "entry_point": task.entry_point}
                    outbox += json.dumps(request).encode() + b"\n"
                while next_yield in done:
                    by_index.pop(next_yield, None)
                    yield done.pop(next_yield)
                    next_yield += 1
                if exhausted and not pending and not retry:
                    return
                if bool(outbox) != writing:
                    writing = bool(outbox)
                    if writing:
                        selector.register(out_fd, selectors.EVENT_WRITE)
                    else:
                        selector.unregister(out_fd)
                died = False
                for key, mask in selector.select():
                    if key.fd == out_fd:
                        try:
                            written = os.write(out_fd, outbox[: 1 << 16])
                            del outbox[:written]
                        except BlockingIOError:
                            pass
                        except (BrokenPipeError, OSError):
                            died = True
                    else:
                        data = os.read(in_fd, 1 << 20)
                        if not data:
                            died = True
                            continue
                        inbox += data
                        for header, body in _frames(inbox):
                            index = sent.pop(header["id"], None)
                            if index is None:
                                continue
                            task = pending.pop(index)
                            done[index] = classify(task.id, header, body, self.limits, self.trace_limits.max_steps)
                if died:
                    writing = False
                    selector.close()
                    selector = selectors.DefaultSelector()
                    self._restart()
                    outbox.clear()
                    inbox.clear()
                    for index, task in sorted(pending.items()):
                        if attempts[index] >= 2:
                            done[index] = TaskResult(task.id, "killed", error="the sandbox server died twice while this task ran")
                        else:
                            retry.append(index)
                    pending.clear()
                    sent.clear()
                    retry.sort(reverse=True)
                    assert self.process is not None and self.process.stdout and self.process.stdin
                    out_fd, in_fd = self.process.stdin.fileno(), self.process.stdout.fileno()
                    os.set_blocking(out_fd, False)
                    selector.register(in_fd, selectors.EVENT_READ)
        finally:
            selector.close()

    def _restart(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        self._remove_scratch()
        self.restarts += 1
        self.start()


_IMPORT_LINE = re.compile(r"^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)|import[ \t]+([^\n#;]+))", re.MULTILINE)


def imports_to_preload(tasks: Iterable[Task]) -> list[str]:
    """Installed third-party packages the tasks import, to load once in the fork server.

    Read from ``import``/``from`` lines with a regular expression, not a parse: a build asks
    once for all its programs (~1 ms for the corpus, against ~50 ms parsing). A line inside a
    string can add a package; nothing is missed that a parse would have found at module or
    function level (``__import__``/``importlib`` calls neither finds)."""
    import importlib.util

    names: set[str] = set()
    for code in {task.code for task in tasks}:
        for module, listed in _IMPORT_LINE.findall(code):
            if module:
                names.add(module)
                continue
            for part in listed.strip("()\\ ").split(","):
                words = part.split()  # "numpy as np" -> numpy; "os.path" -> os
                if words and (name := words[0].split(".")[0]).isidentifier():
                    names.add(name)
    third_party = names - set(sys.stdlib_module_names)
    return sorted(name for name in third_party if importlib.util.find_spec(name) is not None)


def _frames(buffer: bytearray) -> Iterator[tuple[dict, bytes]]:
    """Pop complete ``header\\nbody`` frames off the front of ``buffer``."""
    while True:
        newline = buffer.find(b"\n")
        if newline < 0:
            return
        header = json.loads(buffer[:newline])
        end = newline + 1 + header["nbytes"]
        if len(buffer) < end:
            return
        body = bytes(buffer[newline + 1: end])
        del buffer[:end]
        yield header, body


class Sandbox:
    """Runs tasks safely; adds the policy verdicts (``trace_too_long``, ``nondeterministic``).

    >>> with Sandbox(workers=2) as sandbox:
    ...     results = list(sandbox.map(tasks))

    Task slot ``k`` runs as uid ``UID_BASE + slot_base + k`` (the determinism check's second
    run: the next ``workers`` uids); ``slot_base`` is where each fork server starts looking:
    it claims its slots host-wide while it runs (``uid_claims``), passing over any another
    sandbox holds, so sandboxes side by side share no uid (RLIMIT_NPROC counts per uid).
    """

    def __init__(self, workers: int | None = None, limits: SandboxLimits | None = None,
                 trace_limits: TraceLimits | None = None, long_traces: str = "truncate",
                 check_determinism: bool = False, hash_seed: int = 0, preload: Iterable[str] = (),
                 backend: ExecutionBackend | None = None, slot_base: int = 0) -> None:
        if long_traces not in ("truncate", "fail"):
            raise ValueError(f"long_traces must be 'truncate' or 'fail', not {long_traces!r}")
        self.limits = limits or SandboxLimits()
        self.trace_limits = trace_limits or TraceLimits()
        self.long_traces = long_traces
        self.check_determinism = check_determinism
        workers = max(1, workers or os.cpu_count() or 1)
        self.backend = backend or ForkServerBackend(workers, self.limits, self.trace_limits, hash_seed,
                                                    slot_base=slot_base, preload=preload)
        # The second run uses another hash seed, so set/dict order of str is checked too.
        self.second = ForkServerBackend(workers, self.limits, self.trace_limits, hash_seed + 1,
                                        slot_base=slot_base + workers, preload=preload) \
            if check_determinism and backend is None else None

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()
        if self.second is not None:
            self.second.close()

    def run(self, task: Task) -> TaskResult:
        return next(iter(self.map([task])))

    def map(self, tasks: Iterable[Task]) -> Iterator[TaskResult]:
        if self.second is None:
            for result in self.backend.map(tasks):
                yield self._policy(result)
            return
        tasks = list(tasks)
        for first, second in zip(self.backend.map(tasks), self.second.map(tasks)):
            result = self._policy(first)
            if result.ok and (first.status, first.output, first.stdout) != (second.status, second.output, second.stdout):
                got = second.output if second.ok else second.status
                result.status = "nondeterministic"
                result.error = f"two runs differ: {first.output!r} vs {got!r}"[:500]
            yield result

    def _policy(self, result: TaskResult) -> TaskResult:
        if result.ok and self.long_traces == "fail" and result.trace and result.trace.get("truncated"):
            result.status = "trace_too_long"
            result.error = f"trace longer than {self.trace_limits.max_steps} steps after loop compression"
        return result

"""The warm fork server: one pre-imported, single-threaded process that forks per task.

Started once per ``Sandbox`` with an empty environment (so no secret is in its
memory or in ``/proc/<pid>/environ`` of anything forked from it), it reads task
requests as JSON lines on stdin and keeps up to ``workers`` task processes running.
For each finished task it writes a JSON header line, then the task's raw result
bytes, to stdout. It never parses what a task sends back: the trusted parent does.

Run as ``python -m code2cot.builder.forkserver CONFIG_JSON``.
"""

from __future__ import annotations

import collections
import json
import os
import secrets
import selectors
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from typing import Any

from .isolation import (ImportMounts, SandboxLimits, enter_network_namespace, enter_trimmed_mount_namespace,
                        plan_import_mounts, prepare_shared_task_view, reap_slot,
                        remove_leftovers_of, spawn)
from .runner import run_task
from .tracer import TraceLimits

PRELOAD = ("math", "collections", "itertools", "functools", "heapq", "bisect", "re", "string", "json",
           "fractions", "decimal", "statistics", "random", "datetime", "operator", "copy", "typing",
           "dataclasses", "enum")
"""Imported once here so tasks that use them start warm. Third-party packages are added
per run (``Sandbox(preload=...)``): preloading numpy makes every fork ~3 ms dearer, which
only pays off when the tasks use it."""


KILL_GRACE = 5.0
"""Seconds a task killed at its wall-clock limit has to be gone before the server stops waiting."""


@dataclass
class _Running:
    request_id: int
    pid: int
    slot: int
    pipe: int
    pidfd: int
    deadline: float
    started: float
    scratch: str
    contained: bool  # in its own PID namespace: nothing it started outlives it
    shared_view: bool  # in the server's filesystem view, not one of its own
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    overflow: bool = False
    timed_out: bool = False
    killed_at: float = 0.0
    pipe_closed: bool = False


class ForkServer:
    def __init__(self, workers: int, limits: SandboxLimits, trace_limits: TraceLimits, slot_base: int = 0,
                 scratch_root: str | None = None) -> None:
        self.scratch_root = scratch_root
        self.started = 0
        self.limits = limits
        self.trace_limits = trace_limits
        self.free_slots = list(range(slot_base, slot_base + workers))
        self.queue: collections.deque[dict] = collections.deque()
        self.running: dict[int, _Running] = {}  # by pid
        self.selector = selectors.DefaultSelector()
        self.inbox = b""
        self.closed = False
        self.out = sys.stdout.buffer
        self.network_isolated = enter_network_namespace()
        own_namespace = enter_trimmed_mount_namespace()  # before any task: each one copies this mount table
        self.imports = plan_import_mounts([sys.prefix, sys.base_prefix, sys.exec_prefix,
                                           os.path.dirname(os.path.realpath(sys.executable)), *sys.path]) \
            if os.geteuid() == 0 else ImportMounts()
        # As real root and one task at a time, the tasks' filesystem view is made here once, not
        # by every task (tasks side by side would share /tmp: each makes its own view).
        self.shared_view = own_namespace and workers == 1 and prepare_shared_task_view(limits, self.imports)

    def serve(self) -> None:
        stdin = sys.stdin.fileno()
        os.set_blocking(stdin, False)
        self.selector.register(stdin, selectors.EVENT_READ, ("requests", None))
        while not (self.closed and not self.running and not self.queue):
            while self.queue and self.free_slots:
                self._start(self.queue.popleft())
            timeout = None
            if self.running:  # a task already killed waits for its exit, up to KILL_GRACE more
                timeout = max(0.0, min(r.killed_at + KILL_GRACE if r.timed_out else r.deadline
                                       for r in self.running.values()) - time.monotonic())
            for key, _ in self.selector.select(timeout):
                kind, child = key.data
                if kind == "abandoned":
                    self._reap_abandoned(child)
                    continue
                if kind != "requests" and self.running.get(child.pid) is not child:
                    continue  # its exit was handled earlier in this batch; the fd is closed
                if kind == "requests":
                    self._read_requests(stdin)
                elif kind == "pipe":
                    self._read_pipe(child)
                else:
                    self._finish(child)
            now = time.monotonic()
            for child in [r for r in self.running.values() if r.deadline <= now and not r.timed_out]:
                child.timed_out, child.killed_at = True, now
                _kill_group(child.pid)
            for child in [r for r in self.running.values() if r.timed_out and r.killed_at + KILL_GRACE <= now]:
                self._give_up_on(child)

    def _give_up_on(self, child: _Running) -> None:
        """A task that has not died KILL_GRACE seconds after its SIGKILL (asleep in the kernel,
        where no signal reaches): reported as timed out, its slot freed; the batch goes on. It
        is reaped whenever it does end (until then it counts against its uid's process limit)."""
        _end_everything_of(child)
        # Until it is gone, what it started may still write in the view: later tasks make their own.
        self.shared_view = False
        if child.pipe in self.selector.get_map():
            self.selector.unregister(child.pipe)
        os.close(child.pipe)
        self.selector.modify(child.pidfd, selectors.EVENT_READ, ("abandoned", child))
        self._release(child)
        self._report(child, b"", exit_code=None, signal=None, cpu_seconds=0.0, max_rss_mb=0.0)

    def _reap_abandoned(self, child: _Running) -> None:
        if os.waitpid(child.pid, os.WNOHANG)[0]:
            self.selector.unregister(child.pidfd)
            os.close(child.pidfd)

    def _read_requests(self, fd: int) -> None:
        data = os.read(fd, 1 << 20)
        if not data:
            self.closed = True
            self.selector.unregister(fd)
            return
        self.inbox += data
        *lines, self.inbox = self.inbox.split(b"\n")
        for line in lines:
            if line.strip():
                self.queue.append(json.loads(line))

    def _start(self, request: dict) -> None:
        slot = self.free_slots.pop()
        self.started += 1
        # Only named here: a task creates it only where it gets no private tmpfs (isolate),
        # which spares the server a mkdir and an rmdir per task.
        scratch = os.path.join(self.scratch_root or tempfile.gettempdir(),
                               f"task-{os.getpid()}-{self.started}-{secrets.token_hex(6)}")  # unguessable
        read_end, write_end = os.pipe()

        shared_view = self.shared_view and not looks_at_its_processes(request.get("code", ""))

        def task_process(in_namespaces: bool) -> None:
            os.close(read_end)
            run_task(request, slot, write_end, self.limits, self.trace_limits, scratch, self.imports,
                     in_namespaces, self.network_isolated, shared_view)

        pid, contained = spawn(task_process, own_mounts=not shared_view)
        os.close(write_end)
        os.set_blocking(read_end, False)
        now = time.monotonic()
        child = _Running(request["id"], pid, slot, read_end, os.pidfd_open(pid), now + self.limits.wall_seconds, now,
                         scratch, contained, shared_view)
        self.running[pid] = child
        self.selector.register(read_end, selectors.EVENT_READ, ("pipe", child))
        self.selector.register(child.pidfd, selectors.EVENT_READ, ("exit", child))

    def _read_pipe(self, child: _Running) -> None:
        try:
            data = os.read(child.pipe, 1 << 20)
        except BlockingIOError:
            return
        if not data:
            self.selector.unregister(child.pipe)
            child.pipe_closed = True
            return
        child.size += len(data)
        if child.size > self.limits.max_result_mb << 20:
            child.overflow = True
            child.chunks.clear()
            _kill_group(child.pid)
            return
        if not child.overflow:
            child.chunks.append(data)

    def _finish(self, child: _Running) -> None:
        _end_everything_of(child)  # before the reaping: until then no other process can have its pid
        _, status, usage = os.wait4(child.pid, 0)
        while not child.pipe_closed and not child.overflow:
            try:
                data = os.read(child.pipe, 1 << 20)
            except BlockingIOError:
                break  # a left-behind process held the pipe open: it is dead now, the rest is lost
            if not data:
                break
            child.size += len(data)
            if child.size > self.limits.max_result_mb << 20:
                child.overflow = True
                child.chunks.clear()
                break
            child.chunks.append(data)
        if not child.pipe_closed:
            self.selector.unregister(child.pipe)
        self.selector.unregister(child.pidfd)
        os.close(child.pipe)
        os.close(child.pidfd)
        self._release(child)
        self._report(child, b"" if child.overflow else b"".join(child.chunks),
                     exit_code=os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                     signal=os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                     cpu_seconds=usage.ru_utime + usage.ru_stime, max_rss_mb=usage.ru_maxrss / 1024)

    def _release(self, child: _Running) -> None:
        """The task's scratch (its dir, or what it left in the shared view) and slot, free for the next task."""
        if not child.shared_view:
            shutil.rmtree(child.scratch, ignore_errors=True)
        else:
            try:
                clean = remove_leftovers_of(child.slot)
            except Exception:
                clean = False
            if not clean:
                self.shared_view = False  # from now on each task makes a fresh view of its own
        del self.running[child.pid]
        self.free_slots.append(child.slot)

    def _report(self, child: _Running, body: bytes, **outcome: Any) -> None:
        """The exit report (a JSON line) and the task's own result after it, to the client."""
        header = {"id": child.request_id, **outcome, "wall_seconds": time.monotonic() - child.started,
                  "timed_out": child.timed_out, "overflow": child.overflow, "nbytes": len(body)}
        self.out.write(json.dumps(header).encode() + b"\n" + body)
        self.out.flush()


OWN_PROC_MARKERS = ("/proc", "psutil")


def looks_at_its_processes(code: str) -> bool:
    """Whether a program names ``/proc`` or psutil: it then gets a view (and a ``/proc``) of its
    own, at the old cost, in which ``/proc/<os.getpid()>`` is itself. In the shared view ``/proc``
    belongs to the host's PID namespace, where the task's pid is not 1 (``os.getpid()`` is):
    ``/proc/1`` is hidden, ``/proc/self`` varies from run to run, and psutil fails. A program
    that reaches ``/proc`` without naming it just sees the shared one (hidden, never unsafe)."""
    return any(marker in code for marker in OWN_PROC_MARKERS)


def _end_everything_of(child: _Running) -> None:
    """The task process, its group and, without a PID namespace of its own, whatever its slot's uid left running."""
    _kill_group(child.pid)
    if not child.contained:
        reap_slot(child.slot)


def _kill_group(pid: int) -> None:
    for kill in (os.kill, os.killpg):  # the process (PID 1 of its namespace), then its group
        try:
            kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def _preload(extra: list[str]) -> None:
    import importlib

    for name in (*PRELOAD, *extra):
        try:
            importlib.import_module(name)
        except Exception:
            pass


def main() -> None:
    config = json.loads(sys.argv[1])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when we stop
    _preload(config.get("preload", []))
    server = ForkServer(config["workers"], SandboxLimits(**config["limits"]), TraceLimits(**config["trace_limits"]),
                        config.get("slot_base", 0), config.get("scratch_root"))
    try:
        server.serve()
    except BrokenPipeError:  # the client is gone (killed, interrupted): stop its tasks, quietly
        for child in server.running.values():
            _end_everything_of(child)
        os._exit(0)  # not sys.exit: flushing stdout would raise again


if __name__ == "__main__":
    main()

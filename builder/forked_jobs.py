"""A split's generation jobs as forked processes that stream what they yield over pipes.

datasets runs ``num_proc`` jobs through a ``multiprocess`` pool and a Manager's queue: a
pool and a manager process to start (~45 ms here), and once the last job is done a queue
polled with a 50 ms timeout, then both shut down (~65 ms). For a build of a few seconds
that is ~3% of the two-job time, paid by no one-job build. Here a job is one fork and one
pipe, and the parent wakes the moment a job writes or exits.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import selectors
import signal
import struct
import sys
import traceback
from typing import Any, Callable, Iterable, Iterator, NoReturn

_LENGTH = struct.Struct("<Q")
_HELD_DURING_FORK = {signal.SIGINT, signal.SIGTERM}


class JobTraceback(Exception):
    """The traceback of an exception raised in a job, as its ``__cause__`` in the parent."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0]) if self.args else ""


class JobDied(RuntimeError):
    """A job ended without finishing or raising: killed (the OOM killer, a signal) or exited."""


def run_forked(func: Callable[..., Iterable[Any]], kwargs_per_job: list[dict]) -> Iterator[Any]:
    """Everything ``func(**kwargs)`` yields, for each ``kwargs`` in its own forked process.

    Items come in the order they arrive. A job that raises lets the others run to their end
    (what they have made or paid for is kept, as with datasets' pool), then its exception is
    raised here with its traceback attached. A job that dies (killed, or exited without a
    word) ends the others at once: nothing can finish the build. When the caller stops
    early (an error of its own, Ctrl-C), the jobs still running are ended. Ctrl-C is the
    caller's to handle: the jobs ignore it.
    """
    selector = selectors.DefaultSelector()
    jobs: dict[int, _Job] = {}  # by the pipe's read end, from before the fork until reaped
    try:
        for index, kwargs in enumerate(kwargs_per_job):
            read_end, write_end = os.pipe()
            jobs[read_end] = job = _Job(index)
            try:
                job.pid = _fork_job(func, kwargs, write_end, list(jobs))
            finally:
                os.close(write_end)
            selector.register(read_end, selectors.EVENT_READ)
        failure: BaseException | None = None
        while selector.get_map():
            for key, _ in selector.select():
                job = jobs[key.fd]
                chunk = os.read(key.fd, 1 << 16)
                if chunk:
                    job.buffer += chunk
                    yield from job.items()
                    continue
                selector.unregister(key.fd)
                _, status = os.waitpid(job.pid, 0)
                job.pid = 0
                os.close(key.fd)
                del jobs[key.fd]
                if job.error is None and (status != 0 or job.buffer):
                    raise JobDied(f"generation job {job.index + 1} of {len(kwargs_per_job)} ended without "
                                  f"finishing: {_how_it_ended(status, job.buffer)}")
                failure = failure or job.error
        if failure is not None:
            raise failure
    finally:
        for read_end, job in jobs.items():
            if job.pid:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(job.pid, signal.SIGTERM)
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(job.pid, 0)
            if read_end in selector.get_map():
                selector.unregister(read_end)
            os.close(read_end)
        selector.close()


class _Job:
    def __init__(self, index: int) -> None:
        self.index = index
        self.pid = 0
        self.buffer = bytearray()
        self.error: BaseException | None = None

    def items(self) -> Iterator[Any]:
        """The items complete in the buffer; an error frame is kept as ``error``."""
        start = 0
        try:
            while len(self.buffer) - start >= _LENGTH.size:
                (size,) = _LENGTH.unpack_from(self.buffer, start)
                end = start + _LENGTH.size + size
                if len(self.buffer) < end:
                    return
                kind, payload = pickle.loads(self.buffer[start + _LENGTH.size:end])
                start = end
                if kind == "item":
                    yield payload
                else:
                    exc, text = payload
                    exc.__cause__ = JobTraceback(text)
                    self.error = self.error or exc
        finally:
            del self.buffer[:start]


def _fork_job(func: Callable[..., Iterable[Any]], kwargs: dict, write_end: int, read_ends: list[int]) -> int:
    """The child's pid; the child runs ``func`` and never returns from here.

    Ctrl-C and SIGTERM are held while forking, so no child can raise out of this function
    and run its parent's code (or miss ``process_tree``'s after-fork hook).
    """
    _flush_standard_streams()  # else what is buffered would be written by each child too
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_DURING_FORK)
    try:
        pid = os.fork()
        if pid == 0:
            try:
                with contextlib.suppress(ValueError):  # the forking thread is the child's main thread
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.pthread_sigmask(signal.SIG_SETMASK, held)
                for fd in read_ends:
                    os.close(fd)
                _job_process(func, kwargs, write_end)
            finally:
                os._exit(1)
        return pid
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _job_process(func: Callable[..., Iterable[Any]], kwargs: dict, write_end: int) -> NoReturn:
    code = 0
    try:
        try:
            for item in func(**kwargs):
                _send(write_end, "item", item)
        except BaseException as exc:
            code = 1
            _send(write_end, "error", (_portable(exc), traceback.format_exc()))
    except BaseException:
        code = 1  # the parent is gone (a closed pipe) or the error could not be sent: the exit says it
    _flush_standard_streams()  # os._exit skips it
    os._exit(code)


def _flush_standard_streams() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()


def _send(fd: int, kind: str, payload: Any) -> None:
    data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:  # a signal can cut a pipe write short
        view = view[os.write(fd, view):]


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives a pickle round trip (as datasets' errors do), else its text in a RuntimeError."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _how_it_ended(status: int, unread: bytes) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        hint = " (the kernel's out-of-memory killer sends it too)" if number == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    if status:
        return f"exit status {os.WEXITSTATUS(status)}"
    return f"its last {len(unread)} bytes were cut short"

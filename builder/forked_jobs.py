"""A split's generation jobs as forked processes that stream what they yield over pipes.

datasets runs ``num_proc`` jobs through a ``multiprocess`` pool and a Manager's queue: a
pool and a manager process to start (~45 ms here), and once the last job is done a queue
polled with a 50 ms timeout, then both shut down (~65 ms). For a build of a few seconds
that is ~3% of the two-job time, paid by no one-job build. Here a job is one fork and one
pipe, and the parent wakes the moment a job writes or exits.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
import traceback
from typing import Any, Callable, Iterable, Iterator, NoReturn

_LENGTH = struct.Struct("<Q")


class JobTraceback(Exception):
    """The traceback of an exception raised in a job, as its ``__cause__`` in the parent."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0]) if self.args else ""


class JobDied(RuntimeError):
    """A job ended without finishing or raising: killed (the OOM killer, a signal) or exited."""


def run_forked(func: Callable[..., Iterable[Any]], kwargs_per_job: list[dict]) -> Iterator[Any]:
    """Everything ``func(**kwargs)`` yields, for each ``kwargs`` in its own forked process.

    Items come in the order they arrive. As with datasets' pool, every job runs to its end
    (what it has made or paid for is not thrown away); then the first job that raised has its
    exception raised here, its traceback attached. When the caller stops early (an error of
    its own, Ctrl-C), the jobs still running are ended.
    """
    selector = selectors.DefaultSelector()
    jobs: dict[int, _Job] = {}  # by the pipe's read end
    try:
        for index, kwargs in enumerate(kwargs_per_job):
            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:
                os.close(read_end)
                for other in jobs:
                    os.close(other)
                _job_process(func, kwargs, write_end)
            os.close(write_end)
            jobs[read_end] = _Job(index, pid)
            selector.register(read_end, selectors.EVENT_READ)
        failure: BaseException | None = None
        while jobs:
            for key, _ in selector.select():
                job = jobs[key.fd]
                chunk = os.read(key.fd, 1 << 20)
                if chunk:
                    job.buffer += chunk
                    yield from job.items()
                    continue
                selector.unregister(key.fd)
                os.close(key.fd)
                del jobs[key.fd]
                _, status = os.waitpid(job.pid, 0)
                job.pid = 0
                if failure is None and (job.error is not None or status != 0):
                    failure = job.error or JobDied(f"generation job {job.index + 1} of {len(kwargs_per_job)} "
                                                   f"ended without finishing: {_how_it_ended(status)}")
        if failure is not None:
            raise failure
    finally:
        for read_end, job in jobs.items():
            if job.pid:
                try:
                    os.kill(job.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
                os.waitpid(job.pid, 0)
            selector.unregister(read_end)
            os.close(read_end)
        selector.close()


class _Job:
    def __init__(self, index: int, pid: int) -> None:
        self.index = index
        self.pid = pid
        self.buffer = b""
        self.error: BaseException | None = None

    def items(self) -> Iterator[Any]:
        """The items complete in the buffer; an error frame is kept as ``error``."""
        while len(self.buffer) >= _LENGTH.size:
            (size,) = _LENGTH.unpack_from(self.buffer)
            if len(self.buffer) < _LENGTH.size + size:
                return
            kind, payload = pickle.loads(self.buffer[_LENGTH.size:_LENGTH.size + size])
            self.buffer = self.buffer[_LENGTH.size + size:]
            if kind == "item":
                yield payload
            else:
                exc, text = payload
                exc.__cause__ = JobTraceback(text)
                self.error = self.error or exc


def _job_process(func: Callable[..., Iterable[Any]], kwargs: dict, write_end: int) -> NoReturn:
    code = 0
    try:
        with os.fdopen(write_end, "wb", buffering=0) as out:
            try:
                for item in func(**kwargs):
                    _send(out, "item", item)
            except BaseException as exc:
                code = 1
                _send(out, "error", (_portable(exc), traceback.format_exc()))
    except BaseException:
        code = 1  # the parent is gone (a closed pipe) or the error could not be sent: the exit says it
    os._exit(code)


def _send(out, kind: str, payload: Any) -> None:
    data = pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL)
    out.write(_LENGTH.pack(len(data)) + data)


def _portable(exc: BaseException) -> BaseException:
    """``exc`` if it survives a pickle round trip (as datasets' errors do), else its text in a RuntimeError."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def _how_it_ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        hint = " (the kernel's out-of-memory killer sends it too)" if number == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit status {os.WEXITSTATUS(status)}"

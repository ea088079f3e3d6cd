"""A build's helper processes die with it, even when it is killed with SIGKILL.

The generation jobs and the screening children are forked (``forked_jobs``).
Killed with ``kill -9`` (or by the OOM killer), the build cannot stop them: they were
re-parented to init and went on executing programs and sending LLM requests for a build
nobody would write, then waited forever on a queue nobody read. While a build runs, every
process it forks asks the kernel (``PR_SET_PDEATHSIG``) to be killed when its parent dies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from typing import Iterator

PR_SET_PDEATHSIG = 1

_active = 0
_lock = threading.Lock()
_forker = [0]  # the pid of the process about to fork, as its child sees it


def _before_fork() -> None:
    _forker[0] = os.getpid()


def _after_fork_in_child() -> None:
    if not _active:
        return
    _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != _forker[0]:  # the parent died before the request took effect
        os._exit(1)


if sys.platform.startswith("linux"):
    _LIBC = ctypes.CDLL(None, use_errno=True)
    os.register_at_fork(before=_before_fork, after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def children_die_with_this_process() -> Iterator[None]:
    """Processes forked inside this block (and the ones they fork) die when their parent does.

    The kernel ties the request to the forking *thread*: run the block in a thread that lives
    as long as the children it makes (the jobs are forked and reaped inside it).
    """
    global _active
    with _lock:
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1

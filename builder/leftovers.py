"""Folders a killed process leaves behind, found by the pid in their name and removed.

A build's scratch and staging folders and a sandbox's scratch root are named
``{prefix}{pid}-*``: a ``kill -9`` or the OOM killer gives their owner no chance to clean
up, and the next build or sandbox removes those whose owner is gone.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def remove_leftovers(folder: Path, prefix: str) -> None:
    """Remove ``{prefix}{pid}-*`` folders whose process died without cleaning up (kill -9, OOM).

    What a process keeps on disk while it runs (a build's scratch and staging folders, a
    sandbox's scratch root) carries its pid, so a later one can tell a dead owner's from a
    live one's; a live process's folders, and anything not named that way, stay.
    """
    for path in folder.glob(f"{prefix}*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if pid.isascii() and pid.isdigit() and not process_alive(int(pid)):  # not "²": isdigit, yet no int
            shutil.rmtree(path, ignore_errors=True)


def process_alive(pid: int) -> bool:
    """Running, or at least not a zombie: a killed build's jobs are re-parented to PID 1, which
    in a container may never reap them, and ``kill(pid, 0)`` succeeds on a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's, or not a pid at all: leave it
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True

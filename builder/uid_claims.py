"""Which task uids a fork server may use, claimed host-wide for as long as it runs.

Task slot ``k`` runs as uid ``UID_BASE + k``, and RLIMIT_NPROC counts per uid: two
sandboxes on one host using the same slots (a build beside ``code2cot validate``, two Space
sessions, two builds) would share one process budget, so a task starting threads in one
could make a task in the other fail, a verdict that depends on what else ran. Each slot is
a lock file held with ``flock`` while its fork server runs; the kernel drops the lock when
the holder dies, however it dies, so nothing is ever left claimed.
"""

from __future__ import annotations

import fcntl
import os
import stat
import warnings

MAX_SLOTS = 1024
"""Slots (uids ``UID_BASE`` .. ``UID_BASE + MAX_SLOTS - 1``) there are to claim."""


CLAIMS_DIR = "/run/code2cot-uid-claims"
"""One place for every process on the host, whatever its TMPDIR; ``/run`` is root's alone (in
a world-writable /tmp another user could make the dir first and turn the claims off)."""

_warned = False


def _warn_once(why: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        warnings.warn(f"task uids are not claimed host-wide ({why}): sandboxes running side by side on this "
                      "host may share task uids and their process limit", RuntimeWarning, stacklevel=3)


def _claims_dir() -> str | None:
    """A root-owned 0700 dir for the lock files, or None where there is none to trust."""
    path = CLAIMS_DIR
    try:
        os.mkdir(path, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != 0 or info.st_mode & 0o077:
        return None  # someone else's (or a link): claims there would mean nothing
    return path


class SlotClaim:
    """``count`` consecutive slots, the first at or after ``preferred`` that no other fork server
    on this host holds; ``base`` is where they start. Only root drops to slot uids: elsewhere,
    and where no trustworthy lock dir exists, the preferred slots are used unclaimed."""

    def __init__(self, preferred: int, count: int) -> None:
        self.base = preferred
        self._fds: list[int] = []
        if os.geteuid() != 0:
            return
        folder = _claims_dir()
        if folder is None or count > MAX_SLOTS:
            _warn_once(f"no trustworthy {CLAIMS_DIR}" if folder is None else f"{count} slots asked for")
            return
        candidates = list(range(preferred, MAX_SLOTS - count + 1, count)) + list(range(0, preferred, count))
        for base in candidates:
            fds = self._take(folder, base, count)
            if fds is not None:
                self.base, self._fds = base, fds
                return
        _warn_once(f"all {MAX_SLOTS} slots are held")  # run on the preferred ones, as before claims existed

    @staticmethod
    def _take(folder: str, base: int, count: int) -> list[int] | None:
        fds: list[int] = []
        try:
            for slot in range(base, base + count):
                fds.append(os.open(os.path.join(folder, f"slot-{slot}"),
                                   os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600))
                fcntl.flock(fds[-1], fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by another sandbox (or no file to be had): not this block
            for held in fds:
                os.close(held)
            return None
        return fds

    @property
    def held(self) -> bool:
        return bool(self._fds)

    def release(self) -> None:
        for fd in self._fds:
            os.close(fd)
        self._fds = []

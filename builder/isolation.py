"""Locks a freshly forked task process down before untrusted code runs in it.

Order matters: everything that needs root (namespaces, mounts, rlimits above the
soft limits) happens first, then the process drops to an unprivileged uid. What each
step buys, and what it does not, is documented in ``docs`` of the README
("What the sandbox guarantees").
"""

from __future__ import annotations

import ctypes
import os
import resource
import signal
from dataclasses import asdict, dataclass

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 32, 4096, 16384, 1 << 18
UID_BASE = 64000
"""Task slot ``k`` runs as uid/gid ``UID_BASE + k``: no files, no processes of its own
elsewhere, so RLIMIT_NPROC and ``kill(-1)`` reach exactly that slot's processes."""


@dataclass(frozen=True)
class SandboxLimits:
    """Resource limits of one task process. CPU time and steps decide verdicts; wall is a backstop."""

    cpu_seconds: float = 10.0
    wall_seconds: float = 30.0
    memory_mb: int = 1024
    """Address space (RLIMIT_AS); numpy alone maps ~300 MB of it."""
    max_processes: int = 8
    """Processes/threads the task's uid may have (fork bombs stop here)."""
    max_open_files: int = 64
    max_file_mb: int = 16
    scratch_mb: int = 64
    max_stdout_chars: int = 1_000_000
    max_output_chars: int = 1_000_000
    """Longest repr of the return value; longer is ``output_too_large``."""
    max_result_mb: int = 64
    """Largest result message a task process may send back."""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class IsolationReport:
    """What the lock-down achieved in this process (recorded with each result)."""

    dropped_uid: int | None = None
    net_namespace: bool = False
    mount_namespace: bool = False
    notes: str = ""


def hidden_import_roots(paths: list[str]) -> list[tuple[str, str]]:
    """Import dirs an unprivileged uid cannot reach, as (closed ancestor, dir to expose).

    Python often lives under a private home (``/root/.pyenv``). Rather than opening
    the home, the task's mount namespace gets an empty tmpfs over the closed ancestor
    with only the needed dir bind-mounted into it: imports work, secrets stay hidden.
    """
    plan: dict[str, str] = {}
    for path in paths:
        path = os.path.realpath(path)
        if not os.path.isdir(path):
            continue
        parts = path.strip("/").split("/")
        for depth in range(len(parts)):
            ancestor = "/" + "/".join(parts[:depth])
            try:
                closed = not os.stat(ancestor).st_mode & 0o001
            except OSError:
                break
            if closed:
                plan[os.path.join(ancestor, parts[depth])] = ancestor
                break
    return sorted((ancestor, child) for child, ancestor in plan.items())


def _expose(libc, roots: list[tuple[str, str]]) -> bool:
    staged = []
    for index, (_, child) in enumerate(roots):
        stage = f"/tmp/.code2cot-stage-{index}"
        os.makedirs(stage, exist_ok=True)
        if not _mount(libc, child.encode(), stage.encode(), None, MS_BIND | MS_REC, None):
            return False
        staged.append((stage, child))
    for ancestor in sorted({a for a, _ in roots}):
        if not _mount(libc, b"tmpfs", ancestor.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=0755"):
            return False
    for stage, child in staged:
        os.makedirs(child, exist_ok=True)
        ok = _mount(libc, stage.encode(), child.encode(), None, MS_BIND | MS_REC, None)
        libc.umount2(stage.encode(), 2)  # MNT_DETACH
        os.rmdir(stage)
        if not ok:
            return False
    return True


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def _mount(libc, source: bytes | None, target: bytes, fstype: bytes | None, flags: int, data: bytes | None) -> bool:
    return libc.mount(source, target, fstype, flags, data) == 0


def isolate(slot: int, limits: SandboxLimits, scratch: str | None,
            expose: list[tuple[str, str]] = ()) -> tuple[IsolationReport, str]:
    """Isolate the current (child) process; returns the report and the scratch dir to work in."""
    report = IsolationReport()
    os.setsid()  # own session and process group: the parent kills the whole group
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE, signal.SIGXFSZ):
        signal.signal(sig, signal.SIG_DFL if sig != signal.SIGXFSZ else signal.SIG_IGN)
    libc = _libc()
    is_root = os.geteuid() == 0
    if is_root:
        if libc.unshare(CLONE_NEWNS | CLONE_NEWNET) == 0:
            report.net_namespace = report.mount_namespace = True
        elif libc.unshare(CLONE_NEWNET) == 0:
            report.net_namespace = True
    else:
        # Unprivileged user namespaces give a private network namespace where allowed.
        if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) == 0:
            report.net_namespace = True
    workdir = scratch or "/tmp"
    if report.mount_namespace:
        size = f"size={limits.scratch_mb}m,mode=1777".encode()
        ok = _mount(libc, b"none", b"/", None, MS_REC | MS_PRIVATE, None)
        ok = ok and _mount(libc, b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, size)
        if ok:
            _mount(libc, b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=1777")
            if expose and not _expose(libc, list(expose)):
                report.notes += "could not expose import dirs; "
            # The root filesystem read-only for this process: world-writable dirs
            # (/var/tmp, /run/lock) stop being a way out of the scratch dir.
            _mount(libc, b"none", b"/", None, MS_REMOUNT | MS_BIND | MS_RDONLY, None)
            workdir = "/tmp"
        else:
            report.notes += "private /tmp mount failed; "
    _set_limits(limits)
    if is_root:
        uid = UID_BASE + slot
        if workdir != "/tmp":
            os.chown(workdir, uid, uid)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        report.dropped_uid = uid
    os.chdir(workdir)
    return report, workdir


def _set_limits(limits: SandboxLimits) -> None:
    cpu = max(1, int(limits.cpu_seconds + 0.999))
    for name, value in (
        (resource.RLIMIT_CPU, (cpu, cpu + 1)),
        (resource.RLIMIT_AS, (limits.memory_mb << 20,) * 2),
        (resource.RLIMIT_NOFILE, (limits.max_open_files,) * 2),
        (resource.RLIMIT_FSIZE, (limits.max_file_mb << 20,) * 2),
        (resource.RLIMIT_CORE, (0, 0)),
        (resource.RLIMIT_NPROC, (limits.max_processes,) * 2),
    ):
        try:
            resource.setrlimit(name, value)
        except (ValueError, OSError):
            pass  # an unprivileged process cannot raise a hard limit; keep the lower one


def reap_slot(slot: int) -> None:
    """Kill every process left behind by a slot's uid (daemonised escapees included).

    ``kill(-1, SIGKILL)`` sent *as that uid* reaches exactly the processes the uid owns.
    Run in a short-lived forked helper so the server itself never changes uid.
    """
    if os.geteuid() != 0:
        return
    pid = os.fork()
    if pid == 0:
        try:
            uid = UID_BASE + slot
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            os.kill(-1, signal.SIGKILL)
        except BaseException:
            pass
        os._exit(0)
    os.waitpid(pid, 0)

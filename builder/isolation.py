"""Locks a freshly forked task process down before untrusted code runs in it.

Order matters: everything that needs root (namespaces, mounts, rlimits above the
soft limits) happens first, then the process drops to an unprivileged uid. What each
step buys, and what it does not, is documented in ``docs`` of the README
("What the sandbox guarantees").
"""

from __future__ import annotations

import ctypes
import os
import platform
import re
import resource
import shutil
import signal
import struct
import subprocess
from dataclasses import asdict, dataclass
from typing import Callable

from .landlock_scope import restrict_scopes, scoping_available
from .syscall_filter import install as install_syscall_filter

CLONE_NEWNS = 0x00020000
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWIPC = 0x08000000
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REMOUNT, MS_BIND, MS_REC, MS_PRIVATE = 1, 2, 4, 8, 32, 4096, 16384, 1 << 18
MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 1024, 2048, 1 << 21
MNT_DETACH = 2
PR_SET_NO_NEW_PRIVS = 38
PR_SET_PDEATHSIG = 1
UID_BASE = 64000
"""Task slot ``k`` runs as uid/gid ``UID_BASE + k``: no files, no processes of its own
elsewhere, so RLIMIT_NPROC and ``kill(-1)`` reach exactly that slot's processes."""


@dataclass(frozen=True)
class SandboxLimits:
    """Resource limits of one task process. CPU time and steps decide verdicts; wall is a backstop."""

    cpu_seconds: float = 10.0
    wall_seconds: float = 30.0
    memory_mb: int = 1024
    """Address space a task may map beyond what the warm fork server maps (RLIMIT_AS is the
    two together): preloading numpy (~300 MB of address space) takes nothing from a task's
    budget, so a verdict does not depend on which other programs' imports were preloaded."""
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
    pid_namespace: bool = False
    ipc_namespace: bool = False
    syscall_filter: bool = False
    scoped: bool = False
    """Landlock: no abstract unix socket or signal outside the task."""
    notes: str = ""


SCRATCH_INODES = 16384
"""Files and dirs a task's ``/tmp`` may hold."""

COVERED = ("/tmp", "/dev/shm")
"""Mount points every task gets a fresh private tmpfs on."""


@dataclass(frozen=True)
class ImportMounts:
    """What a task's mount namespace must keep visible so installed packages still import.

    ``keep``: dirs re-attached at their own paths (bind mounts). ``cover``: closed dirs
    (e.g. a 0700 ``/root`` holding ``/root/.pyenv``) that get an empty tmpfs first, so
    only the kept dirs inside them show and the rest (tokens, caches) stays hidden.
    Dirs under ``COVERED`` (a venv in ``/tmp``, say) are kept the same way, since the
    task's own tmpfs would otherwise hide them.
    """

    keep: tuple[str, ...] = ()
    cover: tuple[str, ...] = ()


def plan_import_mounts(paths: list[str]) -> ImportMounts:
    keep: set[str] = set()
    cover: set[str] = set()
    for path in paths:
        path = os.path.realpath(path)
        if not os.path.isdir(path):
            continue
        if path in COVERED:
            continue  # "/tmp" itself on sys.path: the task's own tmpfs stays, the host's is not bound over it
        if any(path.startswith(c + "/") for c in COVERED):
            keep.add(path)
            continue
        parts = path.strip("/").split("/")
        for depth in range(len(parts)):
            ancestor = "/" + "/".join(parts[:depth])
            try:
                closed = not os.stat(ancestor).st_mode & 0o001
            except OSError:
                break
            if closed:
                cover.add(ancestor)
                keep.add(os.path.join(ancestor, parts[depth]))
                break
    outermost = sorted(k for k in keep if not any(k.startswith(other + "/") for other in keep))
    return ImportMounts(tuple(outermost), tuple(sorted(cover)))


def _mount_private_filesystems(libc, limits: "SandboxLimits", imports: ImportMounts, own_proc: bool,
                               proc_options: bytes | None = None) -> tuple[bool, str]:
    """Fresh tmpfs scratch, hidden homes, import dirs re-attached, private /proc, read-only root.

    Import dirs are held open (O_PATH) before anything is mounted over them and bound
    back from ``/proc/self/fd``, so no staging dir is needed. Returns (private /tmp in
    place, notes): a note for each part that could not be made.
    """
    held = [(path, os.open(path, os.O_PATH | os.O_DIRECTORY)) for path in imports.keep]
    notes = ""
    # Every mount there is read-only first (world-writable dirs such as /var/tmp, or /run/lock
    # and /dev/mqueue where they are mounts of their own, stop being a way out of the scratch
    # dir or a place to leave files for a later task); what is mounted below is writable.
    read_only = _read_only_everywhere(libc)
    try:
        # nr_inodes: empty files cost no size, only kernel memory (and the server's clean-up time)
        size = f"size={limits.scratch_mb}m,nr_inodes={SCRATCH_INODES},mode=1777".encode()
        if not _mount(libc, b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, size):
            return False, "private /tmp mount failed; "
        if not _mount(libc, b"tmpfs", b"/dev/shm", b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,nr_inodes=1024,mode=1777"):
            notes += "private /dev/shm mount failed; "
        for closed in imports.cover:
            if not _mount(libc, b"tmpfs", closed.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=0755"):
                notes += f"could not hide {closed}; "
        for path, fd in held:
            _make_mount_point(path)
            if not _mount(libc, f"/proc/self/fd/{fd}".encode(), path.encode(), None, MS_BIND | MS_REC, None):
                notes += f"could not keep {path} importable; "
            elif not _remount_read_only(libc, path.encode()):  # a bind mount is writable where its source is
                notes += f"could not make {path} read-only; "
    finally:
        for _, fd in held:
            os.close(fd)
    # a /proc that shows only this task's processes (or, with hidepid, only its own uid's)
    if own_proc and not _mount(libc, b"proc", b"/proc", b"proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, proc_options):
        notes += "private /proc mount failed; "
    if not read_only:
        notes += "could not make every mount read-only; "
    return True, notes


def _make_mount_point(path: str) -> None:
    """``path`` and its missing parents, 0755 whatever the umask (a parent left world-writable in
    a tmpfs that tasks share would be a place for a task to leave files the next one finds)."""
    missing = []
    while not os.path.isdir(path):
        missing.append(path)
        path = os.path.dirname(path)
    for directory in reversed(missing):
        os.mkdir(directory, 0o755)
        os.chmod(directory, 0o755)


_FLAGS_A_REMOUNT_KEEPS = ((os.ST_NOSUID, MS_NOSUID), (os.ST_NODEV, MS_NODEV), (os.ST_NOEXEC, MS_NOEXEC),
                          (os.ST_NOATIME, MS_NOATIME), (os.ST_NODIRATIME, MS_NODIRATIME),
                          (os.ST_RELATIME, MS_RELATIME))


def _remount_read_only(libc, path: bytes) -> bool:
    """Make the mount at ``path`` read-only, keeping its other flags: in a user namespace the
    kernel refuses a remount that would clear a flag the mount was locked with."""
    try:
        current = os.statvfs(path).f_flag
    except OSError:
        return False
    flags = MS_REMOUNT | MS_BIND | MS_RDONLY
    for kept, flag in _FLAGS_A_REMOUNT_KEEPS:
        if current & kept:
            flags |= flag
    return _mount(libc, b"none", path, None, flags, None)


_MOUNT_SETATTR, AT_FDCWD, AT_RECURSIVE, MOUNT_ATTR_RDONLY = 442, -100, 0x8000, 0x1  # 442 on every architecture


def _read_only_everywhere(libc) -> bool:
    """Every mount of this (private) mount namespace read-only: one ``mount_setattr`` (Linux
    5.12+), else a remount of each mount point listed in ``/proc/self/mountinfo``."""
    attr = ctypes.create_string_buffer(struct.pack("=QQQQ", MOUNT_ATTR_RDONLY, 0, 0, 0), 32)
    if libc.syscall(_MOUNT_SETATTR, AT_FDCWD, b"/", AT_RECURSIVE, attr, ctypes.c_size_t(32)) == 0:
        return True
    try:
        with open("/proc/self/mountinfo", "rb") as handle:
            points = [line.split()[4] for line in handle]
    except OSError:
        return False
    return all([_remount_read_only(libc, mountinfo_path(point)) for point in points])


def mountinfo_path(field: bytes) -> bytes:
    """A path as ``/proc/self/mountinfo`` writes it, with its space, tab, newline and backslash
    escapes (``\\040``, ...) undone."""
    return re.sub(rb"\\([0-7]{3})", lambda match: bytes([int(match[1], 8)]), field)


_LIBC = ctypes.CDLL(None, use_errno=True)
for _name in ("unshare", "mount", "prctl", "syscall"):  # looked up here, once: a task inherits them
    getattr(_LIBC, _name)
_LIBC.syscall.restype = ctypes.c_long


def _libc():
    """libc, loaded when this module is imported (in the fork server): a fresh ``CDLL`` cost
    each task ~0.2 ms, four times over."""
    return _LIBC


def _mount(libc, source: bytes | None, target: bytes, fstype: bytes | None, flags: int, data: bytes | None) -> bool:
    return libc.mount(source, target, fstype, flags, data) == 0


_CLONE_SYSCALL = {"x86_64": 56, "aarch64": 220}.get(platform.machine())


_IN_USER_NAMESPACE = False
"""Set in a non-root fork server that made its own user namespace (and is root only inside it)."""


def in_user_namespace() -> bool:
    return _IN_USER_NAMESPACE


def enter_network_namespace() -> bool:
    """Called once by the fork server: it and every task it forks get no network at all.

    As root that is one ``unshare``. Without root it goes through a new user namespace in
    which the server maps itself to uid 0: that root (powerless outside) is what lets it
    give each task its own PID and mount namespaces, so a task cannot see or signal the
    user's other processes (the build, the Space) even though it runs as the same user.
    """
    global _IN_USER_NAMESPACE
    if os.geteuid() == 0:
        return _libc().unshare(CLONE_NEWNET) == 0
    uid, gid = os.geteuid(), os.getegid()
    if _libc().unshare(CLONE_NEWUSER | CLONE_NEWNET) != 0:
        return False
    try:
        for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
            with open(f"/proc/self/{name}", "w") as handle:
                handle.write(text)
    except OSError:
        pass  # no mapping: still no network; tasks then run without PID/mount namespaces
    _IN_USER_NAMESPACE = os.geteuid() == 0
    return True


HIDDEN_FROM_TASKS = ("/sys",)
"""Mounts the fork server detaches from its own mount namespace before forking any task."""


def enter_trimmed_mount_namespace(hidden: tuple[str, ...] = HIDDEN_FROM_TASKS) -> bool:
    """Called once by the fork server (as root, real or of its user namespace): a private mount
    namespace without ``/sys`` and everything mounted under it.

    Every task copies its server's mount table into a namespace of its own and tears it down
    when it exits, under a lock the kernel holds for all mount namespaces at once: with two
    jobs, each task's mount work waits on the other job's. On a container host most of that
    table is sysfs and a dozen cgroup mounts below it, which no task needs (nor should read),
    so the server drops them once: 20 mounts -> 7 here, and the shipped corpus went through
    the sandbox 11-16% faster (alternating runs, one process and two). Best effort: what
    cannot be detached stays, and tasks still make their own namespaces.
    """
    libc = _libc()
    if os.geteuid() != 0 or libc.unshare(CLONE_NEWNS) != 0:
        return False
    # Private first: the detaches below must not propagate back into the host's namespace.
    if not _mount(libc, b"none", b"/", None, MS_REC | MS_PRIVATE, None):
        return False
    for path in hidden:
        if os.path.ismount(path):
            libc.umount2(path.encode(), MNT_DETACH)
    return True


PROC_OF_OWN_UID = b"hidepid=2"
"""A /proc that shows a non-root process only the processes it may trace: its own."""


def prepare_shared_task_view(limits: SandboxLimits, imports: ImportMounts) -> bool:
    """Called once by a real-root fork server that runs one task at a time, in its own mount
    namespace: the filesystem view each of its tasks then uses in turn, so tasks make no mount
    namespace of their own.

    The view is the one a task used to build for itself (a tmpfs ``/tmp`` and ``/dev/shm``,
    hidden homes, import dirs bound back, read-only root), made once, plus a ``/proc`` that
    shows a task only its own processes (``hidepid``: it sees what it may trace, and its uid
    is its own).
    Why once: a task's own mount namespace had to be torn down at its exit, and every mount
    namespace teardown waits for an expedited RCU grace period, which interrupts every
    other CPU; with two jobs, each task's exit stalled the other job's task (``--num-proc 2``
    vs ``1``: 1.716x -> 1.850x median pair ratio on the corpus, with ``--num-proc 1``
    unchanged). A task works in ``/tmp`` as before; what it leaves there and in ``/dev/shm``
    is removed by the server when it ends (``remove_leftovers_of``), before the next task
    starts, so each task finds them as empty as a fresh tmpfs. Only with Landlock scoping:
    its domain is what keeps a task of another sandbox under the same uid (two builds side
    by side) out of this task's ``/proc`` entries, which ``hidepid`` alone would show. False
    (tasks then make their own namespaces) where any part could not be made.
    """
    if os.geteuid() != 0 or _IN_USER_NAMESPACE or not scoping_available():
        return False
    libc = _libc()
    in_place, notes = _mount_private_filesystems(libc, limits, imports, True, proc_options=PROC_OF_OWN_UID)
    return in_place and not notes


_RM = shutil.which("rm", path="/usr/bin:/bin")


def _owned_by(uid: int) -> list[str]:
    found = []
    for top in COVERED:
        try:
            with os.scandir(top) as entries:
                found += [entry.path for entry in entries if entry.stat(follow_symlinks=False).st_uid == uid]
        except OSError:
            pass
    return found


def remove_leftovers_of(slot: int) -> bool:
    """Remove what a finished task's uid left in the shared ``/tmp`` and ``/dev/shm`` (nothing
    else in the view is writable to it); False if anything is still there.

    Only called once every process of the task is gone. ``rm -rf`` rather than
    ``shutil.rmtree``: a tree a thousand levels deep made ``rmtree`` (recursive) raise
    RecursionError in the server; ``rm`` takes any depth and never follows a link.
    """
    leftovers = _owned_by(UID_BASE + slot)
    if not leftovers:
        return True
    if _RM is None:
        return False
    for start in range(0, len(leftovers), 256):  # 16384 names of 255 bytes are over the kernel's argument limit
        subprocess.run([_RM, "-rf", "--one-file-system", "--", *leftovers[start:start + 256]],
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return not _owned_by(UID_BASE + slot)


def shed_namespace_privileges() -> bool:
    """In a task of a user-namespaced server: give up the namespace-root capabilities.

    The task's mounts and PID namespace belong to the server's user namespace; moving the
    task into a fresh, nested one leaves it no capability over them (it cannot unmount its
    private ``/tmp`` or remount ``/`` writable), which is what the uid drop does as real root.
    """
    return _libc().unshare(CLONE_NEWUSER) == 0


PR_SET_DUMPABLE = 4


def hide_process_memory() -> bool:
    """Make this process non-dumpable: its ``/proc/<pid>/environ`` and memory become unreadable to
    other processes of the same user, tasks included (which matters where they cannot drop uid)."""
    return _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0


def spawn(run: Callable[[bool], None], own_mounts: bool = True) -> tuple[int, bool]:
    """Fork a task process; as root it starts in a fresh PID namespace (and, with
    ``own_mounts``, a fresh mount namespace).

    As PID 1 of its own namespace the task cannot see or signal anything outside it,
    and when it exits the kernel kills every process it left behind (fork bombs and
    daemonised escapees included). Python's ``os.fork`` cannot ask for namespaces, so
    this calls ``clone`` and then does the interpreter bookkeeping ``os.fork`` does.
    ``run(in_namespaces)`` executes in the child and must not return.
    """
    if os.geteuid() == 0 and _CLONE_SYSCALL is not None:
        api = ctypes.pythonapi
        raw = ctypes.PyDLL(None)  # keeps the GIL held across the call, as os.fork does
        raw.syscall.restype = ctypes.c_long
        api.PyOS_BeforeFork()
        flags = CLONE_NEWPID | (CLONE_NEWNS if own_mounts else 0) | signal.SIGCHLD
        pid = raw.syscall(_CLONE_SYSCALL, ctypes.c_ulong(flags),
                          None, None, None, None)
        if pid == 0:
            api.PyOS_AfterFork_Child()
            try:
                run(True)
            finally:
                os._exit(70)
        api.PyOS_AfterFork_Parent()
        if pid > 0:
            return pid, True
    pid = os.fork()
    if pid == 0:
        try:
            run(False)
        finally:
            os._exit(70)
    return pid, False


def isolate(slot: int, limits: SandboxLimits, scratch: str | None, imports: ImportMounts = ImportMounts(),
            in_namespaces: bool = False, network_isolated: bool = False,
            shared_view: bool = False) -> IsolationReport:
    """Lock down the current (task) process and ``chdir`` into its scratch dir.

    ``shared_view``: the server prepared the task filesystem (``prepare_shared_task_view``);
    ``in_namespaces`` then means a PID namespace only, and the task makes no mounts.
    """
    report = IsolationReport(net_namespace=network_isolated, pid_namespace=in_namespaces,
                             mount_namespace=shared_view)
    os.setsid()  # own session and process group: the parent kills the whole group
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(sig, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # oversized writes fail with EFBIG instead
    libc = _libc()
    is_root = os.geteuid() == 0  # real root, or root of the server's own user namespace
    real_root = is_root and not _IN_USER_NAMESPACE
    if is_root and not network_isolated:
        report.net_namespace = libc.unshare(CLONE_NEWNET) == 0
    if is_root:
        # SysV shared memory, semaphores and queues outlive their process: in the host's IPC
        # namespace a task could leave (or find) segments there; its own is gone with it.
        # (Not in spawn's clone: where IPC namespaces are refused, the PID one is still had.)
        report.ipc_namespace = libc.unshare(CLONE_NEWIPC) == 0
    if is_root and not in_namespaces and not shared_view:
        in_namespaces = libc.unshare(CLONE_NEWNS) == 0
    workdir = "/tmp" if shared_view else None  # the server's tmpfs, this task's alone while it runs
    if is_root and in_namespaces and not shared_view and _mount(libc, b"none", b"/", None, MS_REC | MS_PRIVATE, None):
        report.mount_namespace, notes = _mount_private_filesystems(libc, limits, imports, report.pid_namespace)
        report.notes += notes
        if report.mount_namespace:
            workdir = "/tmp"  # its own tmpfs
    if workdir is None:  # no tmpfs of its own: the scratch dir the server named (and removes afterwards)
        workdir = scratch or "/tmp"
        if scratch:
            os.mkdir(scratch, mode=0o700)  # never an existing path (a planted link would be followed)
    _set_limits(limits)
    if is_root and not real_root:
        if shed_namespace_privileges():
            report.notes += "user namespace: same uid, namespace privileges shed; "
        else:
            report.notes += "user namespace: could not shed namespace privileges; "
    elif is_root:
        uid = UID_BASE + slot
        if workdir != "/tmp":
            os.chown(workdir, uid, uid)
        os.setgroups([])
        os.setresgid(uid, uid, uid)
        os.setresuid(uid, uid, uid)
        report.dropped_uid = uid
    # Killed with its fork server, however that ends (after the uid change, which clears it): an
    # orphan would run on under a slot's uid that the server's sandbox no longer claims.
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    os.chdir(workdir)
    # Needed by Landlock and seccomp without privilege; setuid binaries raise nothing after it.
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        report.notes += "no_new_privs could not be set; "
    problem = restrict_scopes(libc)  # no other task's abstract sockets, no signals out
    report.scoped = problem is None
    if problem:
        report.notes += f"{problem}; "
    problem = install_syscall_filter(libc)  # last: no namespace, mount or key from here on
    report.syscall_filter = problem is None
    if problem:
        report.notes += f"{problem}; "
    return report


def _address_space_now() -> int:
    """Bytes this process maps already: the warm interpreter, its preloads, what the fork kept."""
    try:
        with open("/proc/self/statm", "rb") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _set_limits(limits: SandboxLimits) -> None:
    cpu = max(1, int(limits.cpu_seconds + 0.999))
    for name, value in (
        # hard == soft: as PID 1 of its namespace the task never receives SIGXCPU (the
        # kernel drops it), so the limit must be the SIGKILL that comes with the hard one.
        (resource.RLIMIT_CPU, (cpu, cpu)),
        (resource.RLIMIT_AS, (_address_space_now() + (limits.memory_mb << 20),) * 2),
        (resource.RLIMIT_NOFILE, (limits.max_open_files,) * 2),
        (resource.RLIMIT_FSIZE, (limits.max_file_mb << 20,) * 2),
        # 1, not 0: the kernel's marker for "no core dump" that also stops a piped core_pattern
        # (systemd-coredump, apport), which would write the dump on the host as root
        (resource.RLIMIT_CORE, (1, 1)),
        (resource.RLIMIT_NPROC, (limits.max_processes,) * 2),
    ):
        try:
            resource.setrlimit(name, value)
        except (ValueError, OSError):
            pass  # an unprivileged process cannot raise a hard limit; keep the lower one


def reap_slot(slot: int) -> None:
    """Kill every process left behind by a slot's uid (daemonised escapees included).

    Only needed where a task could not get its own PID namespace. ``kill(-1, SIGKILL)``
    sent *as that uid* reaches exactly the processes the uid owns; a short-lived
    helper does it so the server itself never changes uid.
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

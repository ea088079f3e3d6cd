"""A seccomp filter that keeps a task from making namespaces, mounts, kernel keys or memfds.

After the uid drop a task holds no capability, but where the kernel lets unprivileged users
make user namespaces it can make one and be root *inside* it: mount a FUSE filesystem and
block on it in an unkillable sleep (the build hangs), mount a tmpfs that fills host memory
past every limit, mount cgroup2 and read the host's tree. Kernel keyrings are per uid and
outlive the task (a channel to later tasks, and the build's own session keyring is
readable through them). io_uring, bpf and perf events are kernel surface no program here
needs. Python has no seccomp module: the classic BPF program is written out here and
installed with ``prctl``, after ``isolate`` set ``no_new_privs`` (which also keeps setuid
binaries from raising the task's privileges).
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

PR_SET_SECCOMP = 22
SECCOMP_MODE_FILTER = 2
_RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000
_LD_W_ABS = 0x20
_JEQ = 0x15
_JGE = 0x35
_JSET = 0x45
_RET = 0x06
_NR, _ARCH, _ARG0 = 0, 4, 16  # offsets in struct seccomp_data (arg 0's low 32 bits, little-endian)

NAMESPACE_FLAGS = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x80
"""CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET, NEWTIME."""

# Numbers shared by every architecture since Linux 5.x (the "new" syscalls).
_COMMON = {"io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427, "open_tree": 428,
           "move_mount": 429, "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "clone3": 435,
           "mount_setattr": 442, "memfd_secret": 447, "open_tree_attr": 467}
_ARCHES = {
    "x86_64": (0xC000003E, dict(_COMMON, clone=56, unshare=272, setns=308, mount=165, umount2=166, pivot_root=155,
                                chroot=161, keyctl=250, add_key=248, request_key=249, bpf=321, perf_event_open=298,
                                memfd_create=319)),
    "aarch64": (0xC00000B7, dict(_COMMON, clone=220, unshare=97, setns=268, mount=40, umount2=39, pivot_root=41,
                                 chroot=51, keyctl=219, add_key=217, request_key=218, bpf=280, perf_event_open=241,
                                 memfd_create=279)),
}
DENIED = ("unshare", "setns", "mount", "umount2", "pivot_root", "chroot", "open_tree", "move_mount", "fsopen",
          "fsconfig", "fsmount", "fspick", "mount_setattr", "open_tree_attr", "keyctl", "add_key", "request_key",
          "io_uring_setup", "io_uring_enter", "io_uring_register", "bpf", "perf_event_open")
"""Refused with EPERM. ``clone`` is refused only with a namespace flag (threads and forks go on);
``clone3``, whose flags sit in memory a filter cannot read, says ENOSYS, and glibc falls back to
``clone``."""

UNAVAILABLE = ("clone3", "memfd_create", "memfd_secret")
"""Answered ENOSYS, as on a kernel without them, so callers fall back (glibc to ``clone``,
libffi's closures to files). A memfd is memory no rlimit counts: 64 open files of up to
``max_file_mb`` each held ~1 GB of host memory past the task's memory limit."""


def program(machine: str | None = None) -> list[tuple[int, int, int, int]] | None:
    """The filter's instructions ``(code, jt, jf, k)`` for this machine, or None where unknown."""
    arch = _ARCHES.get(machine or platform.machine())
    if arch is None:
        return None
    audit_arch, numbers = arch
    eperm = _RET_ERRNO | errno.EPERM
    code = [(_LD_W_ABS, 0, 0, _ARCH), (_JEQ, 1, 0, audit_arch), (_RET, 0, 0, eperm), (_LD_W_ABS, 0, 0, _NR)]
    if audit_arch == _ARCHES["x86_64"][0]:  # the x32 ABI's numbers, which would name other calls
        code += [(_JGE, 0, 1, 0x40000000), (_RET, 0, 0, eperm)]
    for name in DENIED:
        code += [(_JEQ, 0, 1, numbers[name]), (_RET, 0, 0, eperm)]
    for name in UNAVAILABLE:
        code += [(_JEQ, 0, 1, numbers[name]), (_RET, 0, 0, _RET_ERRNO | errno.ENOSYS)]
    code += [(_JEQ, 0, 3, numbers["clone"]), (_LD_W_ABS, 0, 0, _ARG0), (_JSET, 0, 1, NAMESPACE_FLAGS),
             (_RET, 0, 0, eperm)]
    code += [(_RET, 0, 0, _RET_ALLOW)]
    return code


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_char_p)]


_CODE = program()
_FPROG = _SockFprog(len(_CODE), b"".join(struct.pack("=HBBI", *step) for step in _CODE)) if _CODE else None
"""Made once, where this module is imported (the fork server); each task only installs it."""


def install(libc: ctypes.CDLL) -> str | None:
    """Filter this process and whatever it starts; None when done, else why not. Unprivileged,
    this needs ``no_new_privs`` set first."""
    if _FPROG is None:
        return f"no syscall filter for {platform.machine()}"
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(_FPROG), 0, 0) != 0:
        return f"seccomp: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    return None

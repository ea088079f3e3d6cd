"""Landlock scoping: a task reaches no abstract unix socket and signals no process but its own.

Every task shares the fork server's (empty) network namespace, and abstract unix socket
names live in the network namespace: two tasks running side by side (two jobs, or a
sandbox with several workers) could talk through one, pass each other file descriptors,
and make one program's result depend on another. Landlock (Linux 6.12+, ABI 6) scopes
both abstract sockets and signals to the task's own domain. Where the kernel has no such
Landlock the task runs without it and its isolation report says so.
"""

from __future__ import annotations

import ctypes
import errno
import os
import struct

_CREATE_RULESET, _RESTRICT_SELF = 444, 446  # the same on every architecture
_CREATE_RULESET_VERSION = 1
_SCOPE_ABSTRACT_UNIX_SOCKET, _SCOPE_SIGNAL = 1, 2
_SCOPES_SINCE_ABI = 6


def _abi() -> int:
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc.syscall(_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(_CREATE_RULESET_VERSION))


_ABI = _abi()
_ATTR = ctypes.create_string_buffer(struct.pack("=QQQ", 0, 0, _SCOPE_ABSTRACT_UNIX_SOCKET | _SCOPE_SIGNAL))
"""Asked and made once, where this module is imported (the fork server): a task's first
``create_string_buffer`` alone took ~0.2 ms."""


def scoping_available() -> bool:
    """Whether ``restrict_scopes`` can work here (it also puts the task in a Landlock domain,
    which no process outside may trace or read through ``/proc``)."""
    return _ABI >= _SCOPES_SINCE_ABI


def restrict_scopes(libc: ctypes.CDLL) -> str | None:
    """Scope this process (and what it starts); None when done, else why not. Unprivileged,
    this needs ``no_new_privs`` set first; ``libc.syscall`` must return a C long."""
    if not scoping_available():
        return "no Landlock scoping in this kernel" if _ABI >= 0 else "no Landlock in this kernel"
    fd = libc.syscall(_CREATE_RULESET, _ATTR, ctypes.c_size_t(ctypes.sizeof(_ATTR) - 1), ctypes.c_uint32(0))
    if fd < 0:
        return f"landlock ruleset: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    try:
        if libc.syscall(_RESTRICT_SELF, fd, ctypes.c_uint32(0)) != 0:
            return f"landlock: {errno.errorcode.get(ctypes.get_errno(), '?')}"
    finally:
        os.close(fd)
    return None

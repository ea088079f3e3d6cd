"""The sandbox run by an ordinary user (a Space's container, a laptop): tasks still cannot
see or signal the user's other processes, nor read their secrets through ``/proc``.

A non-root user is simulated from root without touching the machine: the test process
enters a user namespace in which it is uid 1000, so ``geteuid() != 0`` and the sandbox
takes its unprivileged path. The probes only *ask* (signal 0, a read): a failing check
never harms anything.
"""

from __future__ import annotations

import ast
import ctypes
import json
import os
import subprocess
import sys
import textwrap

import pytest

CLONE_NEWUSER = 0x10000000


def _user_namespaces_work() -> bool:
    pid = os.fork()
    if pid == 0:
        os._exit(0 if ctypes.CDLL(None, use_errno=True).unshare(CLONE_NEWUSER) == 0 else 1)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not _user_namespaces_work(),
                                reason="needs Linux user namespaces")

HARNESS = textwrap.dedent('''
    import ctypes, json, os, sys
    libc = ctypes.CDLL(None, use_errno=True)
    uid, gid = os.geteuid(), os.getegid()
    assert libc.unshare(0x10000000) == 0, ctypes.get_errno()
    for name, text in (("setgroups", "deny"), ("uid_map", f"1000 {uid} 1"), ("gid_map", f"1000 {gid} 1")):
        with open(f"/proc/self/{name}", "w") as handle:
            handle.write(text)
    os.environ["HF_TOKEN"] = "hf_nonroot_canary"
    from code2cot.builder import Sandbox, SandboxLimits, Task

    PROBE = """
    import ctypes, os
    def f(parent):
        out = {}
        try:
            os.kill(parent, 0)
            out["signal_parent"] = "allowed"
        except OSError as exc:
            out["signal_parent"] = type(exc).__name__
        try:
            out["environ"] = open(f"/proc/{parent}/environ", "rb").read().decode(errors="replace")
        except OSError as exc:
            out["environ"] = type(exc).__name__
        out["pids"] = len([p for p in os.listdir("/proc") if p.isdigit()])
        libc = ctypes.CDLL(None, use_errno=True)
        out["umount_tmp"] = libc.umount2(b"/tmp", 2) == 0
        with open("/tmp/scratch.txt", "w") as handle:
            handle.write("mine")
        return out
    """
    with Sandbox(workers=1, limits=SandboxLimits(cpu_seconds=5)) as sandbox:
        result = sandbox.run(Task(id="probe", code=PROBE, input=str(os.getpid()), entry_point="f"))
        # a plain process of the same user (no namespaces): can it read our environment?
        reader = os.fork()
        if reader == 0:
            try:
                text = open(f"/proc/{os.getppid()}/environ", "rb").read().decode(errors="replace")
                os._exit(3 if "hf_nonroot_canary" in text else 4)
            except OSError:
                os._exit(5)
        same_user_read = {3: "leaked", 4: "readable, no token", 5: "refused"}[
            os.waitstatus_to_exitcode(os.waitpid(reader, 0)[1])]
    print(json.dumps({"euid": os.geteuid(), "status": result.status, "output": result.output,
                      "error": result.error, "isolation": result.isolation, "same_user_read": same_user_read}))
''')


@pytest.fixture(scope="module")
def nonroot_run() -> dict:
    done = subprocess.run([sys.executable, "-c", HARNESS], capture_output=True, text=True, timeout=120,
                          cwd="/")
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_harness_is_not_root(nonroot_run):
    assert nonroot_run["euid"] == 1000


def test_a_task_gets_its_own_pid_and_mount_namespaces_without_root(nonroot_run):
    assert nonroot_run["status"] == "ok", nonroot_run["error"]
    isolation = nonroot_run["isolation"]
    assert isolation["pid_namespace"] and isolation["mount_namespace"] and isolation["net_namespace"]
    assert "namespace privileges shed" in isolation["notes"]


def test_a_task_cannot_signal_or_read_the_users_other_processes(nonroot_run):
    probe = ast.literal_eval(nonroot_run["output"])
    assert probe["signal_parent"] == "ProcessLookupError"  # the build/Space is not even addressable
    assert "hf_nonroot_canary" not in probe["environ"]
    assert probe["pids"] == 1  # only itself in its /proc
    assert probe["umount_tmp"] is False  # its private /tmp stays (privileges over its mounts are shed)


def test_the_process_running_the_sandbox_hides_its_environment_from_the_same_user(nonroot_run):
    assert nonroot_run["same_user_read"] == "refused"

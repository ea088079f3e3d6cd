"""Sandbox behaviour on benign programs: order, verdict policy, recovery, speed of isolation."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from code2cot.builder import Sandbox, SandboxLimits, Task, TraceLimits

LIMITS = SandboxLimits(cpu_seconds=5, wall_seconds=10)


def test_results_come_back_in_input_order_with_traces():
    code = "def f(n):\n    total = 0\n    for i in range(n):\n        total += i * i\n    return total\n"
    tasks = [Task(id=f"t{n}", code=code, input=str(n)) for n in range(40)]
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        results = list(sandbox.map(tasks))
    assert [r.id for r in results] == [t.id for t in tasks]
    assert all(r.ok for r in results)
    assert [r.output for r in results] == [repr(sum(i * i for i in range(n))) for n in range(40)]
    assert results[10].trace["steps"][-1] == {"event": "return", "func": "f", "line": 5, "depth": 0,
                                              "source": "    return total", "value": "285"}
    assert results[0].isolation.get("dropped_uid") or os.geteuid() != 0


def test_stdout_is_captured_per_task():
    code = "def f(name):\n    print('hello', name)\n    return len(name)\n"
    with Sandbox(workers=1, limits=LIMITS) as sandbox:
        result = sandbox.run(Task(id="p", code=code, input="'ada'"))
    assert result.ok and result.output == "3" and result.stdout == "hello ada\n"
    assert result.trace["stdout"] == "hello ada\n"


def test_an_int_too_long_for_python_to_write_is_an_output_too_large_not_an_exception():
    code = "def f(n):\n    big = 2 ** n\n    return [big] if n % 2 else big\n"
    with Sandbox(workers=1, limits=LIMITS) as sandbox:
        results = list(sandbox.map([Task(id=str(n), code=code, input=str(n)) for n in (20000, 20001, 1000)]))
    for result in results[:2]:
        assert result.status == "output_too_large", (result.status, result.error)
        assert result.error == "the return value holds an int of more than 4300 digits, past Python's limit for writing one"
    assert results[2].ok and results[2].output == repr(2 ** 1000)


def test_long_trace_policy():
    code = "def f(n):\n    if n == 0:\n        return 0\n    return 1 + f(n - 1)\n"
    task = Task(id="deep", code=code, input="200")
    limits = TraceLimits(max_steps=100)
    with Sandbox(workers=1, limits=LIMITS, trace_limits=limits) as sandbox:
        kept = sandbox.run(task)
    with Sandbox(workers=1, limits=LIMITS, trace_limits=limits, long_traces="fail") as sandbox:
        failed = sandbox.run(task)
    assert kept.ok and kept.trace["truncated"] and kept.output == "200"
    assert failed.status == "trace_too_long" and "100 steps" in failed.error
    with pytest.raises(ValueError, match="long_traces"):
        Sandbox(long_traces="drop")


def test_step_budget_is_a_deterministic_timeout():
    code = "def f():\n    i = 0\n    while True:\n        i += 1\n"
    with Sandbox(workers=1, limits=LIMITS, trace_limits=TraceLimits(max_events=20_000)) as sandbox:
        result = sandbox.run(Task(id="spin", code=code, input=""))
    assert result.status == "timeout" and "20000 executed steps" in result.error
    assert result.cpu_seconds < 2  # stopped by the step count, long before the CPU limit
    assert result.trace and result.trace["steps"][0]["event"] == "call"


def test_server_death_loses_no_finished_result():
    """Kill the fork server mid-batch: every task still gets exactly one result."""
    code = "def f(n):\n    x = 0\n    for i in range(n):\n        x += i\n    return x\n"
    tasks = [Task(id=str(i), code=code, input="30000") for i in range(24)]
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        results = []
        for index, result in enumerate(sandbox.map(tasks)):
            results.append(result)
            if index == 3:
                os.kill(sandbox.backend.process.pid, signal.SIGKILL)
        restarts = sandbox.backend.restarts
    assert [r.id for r in results] == [t.id for t in tasks]
    assert all(r.ok for r in results), [(r.id, r.status, r.error) for r in results if not r.ok]
    assert restarts == 1


def test_isolation_costs_milliseconds():
    tasks = [Task(id=str(i), code="def f(x):\n    return x + 1\n", input=str(i)) for i in range(60)]
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        list(sandbox.map(tasks[:4]))  # warm
        start = time.perf_counter()
        results = list(sandbox.map(tasks))
        elapsed = time.perf_counter() - start
    assert all(r.ok for r in results)
    assert elapsed / len(tasks) < 0.05, f"{elapsed / len(tasks) * 1000:.1f} ms per task"


def test_sandbox_is_usable_from_threads_one_map_at_a_time():
    with Sandbox(workers=1, limits=LIMITS) as sandbox:
        out = []
        thread = threading.Thread(target=lambda: out.append(sandbox.run(Task(id="x", code="def f():\n    return 7", input=""))))
        thread.start()
        thread.join(30)
    assert out and out[0].output == "7"


def test_abandoned_map_does_not_leak_results_into_the_next():
    slow = "def f(n):\n    x = 0\n    for i in range(n):\n        x += i\n    return x\n"
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        for result in sandbox.map([Task(id=f"old{i}", code=slow, input="20000") for i in range(8)]):
            break  # leave tasks in flight
        fresh = list(sandbox.map([Task(id=f"new{i}", code="def f(x):\n    return -x\n", input=str(i)) for i in range(5)]))
    assert [r.id for r in fresh] == [f"new{i}" for i in range(5)]
    assert [r.output for r in fresh] == ["0", "-1", "-2", "-3", "-4"]


def test_closing_with_large_results_in_flight_is_quick():
    """Ctrl-C or an error mid-map closes the sandbox with tasks in flight whose results nobody
    reads: the server must stop, not run them into a full pipe until the wall-clock backstop."""
    big = "def f(n):\n    return 'x' * n\n"
    sandbox = Sandbox(workers=1, limits=LIMITS)
    with sandbox:
        for result in sandbox.map([Task(id=f"big{i}", code=big, input="300000") for i in range(6)]):
            assert result.ok
            break
        server = sandbox.backend.process
        started = time.monotonic()
    assert time.monotonic() - started < 5, "closing waited for the backstop"
    assert server.returncode == 0, "the server had to be killed"


def test_cpu_limit_is_exact_and_cannot_be_caught():
    """PID 1 of a namespace never gets SIGXCPU, so the limit is the hard SIGKILL, at the limit itself."""
    spin = "def f():\n    n = 0\n    while True:\n        n += 1\n"
    catcher = ("import signal\ndef f():\n    def h(*a):\n        raise RuntimeError('got SIGXCPU')\n"
               "    signal.signal(signal.SIGXCPU, h)\n    n = 0\n    while True:\n        n += 1\n")
    limits = SandboxLimits(cpu_seconds=1, wall_seconds=10)
    with Sandbox(workers=2, limits=limits, trace_limits=TraceLimits(max_events=10**9)) as sandbox:
        results = list(sandbox.map([Task(id="spin", code=spin, input=""), Task(id="catch", code=catcher, input="")]))
    for result in results:
        assert result.status == "timeout" and "CPU time limit" in result.error
        assert result.cpu_seconds < 1.5


def test_import_dirs_under_tmp_or_a_closed_home_stay_visible(tmp_path):
    from code2cot.builder.isolation import plan_import_mounts

    closed = tmp_path.parent / "closed_home"
    (closed / "python" / "lib").mkdir(parents=True, exist_ok=True)
    os.chmod(closed, 0o700)
    venv = tmp_path / "venv" / "lib"
    venv.mkdir(parents=True)
    plan = plan_import_mounts([str(venv), str(venv / "missing"), str(closed / "python" / "lib"), "/usr/lib"])
    assert str(venv) in plan.keep  # under /tmp, which every task gets a fresh tmpfs on
    if str(tmp_path).startswith("/tmp/"):
        assert not any(k.startswith("/usr") for k in plan.keep)  # open dirs need nothing
    assert all(not k.endswith("missing") for k in plan.keep)


def test_packages_from_a_venv_under_tmp_import_in_the_sandbox(tmp_path):
    """A checkout (and its venv) under /tmp must stay importable inside the task's private /tmp."""
    package = tmp_path / "site" / "c2c_probe_pkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("VALUE = 41\n")
    script = (
        "import sys\nfrom code2cot.builder import Sandbox, Task\n"
        "with Sandbox(workers=1) as sb:\n"
        "    r = sb.run(Task(id='p', code='import c2c_probe_pkg\\ndef f():\\n    return c2c_probe_pkg.VALUE + 1\\n', input=''))\n"
        "print(r.status, r.output, r.error)\n"
    )
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split()[:2] == ["ok", "42"], done.stdout + done.stderr[-1000:]


def test_classify_cpu_limit_kill_is_a_timeout_even_when_rusage_reads_a_little_low():
    """RLIMIT_CPU fires on tick-sampled time; rusage is precise, so a loaded machine can read 1.9 s for a 2 s limit."""
    from code2cot.builder.sandbox import classify

    limits = SandboxLimits(cpu_seconds=2, wall_seconds=6)
    near = classify("t", {"signal": int(signal.SIGKILL), "cpu_seconds": 1.88, "wall_seconds": 3.0}, b"", limits)
    assert near.status == "timeout" and "CPU time limit" in near.error
    early = classify("t", {"signal": int(signal.SIGKILL), "cpu_seconds": 0.2, "wall_seconds": 0.3}, b"", limits)
    assert early.status == "killed" and "SIGKILL" in early.error
    wall = classify("t", {"signal": int(signal.SIGKILL), "cpu_seconds": 0.1, "wall_seconds": 6.1, "timed_out": True},
                    b"", limits)
    assert wall.status == "timeout" and "wall-clock" in wall.error


@pytest.mark.skipif(os.geteuid() != 0, reason="the uid drop needs root")
def test_without_a_private_tmpfs_a_task_creates_and_owns_the_scratch_dir_the_server_named():
    """The fallback where mounts fail: the server only names the dir; the task makes it, owns it, works in it."""
    import shutil
    import tempfile
    from pathlib import Path

    from code2cot.builder import isolation

    root = Path(tempfile.mkdtemp(prefix="code2cot-test-scratch-"))
    root.chmod(0o711)  # as the sandbox's scratch root: the dropped uid may pass through, not list
    scratch = root / "task-1"
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            isolation._mount_private_filesystems = lambda *args, **kwargs: (False, "forced for the test; ")
            report = isolation.isolate(3, SandboxLimits(), str(scratch), in_namespaces=False, network_isolated=True)
            with open("note.txt", "w") as handle:
                handle.write("mine")
            stat = os.stat(scratch)
            code = 0 if (os.getcwd() == str(scratch) and report.dropped_uid == isolation.UID_BASE + 3
                         and stat.st_uid == report.dropped_uid and stat.st_mode & 0o777 == 0o700) else 2
        finally:
            os._exit(code)
    try:
        assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0
        assert (scratch / "note.txt").read_text() == "mine"
    finally:
        shutil.rmtree(root, ignore_errors=True)


SHARED_VIEW_PROBE = """
import os
PROC = "/" + "pr" + "oc"  # not named as such: a program that names /proc gets a view of its own
def f(leave):
    seen = {
        "tmp": sorted(n for n in os.listdir("/tmp") if os.stat(os.path.join("/tmp", n)).st_uid == os.getuid()),
        "shm": sorted(os.listdir("/dev/shm")),
        "proc": sorted(n for n in os.listdir(PROC) if n.isdigit()),
        "self": os.readlink(PROC + "/self"),
        "cwd": os.getcwd(),
        "hidepid": any(f" {PROC} " in line and "hidepid" in line for line in open(PROC + "/self/mountinfo")),
    }
    if leave:
        with open("/tmp/left.txt", "w") as fh:
            fh.write("x")
        os.makedirs("/tmp/left-dir/deeper")
        os.chmod("/tmp/left-dir", 0)
        os.symlink("/etc/passwd", "/tmp/left-link")
        with open("/dev/shm/left-shm", "w") as fh:
            fh.write("x")
        for i in range(20_000):  # more files than a task's /tmp may hold
            try:
                open(f"/tmp/many-{i}", "w").close()
            except OSError as exc:
                seen["inodes_stopped_at"] = (i, exc.strerror)
                break
    return seen
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="the shared view is made by a real-root fork server")
@pytest.mark.parametrize("workers", [1, 2])
def test_each_task_finds_tmp_and_dev_shm_empty_and_sees_only_its_own_processes(workers):
    """With one task at a time the server makes the tasks' filesystem view once (no mount namespace
    per task: its teardown stalled the other job's task); with more, each task makes its own.
    Either way a task finds nothing a task before it left, and /proc shows it only itself."""
    tasks = [Task(id=f"t{i}", code=SHARED_VIEW_PROBE, input=repr(i == 0)) for i in range(3)]
    with Sandbox(workers=workers, limits=LIMITS) as sandbox:
        results = list(sandbox.map(tasks))
    assert all(r.ok for r in results), [(r.status, r.error) for r in results]
    seen = [eval(r.output) for r in results]
    assert seen[0]["inodes_stopped_at"][0] < 17_000, seen[0]["inodes_stopped_at"]
    for view in seen:
        assert view["tmp"] == [] and view["shm"] == [] and view["cwd"] == "/tmp"
        assert view["proc"] == [view["self"]]
        assert view["hidepid"] is (workers == 1)  # which of the two views the task had
    assert all(r.isolation["mount_namespace"] and r.isolation["pid_namespace"] for r in results)
    for leftover in ("/tmp/left.txt", "/tmp/left-dir", "/dev/shm/left-shm"):
        assert not os.path.lexists(leftover)  # nothing reached the host either


@pytest.mark.skipif(os.geteuid() != 0, reason="the shared view is made by a real-root fork server")
def test_a_program_that_names_proc_gets_a_proc_of_its_own_where_its_pid_is_its_own():
    """In the shared view /proc is the host's PID namespace's, where the task is not pid 1:
    /proc/<os.getpid()> (and psutil) failed. A program naming /proc gets the old per-task view."""
    code = ("import os\n"
            "def f():\n"
            "    status = open(f'/proc/{os.getpid()}/status').read()\n"
            "    return [line.split()[1] for line in status.splitlines() if line.startswith('Pid:')] + \\\n"
            "        [os.readlink('/proc/self')]\n")
    with Sandbox(workers=1, limits=LIMITS, check_determinism=True) as sandbox:
        results = list(sandbox.map([Task(id=f"p{i}", code=code, input="") for i in range(2)]))
    assert [(r.status, r.output) for r in results] == [("ok", "['1', '1']")] * 2, [r.error for r in results]


def test_mountinfo_paths_are_unescaped():
    from code2cot.builder.isolation import mountinfo_path

    assert mountinfo_path(rb"/mnt/a\040b\011c\012d\134e") == b"/mnt/a b\tc\nd\\e"


@pytest.mark.skipif(os.geteuid() != 0, reason="slots are claimed where tasks drop to slot uids (root)")
def test_slots_are_claimed_host_wide_and_freed_when_released():
    from code2cot.builder.uid_claims import SlotClaim

    first, second = SlotClaim(500, 2), SlotClaim(500, 2)
    try:
        assert first.held and second.held
        assert (first.base, second.base) == (500, 502)  # the preferred slots were taken
        first.release()
        third = SlotClaim(500, 2)
        assert third.base == 500  # freed with the release
        third.release()
    finally:
        first.release()
        second.release()


@pytest.mark.skipif(os.geteuid() != 0, reason="slots are claimed where tasks drop to slot uids (root)")
def test_a_server_that_fails_to_start_keeps_no_slot(monkeypatch):
    from code2cot.builder import sandbox as sandbox_module
    from code2cot.builder.uid_claims import SlotClaim

    def no_process(*args, **kwargs):
        raise OSError(24, "Too many open files (simulated)")

    monkeypatch.setattr(sandbox_module.subprocess, "Popen", no_process)
    box = Sandbox(workers=1, limits=LIMITS, slot_base=520)
    with pytest.raises(OSError, match="simulated"):
        list(box.map([Task(id="t", code="def f():\n    return 1\n", input="")]))
    box.close()
    monkeypatch.undo()
    claim = SlotClaim(520, 1)
    try:
        assert claim.base == 520
    finally:
        claim.release()


@pytest.mark.skipif(os.geteuid() != 0, reason="tasks drop to slot uids as root")
def test_a_task_dies_with_its_fork_server():
    """A task is PID 1 of its own namespace; had it outlived a killed server, it would run on under
    a slot uid its sandbox no longer claims (and counts against that uid's process limit)."""
    from code2cot.builder.isolation import UID_BASE
    from test_sandbox_hostile import _status_field

    limits = SandboxLimits(cpu_seconds=2, wall_seconds=3)
    with Sandbox(workers=1, limits=limits, slot_base=540) as box:
        box.backend.start()
        results = box.map([Task(id="sleeper", code="import time\ndef f():\n    time.sleep(600)\n", input="")])
        first_server = box.backend.process.pid
        uid = str(UID_BASE + box.backend.claim.base)
        threading.Timer(1.0, os.kill, (first_server, signal.SIGKILL)).start()
        list(results)
    time.sleep(0.5)
    left = [entry.name for entry in os.scandir("/proc")
            if entry.name.isdigit() and _status_field(entry.name, "Uid") == uid]
    assert left == [], f"processes of uid {uid} outlived their sandbox: {left}"


@pytest.mark.skipif(os.geteuid() != 0, reason="tasks drop to slot uids as root")
def test_sandboxes_side_by_side_never_share_a_task_uid():
    """Both ask for slot 0 (validate beside a build, two Space sessions): RLIMIT_NPROC is per uid,
    so a task starting threads in one could make a task in the other fail."""
    code = "def f():\n    return 1\n"
    with Sandbox(workers=1, limits=LIMITS) as one, Sandbox(workers=1, limits=LIMITS) as other:
        uids = [list(sandbox.map([Task(id="t", code=code, input="")]))[0].isolation["dropped_uid"]
                for sandbox in (one, other)]
    assert uids[0] != uids[1] and None not in uids
    with Sandbox(workers=1, limits=LIMITS) as again:  # both released: the first slot is free again
        assert list(again.map([Task(id="t", code=code, input="")]))[0].isolation["dropped_uid"] == uids[0]


DEEP_TREE = """
import os
def f(top):
    os.mkdir(top + "/deep")
    os.chdir(top + "/deep")
    for _ in range(1000):
        os.mkdir("a")
        os.chdir("a")
    return "made"
"""


MANY_LONG_NAMES = """
def f():
    for i in range(16384):
        try:
            open("/tmp/%05d" % i + "x" * 240, "w").close()
        except OSError:
            return i
"""


@pytest.mark.parametrize("workers", [1, 2])
def test_what_a_task_leaves_is_cleaned_up_however_deep_or_many_and_harms_no_other_task(workers):
    """The server removes what a task left (with one task at a time, as root) at any depth and in
    any number; a recursive removal died of RecursionError, and one command line for 16k long
    names of E2BIG, each time killing the server and the task sent to it next."""
    tasks = [Task(id="before", code="def f():\n    return 1\n", input=""),
             Task(id="shm", code=DEEP_TREE, input="'/dev/shm'"), Task(id="tmp", code=DEEP_TREE, input="'/tmp'"),
             Task(id="many", code=MANY_LONG_NAMES, input=""),
             *[Task(id=f"after{i}", code=SHARED_VIEW_PROBE, input="False") for i in range(2)]]
    with Sandbox(workers=workers, limits=LIMITS) as sandbox:
        results = list(sandbox.map(tasks))
        restarts = sandbox.backend.restarts
    assert [r.status for r in results] == ["ok"] * 6, [(r.status, r.error) for r in results]
    assert [r.output for r in results[:3]] == ["1", "'made'", "'made'"]
    assert 16_000 < int(results[3].output) <= 16_384  # up to the tmpfs's inode limit
    assert restarts == 0
    for result in results[4:]:
        view = eval(result.output)
        assert view["tmp"] == [] and view["shm"] == [], view


@pytest.mark.skipif(os.geteuid() != 0, reason="import dirs are bound into task views as root")
def test_import_dirs_bound_into_the_view_are_read_only_and_their_new_parents_closed(tmp_path, monkeypatch):
    """An import dir two levels below a closed dir, world-writable on the host and made under
    umask 0: a task can write neither into it nor into the parent the view had to make for it."""
    home = tmp_path / "closed"
    package_dir = home / "outer" / "inner"
    package_dir.mkdir(parents=True)
    home.chmod(0o700)  # a closed ancestor: covered by an empty tmpfs, the import dir bound back
    package_dir.chmod(0o777)
    (home / "outer").chmod(0o777)
    monkeypatch.syspath_prepend(str(package_dir))
    writer = ("import os\n"
              "def f(paths):\n"
              "    out = {}\n"
              "    for path in paths:\n"
              "        try:\n"
              "            open(path, 'w').write('x')\n"
              "            out[path] = 'wrote'\n"
              "        except OSError as exc:\n"
              "            out[path] = exc.strerror\n"
              "    return out\n")
    targets = [str(package_dir / "planted.txt"), str(home / "outer" / "planted.txt")]
    old_umask = os.umask(0)
    try:
        with Sandbox(workers=1, limits=LIMITS) as sandbox:
            results = list(sandbox.map([Task(id=f"w{i}", code=writer, input=repr(targets)) for i in range(2)]))
    finally:
        os.umask(old_umask)
    for result in results:
        assert result.ok, (result.status, result.error)
        assert "wrote" not in eval(result.output).values(), result.output
    assert not (package_dir / "planted.txt").exists()


WRITABLE_MOUNT_ON_THE_HOST = """
import ctypes, json, os, sys, tempfile
libc = ctypes.CDLL(None, use_errno=True)
assert libc.unshare(0x00020000) == 0  # a mount namespace for this script alone: the host is untouched
assert libc.mount(b"none", b"/", None, (1 << 14) | (1 << 18), None) == 0  # MS_REC | MS_PRIVATE
place = tempfile.mkdtemp(prefix="code2cot-test-mount-", dir="/var/tmp")
assert libc.mount(b"tmpfs", place.encode(), b"tmpfs", 0, b"mode=1777,size=1m") == 0
from code2cot.builder import Sandbox, SandboxLimits, Task
code = "def f(path):\\n    try:\\n        open(path, 'w').write('x')\\n        return 'wrote'\\n" \\
       "    except OSError as exc:\\n        return exc.strerror\\n"
out = {}
for workers in (1, 2):
    with Sandbox(workers=workers, limits=SandboxLimits(cpu_seconds=5, wall_seconds=10)) as sandbox:
        out[workers] = [r.output for r in sandbox.map([Task(id="w", code=code, input=repr(place + "/x"))])]
out["left"] = os.listdir(place)
print(json.dumps(out))
"""


@pytest.mark.skipif(os.geteuid() != 0, reason="mounts a tmpfs in a mount namespace of the test's own")
def test_a_world_writable_mount_of_its_own_on_the_host_is_read_only_to_tasks(tmp_path):
    """/run/lock is a tmpfs of its own on Debian: making only the root mount read-only left such
    mounts writable, a way out of the scratch dir and a place to leave files for later tasks."""
    import json
    import subprocess
    import sys

    script = tmp_path / "mount_probe.py"
    script.write_text(WRITABLE_MOUNT_ON_THE_HOST)
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert out == {"1": ["'Read-only file system'"], "2": ["'Read-only file system'"], "left": []}


def test_tmp_itself_on_sys_path_is_not_bound_over_the_tasks_own_tmp(monkeypatch):
    """A ``/tmp`` entry on sys.path (pytest puts a checkout's parent there) made the host's /tmp
    a task's /tmp: now the task keeps its own tmpfs."""
    from code2cot.builder.isolation import plan_import_mounts

    assert plan_import_mounts(["/tmp", "/dev/shm"]).keep == ()
    monkeypatch.syspath_prepend("/tmp")
    name = f"code2cot-test-own-tmp-{os.getpid()}"
    code = f"def f():\n    open('/tmp/{name}', 'w').write('x')\n    return 'wrote'\n"
    with Sandbox(workers=1, limits=LIMITS) as sandbox:
        result = list(sandbox.map([Task(id="w", code=code, input="")]))[0]
    assert (result.status, result.output) == ("ok", "'wrote'"), result.error
    assert not os.path.exists(f"/tmp/{name}")


def test_a_tasks_memory_budget_is_the_same_whatever_the_server_preloads():
    """RLIMIT_AS is what the warm server maps plus memory_mb: preloading numpy (~300 MB of
    address space) used to take that much from every task, so a verdict depended on which
    other programs of the build imported what."""
    pytest.importorskip("numpy")
    limits = SandboxLimits(cpu_seconds=5, wall_seconds=15, memory_mb=256)
    fits = Task(id="fits", code="def f():\n    return len(bytearray(200 << 20)) >> 20\n", input="")
    too_big = Task(id="too_big", code="def f():\n    return len(bytearray(300 << 20)) >> 20\n", input="")
    for preload in ([], ["numpy"]):
        with Sandbox(workers=1, limits=limits, preload=preload) as sandbox:
            small, big = sandbox.map([fits, too_big])
        assert (small.status, small.output) == ("ok", "200"), (preload, small.error)
        assert big.status == "memory", (preload, big.status, big.error)


def test_a_forged_result_of_millions_of_empty_objects_is_refused_before_it_is_parsed():
    """60 MB of ``{},`` parsed into 20 million dicts: 1.5 GB in the build's process."""
    import json as json_module
    import resource

    from code2cot.builder.sandbox import classify

    steps = b",".join([b"{}"] * 2_000_000)
    forged = b'{"status": "ok", "output": "1", "trace": {"steps": [' + steps + b']}}'
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = classify("t", {"exit_code": 0}, forged, SandboxLimits(), max_steps=1000)
    assert result.status == "killed" and "more JSON objects, arrays or values than a result can hold" in result.error
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KB: nothing was built
    strings = b",".join([b'"ab"'] * 2_000_000)  # scalars: 2 GB of str objects for 60 MB
    forged = b'{"status": "ok", "output": "1", "trace": {"steps": [{"changed": {"x": "1"}, "s": [' + strings + b']}]}}'
    assert "more JSON objects, arrays or values" in classify("t", {}, forged, SandboxLimits(), max_steps=1000).error
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000
    started = time.monotonic()  # an unclosed string of escaped quotes: one scan, not one per quote
    classify("t", {}, b'"' + b'\\"' * 600_000, SandboxLimits(), max_steps=1000)
    assert time.monotonic() - started < 2
    # brackets inside strings (reprs) are not structure: a large honest result still parses
    honest = json_module.dumps({"status": "ok", "output": "[" * 3_000_000, "stdout": "", "isolation": {},
                                "trace": {"steps": [], "n_steps": 0}}).encode()
    assert "more JSON objects" not in (classify("t", {"exit_code": 0}, honest, SandboxLimits(), max_steps=1000).error or "")
    many_commas = json_module.dumps({"status": "ok", "output": ", ".join(["1"] * 500_000), "stdout": "", "isolation": {},
                                     "trace": {"steps": [], "n_steps": 0}}).encode()
    assert "more JSON objects" not in (classify("t", {}, many_commas, SandboxLimits(), max_steps=1000).error or "")

"""Hostile programs against the sandbox: every threat gets its exact reason code, the batch
goes on, the host survives, and nothing leaks out (secrets) or in (network, host files).

All hostile programs run in ONE ``Sandbox.map`` batch (it runs them in parallel); each is
followed by a benign probe task, and a final benign task closes the batch, so "the batch
continued past this threat" is checked task by task. The fork bomb joins the batch only
after it was shown to be contained inside a subprocess with a hard outer time limit.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from code2cot.builder import STATUSES, Sandbox, SandboxLimits, Task, TraceLimits

LIMITS = SandboxLimits(cpu_seconds=3, wall_seconds=5, memory_mb=512, max_stdout_chars=100_000)
"""3 s of CPU: growing to the memory limit normally takes ~0.25 s, but once took 2 s (a loaded CI machine)."""
HF_CANARY = "hf_secret_canary_123"
OPENAI_CANARY = "sk-openai-canary-456"
CANARIES = (HF_CANARY, OPENAI_CANARY)
TOKEN = uuid.uuid4().hex[:12]  # makes every file name this module plants or looks for unique
REPO = Path(__file__).resolve().parents[1]
TASK_UIDS = range(64000, 64064)

IS_ROOT = os.geteuid() == 0
as_root = pytest.mark.skipif(not IS_ROOT, reason="uid drop and mount/net/pid namespaces need root")

FORK_BOMB = "import os\ndef f():\n    while True:\n        os.fork()\n"
FINAL_CODE = "def f(a, b):\n    return sorted(a) + [b]\n"
FINAL_INPUT = "[3, 1, 2], 'end'"
FINAL_OUTPUT = "[1, 2, 3, 'end']"
PROBE_CODE = "def f(x):\n    return [x, x * 2]\n"

WRITE_CODE = textwrap.dedent("""\
    def f(path):
        with open(path, "w") as fh:
            fh.write("escaped")
        return "wrote"
""")


@dataclass(frozen=True)
class Case:
    name: str
    code: str
    input: str | Callable[[dict], str] = ""
    statuses: tuple[str, ...] = ("exception",)
    error: str | None = None  # a substring the error message must contain
    root_only: bool = False  # the verdict only holds where the task is isolated (run as root)
    needs_isolation: bool = False  # unisolated (not root) it would really hit the host: left out then


FORGED_RESULT = textwrap.dedent("""\
    import json, os, stat
    def f():
        body = json.dumps({record!r}).encode()
        for fd in range(3, 64):  # the result pipe is one of them
            try:
                if stat.S_ISFIFO(os.fstat(fd).st_mode):
                    os.write(fd, body)
            except OSError:
                pass
        os._exit(0)
""")


CASES = [
    # -- reason codes -------------------------------------------------------------------
    Case("syntax_error", "def f(:\n    return 1\n", statuses=("syntax_error",), error="SyntaxError"),
    Case("no_entry_point", "def g():\n    return 1\n", statuses=("missing_entry_point",), error="'f'"),
    Case("bad_input", "def f(x):\n    return x\n", lambda ctx: f"__import__('os').system('touch {ctx['touched']}')",
         statuses=("bad_input",), error="literal"),
    Case("raises", "def f():\n    raise ValueError('boom from the task')\n", error="ValueError: boom from the task"),
    Case("system_exit", "import sys\ndef f():\n    sys.exit(5)\n", error="SystemExit"),
    Case("keyboard_interrupt", "def f():\n    raise KeyboardInterrupt\n", error="KeyboardInterrupt"),
    Case("os_exit", "import os\ndef f():\n    os._exit(3)\n", statuses=("killed",), error="code 3"),
    Case("segfault", "import ctypes\ndef f():\n    return ctypes.string_at(0)\n", statuses=("killed",),
         error="SIGSEGV"),
    Case("recursion", "def f(n=0):\n    return f(n + 1)\n", error="RecursionError"),
    Case("infinite_loop", "def f():\n    n = 0\n    while True:\n        n += 1\n        if n < 0:\n            break\n"
         "    return n\n", statuses=("timeout",)),
    Case("sleep", "import time\ndef f():\n    time.sleep(100)\n    return 'woke'\n", statuses=("timeout",),
         error="wall-clock"),
    Case("memory_alloc", "def f():\n    return len(bytearray(4 * 1024 ** 3))\n", statuses=("memory",)),
    # bytes(n) is calloc'ed: fresh pages, not touched. Touching 512 MB usually takes ~0.25 s of
    # kernel time here, but now and then 1-3 s (as much in a bare fork, outside the sandbox:
    # the VM's page faults), which the batch's 3 s CPU limit then calls a timeout.
    Case("memory_grow", "def f():\n    hog = []\n    while True:\n        hog.append(bytes(8 * 1024 * 1024))\n",
         statuses=("memory",)),
    # memory that no rlimit counts: refused (ENOSYS), as on a kernel without memfds
    Case("memfd", "import os\ndef f():\n    return os.memfd_create('hold')\n", error="Function not implemented",
         root_only=True),
    # ... and libffi, which tries a memfd first for a ctypes callback, falls back
    Case("ctypes_callback", "import ctypes\ndef f():\n    values = (ctypes.c_int * 4)(3, 1, 4, 2)\n"
         "    compare = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int))(\n"
         "        lambda a, b: a[0] - b[0])\n"
         "    ctypes.CDLL(None).qsort(values, 4, ctypes.sizeof(ctypes.c_int), compare)\n"
         "    return list(values)\n", statuses=("ok",)),
    Case("print_forever", "def f():\n    while True:\n        print('x' * 1000)\n", statuses=("output_too_large",),
         error="printed more than 100000"),
    Case("huge_return", "def f():\n    return 'x' * 400_000_000\n", statuses=("output_too_large", "memory")),
    # a program writing its own "result" to the pipe: a verdict, not a crash of whoever reads it
    Case("forged_result_types", FORGED_RESULT.format(record={"status": "ok", "output": 5}), statuses=("killed",),
         error="malformed result: output is int"),
    Case("forged_result_trace", FORGED_RESULT.format(record={"status": "ok", "output": "5", "trace": {
        "n_steps": 1, "steps": [{"event": "line", "func": "f", "line": "9", "depth": 0, "source": "", "changed": {}}]}}),
         statuses=("killed",), error="malformed result: step 0: line is str"),
    Case("forged_result_error", FORGED_RESULT.format(record={"status": "exception", "error": ["x"]}),
         statuses=("killed",), error="malformed result: error is list"),
    Case("forged_result_depth", FORGED_RESULT.format(record={"status": "ok", "output": "5", "trace": {
        "n_steps": 1, "steps": [{"event": "line", "func": "f", "line": 2, "depth": 10**18, "source": ""}]}}),
         statuses=("killed",), error="malformed result: step 0: depth"),
    Case("forged_result_not_object", FORGED_RESULT.format(record=[1, 2, 3]), statuses=("killed",),
         error="malformed result: not a result object"),
    Case("forged_result_no_trace", FORGED_RESULT.format(record={"status": "ok", "output": "5"}),
         statuses=("killed",), error="malformed result: an ok result without a trace"),
    # -- the host and the batch survive ----------------------------------------------------
    Case("kill_parent", "import os\ndef f():\n    os.kill(os.getppid(), 9)\n    return 'alive'\n",
         statuses=("ok", "exception", "killed"), needs_isolation=True),
    Case("kill_everything", "import os\ndef f():\n    os.kill(-1, 9)\n    return 'alive'\n",
         statuses=("ok", "exception", "killed"), needs_isolation=True),
    Case("escapee", textwrap.dedent("""\
        import os, time
        def f():
            if os.fork() == 0:
                os.setsid()
                time.sleep(60)
                os._exit(0)
            return 'parent done'
    """), statuses=("ok",), needs_isolation=True),
    # -- secrets ---------------------------------------------------------------------------
    Case("environ_dict", "import os\ndef f():\n    print(dict(os.environ))\n    return dict(os.environ)\n",
         statuses=("ok",)),
    Case("proc_self_environ", "def f():\n    return open('/proc/self/environ', 'rb').read()\n",
         statuses=("ok", "exception")),
    Case("proc_parent_environ", "import os\ndef f():\n    return open(f'/proc/{os.getppid()}/environ', 'rb').read()\n",
         statuses=("ok", "exception")),
    Case("proc_init_environ", "def f():\n    return open('/proc/1/environ', 'rb').read()\n",
         statuses=("ok", "exception")),
    Case("proc_decoy_environ", "def f(pid):\n    return open(f'/proc/{pid}/environ', 'rb').read()\n",
         lambda ctx: str(ctx["decoy_pid"]), root_only=True, needs_isolation=True),
    Case("proc_walk_environ", textwrap.dedent("""\
        import os
        def f():
            found = {}
            for pid in os.listdir('/proc'):
                if pid.isdigit():
                    try:
                        with open(f'/proc/{pid}/environ', 'rb') as fh:
                            found[pid] = fh.read()
                    except OSError as exc:
                        found[pid] = type(exc).__name__
            print(found)
            return found
    """), statuses=("ok",)),
    Case("token_files", textwrap.dedent("""\
        import os
        def f():
            found = {}
            for path in (os.path.expanduser('~/.cache/huggingface/token'), '/root/.cache/huggingface/token',
                         '/root/.netrc', '/root/.config/openai/key'):
                try:
                    found[path] = open(path).read()
                except OSError as exc:
                    found[path] = type(exc).__name__
            return found
    """), statuses=("ok",)),
    Case("planted_secret", "def f(path):\n    return open(path).read()\n", lambda ctx: repr(ctx["planted_secret"]),
         root_only=True, needs_isolation=True),
    Case("root_listing", "import os\ndef f():\n    return sorted(os.listdir('/root'))\n", statuses=("ok", "exception")),
    # -- network ---------------------------------------------------------------------------
    Case("tcp_connect", textwrap.dedent("""\
        import socket
        def f(port):
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
            s.sendall(b"leak")
            return "connected"
    """), lambda ctx: str(ctx["tcp_port"]), root_only=True),
    Case("udp_send", textwrap.dedent("""\
        import socket
        def f(port):
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            for _ in range(3):
                s.sendto(b"leak", ("127.0.0.1", port))
            return "sent"
    """), lambda ctx: str(ctx["udp_port"]), root_only=True),
    # -- filesystem ------------------------------------------------------------------------
    Case("write_tmp_trap", WRITE_CODE, lambda ctx: repr(str(ctx["tmp_trap"] / f"escaped-{TOKEN}")),
         root_only=True, needs_isolation=True),
    Case("write_var_tmp", WRITE_CODE, repr(f"/var/tmp/code2cot-escaped-{TOKEN}"), root_only=True,
         needs_isolation=True),
    Case("write_var_tmp_trap", WRITE_CODE, lambda ctx: repr(str(ctx["var_trap"] / f"escaped-{TOKEN}")),
         root_only=True, needs_isolation=True),
    Case("write_dev_shm", WRITE_CODE, repr(f"/dev/shm/code2cot-escaped-{TOKEN}"), statuses=("ok", "exception"),
         needs_isolation=True),
    Case("write_repo", WRITE_CODE, repr(str(REPO / f"escaped-{TOKEN}")), root_only=True, needs_isolation=True),
    # a user namespace would make the task root inside it: mounts (FUSE: an unkillable task; tmpfs:
    # host memory past every limit), cgroup2; kernel keys outlive the task (per-uid keyrings)
    Case("new_namespaces", textwrap.dedent("""\
        import ctypes, threading
        def f():
            libc = ctypes.CDLL(None, use_errno=True)
            tried = {}
            for name, flags in (("user", 0x10000000 | 0x00020000), ("mount", 0x00020000), ("net", 0x40000000)):
                tried[name] = (libc.unshare(flags), ctypes.get_errno())
            tried["tmpfs"] = (libc.mount(b"none", b"/tmp", b"tmpfs", 0, None), ctypes.get_errno())
            tried["add_key"] = (libc.syscall(248, b"user", b"k", b"v", 1, -4),  # x86_64 add_key
                                ctypes.get_errno())
            thread = threading.Thread(target=lambda: tried.setdefault("thread", "ran"))
            thread.start()
            thread.join()
            return tried
    """), statuses=("ok",), root_only=True),
    # SysV shared memory outlives its process: in the host's IPC namespace it would stay (memory, and a channel)
    Case("sysv_shm", textwrap.dedent("""\
        import ctypes
        def f():
            libc = ctypes.CDLL(None)
            return [libc.shmget(0, 1 << 20, 0o1600) for _ in range(3)]  # IPC_PRIVATE, IPC_CREAT | 0600
    """), statuses=("ok",), needs_isolation=True),
    Case("write_every_mount", textwrap.dedent("""\
        import os
        def f(name):
            targets = {'/tmp', '/var/tmp', '/dev/shm', '/run/lock', '/run', '/dev', '/dev/mqueue', '/root', '/'}
            for line in open('/proc/self/mountinfo'):
                targets.add(line.split()[4])
            wrote = []
            for target in sorted(targets):
                path = os.path.join(target, name)
                try:
                    with open(path, 'w') as fh:
                        fh.write('escaped')
                    wrote.append(path)
                except OSError:
                    pass
            return wrote
    """), repr(f"code2cot-mount-escape-{TOKEN}"), statuses=("ok",), needs_isolation=True),
    Case("write_scratch", textwrap.dedent("""\
        import os
        def f(name):
            with open(name, 'w') as fh:
                fh.write('scratch works')
            return [open(name).read(), os.path.join(os.getcwd(), name)]
    """), repr(f"scratch-{TOKEN}.txt"), statuses=("ok",)),
    Case("read_sys", textwrap.dedent("""\
        import os
        def f():
            return [os.listdir('/sys'), os.path.exists('/sys/fs/cgroup'), os.cpu_count() or 0]
    """), statuses=("ok",), needs_isolation=True),
    # -- imports still work ----------------------------------------------------------------
    Case("imports", "import socket, json, fractions\ndef f():\n"
         "    return [json.dumps({'a': 1}), str(fractions.Fraction(6, 4)), socket.AF_INET > 0]\n",
         statuses=("ok",)),
]
NUMPY_CASE = Case("numpy", "import numpy as np\ndef f(n):\n    return np.arange(n) * 2\n", "4", statuses=("ok",))
FORK_BOMB_CASE = Case("fork_bomb", FORK_BOMB, statuses=("exception",), error="BlockingIOError")

try:
    import numpy  # noqa: F401
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False

ALL_CASES = CASES + ([NUMPY_CASE] if HAVE_NUMPY else []) + [FORK_BOMB_CASE]
BY_NAME = {case.name: case for case in ALL_CASES}


# -- helpers ----------------------------------------------------------------------------------

def _status_field(pid: str, name: str) -> str | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(name + ":"):
                return line.split()[1]
    except OSError:
        pass
    return None


def _under_a_live_fork_server(pid: str) -> bool:
    """True for a task of a sandbox that is still open (someone else's test run, say).

    Ours are all closed when we look, so a process of ours that escaped would have been
    reparented away from any fork server.
    """
    for _ in range(64):
        pid = _status_field(pid, "PPid") or "0"
        if pid in ("0", "1"):
            return False
        try:
            if b"code2cot.builder.forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return True
        except OSError:
            return False
    return False


def task_uid_processes() -> dict[str, int]:
    """pid -> uid of every live process owned by a task uid (64000-64063), not in a live sandbox."""
    found = {}
    for entry in Path("/proc").glob("[0-9]*"):
        uid = _status_field(entry.name, "Uid")
        if uid is not None and int(uid) in TASK_UIDS and not _under_a_live_fork_server(entry.name):
            found[entry.name] = int(uid)
    return found


def lingering_task_processes(wait: float = 3.0) -> dict[str, int]:
    """Task-uid processes still there after ``wait`` seconds (transient ones are let go)."""
    deadline = time.monotonic() + wait
    seen = task_uid_processes()
    while seen and time.monotonic() < deadline:
        time.sleep(0.1)
        now = task_uid_processes()
        seen = {pid: uid for pid, uid in now.items() if pid in seen}
    return seen


class Listener:
    """TCP and UDP sockets on 127.0.0.1 that record what reaches them; stop by themselves."""

    def __init__(self, lifetime: float = 120.0) -> None:
        self.tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.tcp.bind(("127.0.0.1", 0))
        self.tcp.listen(16)
        self.tcp.settimeout(0.2)
        self.udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.udp.bind(("127.0.0.1", 0))
        self.udp.settimeout(0.2)
        self.tcp_port = self.tcp.getsockname()[1]
        self.udp_port = self.udp.getsockname()[1]
        self.connections: list[tuple] = []
        self.datagrams: list[bytes] = []
        self.deadline = time.monotonic() + lifetime
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._accept, daemon=True),
                        threading.Thread(target=self._receive, daemon=True)]
        for thread in self.threads:
            thread.start()

    def _running(self) -> bool:
        return not self.stopping.is_set() and time.monotonic() < self.deadline

    def _accept(self) -> None:
        while self._running():
            try:
                conn, address = self.tcp.accept()
            except (socket.timeout, OSError):
                continue
            if len(self.connections) < 100:
                self.connections.append(address)
            conn.close()

    def _receive(self) -> None:
        while self._running():
            try:
                data = self.udp.recv(4096)
            except (socket.timeout, OSError):
                continue
            if len(self.datagrams) < 100:
                self.datagrams.append(data)

    def close(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(5)
        self.tcp.close()
        self.udp.close()


def run_fork_bomb_outside(timeout: float = 60.0) -> dict:
    """Map the fork bomb in a separate Python process with a hard outer time limit."""
    script = textwrap.dedent(f"""
        import json
        from code2cot.builder import Sandbox, SandboxLimits, Task
        limits = SandboxLimits(cpu_seconds=2, wall_seconds=4, memory_mb=512, max_stdout_chars=100_000)
        with Sandbox(workers=1, limits=limits) as sandbox:
            results = list(sandbox.map([Task(id="bomb", code={FORK_BOMB!r}, input=""),
                                        Task(id="after", code={FINAL_CODE!r}, input={FINAL_INPUT!r})]))
        print(json.dumps([r.to_dict() for r in results]))
    """)
    started = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=timeout,
                              start_new_session=True)
    except subprocess.TimeoutExpired as exc:
        return {"finished": False, "elapsed": time.monotonic() - started, "stderr": str(exc.stderr)[-2000:]}
    results = None
    if done.returncode == 0 and done.stdout.strip():
        results = {r["id"]: r for r in json.loads(done.stdout.strip().splitlines()[-1])}
    return {"finished": True, "elapsed": time.monotonic() - started, "returncode": done.returncode,
            "stderr": done.stderr[-2000:], "results": results, "lingering": lingering_task_processes()}


# -- fixtures ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fork_bomb_outside():
    if not IS_ROOT:
        pytest.skip("without root the fork bomb is held only by RLIMIT_NPROC of our own uid; not run")
    return run_fork_bomb_outside()


@pytest.fixture(scope="module")
def host_traps():
    """World-writable dirs and a root-only secret file on the host, removed afterwards."""
    tmp_trap = Path(tempfile.mkdtemp(prefix="code2cot-trap-", dir="/tmp"))
    var_trap = Path(tempfile.mkdtemp(prefix="code2cot-trap-", dir="/var/tmp"))
    secret_dir = Path(tempfile.mkdtemp(prefix="code2cot-secret-", dir="/var/tmp"))  # mode 0700
    for trap in (tmp_trap, var_trap):
        os.chmod(trap, 0o777)
    planted = secret_dir / "token"
    planted.write_text(HF_CANARY)
    os.chmod(planted, 0o600)
    try:
        yield {"tmp_trap": tmp_trap, "var_trap": var_trap, "planted_secret": str(planted),
               "touched": f"/tmp/code2cot-touched-{TOKEN}"}
    finally:
        for path in (tmp_trap, var_trap, secret_dir):
            shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module", params=[1, 2], ids=["one-task-at-a-time", "side-by-side"])
def batch(host_traps, request):
    """Every hostile program (plus a probe after each, plus a final benign task) in one map,
    with the tasks run one at a time (in the view the fork server makes once, as in a build)
    and two side by side (each task making its own)."""
    bomb_ok = False
    if IS_ROOT:
        outside = request.getfixturevalue("fork_bomb_outside")
        bomb_ok = outside["finished"] and outside["results"] is not None and not outside["lingering"]
    cases = [case for case in ALL_CASES
             if (case is not FORK_BOMB_CASE or bomb_ok) and (IS_ROOT or not case.needs_isolation)]

    # A process whose /proc/<pid>/environ really holds the secrets (os.environ edits never show there).
    decoy = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                             env={"HF_TOKEN": HF_CANARY, "OPENAI_API_KEY": OPENAI_CANARY, "PATH": "/usr/bin:/bin"}) \
        if IS_ROOT else None  # unisolated, a task of our own uid could read it: nothing to test then
    listener = Listener()
    ctx = {**host_traps, "decoy_pid": decoy.pid if decoy else None, "tcp_port": listener.tcp_port,
           "udp_port": listener.udp_port}
    tasks = []
    for index, case in enumerate(cases):
        text = case.input(ctx) if callable(case.input) else case.input
        tasks.append(Task(id=case.name, code=case.code, input=text))
        tasks.append(Task(id=f"probe-{index}", code=PROBE_CODE, input=str(index)))
    tasks.append(Task(id="final", code=FINAL_CODE, input=FINAL_INPUT))
    saved = {key: os.environ.get(key) for key in ("HF_TOKEN", "OPENAI_API_KEY")}
    try:
        os.environ["HF_TOKEN"] = HF_CANARY  # before the Sandbox exists: it must not inherit them
        os.environ["OPENAI_API_KEY"] = OPENAI_CANARY
        with Sandbox(workers=request.param, limits=LIMITS) as sandbox:
            started = time.monotonic()
            results = list(sandbox.map(tasks))
            elapsed = time.monotonic() - started
            restarts = sandbox.backend.restarts
            scratch_root = sandbox.backend.scratch_root
        time.sleep(0.3)  # let any stray datagram or connection land
        decoy_alive = decoy is not None and decoy.poll() is None
        decoy_environ = Path(f"/proc/{decoy.pid}/environ").read_bytes() if decoy_alive else b""
    finally:
        listener.close()
        if decoy is not None:
            decoy.kill()
            decoy.wait()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {"tasks": tasks, "results": results, "by_id": {r.id: r for r in results}, "elapsed": elapsed,
            "restarts": restarts, "scratch_root": scratch_root, "listener": listener, "decoy_alive": decoy_alive,
            "decoy_environ": decoy_environ, "cases": cases, "ctx": ctx}


def result_of(batch, name):
    if name not in batch["by_id"]:
        pytest.skip(f"{name} was not part of the batch")
    return batch["by_id"][name]


# -- the batch --------------------------------------------------------------------------------

def test_batch_returns_one_result_per_task_in_order(batch):
    assert [r.id for r in batch["results"]] == [t.id for t in batch["tasks"]]
    assert all(r.status in STATUSES for r in batch["results"])
    final = batch["results"][-1]
    assert (final.id, final.status, final.output) == ("final", "ok", FINAL_OUTPUT), final.error
    assert batch["elapsed"] < 60


def test_fork_server_never_died(batch):
    assert batch["restarts"] == 0


@pytest.mark.parametrize("name", [case.name for case in ALL_CASES])
def test_reason_code(batch, name):
    case = BY_NAME[name]
    result = result_of(batch, name)
    if case.root_only and not IS_ROOT:
        pytest.skip("this verdict needs the root-only isolation")
    assert result.status in case.statuses, (result.status, result.error, result.output)
    if result.status != "ok":
        assert result.error, "a failure must say why"
        assert result.output is None
    if case.error is not None:
        assert case.error in result.error, result.error


@pytest.mark.parametrize("name", [case.name for case in ALL_CASES])
def test_batch_continues_after(batch, name):
    """The benign probe right after each hostile task still runs and answers correctly."""
    result_of(batch, name)
    index = [case.name for case in batch["cases"]].index(name)
    probe = batch["by_id"][f"probe-{index}"]
    assert (probe.status, probe.output) == ("ok", f"[{index}, {index * 2}]"), probe.error


# -- threat details ---------------------------------------------------------------------------

def test_bad_input_is_never_evaluated(batch):
    assert "__import__" in result_of(batch, "bad_input").error
    assert not Path(batch["ctx"]["touched"]).exists()


def test_limits_are_enforced_in_time(batch):
    sleep = result_of(batch, "sleep")
    assert sleep.wall_seconds <= LIMITS.wall_seconds + 2, sleep.wall_seconds
    loop = result_of(batch, "infinite_loop")
    assert loop.wall_seconds <= LIMITS.wall_seconds + 2, loop.wall_seconds
    assert loop.cpu_seconds <= LIMITS.cpu_seconds + 1.5, loop.cpu_seconds
    assert any(word in loop.error for word in ("steps", "CPU time", "wall-clock")), loop.error


def test_stdout_is_capped(batch):
    assert len(result_of(batch, "print_forever").stdout) <= LIMITS.max_stdout_chars


@as_root
def test_host_survives_kill_attempts(batch):
    assert batch["decoy_alive"], "kill(-1) from a task reached a process outside it"
    for name in ("kill_parent", "kill_everything"):
        assert result_of(batch, name).status in ("ok", "exception", "killed")


def test_numpy_return_value_has_a_repr(batch):
    if not HAVE_NUMPY:
        pytest.skip("numpy is not installed")
    result = result_of(batch, "numpy")
    assert result.output == "array([0, 2, 4, 6])", result.error


def test_imports_work(batch):
    assert result_of(batch, "imports").output == """['{"a": 1}', '3/2', True]"""


# -- secrets ----------------------------------------------------------------------------------

def test_no_secret_in_any_result(batch):
    blob = json.dumps([r.to_dict() for r in batch["results"]])
    for canary in CANARIES:
        assert canary not in blob
    environ = result_of(batch, "environ_dict")
    assert "HF_TOKEN" not in environ.output and "OPENAI_API_KEY" not in environ.output


@as_root
def test_the_secrets_were_there_to_find(batch):
    """The decoy really exposes the canaries in /proc, so the walk above was a real test."""
    for canary in CANARIES:
        assert canary.encode() in batch["decoy_environ"]
    assert Path(batch["ctx"]["planted_secret"]).read_text() == HF_CANARY


# -- network ----------------------------------------------------------------------------------

@as_root
def test_no_network(batch):
    assert batch["listener"].connections == []
    assert batch["listener"].datagrams == []
    for name in ("tcp_connect", "udp_send"):
        result = result_of(batch, name)
        assert result.status == "exception" and result.output is None, (name, result.status, result.output)


# -- filesystem -------------------------------------------------------------------------------

@as_root
def test_no_file_escapes_to_the_host(batch):
    ctx = batch["ctx"]
    for path in (ctx["tmp_trap"] / f"escaped-{TOKEN}", ctx["var_trap"] / f"escaped-{TOKEN}",
                 Path(f"/var/tmp/code2cot-escaped-{TOKEN}"), Path(f"/dev/shm/code2cot-escaped-{TOKEN}"),
                 REPO / f"escaped-{TOKEN}"):
        assert not path.exists(), f"a task wrote {path} on the host"
    wrote = ast.literal_eval(result_of(batch, "write_every_mount").output)
    assert all(isinstance(path, str) for path in wrote)
    for path in wrote:
        assert not Path(path).exists(), f"a task wrote {path} on the host"
    # only the task's own private tmpfs mounts are writable
    assert set(wrote) <= {f"/tmp/code2cot-mount-escape-{TOKEN}", f"/dev/shm/code2cot-mount-escape-{TOKEN}"}, wrote


def test_scratch_is_writable_and_private(batch):
    result = result_of(batch, "write_scratch")
    content, where = ast.literal_eval(result.output)
    assert content == "scratch works"
    assert not Path(where).exists()
    assert not Path(f"/tmp/scratch-{TOKEN}.txt").exists()
    assert not Path(batch["scratch_root"]).exists()  # the per-sandbox scratch root is gone after close


@as_root
def test_sys_is_hidden_from_tasks_and_still_mounted_on_the_host(batch):
    """The fork server detaches /sys in its own mount namespace: tasks see an empty dir, the host keeps it."""
    listing, cgroups, cpus = ast.literal_eval(result_of(batch, "read_sys").output)
    assert listing == [] and not cgroups
    assert cpus >= 1  # CPU counts still come from the kernel (sched_getaffinity, /proc)
    assert os.path.ismount("/sys") and os.listdir("/sys"), "hiding /sys reached the host's mount namespace"


@as_root
@pytest.mark.skipif(os.uname().machine != "x86_64", reason="the case calls add_key by its x86_64 number")
def test_no_namespace_mount_or_kernel_key_can_be_made_and_threads_still_run(batch):
    result = result_of(batch, "new_namespaces")
    tried = ast.literal_eval(result.output)
    eperm = (-1, 1)
    assert tried == {"user": eperm, "mount": eperm, "net": eperm, "tmpfs": eperm, "add_key": eperm, "thread": "ran"}
    assert result.isolation["syscall_filter"] is True


@as_root
def test_no_sysv_ipc_object_outlives_its_task(batch):
    assert result_of(batch, "sysv_shm").status == "ok"
    with open("/proc/sysvipc/shm") as handle:
        header, *rows = handle.read().splitlines()
    uid = header.split().index("uid")
    left = [row for row in rows if int(row.split()[uid]) in TASK_UIDS]
    assert not left, f"shared memory segments of task uids were left on the host: {left}"


# -- processes --------------------------------------------------------------------------------

@as_root
def test_fork_bomb_is_contained_outside_first(fork_bomb_outside):
    outcome = fork_bomb_outside
    assert outcome["finished"], f"fork bomb not contained within 60 s: {outcome}"
    assert outcome["elapsed"] < 60
    assert outcome["returncode"] == 0, outcome["stderr"]
    bomb, after = outcome["results"]["bomb"], outcome["results"]["after"]
    assert bomb["status"] == "exception", bomb
    assert (after["status"], after["output"]) == ("ok", FINAL_OUTPUT)
    assert not outcome["lingering"], f"task-uid processes left alive: {outcome['lingering']}"


@as_root
def test_no_task_process_outlives_the_batch(batch):
    assert "fork_bomb" in batch["by_id"], "the fork bomb was held out of the batch (not contained outside)"
    assert not lingering_task_processes(), "processes of task uids 64000-64063 are still alive"


# -- step budget, hash seed, determinism --------------------------------------------------------

def test_step_budget_stops_a_loop_as_timeout():
    loop = "def f():\n    n = 0\n    while True:\n        n += 1\n"
    with Sandbox(workers=1, limits=LIMITS, trace_limits=TraceLimits(max_events=10_000)) as sandbox:
        spin, after = sandbox.map([Task(id="spin", code=loop, input=""),
                                   Task(id="after", code=FINAL_CODE, input=FINAL_INPUT)])
    assert spin.status == "timeout" and "steps" in spin.error, (spin.status, spin.error)
    assert spin.cpu_seconds < LIMITS.cpu_seconds / 2  # the step budget, not the CPU limit, stopped it
    assert (after.status, after.output) == ("ok", FINAL_OUTPUT)


def test_hash_seed_is_the_same_in_separate_sandboxes():
    code = "def f():\n    return str(list({'apple', 'banana', 'cherry', 'date', 'elder'}))\n"
    outputs = []
    for _ in range(2):
        with Sandbox(workers=1, limits=LIMITS) as sandbox:
            result = sandbox.run(Task(id="order", code=code, input=""))
        assert result.ok, result.error
        outputs.append(result.output)
    assert outputs[0] == outputs[1]
    expected = subprocess.run([sys.executable, "-c", "print(repr(str(list({'apple', 'banana', 'cherry', 'date', "
                               "'elder'}))))"], env={**os.environ, "PYTHONHASHSEED": "0"},
                              capture_output=True, text=True, check=True).stdout.strip()
    assert outputs[0] == expected  # the default seed is 0


def test_determinism_check_catches_clocks_and_hash_order():
    tasks = [
        Task(id="clock", code="import time\ndef f():\n    return time.time_ns()\n", input=""),
        Task(id="pure", code="def f(a):\n    return sorted(set(a))\n", input="'hello world'"),
        Task(id="set_order", code="def f():\n    return ''.join({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'})\n",
             input=""),
    ]
    with Sandbox(workers=1, limits=LIMITS, check_determinism=True) as sandbox:
        verdicts = {r.id: (r.status, r.error) for r in sandbox.map(tasks)}
    assert verdicts["clock"][0] == "nondeterministic" and "two runs differ" in verdicts["clock"][1]
    assert verdicts["pure"] == ("ok", None)
    assert verdicts["set_order"][0] == "nondeterministic", verdicts["set_order"]


ABSTRACT_LISTENER = textwrap.dedent("""\
    import socket
    def f(name):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind("\\0" + name)
        s.settimeout(3)
        try:
            return s.recv(100).decode()
        except socket.timeout:
            return "nothing came"
""")
ABSTRACT_SENDER = textwrap.dedent("""\
    import socket, time
    def f(name):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        for _ in range(40):  # until the listener, running beside it, has bound the name
            try:
                s.sendto(b"hello from another task", "\\0" + name)
                return "sent"
            except OSError as exc:
                last = type(exc).__name__
                time.sleep(0.05)
        return last
""")


@as_root
def test_tasks_running_side_by_side_cannot_talk_through_abstract_sockets():
    """They share the fork server's network namespace, where abstract socket names live."""
    name = repr(f"code2cot-channel-{TOKEN}")
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        heard, said = sandbox.map([Task(id="listener", code=ABSTRACT_LISTENER, input=name),
                                   Task(id="sender", code=ABSTRACT_SENDER, input=name)])
    if _landlock_abi() < 6:
        pytest.skip("no Landlock scoping (ABI 6) in this kernel")
    assert heard.isolation["scoped"] and said.isolation["scoped"], heard.isolation
    assert (heard.status, heard.output) == ("ok", "'nothing came'")
    assert (said.status, said.output) == ("ok", "'PermissionError'")


def _landlock_abi() -> int:
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    return libc.syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1))  # landlock_create_ruleset: its version


def test_ctypes_callbacks_work_without_memfds(batch):
    """libffi makes a closure's trampoline in a memfd where it can: refused, it falls back."""
    assert result_of(batch, "ctypes_callback").output == "[1, 2, 3, 4]"

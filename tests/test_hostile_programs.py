"""Hostile programs: the host survives, secrets never leak, each threat gets its reason code."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from code2cot.builder import Sandbox, SandboxLimits, Task

CANARY = "hf_canary_secret_4d1f"
LIMITS = SandboxLimits(cpu_seconds=2, wall_seconds=4, memory_mb=512, max_stdout_chars=100_000)
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="namespaces and uid drop need root")


class Listener:
    """A TCP listener on 127.0.0.1 that counts connections; stops by itself."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        deadline = time.time() + 120
        while not self.stop.is_set() and time.time() < deadline:
            try:
                conn, _ = self.sock.accept()
            except (socket.timeout, OSError):
                continue
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def program(body: str, imports: str = "") -> str:
    return textwrap.dedent(imports) + "\ndef f():\n" + textwrap.indent(textwrap.dedent(body).strip("\n"), "    ") + "\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """Run every hostile program in one batch (in parallel), with secrets in our environment."""
    trap = tmp_path_factory.mktemp("trap")
    os.chmod(trap, 0o777)
    os.chmod(trap.parent, 0o777)
    listener = Listener()
    saved = {k: os.environ.get(k) for k in ("HF_TOKEN", "OPENAI_API_KEY")}
    os.environ["HF_TOKEN"] = CANARY
    os.environ["OPENAI_API_KEY"] = CANARY + "-openai"
    repo = Path(__file__).resolve().parents[1]
    cases = {
        "syntax": ("def f(:\n    pass\n", ""),
        "no_entry": ("def g():\n    return 1\n", ""),
        "bad_input": ("def f(x):\n    return x\n", "__import__('os').system('touch /tmp/pwned_by_input')"),
        "raises": (program("raise ValueError('boom')"), ""),
        "system_exit": (program("raise SystemExit(3)"), ""),
        "keyboard": (program("raise KeyboardInterrupt"), ""),
        "os_exit": (program("os._exit(3)", "import os"), ""),
        "segfault": (program("return ctypes.string_at(0)", "import ctypes"), ""),
        "recursion": ("def f(n=0):\n    return f(n + 1)\n", ""),
        "spin": (program("i = 0\nwhile True:\n    i += 1"), ""),
        "sleep": (program("time.sleep(100)", "import time"), ""),
        "memory": (program("block = bytearray(4 * 1024 ** 3)\nreturn len(block)"), ""),
        "print_forever": (program("while True:\n    print('x' * 1000)"), ""),
        "huge_return": (program("return 'x' * 400_000_000"), ""),
        "kill_parent": (program("os.kill(os.getppid(), signal.SIGKILL)\nreturn 'alive'", "import os, signal"), ""),
        "kill_all": (program("os.kill(-1, signal.SIGKILL)\nreturn 'alive'", "import os, signal"), ""),
        "env": (program("return dict(os.environ)", "import os"), ""),
        "proc_environ": (program("""
            out = []
            for pid in os.listdir('/proc'):
                try:
                    out.append(open(f'/proc/{pid}/environ', 'rb').read())
                except Exception as exc:
                    out.append(repr(exc))
            return str(out)""", "import os"), ""),
        "parent_environ": (program("return open(f'/proc/{os.getppid()}/environ', 'rb').read()", "import os"), ""),
        "hf_token_file": (program("return open(os.path.expanduser('~/.cache/huggingface/token')).read()",
                                  "import os"), ""),
        "root_home": (program("return os.listdir('/root')", "import os"), ""),
        "tcp": (program(f"socket.create_connection(('127.0.0.1', {listener.port}), timeout=1)\nreturn 'connected'",
                        "import socket"), ""),
        "udp": (program(f"s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                        f"s.sendto(b'x', ('127.0.0.1', {listener.port}))\nreturn 'sent'", "import socket"), ""),
        "write_trap": (program(f"open({str(trap / 'escaped.txt')!r}, 'w').write('x')\nreturn 'wrote'"), ""),
        "write_var_tmp": (program("open('/var/tmp/code2cot_escaped', 'w').write('x')\nreturn 'wrote'"), ""),
        "write_dev_shm": (program("open('/dev/shm/code2cot_escaped', 'w').write('x')\nreturn 'wrote'"), ""),
        "write_repo": (program(f"open({str(repo / 'escaped.txt')!r}, 'w').write('x')\nreturn 'wrote'"), ""),
        "write_scratch": (program("open('note.txt', 'w').write('hi')\nreturn open('note.txt').read() + os.getcwd()",
                                  "import os"), ""),
        "escapee": (program("""
            if os.fork() == 0:
                os.setsid()
                time.sleep(60)
                os._exit(0)
            return 'parent done'""", "import os, time"), ""),
        "imports": (program("return [json.dumps([1]), str(fractions.Fraction(1, 3)), socket.AF_INET > 0]",
                            "import json, fractions, socket"), ""),
        "benign": ("def f(a, b):\n    return sorted(a) + [b]\n", "[3, 1, 2], 'end'"),
    }
    tasks = [Task(id=name, code=code, input=text) for name, (code, text) in cases.items()]
    try:
        with Sandbox(workers=2, limits=LIMITS) as sandbox:
            started = time.time()
            results = {r.id: r for r in sandbox.map(tasks)}
            elapsed = time.time() - started
    finally:
        listener.close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    return {"results": results, "elapsed": elapsed, "listener": listener, "trap": trap, "repo": repo}


EXPECTED = {
    "syntax": "syntax_error", "no_entry": "missing_entry_point", "bad_input": "bad_input", "raises": "exception",
    "system_exit": "exception", "keyboard": "exception", "os_exit": "killed", "segfault": "killed",
    "recursion": "exception", "spin": "timeout", "sleep": "timeout", "memory": "memory",
    "print_forever": "output_too_large", "tcp": "exception", "benign": "ok", "imports": "ok", "write_scratch": "ok",
}


@pytest.mark.parametrize("name,status", sorted(EXPECTED.items()))
def test_reason_codes(hostile, name, status):
    result = hostile["results"][name]
    assert result.status == status, (result.status, result.error)
    if status != "ok":
        assert result.error  # a readable message, not just a code


def test_messages_name_the_problem(hostile):
    results = hostile["results"]
    assert "ValueError: boom" in results["raises"].error
    assert "SIGSEGV" in results["segfault"].error
    assert "RecursionError" in results["recursion"].error
    assert "wall-clock" in results["sleep"].error
    assert "__import__" in results["bad_input"].error
    assert results["huge_return"].status in ("output_too_large", "memory")
    assert results["benign"].output == "[1, 2, 3, 'end']"
    assert not Path("/tmp/pwned_by_input").exists()


def test_host_and_batch_survive(hostile):
    results = hostile["results"]
    assert len(results) == 31 and results["benign"].ok  # every task got a record, the last one included
    assert hostile["elapsed"] < 60
    for name in ("kill_parent", "kill_all"):
        assert results[name].status in ("ok", "exception")  # nothing outside the task was reachable


def test_secrets_never_appear(hostile):
    blob = json.dumps({name: r.to_dict() for name, r in hostile["results"].items()})
    assert CANARY not in blob
    assert json.loads(hostile["results"]["env"].output.replace("'", '"')) == {"HOME": "/tmp"}


@as_root
def test_no_network(hostile):
    results = hostile["results"]
    assert hostile["listener"].connections == 0
    assert results["tcp"].status == "exception" and "unreachable" in results["tcp"].error.lower()
    assert results["udp"].status == "exception"


@as_root
def test_no_writes_outside_scratch(hostile):
    results = hostile["results"]
    for name in ("write_trap", "write_var_tmp", "write_repo"):
        assert results[name].status == "exception", (name, results[name].output)
    # /dev/shm is a private tmpfs of the task, like its /tmp: writable, but never the host's
    assert not (hostile["trap"] / "escaped.txt").exists()
    assert not Path("/var/tmp/code2cot_escaped").exists() and not Path("/dev/shm/code2cot_escaped").exists()
    assert not (hostile["repo"] / "escaped.txt").exists()
    assert results["write_scratch"].output == "'hi/tmp'" and not Path("/tmp/note.txt").exists()
    assert results["root_home"].status in ("ok", "exception")
    if results["root_home"].ok:  # /root is replaced by an empty tmpfs holding only the Python installation
        assert ".cache" not in results["root_home"].output
    assert results["hf_token_file"].status == "exception"


@as_root
def test_left_behind_processes_die_with_the_task(hostile):
    assert hostile["results"]["escapee"].output == "'parent done'"
    time.sleep(0.5)
    survivors = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            uid_line = next(line for line in status.read_text().splitlines() if line.startswith("Uid:"))
        except (OSError, StopIteration):
            continue
        if 64000 <= int(uid_line.split()[1]) < 64100:
            survivors.append(status.parent.name)
    assert not survivors


def test_numpy_imports_and_has_bounded_reprs():
    np = pytest.importorskip("numpy")
    assert np
    code = "import numpy as np\ndef f(n):\n    grid = np.arange(n * n).reshape(n, n)\n    return int(grid.sum())\n"
    with Sandbox(workers=1, limits=SandboxLimits(cpu_seconds=10, wall_seconds=20), preload=["numpy"]) as sandbox:
        result = sandbox.run(Task(id="np", code=code, input="300"))
    assert result.ok and result.output == str(sum(range(300 * 300)))
    grid = [s for s in result.trace["steps"] if "grid" in s.get("changed", {})][0]["changed"]["grid"]
    assert "shape=(300, 300)" in grid and len(grid) <= 120


def test_hash_seed_is_fixed_across_sandboxes_and_checked_by_determinism():
    code = "def f():\n    return ''.join({'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'})\n"
    clock = "import time\ndef f():\n    return time.time_ns()\n"
    outputs = []
    for _ in range(2):
        with Sandbox(workers=1, limits=LIMITS) as sandbox:
            outputs.append(sandbox.run(Task(id="s", code=code, input="")).output)
    assert outputs[0] == outputs[1]
    with Sandbox(workers=1, limits=LIMITS, check_determinism=True) as sandbox:
        verdicts = {r.id: r.status for r in sandbox.map([
            Task(id="set_order", code=code, input=""), Task(id="clock", code=clock, input=""),
            Task(id="pure", code="def f():\n    return sorted({'b', 'a'})\n", input="")])}
    assert verdicts == {"set_order": "nondeterministic", "clock": "nondeterministic", "pure": "ok"}


@as_root
def test_fork_bomb_is_contained():
    """Run inside a hard outer limit: an uncontained fork bomb as root could take the machine down."""
    script = textwrap.dedent("""
        from code2cot.builder import Sandbox, SandboxLimits, Task
        bomb = "import os\\ndef f():\\n    while True:\\n        os.fork()\\n"
        with Sandbox(workers=1, limits=SandboxLimits(cpu_seconds=2, wall_seconds=5)) as sandbox:
            results = list(sandbox.map([Task(id="bomb", code=bomb, input=""),
                                        Task(id="after", code="def f():\\n    return 42\\n", input="")]))
        print(results[0].status, results[0].error)
        print(results[1].status, results[1].output)
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    lines = done.stdout.splitlines()
    assert done.returncode == 0, done.stderr[-2000:]
    assert lines[0].startswith("exception") and "Resource temporarily unavailable" in lines[0]
    assert lines[1] == "ok 42"

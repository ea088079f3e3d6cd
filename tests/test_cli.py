"""``code2cot trace`` as a user runs it: the installed console script, in a subprocess."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CODE2COT = shutil.which("code2cot", path=str(Path(sys.executable).parent)) or "code2cot"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([CODE2COT, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_generic_builder_is_not_importable(tmp_path):
    probe = subprocess.run([sys.executable, "-c", "import builder"], cwd=tmp_path, capture_output=True, text=True)
    assert probe.returncode != 0 and "No module named 'builder'" in probe.stderr
    ok = subprocess.run([sys.executable, "-c", "import code2cot.builder, code2cot.hub, code2cot.eval, code2cot.space"],
                        cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    # the builder class where the issue names it, and the sandbox side still free of datasets/pyarrow
    probe = ("import sys, code2cot.builder.forkserver; assert 'datasets' not in sys.modules; "
             "from code2cot.builder import Code2CoT; import datasets; assert issubclass(Code2CoT, datasets.GeneratorBasedBuilder)")
    ok = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr


def test_trace_one_file_text(tmp_path):
    program = tmp_path / "prog.py"
    program.write_text("def helper(a):\n    return a * 2\n\ndef f(xs):\n    out = []\n"
                       "    for x in xs:\n        out.append(helper(x))\n    return out\n")
    result = run("trace", str(program), "--input", "[1, 2, 3]", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "status: ok" in text
    assert ">>> Call to f(xs=[1, 2, 3])" in text and ">>> Call to helper(a=2)" in text
    assert "    7 |         out.append(helper(x))" in text
    assert text.rstrip().endswith("Result: [2, 4, 6]")


def test_trace_one_file_json_and_failure(tmp_path):
    program = tmp_path / "prog.py"
    program.write_text("def f(x):\n    return 10 // x\n")
    ok = run("trace", str(program), "--input", "5", "--json", cwd=tmp_path)
    record = json.loads(ok.stdout)
    assert record["status"] == "ok" and record["output"] == "2" and record["trace"]["schema"] == "code2cot.trace/1"
    failed = run("trace", str(program), "--input", "0", cwd=tmp_path)
    assert failed.returncode == 1
    assert "status: exception" in failed.stdout and "ZeroDivisionError" in failed.stdout
    hostile = run("trace", str(program), "--input", "__import__('os').getcwd()", cwd=tmp_path)
    assert "status: bad_input" in hostile.stdout


def test_trace_batch_writes_records_and_table(tmp_path):
    source = tmp_path / "crux.jsonl"
    records = [
        {"id": "ok1", "code": "def f(a):\n    return a[::-1]", "input": "[1, 2, 3]"},
        {"id": "boom", "code": "def f(a):\n    return a[10]", "input": "[1]"},
        {"id": "syntax", "code": "def f(:\n", "input": "1"},
        {"id": "ok2", "code": "def f(s):\n    return sorted({(s[i], i) for i in range(2)})", "input": "'ba'"},
    ]
    source.write_text("".join(json.dumps(r) + "\n" for r in records))
    out = tmp_path / "out" / "traces.jsonl"
    result = run("trace", "--source", str(source), "--out", str(out), "--workers", "2", "--quiet", cwd=tmp_path)
    assert result.returncode == 0, result.stderr  # the batch completed, even though tasks failed
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == ["ok1", "boom", "syntax", "ok2"]
    assert [r["status"] for r in rows] == ["ok", "exception", "syntax_error", "ok"]
    assert rows[0]["output"] == "[3, 2, 1]" and rows[3]["output"] == "[('a', 1), ('b', 0)]"
    assert "IndexError" in rows[1]["error"]
    for row in rows:
        assert {"id", "status", "output", "error", "stdout", "trace"} <= row.keys()
    assert "exception" in result.stdout and "total" in result.stdout and "4" in result.stdout


def test_trace_errors_are_clear(tmp_path):
    missing = run("trace", "--source", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "o.jsonl"), cwd=tmp_path)
    assert missing.returncode == 2 and "neither an existing file" in missing.stderr
    no_out = run("trace", "--source", str(tmp_path), cwd=tmp_path)
    assert no_out.returncode == 2 and "--out" in no_out.stderr


@pytest.mark.parametrize("command", [["--help"], ["trace", "--help"]])
def test_help(tmp_path, command):
    assert run(*command, cwd=tmp_path).returncode == 0


def test_build_output_problems_are_clear_and_leave_nothing_behind(tmp_path):
    programs = tmp_path / "programs"
    programs.mkdir()
    (programs / "boom.py").write_text('PROBLEM = "Divide one by the given number and return the result."\n'
                                      'LICENSE = "MIT"\nINPUTS = ["0"]\n\ndef main_solution(x):\n    return 1 / x\n')
    a_file = tmp_path / "a_file"
    a_file.write_text("mine")
    not_a_folder = run("build", "--source", str(programs), "--no-decontamination", "--out", str(a_file), cwd=tmp_path)
    assert not_a_folder.returncode == 2 and f"--out {a_file} exists and is not a folder" in not_a_folder.stderr
    assert a_file.read_text() == "mine"
    under_a_file = run("build", "--source", str(programs), "--out", str(a_file / "ds"), cwd=tmp_path)
    assert under_a_file.returncode == 2 and f"{a_file} is a file, not a folder" in under_a_file.stderr
    # every sample rejected: the table and a clear error; no empty dataset, the rejected samples beside it
    out = tmp_path / "new" / "parent" / "ds"
    all_rejected = run("build", "--source", str(programs), "--no-decontamination", "--out", str(out), cwd=tmp_path)
    assert all_rejected.returncode == 1, all_rejected.stderr
    assert "exception" in all_rejected.stdout and "error: no sample passed" in all_rejected.stderr
    assert "Traceback" not in all_rejected.stderr and f"{out}.rejected.jsonl" in all_rejected.stderr
    assert f"{out} was not created" in all_rejected.stderr
    assert "the commonest reason (1 of 1): exception, e.g. ZeroDivisionError" in all_rejected.stderr
    assert "wrote no dataset" in all_rejected.stdout and f"wrote {out}" not in all_rejected.stdout
    assert json.loads(out.with_name("ds.rejected.jsonl").read_text())["status"] == "exception"
    assert not out.exists()
    # ... and an earlier good build in that folder stays whole
    good = tmp_path / "good"
    good.mkdir()
    (good / "double.py").write_text('PROBLEM = "Double the number."\nLICENSE = "MIT"\nINPUTS = ["2", "3"]\n\n'
                                    'def main_solution(x):\n    return 2 * x\n')
    first = run("build", "--source", str(good), "--no-decontamination", "--test-fraction", "0", "--out", str(out),
                cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    again = run("build", "--source", str(programs), "--no-decontamination", "--out", str(out), cwd=tmp_path)
    assert again.returncode == 1 and "was left as it was" in again.stderr
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert out.with_name("ds.rejected.jsonl").exists()
    fixed = run("build", "--source", str(good), "--no-decontamination", "--test-fraction", "0", "--out", str(out),
                cwd=tmp_path)
    assert fixed.returncode == 0 and not out.with_name("ds.rejected.jsonl").exists(), "a stale failure's file was left"
    leftovers = [p.name for p in tmp_path.rglob(".code2cot-out-*")]
    assert leftovers == []


def test_build_option_problems_are_clear(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    checks = [
        (["--source", str(empty)], "holds no programs"),
        (["--num-proc", "0"], "--num-proc must be at least 1, got 0"),
        (["--test-fraction", "1.5"], "--test-fraction must be between 0 and 1, got 1.5"),
        (["--concurrency", "0", "--translator", "llm", "--model", "m", "--base-url", "http://127.0.0.1:9/v1"],
         "--concurrency must be at least 1, got 0"),
        (["--decontamination-benchmarks", ","], "--decontamination-benchmarks must not be empty, got ','"),
        (["--out", ""], "--out is empty"),
    ]
    for extra, message in checks:
        result = run("build", "--out", str(tmp_path / "ds"), *extra, cwd=tmp_path)
        assert result.returncode == 2 and message in result.stderr, (extra, result.stderr)
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "ds").exists()


def test_trace_entry_and_encoding(tmp_path):
    program = tmp_path / "two.py"
    program.write_text('INPUTS = ["1", "2"]\n\ndef f(x):\n    return x\n\ndef g(x):\n    return x * 10\n')
    chosen = run("trace", str(program), "--entry", "g", cwd=tmp_path)
    assert chosen.returncode == 0 and "g(1)  ->  status: ok" in chosen.stdout and "Result: 20" in chosen.stdout
    default = run("trace", str(program), cwd=tmp_path)  # no main_solution: f, as the help says
    assert default.returncode == 0 and "f(2)  ->  status: ok" in default.stdout
    latin1 = tmp_path / "latin1.py"
    latin1.write_bytes(b'def f(x):\n    return "\xff"\n')
    bad = run("trace", str(latin1), "--input", "1", cwd=tmp_path)
    assert bad.returncode == 2 and "is not UTF-8 text (byte 0xff" in bad.stderr and "Traceback" not in bad.stderr


def test_ctrl_c_while_the_parser_loads_its_imports_is_one_line_too(monkeypatch, capsys):
    """Building the parser imports datasets (~1 s): an interruption there is the same one line and 130."""
    from code2cot import cli

    def slow_import() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "build_parser", slow_import)
    assert cli.main(["build"]) == 130
    assert capsys.readouterr().err == "interrupted\n"

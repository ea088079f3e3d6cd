"""Readers: CRUXEval JSONL, PyEdu raw (local and through ``datasets``), the folder format."""

from __future__ import annotations

import json
import textwrap

import pytest

from code2cot.builder.sources import SourceError, load_tasks, parse_program_file, read_hub
from code2cot.builder.tasks import BadInput, kwargs_to_input, parse_arguments

PYEDU = {
    "problem_description": "Given a list of numbers, return their sum and the largest one.",
    "io_requirements": "Input: numbers (list of int). Output: dict with keys total and largest.",
    "refcode": "def helper(xs):\n    return max(xs)\n\ndef main_solution(numbers):\n"
               "    return {'total': sum(numbers), 'largest': helper(numbers)}\n",
    "funcname": "main_solution",
    "ios": [{"input": {"numbers": [1, 5, 2]}, "output": {"total": 8, "largest": 5}},
            {"input": {"numbers": [7]}, "output": {"total": 7, "largest": 7}}],
    "meta": {"license": "MIT"},
}


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_parse_arguments_literals_only():
    assert parse_arguments("[1, 2], 3") == (([1, 2], 3), {})
    assert parse_arguments("n=5, s={1, 2}, t=(1,), neg=-2.5") == ((), {"n": 5, "s": {1, 2}, "t": (1,), "neg": -2.5})
    assert parse_arguments("") == ((), {})
    for hostile in ["__import__('os').system('id')", "open('/etc/passwd')", "x", "*[1]", "**{'a': 1}",
                    "(lambda: 1)()", "[i for i in range(3)]", "1)", "2 ** 100000"]:
        with pytest.raises(BadInput):
            parse_arguments(hostile)
    with pytest.raises(BadInput, match="__import__"):
        parse_arguments("__import__('os').system('id')")


def test_kwargs_to_input_roundtrip():
    text = kwargs_to_input({"n": 5, "flag": True, "none": None, "xs": [1, "a"]})
    assert text == "n=5, flag=True, none=None, xs=[1, 'a']"
    assert parse_arguments(text)[1] == {"n": 5, "flag": True, "none": None, "xs": [1, "a"]}
    with pytest.raises(BadInput):
        kwargs_to_input({"not an identifier": 1})


def test_cruxeval_reader(tmp_path):
    path = write_jsonl(tmp_path / "crux.jsonl", [
        {"id": "sample_0", "code": "def f(a, b):\n    return a + b", "input": "[1], [2]", "output": "[1, 2]"},
        {"id": "sample_1", "code": "def f(s):\n    return s.upper()", "input": "'ab'"},
    ])
    tasks = list(load_tasks(path))
    assert [t.id for t in tasks] == ["sample_0", "sample_1"]
    assert tasks[0].entry_point == "f" and tasks[0].input == "[1], [2]" and tasks[0].expected_output == "[1, 2]"
    assert tasks[1].expected_output is None


def test_pyedu_reader_local(tmp_path):
    tasks = list(load_tasks(write_jsonl(tmp_path / "pyedu.jsonl", [PYEDU])))
    assert len(tasks) == 2
    first = tasks[0]
    assert first.entry_point == "main_solution" and first.input == "numbers=[1, 5, 2]"
    assert first.expected_output == repr({"total": 8, "largest": 5})
    assert first.question.startswith("Given a list") and first.license == "MIT"
    assert tasks[0].problem_id == tasks[1].problem_id and tasks[0].id != tasks[1].id


def test_pyedu_reader_through_datasets(tmp_path):
    """A Hub dataset id goes through datasets.load_dataset; a local folder takes the same path."""
    repo = tmp_path / "org__pyedu"
    (repo / "data").mkdir(parents=True)
    record = dict(PYEDU, ios=json.dumps(PYEDU["ios"]))  # Hub copies often store ios as a JSON string
    write_jsonl(repo / "data" / "train.jsonl", [record, record])
    tasks = list(read_hub(str(repo)))
    assert len(tasks) == 4 and tasks[0].input == "numbers=[1, 5, 2]"


def test_folder_format(tmp_path):
    program = tmp_path / "math" / "double.py"
    program.parent.mkdir()
    program.write_text(textwrap.dedent('''
        PROBLEM = """Double a number."""
        IO_REQUIREMENTS = """Input: n (int). Output: int."""
        LICENSE = "Apache-2.0"
        INPUTS = [{"n": 2}, {"n": -1}, "n=0"]


        def main_solution(n):
            return 2 * n
    '''))
    tasks = list(load_tasks(tmp_path))
    assert [t.input for t in tasks] == ["n=2", "n=-1", "n=0"]
    assert tasks[0].question == "Double a number." and tasks[0].meta == {"category": "math", "file": "math/double.py",
                                                                         "file_lines": (8, 9)}
    assert "INPUTS" not in tasks[0].code and "PROBLEM" not in tasks[0].code
    assert tasks[0].code.startswith("def main_solution(n):")
    assert tasks[0].problem_id == "math--double"
    for hidden in (".ipynb_checkpoints", "math/.ipynb_checkpoints", ".venv/lib"):  # copies and installs, not programs
        (tmp_path / hidden).mkdir(parents=True)
        (tmp_path / hidden / "double-checkpoint.py").write_text(program.read_text())
    assert [t.id for t in load_tasks(tmp_path)] == [t.id for t in tasks]


def test_a_utf8_bom_at_the_start_of_a_source_is_skipped_as_python_and_json_tools_do(tmp_path):
    from code2cot.builder.validate import collect

    program = tmp_path / "bom.py"
    program.write_bytes(b'\xef\xbb\xbfPROBLEM = """Return n."""\nINPUTS = [{"n": 2}]\n\n\ndef main_solution(n):\n'
                        b"    return n\n")
    [task] = parse_program_file(program)
    assert task.input == "n=2" and not task.code.startswith("\ufeff")
    [checked] = collect([program])  # what code2cot validate reads
    assert not checked.text.startswith("\ufeff") and checked.tasks
    assert all(result.passed is not False for result in checked.results.values()), checked.results
    crux = tmp_path / "crux.jsonl"
    crux.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "code": "def f(x):\n    return x\n", "input": "1"}).encode()
                     + b"\n")
    [task] = load_tasks(str(crux))
    assert task.id == "a" and task.input == "1"
    from code2cot.cli import main

    plain = tmp_path / "plain.py"
    plain.write_bytes(b"\xef\xbb\xbfdef f(x):\n    return x + 1\n")
    assert main(["trace", str(plain), "--input", "1"]) == 0  # code2cot trace FILE reads it as Python does


def test_bad_sources_have_clear_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "code": "def f(): pass", "input": ""}\nnot json\n')
    with pytest.raises(SourceError, match=r"bad.jsonl:2: not valid JSON"):
        list(load_tasks(bad))
    unknown = write_jsonl(tmp_path / "unknown.jsonl", [{"text": "hello"}])
    with pytest.raises(SourceError, match="neither a PyEdu record"):
        list(load_tasks(unknown))
    program = tmp_path / "p.py"
    program.write_text("INPUTS = [make()]\ndef main_solution(): pass\n")
    with pytest.raises(SourceError, match="INPUTS must be a plain literal"):
        parse_program_file(program)
    with pytest.raises(SourceError, match="neither an existing file"):
        load_tasks(str(tmp_path / "missing.jsonl"))
    program.write_bytes(b'INPUTS = [1]\n\x00\ndef main_solution(x):\n    return x\n')
    with pytest.raises(SourceError, match=r"p\.py: syntax error: .*null bytes"):  # no ":None:" for a line
        parse_program_file(program)


def test_errors_of_a_folder_program_point_at_its_file_lines(tmp_path):
    """A program runs without its metadata literals, so its line 2 can be line 7 of the file:
    an error says the file's line, where the contributor fixes it."""
    from code2cot.builder import Sandbox
    from code2cot.builder.corpus import PROGRAMS_DIR
    from code2cot.builder.sources import FILE_LINES, error_in_file_terms, shipped_corpus

    path = tmp_path / "fails.py"
    path.write_text('"""Module docstring."""\nPROBLEM = """Fails\n\non purpose."""\nLICENSE = "MIT"\n\n\n\n\n'
                    'def helper(n):\n    return 10 // n\n\nINPUTS = [{"n": 0}]\n\n\ndef main_solution(n):\n'
                    '    return helper(n)\n')
    task = parse_program_file(path, root=tmp_path)[0]
    with Sandbox(workers=1) as sandbox:
        result = next(sandbox.map([task]))
    assert result.error.endswith(f"(line {task.code.splitlines().index('    return 10 // n') + 1})")
    assert error_in_file_terms(task, result.error) == "ZeroDivisionError: integer division or modulo by zero " \
                                                      "(line 11 of fails.py)"
    assert error_in_file_terms(task, "no line here") == "no line here"
    # every line of every shipped program maps to the same text in its file
    for shipped in {t.problem_id: t for t in shipped_corpus()}.values():
        lines = (PROGRAMS_DIR / shipped.meta["file"]).read_text().splitlines()
        assert [lines[n - 1] for n in shipped.meta[FILE_LINES]] == shipped.code.splitlines(), shipped.problem_id


def test_an_unreachable_hub_is_an_error_at_once_not_after_retries(monkeypatch):
    """No network: huggingface_hub would retry each request with backoff (~25 s) before failing."""
    import time

    from code2cot.builder import hub_access

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("HF_DATASETS_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens: refused
    hub_access.hub_reachable.cache_clear()
    try:
        started = time.monotonic()
        with pytest.raises(SourceError, match="does not answer from here.*pass --source a local file"):
            list(read_hub("someorg/not-cached-anywhere"))
        assert time.monotonic() - started < 10
    finally:
        hub_access.hub_reachable.cache_clear()

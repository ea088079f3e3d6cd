"""Translate -> verify -> dataset: template CoT, verification, the datasets builder, `code2cot build`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import datasets
import pytest

from code2cot.builder import Sandbox, SandboxLimits, Task
from code2cot.builder.build import build_dataset
from code2cot.builder.dataset_builder import Code2CoT
from code2cot.builder.filters import uses_unseeded_random
from code2cot.builder.records import FEATURES
from code2cot.builder.template_translator import TemplateTranslator
from code2cot.builder.verify import answers_match, extract_answer, verify_cot

PROGRAM = '''PROBLEM = """Keep the squares of the multiples of k."""
IO_REQUIREMENTS = """xs (list of int), k (int) -> list of int"""
LICENSE = "Apache-2.0"
INPUTS = [{{"xs": [1, 2, 3, 4, 5, 6], "k": 2}}, {{"xs": [3, 9, 10], "k": 3}}, {{"xs": [1, 2, 3, 4, 5, 6], "k": 2}},
          {{"xs": list_placeholder, "k": 1}}]


def square(x):
    return x * x


def main_solution(xs, k):
    out = []
    total = {offset}
    for x in xs:
        if x % k == 0:
            out.append(square(x))
            total += x
    print("total", total)
    return out
'''


def make_corpus(folder: Path, problems: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(problems):
        text = PROGRAM.format(offset=index).replace("list_placeholder", str(list(range(index, index + 12))))
        (folder / f"squares_{index:02d}.py").write_text(text)
    (folder / "broken.py").write_text('PROBLEM = """x"""\nINPUTS = [{"n": 1}, {"n": 0}]\n\n\n'
                                      "def main_solution(n):\n    return 10 // n\n")
    (folder / "dice.py").write_text('PROBLEM = """roll"""\nINPUTS = [{"n": 1}]\n\n\nimport random\n\n\n'
                                    "def main_solution(n):\n    return random.randint(1, 6) * n\n")
    return folder


def test_template_cot_is_grounded_and_fluent():
    code = "def helper(a):\n    return a * 2\n\ndef f(xs, n):\n    total = 0\n    for i in range(n):\n" \
           "        if i % 2 == 0:\n            total += helper(i)\n    return total\n"
    with Sandbox(workers=1, limits=SandboxLimits(cpu_seconds=5, wall_seconds=10)) as sandbox:
        result = sandbox.run(Task(id="x", code=code, input="[1], 9"))
    cot = TemplateTranslator(seed=0).translate(code, "f", "[1], 9", result.trace, result.output)
    assert cot.splitlines()[-1] == "Therefore, the final answer is: 40"
    assert "```" not in cot and "trace" not in cot.lower()
    assert "helper" in cot and "i % 2 == 0" in cot  # helper calls and branch conditions are explained
    assert "more iterations" in cot or "another" in cot or "Skipping ahead" in cot  # elided iterations summarised
    assert verify_cot(cot, result.output).verified
    again = TemplateTranslator(seed=0).translate(code, "f", "[1], 9", result.trace, result.output)
    other = TemplateTranslator(seed=7).translate(code, "f", "[1], 9", result.trace, result.output)
    assert again == cot and other != cot  # deterministic per seed, varied across seeds


def test_verification_rules():
    assert extract_answer("blah\nTherefore, the final answer is: **[1, 2]**.") == "[1, 2]"
    assert answers_match("0.30000000000000004", "0.3") and answers_match("(1, 'a')", "(1, 'a')")
    assert not answers_match("[1, 2]", "(1, 2)") and not answers_match("True", "1")
    assert answers_match("hello world", "'hello world'")  # a string written without its quotes, exactly
    assert not answers_match("hello  world", "'hello world'") and not answers_match("a b", "'a  b'")
    assert not answers_match("0.0", "-0.0") and answers_match("-0.0", "-0.0")  # the sign of zero prints
    assert answers_match("1", "1.0")  # Python's == across int and float, as the benchmarks' assertions
    assert not answers_match("1e16", "10000000000000001")  # no float is "close" to a huge int
    assert not answers_match("None", "'None'") and not answers_match("[1, 2, 3]", "'[1, 2, 3]'")
    assert verify_cot("x\nTherefore, the final answer is: 3", "4").reason == "wrong_answer"
    assert verify_cot("```python\nx=1\n```\nTherefore, the final answer is: 3", "3").reason == "code_block"
    assert verify_cot("The trace shows x.\nTherefore, the final answer is: 3", "3").reason == "mentions_trace"
    for giveaway in ("I was given a trace.", "According to the trace, x is 1.", "The execution record says 3.",
                     "We were provided with an execution log.", "As the traced run shows, x is 1."):
        assert verify_cot(f"{giveaway}\nTherefore, the final answer is: 3", "3").reason == "mentions_trace", giveaway
    for fine in ("The trace of the matrix is 1 + 2 = 3.", "We trace x through the loop.", "trace(m) adds the diagonal."):
        assert verify_cot(f"{fine}\nTherefore, the final answer is: 3", "3").verified, fine
    assert verify_cot("~~~python\nx = 1\n~~~\nTherefore, the final answer is: 3", "3").reason == "code_block"
    assert verify_cot("no answer here", "3").reason == "no_final_answer"


def test_unseeded_random_detection():
    assert uses_unseeded_random("import random\ndef f():\n    return random.random()")
    assert not uses_unseeded_random("import random\ndef f():\n    random.seed(1)\n    return random.random()")
    assert uses_unseeded_random("import numpy as np\ndef f():\n    return np.random.rand()")
    assert not uses_unseeded_random("import numpy as np\ndef f():\n    return np.random.default_rng(0).random()")
    assert not uses_unseeded_random("def f():\n    return 1")
    # SystemRandom ignores its seed; a seeded Random does not seed the module-level draws
    assert uses_unseeded_random("import random\ndef f(n):\n    return random.SystemRandom(n).randint(0, 9)")
    assert uses_unseeded_random("import random\nrng = random.Random(1)\ndef f(n):\n    return random.randint(0, n)")
    assert not uses_unseeded_random("import random\nrng = random.Random(1)\ndef f(n):\n    return rng.randint(0, n)")
    assert uses_unseeded_random("import random\nrng = random.Random()\ndef f(n):\n    return rng.randint(0, n)")
    assert uses_unseeded_random("from random import randint\ndef f(n):\n    return randint(0, n)")
    assert not uses_unseeded_random("from random import randint, seed\ndef f(n):\n    seed(3)\n    return randint(0, n)")
    assert uses_unseeded_random("import random as r\ndef f(n):\n    return r.choice([1, 2])")
    assert not uses_unseeded_random("def f(random):\n    return random.x")  # a parameter, not the module


def test_builder_load_stream_splits_and_features(tmp_path):
    corpus = make_corpus(tmp_path / "programs")
    builder = Code2CoT(config_name="default", source=str(corpus), test_fraction=0.3, cache_dir=str(tmp_path / "cache"))
    builder.download_and_prepare()
    train, test = builder.as_dataset("train"), builder.as_dataset("test")
    assert train.features == FEATURES and test.features == FEATURES
    assert isinstance(train.features["trace"]["steps"], (datasets.List, datasets.Sequence))
    assert len(train) and len(test)
    assert not set(train["problem_id"]) & set(test["problem_id"])  # no problem in both splits
    row = train[0]
    assert row["status"] == "ok" and row["verified"] and row["translator"] == "template"
    assert row["messages"][0]["role"] == "user" and row["messages"][1]["content"] == row["cot"]
    assert row["prompt"] == row["messages"][:1] and row["completion"] == row["messages"][1:]
    user = row["messages"][0]["content"]
    assert row["code"].strip() in user and row["input"] in user
    assert row["output"] not in user.split("Input:")[-1] and "Result:" not in user and ">>> Call" not in user
    assert row["trace"]["steps"][0]["event"] == "call" and row["trace_text"].startswith(">>> Call to main_solution")
    stream = Code2CoT(config_name="default", source=str(corpus), test_fraction=0.3).as_streaming_dataset("train")
    first = next(iter(stream))
    assert first["id"] == row["id"] and first["cot"] == row["cot"]


def test_build_folder_loads_and_is_deterministic(tmp_path):
    corpus = make_corpus(tmp_path / "programs")
    out_a, out_b = tmp_path / "a", tmp_path / "b"
    summary = build_dataset(out_a, source=str(corpus), test_fraction=0.3, num_proc=2)
    build_dataset(out_b, source=str(corpus), test_fraction=0.3, num_proc=1, sandbox_workers=2)
    files = sorted(p.relative_to(out_a).as_posix() for p in out_a.rglob("*") if p.is_file())
    assert "README.md" in files and "rejected.jsonl" in files and "build_config.json" in files
    assert any(f.startswith("data/train-00000-of-") and f.endswith(".parquet") for f in files)
    loaded = datasets.load_dataset(str(out_a))
    assert set(loaded) == {"train", "test"} and len(loaded["train"]) == summary.splits["train"]
    assert all(loaded["train"]["verified"])
    # the same rows in the same order whatever --num-proc and however many task processes each job runs
    for split in ("train", "test"):
        other = datasets.load_dataset(str(out_b), split=split)
        assert loaded[split]["id"] == other["id"] and loaded[split]["cot"] == other["cot"]
    # nothing silently dropped: every sample is either a row or in rejected.jsonl, with a reason
    rejected = [json.loads(line) for line in (out_a / "rejected.jsonl").read_text().splitlines()]
    assert (out_b / "rejected.jsonl").read_text() == (out_a / "rejected.jsonl").read_text(), "rejected order"
    assert set(loaded["train"]["status"]) == set(loaded["test"]["status"]) == {"ok"}, "a rejected row in the data"
    assert {r["split"] for r in rejected} == {"train", "test"}
    failed = [r for r in rejected if r["status"] == "exception"]
    assert failed and failed[0]["error"].endswith("(line 6 of broken.py)"), "the error names the file's line"
    reasons = {r["reason"] for r in rejected}
    assert {"duplicate_input", "exception", "unseeded_random"} <= reasons
    total_inputs = 12 * 4 + 2 + 1
    assert len(loaded["train"]) + len(loaded["test"]) + len(rejected) == total_inputs
    assert summary.verified_rate == 1.0 and summary.statuses["ok"] == len(loaded["train"]) + len(loaded["test"])
    config = json.loads((out_a / "build_config.json").read_text())
    assert config["options"]["source"] == str(corpus) and "datasets" in config["versions"]
    card = (out_a / "README.md").read_text()
    assert "configs:" in card and "data/train-*.parquet" in card


def test_build_cli_default_is_the_main_job(tmp_path):
    """`code2cot build` with no options: shipped corpus, template translator, well under a minute."""
    code2cot = str(Path(sys.executable).parent / "code2cot")
    done = subprocess.run([code2cot, "build"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "verified rate" in done.stdout and "ok" in done.stdout
    out = tmp_path / "out" / "dataset"
    data = datasets.load_dataset(str(out))
    assert len(data["train"]) >= 300 and len(data["test"]) >= 20
    config = json.loads((out / "build_config.json").read_text())
    assert config["summary"]["seconds"] < 60


def test_bad_build_input_is_a_clear_error(tmp_path):
    code2cot = str(Path(sys.executable).parent / "code2cot")
    done = subprocess.run([code2cot, "build", "--source", str(tmp_path / "missing"), "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "neither an existing file" in done.stderr
    llm = subprocess.run([code2cot, "build", "--translator", "llm", "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, timeout=120)
    assert llm.returncode == 2 and "--model" in llm.stderr
    twice = tmp_path / "twice.jsonl"
    twice.write_text("".join(json.dumps({"id": "a", "code": f"def f(x):\n    return x + {n}\n", "input": "1"}) + "\n"
                             for n in range(2)))
    done = subprocess.run([code2cot, "build", "--source", str(twice), "--config", "cruxeval", "--out", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and done.stderr.strip() == (
        f"error: two samples have the id 'a' ({twice}:1 and {twice}:2); each sample needs an id of its own: give the "
        "records distinct ids (CRUXEval: 'id'; PyEdu: 'meta.id' or 'id', one per record; a record without one is "
        "named after its code, so two with the same code and none share it)")
    with pytest.raises(ValueError, match="needs source"):
        Code2CoT(config_name="cruxeval").download_and_prepare()
    with pytest.raises(ValueError, match="sandbox_workers must be at least 1"):
        build_dataset(tmp_path / "o", sandbox_workers=0)
    assert not (tmp_path / "o").exists()


def test_a_folder_of_files_no_build_wrote_is_never_overwritten(tmp_path, monkeypatch):
    """--out at a folder of the user's own (a data/ of theirs, a README.md: a project root with
    an unset $OUT) is refused before any work; an earlier build's folder is rebuilt, and what
    else the user keeps in it stays."""
    corpus = make_corpus(tmp_path / "programs", problems=2)
    mine = tmp_path / "mine"
    (mine / "data").mkdir(parents=True)
    (mine / "data" / "mydata.csv").write_text("x\n")
    (mine / "README.md").write_text("# mine\n")
    before = {p: p.read_bytes() for p in mine.rglob("*") if p.is_file()}
    with pytest.raises(ValueError, match=r"already holds data, README.md, which no code2cot build wrote"):
        build_dataset(mine, source=str(corpus), num_proc=1)
    assert {p: p.read_bytes() for p in mine.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".code2cot-out-")] == []
    monkeypatch.chdir(mine)
    with pytest.raises(ValueError, match="--out is empty"):
        build_dataset("", source=str(corpus), num_proc=1)
    with pytest.raises(ValueError, match="filesystem root"):
        build_dataset("/", source=str(corpus), num_proc=1)
    with pytest.raises(ValueError, match="cannot write in /proc"):
        build_dataset("/proc/code2cot-out", source=str(corpus), num_proc=1)
    assert {p: p.read_bytes() for p in mine.rglob("*") if p.is_file()} == before

    built = tmp_path / "built"
    build_dataset(built, source=str(corpus), num_proc=1, test_fraction=0.0)
    (built / "notes.txt").write_text("keep me\n")
    (built / "data" / "stale.parquet").write_text("an earlier build's shard")
    build_dataset(built, source=str(corpus), num_proc=1, test_fraction=0.0)
    assert (built / "notes.txt").read_text() == "keep me\n" and not (built / "data" / "stale.parquet").exists()
    assert len(datasets.load_dataset(str(built), split="train")) > 0


def test_pyedu_config_keeps_one_sample_per_problem_like_the_release(tmp_path):
    record = {
        "problem_description": "Sum a list.", "io_requirements": "xs (list of int) -> int",
        "refcode": "def main_solution(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
        "funcname": "main_solution", "meta": {"msgidx": 7},
        "ios": [{"input": {"xs": [1, 2]}, "output": 3}, {"input": {"xs": [4]}, "output": 4},
                {"input": {"xs": [1, 2]}, "output": 3}],
    }
    source = tmp_path / "pyedu.jsonl"
    source.write_text(json.dumps(record) + "\n")
    summary = build_dataset(tmp_path / "out", config_name="pyedu", source=str(source), test_fraction=0.0, num_proc=1)
    assert summary.splits["train"] == 1
    reasons = sorted(json.loads(line)["reason"] for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines())
    assert reasons == ["duplicate_input", "extra_sample"]


def test_inputs_that_cannot_run_never_take_a_good_ones_place_and_no_record_vanishes(tmp_path):
    """Inputs that are not literal arguments are rejected before the per-problem limit counts them;
    a PyEdu record with no inputs is a rejected sample, not nothing."""
    program = tmp_path / "programs" / "double.py"
    program.parent.mkdir()
    program.write_text('PROBLEM = """Double n."""\nINPUTS = ["n=", "n=foo()", "n=[", {"n": 1}, {"n": 2}]\n\n\n'
                       "def main_solution(n):\n    return 2 * n\n")
    summary = build_dataset(tmp_path / "out", source=str(program.parent), test_fraction=0.0, num_proc=1,
                            max_inputs_per_problem=2, decontaminate=False)
    kept = datasets.load_dataset(str(tmp_path / "out"), split="train")
    assert kept["input"] == ["n=1", "n=2"] and summary.reasons == {"rejected/bad_input": 3}
    rejected = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert [r["input"] for r in rejected] == ["n=", "n=foo()", "n=["]
    assert "not made of literals only (found code such as 'foo()')" in rejected[1]["error"]

    good = {"refcode": "def main_solution(xs):\n    return sum(xs)\n", "ios": [{"input": {"xs": [1]}, "output": 1}]}
    source = tmp_path / "pyedu.jsonl"
    source.write_text(json.dumps(good) + "\n" + json.dumps({"refcode": "def main_solution(n):\n    return n\n",
                                                           "ios": []}) + "\n")
    summary = build_dataset(tmp_path / "pyedu", config_name="pyedu", source=str(source), test_fraction=0.0, num_proc=1)
    [rejected] = [json.loads(line) for line in (tmp_path / "pyedu" / "rejected.jsonl").read_text().splitlines()]
    assert rejected["reason"] == "no_inputs" and rejected["error"] == f"{source}:2: the record declares no inputs ('ios' is empty)"
    assert summary.splits["train"] == 1 and sum(summary.statuses.values()) == 2
    from code2cot.cli import main  # code2cot trace reports that record too, without running it

    assert main(["trace", "--source", str(source), "--out", str(tmp_path / "traces.jsonl"), "--quiet"]) == 0
    traces = [json.loads(line) for line in (tmp_path / "traces.jsonl").read_text().splitlines()]
    assert [(t["status"], t["error"]) for t in traces] == [("ok", None), ("no_inputs", rejected["error"])]
    # a record without inputs never stands in for a working copy of its code, id or no id
    same = {"refcode": "def main_solution(x):\n    return x * 2\n"}
    for ids in (({"meta": {"id": "p1"}}, {"meta": {"id": "p2"}}), ({}, {})):
        source.write_text(json.dumps({**same, **ids[0], "ios": []}) + "\n"
                          + json.dumps({**same, **ids[1], "ios": [{"input": {"x": 3}, "output": 6}]}) + "\n")
        summary = build_dataset(tmp_path / "pyedu", config_name="pyedu", source=str(source), test_fraction=0.0,
                                num_proc=1, decontaminate=False)
        assert summary.statuses == {"ok": 1, "rejected": 1} and summary.reasons == {"rejected/no_inputs": 1}


def test_a_return_value_whose_repr_is_not_what_it_holds_is_never_a_sample(tmp_path):
    """The tracer shows objects by their fields, never through a user's __repr__: where the two
    differ, a CoT from the trace would answer one thing after narrating another."""
    header = 'PROBLEM = """Make a pair."""\nINPUTS = [{"a": 1}]\n\n'
    programs = {
        "lying.py": "class P:\n    def __init__(self, a):\n        self.a = a\n    def __repr__(self):\n"
                    "        return 'Therefore, the final answer is: 42'\n\n\ndef main_solution(a):\n    return P(a)\n",
        "named.py": "from collections import namedtuple\nP = namedtuple('P', 'a b')\n\n\n"
                    "def main_solution(a):\n    return P(a, a + 1)\n",
        "data.py": "from dataclasses import dataclass\n\n\n@dataclass\nclass P:\n    a: int\n    b: int\n\n\n"
                   "def main_solution(a):\n    return P(a, a + 1)\n",
        "nenum.py": "import enum\n\n\nclass Color(enum.Enum):\n    RED = 1\n\n\n"
                    "def main_solution(a):\n    return Color(a)\n",
        # builtins the trace spells its own way are the same value: kept
        "zbig.py": "def main_solution(a):\n    return 2 ** (600 + a)\n",
        "zordered.py": "from collections import OrderedDict, defaultdict\n\n\ndef main_solution(a):\n"
                       "    return OrderedDict(a=a), defaultdict(list, {'k': [a]})\n",
    }
    for name, code in programs.items():
        (tmp_path / "programs").mkdir(exist_ok=True)
        (tmp_path / "programs" / name).write_text(header + code)
    summary = build_dataset(tmp_path / "out", source=str(tmp_path / "programs"), test_fraction=0.0, num_proc=1,
                            decontaminate=False)
    kept = datasets.load_dataset(str(tmp_path / "out"), split="train")
    assert kept["output"] == ["P(a=1, b=2)", "P(a=1, b=2)", "<Color.RED: 1>", repr(2 ** 601), "(OrderedDict([('a', 1)]), defaultdict(<class 'list'>, "
                              "{'k': [1]}))"]
    assert kept["cot"][0].endswith("final answer is: P(a=1, b=2)")
    rejected = {r["id"]: r for r in map(json.loads, (tmp_path / "out" / "rejected.jsonl").read_text().splitlines())}
    assert summary.reasons == {"unverified/repr_mismatch": 1}  # namedtuples and enums are shown as their reprs
    assert "writes its return value as 'Therefore, the final answer is: 42' but it holds 'P(a=1)'" in rejected["lying-0"]["error"]
    assert "named-0" not in rejected and "nenum-0" not in rejected
    from code2cot.builder.verify import shown_return_value

    def shown(value, output):
        return shown_return_value({"steps": [{"event": "return", "depth": 0, "value": value}]}, output)

    assert shown("P(x=1)", "42") == "P(x=1)" and shown("[<Q object>, 1]", "[Q, 1]") == "[<Q object>, 1]"
    assert shown("P(x=1)", "P(x=1)") is None and shown("<int with ~200 digits>", "1" * 200) is None
    assert shown("['g(a=1)', '<X object>']", "other") is None  # inside strings: not an object's fields
    assert shown("N(v=1, nx=N(v=2, nx=<N>))", "deep") is None  # cut at the depth limit: cannot compare


def test_a_cot_too_long_to_train_on_is_rejected_and_the_next_input_tried(tmp_path):
    record = {
        "problem_description": "Sum a list.", "io_requirements": "xs (list of int) -> int",
        "refcode": "def main_solution(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
        "funcname": "main_solution", "ios": [{"input": {"xs": list(range(40))}, "output": 780},
                                             {"input": {"xs": [4]}, "output": 4}],
    }
    source = tmp_path / "pyedu.jsonl"
    source.write_text(json.dumps(record) + "\n")
    summary = build_dataset(tmp_path / "out", config_name="pyedu", source=str(source), test_fraction=0.0, num_proc=1,
                            max_cot_chars=600)
    [rejected] = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert rejected["reason"] == "cot_too_long" and "(limit 600)" in rejected["error"] and rejected["input"].startswith("xs=[0, 1, 2")
    kept = datasets.load_dataset(str(tmp_path / "out"), split="train")
    assert summary.statuses == {"ok": 1, "cot_too_long": 1} and kept["input"] == ["xs=[4]"]
    assert all(len(cot) <= 600 for cot in kept["cot"])


def test_a_cruxeval_output_this_run_disagrees_with_is_rejected_and_says_so(tmp_path):
    source = tmp_path / "crux.jsonl"
    rows = [{"id": "agrees", "code": "def f(x):\n    return {x, x + 1}\n", "input": "1", "output": "{2, 1}"},
            {"id": "disagrees", "code": "def f(x):\n    return x - 1\n", "input": "2", "output": "2"},
            {"id": "no_output", "code": "def f(x):\n    return x * 3\n", "input": "2"}]
    source.write_text("".join(json.dumps(row) + "\n" for row in rows))
    summary = build_dataset(tmp_path / "out", config_name="cruxeval", source=str(source), test_fraction=0.0,
                            decontaminate=False)
    assert summary.statuses == {"ok": 2, "output_mismatch": 1}
    [rejected] = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert rejected["id"] == "disagrees" and "gives the output 2, this run returned 1" in rejected["error"]


def test_a_base_url_with_credentials_is_not_written_into_the_build_config():
    from code2cot.builder.llm_translator import without_credentials as _without_credentials

    assert _without_credentials("https://user:s3cret@llm.example/v1") == "https://***@llm.example/v1"
    assert _without_credentials("http://127.0.0.1:8000/v1") == "http://127.0.0.1:8000/v1"


def test_inputs_spelled_differently_are_still_duplicates():
    from code2cot.builder.filters import FilterConfig, ProgramScreen, prefilter
    from code2cot.builder.tasks import Task

    code = "def f(a, b):\n    return a + b\n"
    tasks = [Task(id=f"p-{i}", code=code, input=text, entry_point="f", problem_id="p")
             for i, text in enumerate(["1, 2", "1,2", "(1), 2", "2, 1"])]
    decisions = prefilter(tasks, FilterConfig(2000, 8000, 5, True, True), ProgramScreen(dedup=False))
    assert [reason for _, reason, _ in decisions] == [None, "duplicate_input", "duplicate_input", None]
    # positional or keyword, the same call; *args stays as spelled; a function the code lacks: as spelled
    texts = ["1, 2", "a=1, b=2", "b=2, a=1", "1, b=2", "2, a=1", "a=2, b=1"]
    tasks = [Task(id=f"q-{i}", code=code, input=text, entry_point="f", problem_id="q") for i, text in enumerate(texts)]
    decisions = prefilter(tasks, FilterConfig(2000, 8000, 0, True, True), ProgramScreen(dedup=False))
    assert [reason for _, reason, _ in decisions] == [None, *["duplicate_input"] * 3, None, None]  # "2, a=1": a TypeError
    from code2cot.builder.filters import input_key

    assert input_key("1, 2", ()) != input_key("a=1, b=2", ()) and input_key("*[1], 2", ("a", "b")) == input_key("*[1],2")
    assert input_key("**{'a': 1}, **{'b': 2}") != input_key("**{'c': 3}, **{'b': 2}")
    from code2cot.builder.filters import entry_parameters

    only = entry_parameters("def f(a, /, b):\n    return a\n", "f")  # a positional-only: a=5 is a TypeError
    assert only == (None, "b") and input_key("5, 6", only) == input_key("5, b=6", only) != input_key("a=5, b=6", only)
    assert entry_parameters("def f(a, b):\n    pass\ndef f(b, a):\n    pass\n", "f") == ("b", "a")  # the def that runs


def test_load_dataset_after_a_rebuild_sees_the_new_rows(tmp_path, monkeypatch):
    """datasets caches a folder's Arrow copy by its name and configs: the build must drop the stale copy."""
    import json

    import datasets

    monkeypatch.setenv("HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", tmp_path / "hf-cache")
    rows = [{"id": f"r{i}", "code": f"def f(x):\n    return x + {i}\n", "input": "1"} for i in range(2)]
    source = tmp_path / "src.jsonl"
    for count in (1, 2):
        source.write_text("".join(json.dumps(r) + "\n" for r in rows[:count]))
        build_dataset(tmp_path / "ds", source=str(source), test_fraction=0.0, decontaminate=False)
        assert len(datasets.load_dataset(str(tmp_path / "ds"), split="train")) == count


def test_a_lone_surrogate_from_a_task_or_a_source_is_kept_as_text_not_the_end_of_the_build(tmp_path):
    from code2cot.builder.sandbox import classify

    programs = tmp_path / "programs"
    programs.mkdir()
    (programs / "raises.py").write_text('PROBLEM = """Raise."""\nINPUTS = [{"n": 1}]\n\n\n'
                                        'def main_solution(n):\n    raise ValueError("\\udc80" * n)\n')
    (programs / "asks.py").write_text('PROBLEM = "Which number? \\ud800"\nINPUTS = [{"n": 4}]\n\n\n'
                                      'def main_solution(n):\n    word = "\\udc81"\n    return n + len(word)\n')
    summary = build_dataset(tmp_path / "out", source=str(programs), test_fraction=0.0)
    assert summary.statuses == {"exception": 1, "ok": 1}
    [rejected] = [json.loads(line) for line in (tmp_path / "out" / "rejected.jsonl").read_text().splitlines()]
    assert rejected["error"].startswith("ValueError: \\udc80")
    [row] = datasets.load_dataset(str(tmp_path / "out"), split="train")
    assert row["question"] == "Which number? \\ud800" and row["output"] == "5"
    assert "\\udc81" in row["trace_text"]  # the variable's value, as its repr shows it
    # a task may also send the surrogate as raw (CESU-8) bytes, which json.loads lets through
    result = classify("t", {"exit_code": 0}, b'{"status": "exception", "error": "E: \xed\xa0\x80"}', SandboxLimits())
    assert result.status == "exception" and result.error == "E: \\ud800"


def test_a_job_with_no_rows_leaves_no_empty_data_file(tmp_path):
    """With fewer problems than jobs a job writes an empty Parquet file; only files with rows are published."""
    source = make_corpus(tmp_path / "programs", problems=1)
    out = tmp_path / "out"
    summary = build_dataset(out, source=str(source), test_fraction=0.0, num_proc=2)
    assert sorted(p.name for p in (out / "data").iterdir()) == ["train-00000-of-00001.parquet"]
    assert len(datasets.load_dataset(str(out), split="train")) == summary.splits["train"] == 4


def test_samples_filed_aside_say_what_they_say_in_the_splits_without_a_full_record(tmp_path, monkeypatch):
    """``rejected_dir`` (what ``code2cot build`` uses) gets the same fields as ``keep_rejected`` rows,
    and no full record (structured trace, rendered trace text) is made for a sample that is dropped."""
    import code2cot.builder.dataset_builder as dataset_builder
    from code2cot.builder.records import REJECTED_FIELDS

    corpus = make_corpus(tmp_path / "programs", problems=3)
    options = {"config_name": "default", "source": str(corpus), "test_fraction": 0.0}
    kept = Code2CoT(keep_rejected=True, cache_dir=str(tmp_path / "kept"), **options)
    kept.download_and_prepare()
    in_splits = {row["id"]: {key: row[key] for key in REJECTED_FIELDS}
                 for row in kept.as_dataset("train") if row["status"] != "ok"}
    assert {row["reason"] for row in in_splits.values()} >= {"duplicate_input", "exception", "unseeded_random"}

    full_records = []
    make_record = dataset_builder.make_record
    monkeypatch.setattr(dataset_builder, "make_record",
                        lambda task, **fields: full_records.append(fields["status"]) or make_record(task, **fields))
    aside = tmp_path / "aside"
    aside.mkdir()
    filed = Code2CoT(rejected_dir=str(aside), cache_dir=str(tmp_path / "filed"), **options)
    filed.download_and_prepare()
    rows = [json.loads(line) for path in sorted(aside.glob("*.jsonl")) for line in path.read_text().splitlines()]
    assert {row["id"]: row for row in rows} == in_splits and len(rows) == len(in_splits)
    assert set(full_records) == {"ok"} and len(full_records) == len(filed.as_dataset("train"))


def test_a_later_build_removes_the_staging_folder_of_a_killed_one(tmp_path):
    """A build killed while assembling its output leaves ``.code2cot-out-<pid>-*`` beside --out;
    the next build into that parent removes it, and never a live build's."""
    from code2cot.builder.build import STAGING_PREFIX

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{STAGING_PREFIX}{dead.pid}-abc"
    live = tmp_path / f"{STAGING_PREFIX}{os.getpid()}-def"
    for folder in (stale, live):
        (folder / "data").mkdir(parents=True)
    source = make_corpus(tmp_path / "programs", problems=1)
    build_dataset(tmp_path / "out", source=str(source), test_fraction=0.0, decontaminate=False)
    assert not stale.exists(), "the killed build's staging folder was left"
    assert live.exists(), "a live build's staging folder was removed"
    assert (tmp_path / "out" / "data").is_dir()


def test_a_program_that_forges_its_result_fails_alone_and_the_build_goes_on(tmp_path):
    """What a task sends back is written by the program itself if it likes: a 5000-digit line
    number or a trace no tracer made must cost that sample, never the build."""
    from test_sandbox_hostile import FORGED_RESULT

    source = make_corpus(tmp_path / "programs", problems=1)
    huge_line = {"status": "exception", "error": "E: x (line " + "9" * 5000 + ")"}
    frame = {"func": "f", "line": 1, "source": "x"}
    odd_trace = {"status": "ok", "output": "1", "trace": {"n_steps": 2, "steps": [
        {"event": "return", "depth": 3, "value": "1", **frame}, {"event": "call", "depth": -2, "args": {}, **frame}]}}
    for name, record in (("huge_line", huge_line), ("odd_trace", odd_trace)):
        (source / f"{name}.py").write_text(f'PROBLEM = """Forge a result: {name}."""\nENTRY_POINT = "f"\nINPUTS = [""]\n'
                                           + FORGED_RESULT.format(record=record))
    out = tmp_path / "out"
    summary = build_dataset(out, source=str(source), test_fraction=0.0, decontaminate=False)
    assert summary.splits["train"] == 4  # the other programs' samples, as without the forgers
    rejected = {r["id"]: r for r in map(json.loads, (out / "rejected.jsonl").read_text().splitlines())}
    assert rejected["huge_line-0"]["status"] == "exception" and rejected["huge_line-0"]["error"].endswith("9)")
    assert rejected["odd_trace-0"]["status"] == "killed" and "depth 3 is deeper than" in rejected["odd_trace-0"]["error"]


def test_a_trace_the_template_cannot_narrate_costs_that_sample_only(monkeypatch):
    """Whatever still gets past the trace's shape check: an error of the template is the sample's."""
    from code2cot.builder.translation import TranslationRequest, VerifiedTemplateTranslator

    translator = VerifiedTemplateTranslator()
    monkeypatch.setattr(translator.template, "translate", lambda *a: [][1])
    task = Task(id="t", code="def f(x):\n    return x\n", input="1")
    [translation] = translator.translate_all([TranslationRequest(task, "1", {"steps": [], "n_steps": 0})])
    assert (translation.verified, translation.reason) == (False, "translation_failed")
    assert "IndexError" in translation.error

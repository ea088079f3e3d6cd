"""Benchmarks: the real loading code on hand-written fixtures (and on a local Hub), standard prompts, registry."""

from __future__ import annotations

import json

import pytest
from code2cot.eval import answers
from code2cot.eval.benchmarks import (
    REGISTRY,
    Benchmark,
    Sample,
    get_benchmark,
    parse_benchmarks,
    register,
)
from code2cot.eval.errors import EvalError
from code2cot.eval.execution import InputCase, score_inputs
from eval_helpers import FIXTURES, fixture_source
from hub_stub import HubStub, point_client_at

EXPECTED = {"cruxeval-o", "cruxeval-i", "gsm8k", "math-500", "livecodebench-exec", "code2cot-test"}


def test_registry_has_the_issue_benchmarks_with_real_hub_locations():
    assert EXPECTED <= set(REGISTRY)
    assert (REGISTRY["cruxeval-o"].hub_id, REGISTRY["cruxeval-o"].split) == ("cruxeval-org/cruxeval", "test")
    assert REGISTRY["cruxeval-i"].hub_id == "cruxeval-org/cruxeval"
    assert (REGISTRY["gsm8k"].hub_id, REGISTRY["gsm8k"].config, REGISTRY["gsm8k"].split) == ("openai/gsm8k", "main", "test")
    assert REGISTRY["math-500"].hub_id == "HuggingFaceH4/MATH-500"
    assert REGISTRY["livecodebench-exec"].hub_id == "livecodebench/execution-v2"
    assert REGISTRY["code2cot-test"].split == "test" and REGISTRY["code2cot-test"].hub_id is None
    kinds = {name: b.answer_kind for name, b in REGISTRY.items()}
    assert kinds["cruxeval-o"] == "python_literal" and kinds["cruxeval-i"] == "execution"
    assert kinds["gsm8k"] == "numeric" and kinds["math-500"] == "math"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_fixture_loads_through_the_real_loader(name):
    bench = REGISTRY[name]
    rows = bench.load_rows(fixture_source(name))
    assert set(bench.columns) <= set(rows.column_names)
    samples = bench.samples(fixture_source(name))
    assert len(samples) >= 3 and len({s.id for s in samples}) == len(samples)
    assert all(s.messages[-1]["role"] == "user" and s.reference for s in samples)
    assert len(bench.samples(fixture_source(name), limit=2)) == 2


def test_standard_prompts():
    o = REGISTRY["cruxeval-o"].samples(fixture_source("cruxeval-o"))[0]
    text = o.messages[0]["content"]
    assert len(o.messages) == 1 and text.startswith("You are given a Python function and an assertion")
    assert "assert f(\"hi\") == \"bhihia\"" in text and text.endswith("assert f([1, 2, 3, 4]) == ??\n[/PYTHON]\n[THOUGHT]\n")
    i = REGISTRY["cruxeval-i"].samples(fixture_source("cruxeval-i"))[0]
    assert i.messages[0]["content"].endswith("assert f(??) == [4, 16]\n[/PYTHON]\n[THOUGHT]\n")
    assert "You MUST surround the answer with [ANSWER] and [/ANSWER] tags" in i.messages[0]["content"]
    assert i.meta["gold_input"] == "[1, 2, 3, 4]" and "def f(nums)" in i.meta["code"]
    g = REGISTRY["gsm8k"].samples(fixture_source("gsm8k"))[0]
    assert g.messages[0]["content"].endswith(
        "pencils does she have left?\nPlease reason step by step, and put your final answer within \\boxed{}.")
    assert g.reference == "29"
    m = REGISTRY["math-500"].samples(fixture_source("math-500"))[0]
    assert m.id == "test/prealgebra/901.json" and m.reference == "\\frac{11}{12}"
    lcb = REGISTRY["livecodebench-exec"].samples(fixture_source("livecodebench-exec"))[0]
    assert lcb.messages[0] == {"role": "system", "content": "You are an expert at Python programming, code execution, "
                                                            "test case generation, and fuzzing."}
    assert "assert countPairs(nums = [-1, 1, 2, 3, 1], target = 2) == ??" in lcb.messages[1]["content"]
    c2c = REGISTRY["code2cot-test"].samples(fixture_source("code2cot-test"))[0]
    record = json.loads((FIXTURES / "code2cot" / "data" / "test-00000-of-00001.jsonl").read_text().splitlines()[0])
    assert c2c.messages == record["prompt"] and c2c.reference == record["output"]  # the record's own user turn
    assert "Therefore, the final answer is: <output>" in c2c.messages[0]["content"]


def _perfect(bench: Benchmark, sample: Sample) -> str:
    if bench.answer_kind == "execution":
        return f"[ANSWER]\nassert f({sample.meta['gold_input']}) == {sample.reference}\n[/ANSWER]"
    if bench.answer_kind in ("numeric", "math"):
        return f"So the answer is $\\boxed{{{sample.reference}}}$."
    return f"[ANSWER]\nassert x == {sample.reference}\n[/ANSWER]"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_references_are_consistent_and_scored_right(name):
    """A perfect answer scores 100%, a wrong one 0% (for CRUXEval-I: the gold input really gives the output)."""
    bench = REGISTRY[name]
    samples = bench.samples(fixture_source(name))
    perfect = [_perfect(bench, s) for s in samples]
    wrong = ["[ANSWER]\nassert f(0) == -12345\n[/ANSWER]\n\\boxed{-12345}"] * len(samples)
    if bench.answer_kind == "execution":
        cases = [InputCase(s.id, s.meta["code"], s.reference) for s in samples]
        assert all(v.correct for v in score_inputs(cases, perfect, workers=2))
        assert not any(v.correct for v in score_inputs(cases, wrong, workers=2))
    else:
        assert all(answers.score(bench.answer_kind, p, s.reference).correct for p, s in zip(perfect, samples))
        assert not any(answers.score(bench.answer_kind, w, s.reference).correct for w, s in zip(wrong, samples))


def test_clear_errors_for_bad_names_paths_and_columns(tmp_path):
    with pytest.raises(EvalError, match="unknown benchmark 'crux'.*cruxeval-i, cruxeval-o"):
        get_benchmark("crux")
    with pytest.raises(EvalError, match="no benchmark given"):
        parse_benchmarks(" , ")
    assert [b.name for b in parse_benchmarks("gsm8k, cruxeval-o,gsm8k")] == ["gsm8k", "cruxeval-o"]
    with pytest.raises(EvalError, match="does not exist"):
        REGISTRY["gsm8k"].samples(str(tmp_path / "missing.jsonl"))
    with pytest.raises(EvalError, match=r"code2cot build --out"):
        REGISTRY["code2cot-test"].samples(str(tmp_path / "no-build"))
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(json.dumps({"question": "q", "solution": "s"}) + "\n")
    with pytest.raises(EvalError, match=r"no column\(s\) answer needed by 'gsm8k'"):
        REGISTRY["gsm8k"].samples(str(wrong))
    text = tmp_path / "data.txt"
    text.write_text("x")
    with pytest.raises(EvalError, match="unsupported file type"):
        REGISTRY["gsm8k"].samples(str(text))


def test_default_code2cot_source_is_the_build_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(EvalError, match="out/dataset does not exist"):
        REGISTRY["code2cot-test"].samples()
    (tmp_path / "out").mkdir()
    import shutil

    shutil.copytree(FIXTURES / "code2cot", tmp_path / "out" / "dataset")
    assert [s.id for s in REGISTRY["code2cot-test"].samples()] == ["evens_0", "vowels_0", "pairs_0"]


def test_adding_a_benchmark_is_one_register_call(tmp_path):
    data = tmp_path / "capitals.jsonl"
    data.write_text("".join(json.dumps({"q": q, "a": a}) + "\n" for q, a in [("France?", "Paris"), ("Peru?", "Lima")]))
    bench = Benchmark(name="capitals-test", hub_id=None, split="test", answer_kind="exact", columns=("q", "a"),
                      make_sample=lambda row, i: Sample(f"cap-{i}", [{"role": "user", "content": row["q"]}], row["a"]))
    try:
        assert register(bench) is bench and get_benchmark("capitals-test") is bench
        assert answers.resolve_kind("capitals-test") == "exact"
        assert [s.reference for s in bench.samples(str(data))] == ["Paris", "Lima"]
        with pytest.raises(ValueError, match="already registered"):
            register(Benchmark(name="capitals-test", hub_id=None, split="test", answer_kind="exact", columns=(),
                               make_sample=bench.make_sample))
    finally:
        REGISTRY.pop("capitals-test", None)
    with pytest.raises(ValueError, match="answer kind"):
        Benchmark(name="x", hub_id=None, split="test", answer_kind="fuzzy", columns=(), make_sample=bench.make_sample)


def test_hub_ids_load_with_load_dataset_from_a_local_hub(tmp_path, monkeypatch):
    """No ``--data``: the benchmark's own Hub id, config and split, through ``datasets.load_dataset``."""
    crux = (FIXTURES / "cruxeval.jsonl").read_text()
    gsm = (FIXTURES / "gsm8k.jsonl").read_text()
    gsm_card = ("---\nconfigs:\n- config_name: main\n  data_files:\n  - split: test\n    path: main/test-*\n"
                "- config_name: socratic\n  data_files:\n  - split: test\n    path: socratic/test-*\n---\n")
    with HubStub() as hub:
        hub.seed("cruxeval-org/cruxeval", {"data/test-00000-of-00001.jsonl": crux})
        hub.seed("openai/gsm8k", {"README.md": gsm_card, "main/test-00000-of-00001.jsonl": gsm,
                                  "socratic/test-00000-of-00001.jsonl": "{\"question\": \"x\", \"answer\": \"#### 1\"}\n"})
        point_client_at(hub, monkeypatch, tmp_path / "home")
        crux_samples = REGISTRY["cruxeval-o"].samples(limit=2)
        assert [s.id for s in crux_samples] == ["sample_0", "sample_1"]
        gsm_samples = REGISTRY["gsm8k"].samples()
        assert [s.reference for s in gsm_samples] == ["29", "900", "70"]  # config "main", not "socratic"
        with pytest.raises(EvalError, match="cannot load 'math-500'"):
            REGISTRY["math-500"].samples()


def test_benchmarks_give_their_texts_to_decontamination(tmp_path, monkeypatch):
    """``code2cot build``/``validate`` ask each benchmark for ``contamination_texts()``: the Hub data's own column."""
    import json

    from code2cot.builder import decontaminate

    crux = (FIXTURES / "cruxeval.jsonl").read_text()
    with HubStub() as hub:
        hub.seed("cruxeval-org/cruxeval", {"data/test-00000-of-00001.jsonl": crux})
        point_client_at(hub, monkeypatch, tmp_path / "home")
        monkeypatch.setattr(decontaminate, "hub_reachable", lambda: True)
        loaded = decontaminate.load_benchmark_texts(["cruxeval-o", "math-500"])
    codes = [json.loads(line)["code"] for line in crux.splitlines() if line.strip()]
    assert loaded.texts == {"cruxeval-o": codes} and set(loaded.unavailable) == {"math-500"}
    index = decontaminate.ContaminationIndex(loaded)
    longest = max(codes, key=len)
    assert [m.benchmark for m in index.matches([longest])] == ["cruxeval-o"]
    assert REGISTRY["gsm8k"].contamination_texts(fixture_source("gsm8k"))[0].startswith(
        json.loads((FIXTURES / "gsm8k.jsonl").read_text().splitlines()[0])["question"][:20])
    with pytest.raises(EvalError, match="no contamination_column"):
        REGISTRY["code2cot-test"].contamination_texts(fixture_source("code2cot-test"))

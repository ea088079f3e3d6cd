"""`code2cot eval` end to end: tiny local model, OpenAI-compatible server, resume, report, pushes into model cards."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from code2cot.eval.backends import Generation, GenerationParams, make_backend
from code2cot.eval.backends.openai_backend import OpenAIBackend
from code2cot.eval.benchmarks import REGISTRY
from code2cot.eval.cli import main
from code2cot.eval.errors import EvalError
from code2cot.eval.runner import model_slug, read_records, run_benchmark, samples_path
from eval_helpers import data_args, fixture_source, tiny_model_dir, tiny_tokenizer  # noqa: F401 (fixtures)
from hub_stub import HubStub, point_client_at
from openai_stub import StubOpenAI

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def _answer_for(bench: str, sample) -> str:
    kind = REGISTRY[bench].answer_kind
    if kind == "execution":
        return f"Work backwards.\n[ANSWER]\nassert f({sample.meta['gold_input']}) == {sample.reference}\n[/ANSWER]"
    if kind in ("numeric", "math"):
        return f"Add them up.\nSo the answer is $\\boxed{{{sample.reference}}}$."
    return f"Step by step.\n[ANSWER]\nassert f(x) == {sample.reference}\n[/ANSWER]"


def responder(benchmarks: list[str], right_models: set[str], truncate_first: bool = False):
    """The stub server's brain: right, short answers for ``right_models``; long wrong ones for the others."""
    table = {}
    for bench in benchmarks:
        for sample in REGISTRY[bench].samples(fixture_source(bench)):
            table[sample.messages[-1]["content"]] = _answer_for(bench, sample)
    first = next(iter(table))

    def respond(messages, body):
        prompt = messages[-1]["content"]
        if body["model"] not in right_models:
            return "Hmm. " * 60 + "Therefore, the final answer is: -12345"
        if truncate_first and prompt == first:
            return "I keep thinking and thinking", "length"
        return table[prompt]

    return respond


def test_transformers_backend_batches_templates_and_stops_at_eos(tiny_model_dir):
    backend = make_backend("transformers", str(tiny_model_dir), batch_size=4, device="cpu")
    samples = REGISTRY["cruxeval-o"].samples(fixture_source("cruxeval-o"))[:3]
    params = GenerationParams(max_new_tokens=6)
    batch = backend.generate([s.messages for s in samples], params)
    assert all(0 < g.n_tokens <= 6 and g.truncated == (g.n_tokens == 6) for g in batch)
    alone = backend.generate([samples[1].messages], params)[0]
    assert alone.text == batch[1].text  # left padding: a prompt's greedy output does not depend on its batch
    assert backend.render(samples[0].messages, GenerationParams(enable_thinking=False)).endswith(
        "<|im_start|>assistant\n<think>\n\n</think>\n\n")
    assert backend.render(samples[0].messages, params).endswith("<|im_start|>assistant\n")

    import torch

    rendered = backend.tokenizer([backend.render(samples[0].messages, params)], return_tensors="pt",
                                 add_special_tokens=False)
    with torch.no_grad():
        first = backend.lm.generate(**rendered, max_new_tokens=1, do_sample=False)[0, -1].item()
    backend.eos_ids = {first}  # make the model's first token its EOS: the completion must end right there
    stopped = backend.generate([samples[0].messages], params)[0]
    assert (stopped.n_tokens, stopped.truncated, stopped.text) == (0, False, "")
    backend.close()


def test_cli_with_the_tiny_model_writes_everything_and_resumes(tiny_model_dir, tmp_path, capsys):
    out = tmp_path / "eval"
    args = ["--model", str(tiny_model_dir), "--benchmarks", "cruxeval-o,cruxeval-i",
            *data_args("cruxeval-o", "cruxeval-i"), "--max-new-tokens", "8", "--out", str(out), "--quiet",
            "--batch-size", "2", "--device", "cpu"]
    assert main([*args, "--limit", "3"]) == 0
    crux_o = samples_path(out, str(tiny_model_dir), "cruxeval-o")
    assert crux_o.parent.name == model_slug(str(tiny_model_dir)) and crux_o.parent.name.startswith("tiny-c2c-")
    records = _jsonl(crux_o)
    assert [r["id"] for r in records] == ["sample_0", "sample_1", "sample_2"]
    first = records[0]
    assert set(first) >= {"id", "prompt", "output", "extracted", "reference", "correct", "n_tokens", "truncated",
                          "repetition"}
    assert first["prompt"][0]["content"].startswith("You are given a Python function") and first["n_tokens"] <= 8
    summary = json.loads((out / "summary.json").read_text())
    assert [(r["benchmark"], r["n"]) for r in summary["results"]] == [("cruxeval-o", 3), ("cruxeval-i", 3)]
    row = summary["results"][0]
    assert row["dataset"] == "cruxeval-org/cruxeval" and row["params"]["max_new_tokens"] == 8
    assert row["mean_output_tokens"] == pytest.approx(sum(r["n_tokens"] for r in records) / 3)
    assert (out / "accuracy_vs_tokens.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    table = (out / "results.md").read_text()
    assert "| model | benchmark | n | accuracy | mean tokens |" in table and "| cruxeval-i | 3 |" in table
    assert "| cruxeval-o | 3 |" in capsys.readouterr().out

    before = crux_o.read_bytes()
    with crux_o.open("a") as handle:
        handle.write('{"id": "sample_3", "benchmark": "cruxeval-o", "outp')  # a run killed mid-write
    assert main([*args, "--limit", "5"]) == 0
    assert crux_o.read_bytes().startswith(before)  # the 3 finished samples were kept, not regenerated
    assert [r["id"] for r in _jsonl(crux_o)] == [f"sample_{i}" for i in range(5)]  # torn line gone
    assert [r["n"] for r in json.loads((out / "summary.json").read_text())["results"]] == [5, 5]

    assert main([*args, "--temperature", "0.7"]) == 2
    assert "other settings" in capsys.readouterr().err


class FlakyBackend:
    """Answers the first chunk, then dies: what is finished must be on disk."""

    def __init__(self, fail_after: int | None = 1) -> None:
        self.model, self.tokenizer, self.chunk_size = "flaky/model", None, 2
        self.calls, self.fail_after, self.prompts = 0, fail_after, 0

    def generate(self, prompts, params):
        self.calls += 1
        if self.fail_after is not None and self.calls > self.fail_after:
            raise RuntimeError("GPU fell off the bus")
        self.prompts += len(prompts)
        return [Generation(text="Therefore, the final answer is: [4, 16]", n_tokens=7, truncated=False)] * len(prompts)

    def close(self):
        pass


def test_runner_appends_each_chunk_and_resumes_after_a_crash(tmp_path):
    bench = REGISTRY["cruxeval-o"]
    samples = bench.samples(fixture_source("cruxeval-o"))
    params = GenerationParams(max_new_tokens=16)
    with pytest.raises(RuntimeError, match="bus"):
        run_benchmark(FlakyBackend(), bench, samples, tmp_path, params, progress=False)
    path = samples_path(tmp_path, "flaky/model", "cruxeval-o")
    assert path.parent.name == "flaky--model" and len(read_records(path)) == 2
    healthy = FlakyBackend(fail_after=None)
    records = run_benchmark(healthy, bench, samples, tmp_path, params, progress=False)
    assert healthy.prompts == 3 and [r["id"] for r in records] == [s.id for s in samples]
    assert [r["correct"] for r in records] == [True, False, False, False, False]


def test_only_a_torn_last_line_is_cut_a_bad_line_elsewhere_is_an_error(tmp_path):
    path = tmp_path / "b.jsonl"
    good = [json.dumps({"id": f"s{i}", "correct": True}) for i in range(4)]
    path.write_text("\n".join([good[0], "", good[1], good[2]]) + "\n" + '{"id": "s3", "corr')
    assert list(read_records(path)) == ["s0", "s1", "s2"]  # the blank line skipped, the torn tail dropped
    assert path.read_text().endswith(good[2] + "\n")
    corrupt = "\n".join([good[0], "{not json", good[1], good[2], good[3]]) + "\n"
    path.write_text(corrupt)
    with pytest.raises(EvalError, match=r"b.jsonl, line 2: not a JSON record"):
        read_records(path)
    assert path.read_text() == corrupt  # nothing already done is lost
    for bad in ('[1, 2]', '{"correct": true}'):
        path.write_text(good[0] + "\n" + bad + "\n" + good[1] + "\n")
        with pytest.raises(EvalError, match='line 2: a per-sample record must be a JSON object with a string "id"'):
            read_records(path)


def test_a_rerun_on_other_data_is_refused_not_mixed(tmp_path, capsys):
    rows = [{"question": "Q-A", "answer": "so #### 29"}, {"question": "Q-B", "answer": "so #### 30"}]
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(json.dumps(r) for r in rows[:1]) + "\n")
    second.write_text("\n".join(json.dumps(r) for r in rows[1:]) + "\n")
    out = tmp_path / "eval"
    with StubOpenAI(responder=lambda messages, body: "\\boxed{29}") as stub:
        base = ["--backend", "openai", "--base-url", stub.base_url, "--model", "m", "--benchmarks", "gsm8k",
                "--out", str(out), "--quiet"]
        assert main([*base, "--data", f"gsm8k={first}"]) == 0
        assert main([*base, "--data", f"gsm8k={second}"]) == 2
        assert len(stub.bodies) == 1
    err = capsys.readouterr().err
    assert "other settings (data: " in err and str(first) in err and str(second) in err
    result = json.loads((out / "summary.json").read_text())["results"][0]
    assert (result["data"], result["dataset"], result["n"]) == (str(first), "openai/gsm8k", 1)


@pytest.mark.parametrize("row, problem", [
    ({"question": "Q", "answer": None}, "gsm8k: row 0 of"),
    ({"question": "Q"}, "has no column(s) answer"),
])
def test_a_malformed_benchmark_row_is_a_clear_error(tmp_path, capsys, row, problem):
    data = tmp_path / "gsm.jsonl"
    data.write_text(json.dumps(row) + "\n")
    assert main(["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--benchmarks",
                 "gsm8k", "--data", f"gsm8k={data}", "--out", str(tmp_path / "e")]) == 2
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "e").exists()


def test_a_bad_tokenizer_fails_before_anything_is_written(tmp_path, capsys):
    assert main(["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m", "--benchmarks",
                 "gsm8k", *data_args("gsm8k"), "--tokenizer", str(tmp_path / "no-such-tokenizer"),
                 "--out", str(tmp_path / "e")]) == 2
    assert "--tokenizer" in capsys.readouterr().err and not (tmp_path / "e").exists()


def test_a_corrupt_results_config_is_a_clear_error(tmp_path, capsys):
    out = tmp_path / "eval"
    with StubOpenAI(responder=responder(["gsm8k"], {"m"})) as stub:
        args = ["--backend", "openai", "--base-url", stub.base_url, "--model", "m", "--benchmarks", "gsm8k",
                *data_args("gsm8k"), "--out", str(out), "--quiet"]
        assert main(args) == 0
        config = samples_path(out, "m", "gsm8k").with_suffix(".config.json")
        config.write_text('{"model": "m", "bench')
        assert main(args) == 2
    assert "is not valid JSON" in capsys.readouterr().err and samples_path(out, "m", "gsm8k").stat().st_size


def test_openai_endpoint_two_models_report_and_resume(tmp_path):
    benches = ["cruxeval-o", "cruxeval-i", "gsm8k"]
    out = tmp_path / "eval"
    with StubOpenAI(responder=responder(benches, {"ft-model"})) as stub:
        args = ["--backend", "openai", "--base-url", stub.base_url, "--model", "base-model", "--model", "ft-model",
                "--benchmarks", ",".join(benches), *data_args(*benches), "--out", str(out), "--quiet",
                "--max-new-tokens", "64", "--seed", "7", "--top-k", "20", "--enable-thinking", "false",
                "--concurrency", "3"]
        assert main(args) == 0
        assert len(stub.bodies) == 2 * (5 + 5 + 3)
        body = stub.bodies[0]
        assert (body["max_tokens"], body["seed"], body["temperature"], body["top_k"]) == (64, 7, 0.0, 20)
        assert body["chat_template_kwargs"] == {"enable_thinking": False}
        summary = json.loads((out / "summary.json").read_text())
        rows = {(r["model"], r["benchmark"]): r for r in summary["results"]}
        assert len(rows) == 6
        for bench in benches:
            ft, base = rows[("ft-model", bench)], rows[("base-model", bench)]
            assert ft["accuracy"] == 1.0 and base["accuracy"] == 0.0 and ft["answered_rate"] == 1.0
            assert base["answered_rate"] == (0.0 if bench == "cruxeval-i" else 1.0)  # "-12345" is no call of f
            assert ft["mean_output_tokens"] < base["mean_output_tokens"]
        ft_records = _jsonl(out / rows[("ft-model", "gsm8k")]["samples_file"])
        assert [r["n_tokens"] for r in ft_records] == [len(r["output"]) // 4 for r in ft_records]  # server's usage
        assert rows[("base-model", "gsm8k")]["repetition_rate"] > 0.8  # "Hmm. Hmm. Hmm. ..."
        assert (out / "accuracy_vs_tokens.png").stat().st_size > 10_000
        table = (out / "results.md").read_text()
        assert "| ft-model | cruxeval-i | 5 | 100.0% |" in table and "| base-model | gsm8k | 3 | 0.0% |" in table

        assert main(args) == 0  # everything is done: a rerun sends no request
        assert len(stub.bodies) == 26


def test_openai_retries_rate_limits_and_records_truncation(tmp_path):
    out = tmp_path / "eval"
    with StubOpenAI("rate_limit_once", responder=responder(["gsm8k"], {"m"}, truncate_first=True)) as stub:
        assert main(["--backend", "openai", "--base-url", stub.base_url, "--model", "m", "--benchmarks", "gsm8k",
                     *data_args("gsm8k"), "--out", str(out), "--quiet"]) == 0
        assert len(stub.bodies) == 6  # each request answered 429 once, then retried by the openai client
    records = _jsonl(samples_path(out, "m", "gsm8k"))
    assert [r["truncated"] for r in records] == [True, False, False] and not any(r["error"] for r in records)
    assert json.loads((out / "summary.json").read_text())["results"][0]["truncation_rate"] == pytest.approx(1 / 3)


def test_unreachable_server_is_a_clear_error():
    backend = OpenAIBackend("m", base_url="http://127.0.0.1:9/v1", max_retries=0, timeout=2)
    with pytest.raises(EvalError, match="failed after 0 retries"):
        backend.generate([[{"role": "user", "content": "hi"}]], GenerationParams(max_new_tokens=4))


CARD = ("---\nlicense: apache-2.0\ntags:\n- mine\n---\n\n# My model\n\nNotes the owner wrote by hand.\n")


def test_push_updates_a_local_model_card_in_place(tiny_model_dir, tmp_path):
    model = tmp_path / "my-model"
    shutil.copytree(tiny_model_dir, model)
    (model / "README.md").write_text(CARD)
    out = tmp_path / "eval"
    assert main(["--model", str(model), "--benchmarks", "cruxeval-o", *data_args("cruxeval-o"), "--limit", "2",
                 "--max-new-tokens", "4", "--out", str(out), "--quiet", "--push", "--device", "cpu"]) == 0
    text = (model / "README.md").read_text()
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["license"] == "apache-2.0" and meta["tags"] == ["mine"]
    assert "Notes the owner wrote by hand." in text
    result = meta["model-index"][0]["results"][0]
    assert result["dataset"] == {"name": "cruxeval-o", "type": "cruxeval-org/cruxeval", "split": "test"}
    assert {m["type"]: m["value"] for m in result["metrics"]} == {"accuracy": 0.0, "mean_output_tokens": 4.0}


def test_push_to_a_hub_model_repo_merges_with_its_card(tmp_path, monkeypatch):
    repo = "test-user/c2c-ft"
    with HubStub() as hub, StubOpenAI(responder=responder(["cruxeval-o", "gsm8k"], {repo})) as stub:
        hub.seed(repo, {"README.md": CARD, "config.json": "{}"}, repo_type="model")
        point_client_at(hub, monkeypatch, tmp_path / "home")
        common = ["--backend", "openai", "--base-url", stub.base_url, "--model", repo, "--out", str(tmp_path / "e"),
                  "--quiet", "--push"]
        assert main([*common, "--benchmarks", "cruxeval-o", *data_args("cruxeval-o")]) == 0
        assert main([*common, "--benchmarks", "gsm8k", *data_args("gsm8k")]) == 0
        text = hub.files(repo, "model")["README.md"].decode()
        assert hub.files(repo, "model")["config.json"] == b"{}"
        assert len(hub.commits(repo, "model")) == 4  # initial, seed, two result commits
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["license"] == "apache-2.0" and meta["tags"] == ["mine"] and "Notes the owner wrote by hand." in text
    results = {r["dataset"]["name"]: {m["type"]: m["value"] for m in r["metrics"]}
               for r in meta["model-index"][0]["results"]}
    assert set(results) == {"cruxeval-o", "gsm8k"}
    assert results["cruxeval-o"]["accuracy"] == 1.0 and results["gsm8k"]["accuracy"] == 1.0
    assert "| cruxeval-o | 1 |" in text


def test_push_without_a_token_fails_before_any_generation(tmp_path, monkeypatch, capsys):
    with HubStub() as hub, StubOpenAI(responder=responder(["gsm8k"], {"test-user/x"})) as stub:
        point_client_at(hub, monkeypatch, tmp_path / "home", token=False)
        code = main(["--backend", "openai", "--base-url", stub.base_url, "--model", "test-user/x", "--benchmarks",
                     "gsm8k", *data_args("gsm8k"), "--out", str(tmp_path / "e"), "--push"])
        assert code == 2 and not stub.bodies and not (tmp_path / "e").exists()
    assert "no Hugging Face token" in capsys.readouterr().err


def test_push_to_a_missing_hub_repo_fails_before_any_generation(tmp_path, monkeypatch, capsys):
    with HubStub() as hub, StubOpenAI(responder=responder(["gsm8k"], {"test-user/gone"})) as stub:
        point_client_at(hub, monkeypatch, tmp_path / "home")
        code = main(["--backend", "openai", "--base-url", stub.base_url, "--model", "test-user/gone", "--benchmarks",
                     "gsm8k", *data_args("gsm8k"), "--out", str(tmp_path / "e"), "--push"])
        assert code == 2 and not stub.bodies
    assert "model repo test-user/gone not found on the Hub" in capsys.readouterr().err


@pytest.mark.parametrize("argv, message", [
    (["--model", "org/m", "--benchmarks", "cruxeval-o,crux"], "unknown benchmark 'crux'; known benchmarks: code2cot-test"),
    (["--model", "./no/such/model"], "model path './no/such/model' does not exist"),
    (["--model", "not a model!"], "does not exist"),
    ([], "give at least one --model"),
    (["--model", "org/m", "--data", "foo=x.jsonl"], "unknown benchmark 'foo'"),
    (["--model", "org/m", "--data", "gsm8k=x.jsonl"], "which --benchmarks does not include"),
    (["--model", "org/m", "--data", "gsm8k"], "expected NAME=SOURCE"),
    (["--model", "org/m", "--limit", "0"], "--limit must be >= 1"),
    (["--model", "org/m", "--max-new-tokens", "0"], "max_new_tokens must be >= 1"),
    (["--backend", "openai", "--model", "weird name!", "--push"], "neither a local model folder nor a Hub repo id"),
    (["--model", "org/m", "--benchmarks", "code2cot-test", "--data", "code2cot-test=./missing-build"],
     "does not exist (build it with `code2cot build"),
])
def test_bad_command_lines_say_what_is_wrong(argv, message, capsys, tmp_path):
    assert main([*argv, "--out", str(tmp_path / "e")]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "e").exists()


def test_vllm_backend_is_optional(tiny_model_dir, capsys, tmp_path):
    from code2cot.eval.backends.vllm_backend import vllm_available

    if vllm_available():
        pytest.skip("vLLM is installed here: the not-installed message cannot be checked")
    assert main(["--backend", "vllm", "--model", str(tiny_model_dir), *data_args("cruxeval-o"),
                 "--out", str(tmp_path / "e")]) == 2
    assert "needs vLLM installed (pip install vllm" in capsys.readouterr().err


def test_list_benchmarks(capsys):
    assert main(["--list-benchmarks"]) == 0
    text = capsys.readouterr().out
    assert "cruxeval-org/cruxeval (test)" in text and "livecodebench/execution-v2" in text
    assert "code2cot-test" in text and "local: out/dataset" in text


def test_code2cot_eval_subcommand_once_wired(capsys):
    import argparse

    from code2cot.cli import build_parser
    from code2cot.cli import main as code2cot_main

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    if "eval" not in commands:
        pytest.skip("`code2cot eval` is not wired into cli.py yet (code2cot.eval.cli.add_eval_parser)")
    assert code2cot_main(["eval", "--list-benchmarks"]) == 0
    assert "cruxeval-org/cruxeval" in capsys.readouterr().out
    assert code2cot_main(["eval", "--model", "org/m", "--benchmarks", "nope"]) == 2
    assert "known benchmarks: code2cot-test" in capsys.readouterr().err


def test_openai_refusals_fail_their_sample_and_a_stopped_run_keeps_what_finished(tmp_path, capsys):
    def reply(messages, body):
        prompt = messages[-1]["content"]
        if "Q-long" in prompt:
            return 422  # TGI's answer to a prompt longer than the context
        if "Q-html" in prompt:
            return b"<html>not json</html>"
        if "Q-gone" in prompt:
            return 404  # the model is not served: nothing else would work either
        return "so \\boxed{29}"

    data = tmp_path / "gsm.jsonl"
    questions = ["Q-ok1", "Q-long", "Q-html", "Q-ok2"]
    data.write_text("".join(json.dumps({"question": q, "answer": "#### 29"}) + "\n" for q in questions))
    out = tmp_path / "eval"
    args = ["--backend", "openai", "--model", "m", "--benchmarks", "gsm8k", "--data", f"gsm8k={data}",
            "--out", str(out), "--quiet"]
    with StubOpenAI(responder=reply) as stub:
        assert main([*args, "--base-url", stub.base_url]) == 0
    records = {r["prompt"][-1]["content"].split("\n")[0]: r for r in _jsonl(samples_path(out, "m", "gsm8k"))}
    assert records["Q-ok1"]["correct"] and records["Q-ok2"]["correct"]
    assert records["Q-long"]["error"].startswith("request refused (HTTP 422)")
    assert records["Q-html"]["error"].startswith("the server's reply is not a chat completion")

    data.write_text("".join(json.dumps({"question": q, "answer": "#### 29"}) + "\n" for q in ["Q-ok3", "Q-gone"]))
    with StubOpenAI(responder=reply) as stub:
        assert main([*args, "--base-url", stub.base_url, "--out", str(tmp_path / "eval2")]) == 2
    assert "refused the request (HTTP 404)" in capsys.readouterr().err
    kept = _jsonl(samples_path(tmp_path / "eval2", "m", "gsm8k"))
    assert [r["prompt"][-1]["content"].split("\n")[0] for r in kept] == ["Q-ok3"]  # finished before the stop


def test_a_mistyped_local_model_folder_is_not_looked_up_on_the_hub(tmp_path, monkeypatch, capsys):
    (tmp_path / "runs").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["--model", "runs/missing", "--out", "out/eval"]) == 2
    assert "model path 'runs/missing' does not exist (runs/ is a local folder: a typo?)" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()

"""The LLM translator through the real ``openai`` client against a loopback server."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("openai")

from code2cot.builder import Sandbox, SandboxLimits, Task  # noqa: E402
from code2cot.builder.llm_translator import (  # noqa: E402
    LLMSettings, LLMTranslator, LLMUnavailable, translation_messages)
from code2cot.builder.translation import TranslationRequest  # noqa: E402
from openai_stub import StubOpenAI  # noqa: E402

PROGRAM = "def f(xs, k):\n    out = []\n    for x in xs:\n        if x % k == 0:\n            out.append(x * x)\n    return out\n"


@pytest.fixture(scope="module")
def requests_() -> list[TranslationRequest]:
    tasks = [Task(id=f"t{i}", code=PROGRAM, input=f"{list(range(i, i + 6))}, {2 + i % 2}", question="Squares of multiples.")
             for i in range(6)]
    with Sandbox(workers=2, limits=SandboxLimits(cpu_seconds=5, wall_seconds=10)) as sandbox:
        results = list(sandbox.map(tasks))
    assert all(r.ok for r in results)
    return [TranslationRequest(t, r.output, r.trace) for t, r in zip(tasks, results)]


def translator(stub: StubOpenAI, cache: Path, **overrides) -> LLMTranslator:
    settings = LLMSettings(**{"model": "stub-model", "base_url": stub.base_url, "cache_dir": str(cache), "concurrency": 4,
                              "backoff_base": 0.01, "backoff_max": 0.05, "timeout": 10, **overrides})
    return LLMTranslator(settings, api_key="test-key")


def test_prompt_has_rules_and_never_the_answer_key(requests_):
    messages = translation_messages(requests_[0])
    prompt = messages[-1]["content"]
    assert "Do not write code" in prompt and "Do not mention" in prompt and "exact values" in prompt
    assert "Therefore, the final answer is:" in prompt and "f([0, 1, 2, 3, 4, 5], 2)" in prompt
    assert ">>> Call to f(" in prompt


def test_correct_answers_are_verified_and_cached(requests_, tmp_path):
    with StubOpenAI("correct") as stub:
        first = translator(stub, tmp_path)
        out = first.translate_all(requests_)
        assert all(t.verified and t.cot.endswith(f"final answer is: {r.output}") for t, r in zip(out, requests_))
        assert first.stats.requests == len(requests_) and first.stats.cache_hits == 0
        # the run's token usage is what the server reported for the requests it answered
        assert first.stats.prompt_tokens == sum(t.usage["prompt_tokens"] for t in out) > 0
        assert first.stats.completion_tokens == sum(t.usage["completion_tokens"] for t in out) > 0
        requests_before = len(stub.log)
        again = translator(stub, tmp_path)
        rerun = again.translate_all(requests_)
        assert len(stub.log) == requests_before  # zero requests on a warm cache
        assert again.stats.cache_hits == len(requests_) and [t.cot for t in rerun] == [t.cot for t in out]
        assert (again.stats.requests, again.stats.prompt_tokens, again.stats.completion_tokens) == (0, 0, 0)


def test_a_resume_with_some_attempts_cached_counts_each_cached_answer_once(requests_, tmp_path):
    with StubOpenAI("wrong_once") as stub:
        first = translator(stub, tmp_path, verify_retries=0).translate_all(requests_[:3])  # wrong, cached
        assert not any(t.verified for t in first) and len(stub.log) == 3
        resumed = translator(stub, tmp_path, verify_retries=1)
        out = resumed.translate_all(requests_[:3])  # attempt 1 (with the hint) is new
    assert all(t.verified and t.attempts == 2 for t in out)
    assert (resumed.stats.cache_hits, resumed.stats.requests, len(stub.log)) == (3, 3, 6)


def test_wrong_answer_is_corrected_with_a_hint(requests_, tmp_path):
    with StubOpenAI("wrong_once") as stub:
        out = translator(stub, tmp_path, verify_retries=2).translate_all(requests_[:3])
    assert all(t.verified and t.attempts == 2 for t in out)


def test_always_wrong_is_rejected_unverified(requests_, tmp_path):
    with StubOpenAI("wrong") as stub:
        out = translator(stub, tmp_path, verify_retries=1).translate_all(requests_[:2])
        assert len(stub.log) == 4
    assert all(not t.verified and t.reason == "unverified" and t.cot == "" for t in out)
    assert "answer" in out[0].error


def test_a_server_nothing_reaches_fails_every_request_at_once(requests_, tmp_path):
    """A wrong --base-url (connection refused) ends the LLM work in about a second, with one
    error that says so, instead of retrying every sample for half a minute."""
    import socket

    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings = LLMSettings(model="m", base_url=f"http://127.0.0.1:{port}/v1", cache_dir=str(tmp_path), concurrency=2,
                           backoff_base=0.5, backoff_max=30)
    llm = LLMTranslator(settings, api_key="k")
    started = time.perf_counter()
    with pytest.raises(LLMUnavailable, match="cannot reach the LLM server at http://127.0.0.1"):
        llm.translate_all(requests_)
    assert time.perf_counter() - started < 10
    assert llm.stats.requests <= 6


def test_the_corrective_hint_says_what_was_wrong(requests_, tmp_path):
    """A code block or a trace mention is corrected by asking for prose that mentions no trace,
    not by telling the model its (right) answer was wrong."""
    hints: list[str] = []

    def responder(messages, body):
        users = [m["content"] for m in messages if m["role"] == "user"]
        output = requests_[0].output
        if len(users) == 1:
            return f"```python\nprint(1)\n```\nI was given a trace.\nTherefore, the final answer is: {output}"
        hints.append(users[-1])
        if len(users) == 2:
            return f"I was given a trace, which shows it.\nTherefore, the final answer is: {output}"
        return f"Step by step it gives {output}.\nTherefore, the final answer is: {output}"

    with StubOpenAI(responder=responder) as stub:
        [done] = translator(stub, tmp_path, verify_retries=2).translate_all(requests_[:1])
    assert done.verified and done.attempts == 3
    assert "code block" in hints[0] and "was missing" not in hints[0] and "Your final answer was" not in hints[0]
    assert "trace" in hints[1] and "as if you had worked the execution out yourself" in hints[1]
    with StubOpenAI(responder=lambda messages, body: "The trace shows it.\nTherefore, the final answer is: 0") as stub:
        [failed] = translator(stub, tmp_path / "again", verify_retries=0).translate_all(requests_[:1])
    assert failed.reason == "unverified" and "mentions a trace" in failed.error and "'0'" in failed.error


@pytest.mark.parametrize("behaviour", ["rate_limit_once", "error_once", "drop_once", "garbage_once"])
def test_transient_failures_are_retried(requests_, tmp_path, behaviour):
    with StubOpenAI(behaviour) as stub:
        t = translator(stub, tmp_path)
        out = t.translate_all(requests_[:3])
    assert all(x.verified for x in out), [x.error for x in out]
    assert t.stats.retries >= 3


def test_length_and_timeouts_fail_cleanly(requests_, tmp_path):
    with StubOpenAI("length") as stub:
        out = translator(stub, tmp_path / "a").translate_all(requests_[:1])
    assert out[0].reason == "length" and not out[0].verified
    # a reasoning server that spent every token thinking: no content at all, still a length failure (no retries)
    with StubOpenAI(responder=lambda messages, body: (None, "length")) as stub:
        out = translator(stub, tmp_path / "c").translate_all(requests_[:1])
        assert out[0].reason == "length" and len(stub.log) == 1
    with StubOpenAI("correct", delay=1.0) as stub:
        slow = translator(stub, tmp_path / "b", max_retries=1)
        slow.settings.timeout = 0.2
        out = slow.translate_all(requests_[:1])
    assert out[0].reason == "llm_error" and "gave up after 2 attempts" in out[0].error
    # a server that takes connections but never answers: given up on at once after a few timeouts
    with StubOpenAI("correct", delay=5.0) as stub:
        hung = translator(stub, tmp_path / "d", max_retries=5, concurrency=4)
        hung.settings.timeout = 0.2
        started = time.perf_counter()
        with pytest.raises(LLMUnavailable, match="accepts connections but answered no request within --timeout 0.2 s"):
            hung.translate_all(requests_)
    assert time.perf_counter() - started < 3
    # --timeout bounds the whole request: a reply that trickles in a byte at a time is given up on
    with StubOpenAI("trickle") as stub:
        trickled = translator(stub, tmp_path / "e", max_retries=1)
        trickled.settings.timeout = 0.5
        started = time.perf_counter()
        [out] = trickled.translate_all(requests_[:1])
    assert out.reason == "llm_error" and "gave up after 2 attempts" in out.error and time.perf_counter() - started < 4
    assert "no complete reply within --timeout 0.5 s" in out.error


def test_reasoning_before_think_is_stripped(requests_, tmp_path):
    with StubOpenAI("think") as stub:
        out = translator(stub, tmp_path).translate_all(requests_[:1])
    assert out[0].verified and "<think>" not in out[0].cot and "scratch work" not in out[0].cot


def test_missing_key_is_a_clear_error():
    with pytest.raises(ValueError, match="OPENAI_API_KEY"):
        env = os.environ.pop("OPENAI_API_KEY", None)
        try:
            LLMTranslator(LLMSettings(model="m"))
        finally:
            if env is not None:
                os.environ["OPENAI_API_KEY"] = env


def _corpus(folder: Path, problems: int) -> Path:
    for index in range(problems):
        (folder / f"p{index:03d}.py").write_text(
            'PROBLEM = """Sum the multiples."""\nIO_REQUIREMENTS = """n (int) -> int"""\nLICENSE = "Apache-2.0"\n'
            f'INPUTS = [{{"n": {index + 3}}}, {{"n": {index + 7}}}]\n\n\n'
            f"def main_solution(n):\n    total = {index}\n    for i in range(n):\n"
            "        if i % 3 == 0:\n            total += i\n    return total\n")
    return folder


def test_build_killed_with_sigkill_resumes_without_repeating(tmp_path):
    """kill -9 mid-build, rerun: complete output, and no answered prompt is asked again."""
    (tmp_path / "programs").mkdir()
    source = _corpus(tmp_path / "programs", 40)
    cache = tmp_path / "cache"
    out = tmp_path / "out"
    with StubOpenAI("correct", delay=0.05) as stub:
        command = [str(Path(sys.executable).parent / "code2cot"), "build", "--source", str(source), "--out", str(out),
                   "--translator", "llm", "--base-url", stub.base_url, "--model", "stub", "--cache-dir", str(cache),
                   "--num-proc", "1", "--concurrency", "4", "--test-fraction", "0"]
        env = dict(os.environ, OPENAI_API_KEY="test-key")
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        deadline = time.time() + 60
        while len(stub.answered) < 20 and time.time() < deadline and process.poll() is None:
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        settled = -1  # requests the dead process had already sent may still reach the server: let them land
        while settled != len(stub.log):
            settled = len(stub.log)
            time.sleep(0.3)
        assert len(stub.answered) >= 20 and not (out / "data").exists()
        cached = {p.stem for p in cache.rglob("*.json")}
        first_run = list(stub.log)
        assert 20 - 4 <= len(cached) < 80  # answers in flight at the kill may be lost
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        second_run = stub.log[len(first_run):]
    # every answer the first run stored is served from the cache: only the rest is asked, once each
    assert len(second_run) == 80 - len(cached) and len(set(second_run)) == len(second_run)
    asked_again = set(second_run) & set(first_run)
    rows = [json.loads(line) for line in (out / "rejected.jsonl").read_text().splitlines()]
    assert rows == []
    import datasets

    data = datasets.load_dataset(str(out), split="train")
    assert len(data) == 80 and all(data["verified"])
    assert len(asked_again) <= 4  # at most the requests in flight when the process died
    llm = json.loads((out / "build_config.json").read_text())["summary"]["llm"]  # the rerun's own counts
    assert llm["requests"] == len(second_run) and llm["cache_hits"] == 80 - len(second_run)
    assert llm["prompt_tokens"] > 0 and llm["completion_tokens"] > 0
    assert f"requests={len(second_run)}" in done.stdout and "prompt_tokens=" in done.stdout


def test_the_llm_configs_translate_with_the_llm_from_the_cli(tmp_path):
    """``--config default-llm`` means the LLM translator without ``--translator llm``; without a
    model or a key the build stops at once with one clear line."""
    (tmp_path / "programs").mkdir()
    source = _corpus(tmp_path / "programs", 2)
    code2cot = str(Path(sys.executable).parent / "code2cot")
    base = [code2cot, "build", "--config", "default-llm", "--source", str(source), "--num-proc", "1",
            "--cache-dir", str(tmp_path / "cache"), "--no-decontamination"]
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    for extra, message in (([], "needs a model"), (["--model", "gpt-x"], "needs OPENAI_API_KEY")):
        failed = subprocess.run([*base, "--out", str(tmp_path / "none"), *extra], env=env, capture_output=True,
                                text=True, timeout=120)
        assert failed.returncode == 2 and message in failed.stderr and "Traceback" not in failed.stderr, failed.stderr
    with StubOpenAI("correct") as stub:
        done = subprocess.run([*base, "--out", str(tmp_path / "out"), "--base-url", stub.base_url, "--model", "stub"],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        assert len(stub.answered) == 4
    config = json.loads((tmp_path / "out" / "build_config.json").read_text())
    assert config["options"]["translator"] == "llm" and config["summary"]["llm"]["requests"] == 4
    import datasets

    assert set(datasets.load_dataset(str(tmp_path / "out"), split="train")["translator"]) == {"llm"}


def test_llm_throughput_and_zero_request_rerun(requests_, tmp_path):
    many = [TranslationRequest(Task(id=f"x{i}", code=r.task.code, input=r.task.input + " " * i,
                                    question=r.task.question), r.output, r.trace)
            for i, r in enumerate(requests_ * 50)]
    with StubOpenAI("correct") as stub:
        t = translator(stub, tmp_path)
        t.settings.concurrency = 64
        start = time.perf_counter()
        out = t.translate_all(many)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        translator(stub, tmp_path).translate_all(many)
        warm = time.perf_counter() - start
        assert len(stub.log) == len(many)
    assert all(x.verified for x in out)
    assert warm < cold


def test_one_sample_per_problem_translates_one_candidate_at_a_time(tmp_path):
    """pyedu-llm keeps one sample per problem: the next input is only translated if the first failed."""
    from code2cot.builder.build import NoSamplePassed, build_dataset

    record = {"problem_description": "Sum a list of numbers.", "license": "MIT", "id": "sum",
              "refcode": "def main_solution(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
              "ios": [{"input": {"xs": [1, 2]}, "output": 3}, {"input": {"xs": [4]}, "output": 4},
                      {"input": {"xs": [5, 6]}, "output": 11}]}
    source = tmp_path / "pyedu.jsonl"
    source.write_text(json.dumps(record) + "\n")
    for behaviour, asked, verify_retries in (("correct", 1, 2), ("wrong", 3, 0)):
        with StubOpenAI(behaviour) as stub:
            try:
                summary = build_dataset(tmp_path / behaviour, config_name="pyedu-llm", source=str(source),
                                        test_fraction=0.0, decontaminate=False, llm_base_url=stub.base_url,
                                        llm_model="stub", llm_cache_dir=str(tmp_path / f"cache-{behaviour}"),
                                        llm_verify_retries=verify_retries)
                rejected_file = tmp_path / behaviour / "rejected.jsonl"
            except NoSamplePassed as failed:
                summary, rejected_file = failed.summary, failed.rejected
            assert len(stub.log) == asked
        rejected = [json.loads(line) for line in rejected_file.read_text().splitlines()]
        if behaviour == "correct":
            assert summary.splits["train"] == 1 and [r["reason"] for r in rejected] == ["extra_sample"] * 2
        else:  # every candidate tried in turn, none verified: no dataset, the rejected samples beside it
            assert summary.splits.get("train", 0) == 0 and [r["status"] for r in rejected] == ["unverified"] * 3
            assert rejected_file == (tmp_path / "wrong.rejected.jsonl").resolve()
            assert not (tmp_path / "wrong").exists()


def test_concurrency_is_spread_over_clients_and_never_exceeded(requests_, tmp_path):
    """20 requests in flight at most, carried by ceil(20 / REQUESTS_PER_CLIENT) clients whose
    pools each hold at most REQUESTS_PER_CLIENT connections."""
    from code2cot.builder.llm_translator import REQUESTS_PER_CLIENT

    many = [TranslationRequest(Task(id=f"c{i}", code=r.task.code, input=r.task.input + " " * i,
                                    question=r.task.question), r.output, r.trace)
            for i, r in enumerate(requests_ * 10)]
    with StubOpenAI("correct", delay=0.05) as stub:
        t = translator(stub, tmp_path, concurrency=20)
        out = t.translate_all(many)
    assert all(x.verified for x in out) and len(stub.log) == len(many)
    assert REQUESTS_PER_CLIENT < stub.max_in_flight <= 20  # more than one client's share, never more than asked
    assert REQUESTS_PER_CLIENT < len(stub.connections) <= 20


def test_reply_shapes_that_are_not_a_chat_completion_are_garbage():
    from code2cot.builder.llm_translator import _GarbageResponse, _parse_response

    good = {"choices": [{"message": {"content": "x"}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 3, "completion_tokens": None}}
    assert _parse_response(good) == {"content": "x", "finish_reason": "stop",
                                     "usage": {"prompt_tokens": 3, "completion_tokens": 0}}
    assert _parse_response({**good, "usage": "n/a"})["usage"] == {"prompt_tokens": 0, "completion_tokens": 0}
    length = {"choices": [{"message": {"content": None}, "finish_reason": "length"}]}
    assert _parse_response(length)["content"] == ""
    lone = {"choices": [{"message": {"content": "step \udc80 done 😀"}, "finish_reason": "stop"}]}
    assert _parse_response(lone)["content"] == "step \\udc80 done 😀"  # storable as UTF-8; the emoji kept
    for garbage in ("<html>not json</html>", [], {}, {"choices": []}, {"choices": [{"message": None}]},
                    {"choices": [{"message": {"content": 7}}]}):
        with pytest.raises(_GarbageResponse):
            _parse_response(garbage)


def test_a_cache_folder_removed_mid_run_is_made_again(tmp_path):
    import shutil

    from code2cot.builder.llm_translator import ResponseCache

    cache = ResponseCache(tmp_path / "cache")
    cache.put("ab" + "0" * 62, {"content": "one"})
    shutil.rmtree(tmp_path / "cache")
    cache.put("ab" + "1" * 62, {"content": "two"})
    assert cache.get("ab" + "1" * 62) == {"content": "two"} and cache.get("ab" + "0" * 62) is None


@pytest.mark.parametrize("content_type", ["text/plain; charset=utf-8", None])
def test_a_reply_that_does_not_say_it_is_json_is_still_read(requests_, tmp_path, content_type):
    """Some servers and proxies send chat completions as text/plain, or with no Content-Type."""
    with StubOpenAI("correct", content_type=content_type) as stub:
        t = translator(stub, tmp_path)
        out = t.translate_all(requests_[:3])
        assert all(x.verified for x in out), [x.error for x in out]
        assert len(stub.log) == 3 and t.stats.retries == 0


@pytest.mark.parametrize("status, fix", [(401, "check OPENAI_API_KEY"), (403, "check OPENAI_API_KEY"),
                                         (404, "check --model and --base-url")])
def test_a_refusal_that_holds_for_every_request_stops_at_once(requests_, tmp_path, status, fix):
    """A wrong key, model or path: one error with the fix, not one llm_error per sample."""
    with StubOpenAI(responder=lambda messages, body: status) as stub:
        llm = translator(stub, tmp_path, concurrency=2, stats_dir=str(tmp_path / "stats"))
        with pytest.raises(LLMUnavailable, match=f"answered HTTP {status} .*; {fix}"):
            llm.translate_all(requests_)
        assert len(stub.log) <= 2  # what was in flight, no retries, no further samples
    assert (tmp_path / "stats" / "fatal.txt").read_text().startswith(f"the LLM server at {stub.base_url} answered")


def test_a_rate_limit_that_says_how_long_is_waited_out(requests_, tmp_path):
    with StubOpenAI("rate_limit_once", retry_after="1") as stub:
        llm = translator(stub, tmp_path)  # its own backoff: 0.01-0.05 s
        started = time.perf_counter()
        [done] = llm.translate_all(requests_[:1])
    assert done.verified and llm.stats.retries == 1 and time.perf_counter() - started >= 1.0


def test_a_reply_without_text_is_not_asked_again_and_a_200_error_keeps_its_message(requests_, tmp_path):
    tool_call = {"choices": [{"message": {"role": "assistant", "content": None, "tool_calls": [{"id": "c"}]},
                              "finish_reason": "tool_calls"}], "usage": {"prompt_tokens": 7, "completion_tokens": 2}}
    with StubOpenAI(responder=lambda messages, body: json.dumps(tool_call).encode()) as stub:
        llm = translator(stub, tmp_path / "a")
        [out] = llm.translate_all(requests_[:1])
        assert out.reason == "no_text" and "tool calls only" in out.error and len(stub.log) == 1
        assert llm.stats.prompt_tokens == 7  # billed, so counted
    error = {"error": {"message": "model overloaded, try later", "type": "server_error"}}
    with StubOpenAI(responder=lambda messages, body: json.dumps(error).encode()) as stub:
        [out] = translator(stub, tmp_path / "b", max_retries=1).translate_all(requests_[:1])
    assert out.reason == "llm_error" and "reply is an error: model overloaded, try later" in out.error


def test_credentials_never_reach_an_error_message(tmp_path):
    settings = LLMSettings(model="m", base_url="http://user:pw123@127.0.0.1:9/v1", cache_dir=str(tmp_path))
    llm = LLMTranslator(settings, api_key="sk-secret-0123456789")
    assert llm._where() == "http://***@127.0.0.1:9/v1"
    assert llm._redacted("echo: Authorization: Bearer sk-secret-0123456789") == "echo: Authorization: Bearer ***"


def test_a_build_against_a_refusing_server_stops_with_one_line_and_keeps_the_old_build(tmp_path):
    (tmp_path / "programs").mkdir()
    source = _corpus(tmp_path / "programs", 6)
    code2cot = str(Path(sys.executable).parent / "code2cot")
    out = tmp_path / "out"
    base = [code2cot, "build", "--config", "default-llm", "--source", str(source), "--no-decontamination",
            "--model", "stub", "--out", str(out)]
    with StubOpenAI("correct") as stub:
        first = subprocess.run([*base, "--base-url", stub.base_url, "--cache-dir", str(tmp_path / "c1")],
                               capture_output=True, text=True, timeout=120)
    assert first.returncode == 0, first.stderr[-2000:]
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    with StubOpenAI(responder=lambda messages, body: 401) as stub:
        url = stub.base_url.replace("http://", "http://user:pw123@")
        failed = subprocess.run([*base, "--base-url", url, "--cache-dir", str(tmp_path / "c2")],
                                capture_output=True, text=True, timeout=120)
        assert len(stub.log) <= 32  # what the two jobs had in flight, not one request per sample
    assert failed.returncode == 2 and "Traceback" not in failed.stderr, failed.stderr[-2000:]
    assert failed.stderr.strip().splitlines()[-1].startswith(
        "error: the LLM server at http://***@127.0.0.1:") and "check OPENAI_API_KEY" in failed.stderr
    assert "pw123" not in failed.stderr + failed.stdout
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    bad_cache = tmp_path / "a-file"
    bad_cache.write_text("")
    refused = subprocess.run([*base, "--base-url", "http://127.0.0.1:9/v1", "--cache-dir", str(bad_cache / "cache")],
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "the LLM answer cache" in refused.stderr and "is not writable" in refused.stderr


def test_a_complete_cache_may_be_read_only_but_one_to_add_to_may_not(requests_, tmp_path, monkeypatch):
    from code2cot.builder.llm_translator import ResponseCache

    with StubOpenAI("correct") as stub:
        translator(stub, tmp_path).translate_all(requests_[:2])

    def read_only(root):
        raise ValueError(f"the LLM answer cache {root} is not writable (Read-only file system); pass --cache-dir ...")

    monkeypatch.setattr(ResponseCache, "check_writable", staticmethod(read_only))
    with StubOpenAI("correct") as stub:
        rerun = translator(stub, tmp_path)
        assert all(t.verified for t in rerun.translate_all(requests_[:2])) and not stub.log  # all answers cached
        with pytest.raises(LLMUnavailable, match="is not writable"):
            rerun.translate_all(requests_)  # four need a request: not one is sent
        assert not stub.log

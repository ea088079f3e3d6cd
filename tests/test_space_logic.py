"""The Space's UI-independent logic (``code2cot.space.logic``) and its deployable files."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from code2cot.builder import SandboxLimits, Task
from code2cot.builder.records import FEATURES, make_record
from code2cot.builder.sources import shipped_corpus
from code2cot.space import logic
from openai_stub import StubOpenAI

SPACE = Path(logic.__file__).resolve().parent
OPENAI_CANARY = "sk-space-canary-0123456789abcdef"
HF_CANARY = "hf_spaceCanary0123456789ABCDEFGHIJ"

DOUBLE = "def f(x):\n    y = x * 2\n    return y\n"
HOSTILE = {
    "syntax_error": ("def f(:\n    return 1\n", "f", ""),
    "timeout": ("def f():\n    n = 0\n    while True:\n        n += 1\n", "f", ""),
    "memory": ("def f():\n    blob = bytearray(4 * 1024 ** 3)\n    return len(blob)\n", "f", ""),
    "bad_input": ("def f(x):\n    return x\n", "f", "__import__('os').system('id')"),
    "missing_entry_point": ("def g(x):\n    return x\n", "f", "1"),
    "exception": ("def f(x):\n    return 10 // x\n", "f", "0"),
}


@pytest.fixture(scope="module")
def pool():
    """A small pool with a 1 s CPU limit, so the infinite loop costs one second."""
    pool = logic.SandboxPool(2, limits=SandboxLimits(cpu_seconds=1.0, wall_seconds=6.0, memory_mb=512))
    yield pool
    pool.close()


@pytest.fixture
def secrets(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_CANARY)
    monkeypatch.setenv("HF_TOKEN", HF_CANARY)


# -- run -> rows -> CoT -> badge ------------------------------------------------------------------
def test_run_program_gives_rows_output_and_verified_cot(pool):
    outcome = logic.run_program(DOUBLE, "", "21", pool=pool)
    assert outcome.status == "ok" and outcome.output == "42" and outcome.entry_point == "f"
    assert outcome.rows == [[1, "f", 1, "call", "def f(x):", "call f(x=21)"],
                            [2, "f", 2, "line", "y = x * 2", "y = 42"],
                            [3, "f", 3, "line", "return y", ""],
                            [4, "f", 3, "return", "return y", "returns 42"]]
    assert outcome.translator == "template" and outcome.verified
    assert outcome.cot.rstrip().endswith("Therefore, the final answer is: 42")
    assert "Result: 42" in outcome.trace_text
    assert "c2c-verified" in logic.badge_html(outcome) and "c2c-status-ok" in logic.status_html(outcome)
    assert "42" in logic.output_markdown(outcome)
    # The editor strips trailing whitespace; the CoT (seeded by the code) must not change with it.
    assert logic.run_program(DOUBLE.rstrip(), "f", "21", pool=pool).cot == outcome.cot
    assert logic.run_program(DOUBLE + "\n\n   \n", "f", "21", pool=pool).cot == outcome.cot


def test_step_view_highlights_exactly_the_current_line(pool):
    outcome = logic.run_program(DOUBLE, "f", "21", pool=pool)
    for index, step in enumerate(outcome.steps):
        view = logic.step_view(outcome.code, outcome.steps, index)
        assert view.count("c2c-current") == 1
        assert f'class="c2c-line c2c-current" data-line="{step["line"]}"' in view
        assert f"Step {index + 1} of 4" in view
    assert "y = 42" in logic.step_view(outcome.code, outcome.steps, 1)
    assert "Step 4 of 4" in logic.step_view(outcome.code, outcome.steps, 99)  # clamped, never an IndexError
    assert "c2c-current" not in logic.step_view(outcome.code, [], 0)
    assert "&lt;b&gt;" in logic.step_view("x = '<b>'\n", [], 0)  # code is escaped, not rendered


def test_every_shipped_example_runs_and_verifies(pool):
    examples = logic.corpus_examples(8)
    assert len(examples) == 8 and examples[0]["problem_id"] == "arithmetic--coin_change_greedy"
    for example in examples:
        outcome = logic.run_program(example["code"], example["entry_point"], example["input"], pool=pool)
        assert outcome.ok and outcome.verified, (example["problem_id"], outcome.status, outcome.error)
        assert len(outcome.rows) == len(outcome.steps) > 3


@pytest.mark.parametrize("status", sorted(HOSTILE))
def test_hostile_or_broken_code_gets_a_friendly_reason(pool, status):
    code, entry, input_text = HOSTILE[status]
    started = time.monotonic()
    outcome = logic.run_program(code, entry, input_text, pool=pool)
    assert outcome.status == status, (outcome.status, outcome.error, outcome.cpu_seconds)
    assert outcome.message == logic.FRIENDLY[status] and outcome.error
    assert outcome.output is None and not outcome.cot and not outcome.verified
    html = logic.status_html(outcome)
    assert f'<span class="c2c-reason">{status}</span>' in html and "c2c-status-ok" not in html
    assert "c2c-none" in logic.badge_html(outcome)
    assert time.monotonic() - started < 8
    if status == "exception":  # the trace up to the raise is still shown
        assert outcome.rows[-1][3] == "exception" and "ZeroDivisionError" in outcome.rows[-1][5]


@pytest.mark.parametrize("code, input_text, status", [
    ("   \n", "", "empty_code"),
    ("def f(x):\n    return x\n" + "#" * logic.MAX_CODE_CHARS, "1", "code_too_large"),
    (DOUBLE, "1" * (logic.MAX_INPUT_CHARS + 1), "input_too_large"),
])
def test_refused_before_the_sandbox(code, input_text, status):
    class NoPool:
        def run(self, task):  # pragma: no cover - must not be reached
            raise AssertionError("the sandbox was asked to run a refused program")

    outcome = logic.run_program(code, "f", input_text, pool=NoPool())
    assert outcome.status == status and outcome.message == logic.FRIENDLY[status]


def test_pool_runs_requests_in_parallel_then_closes(pool):
    sleepy = "import time\ndef f(x):\n    time.sleep(0.8)\n    return x\n"
    results = {}

    def go(n):
        results[n] = logic.run_program(sleepy, "f", str(n), pool=fresh)

    fresh = logic.SandboxPool(2)
    assert fresh.started == 0  # lazy: nothing runs before the first request
    threads = [threading.Thread(target=go, args=(n,)) for n in (1, 2)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    assert [results[n].output for n in (1, 2)] == ["1", "2"]
    assert fresh.started == 2 and elapsed < 1.5  # two sandboxes at once, not one after the other
    servers = [s.backend.process for s in fresh._live.values()]
    assert all(p is not None and p.poll() is None for p in servers)
    fresh.close()
    assert all(p.poll() is not None for p in servers)  # fork servers are gone
    assert logic.run_program(DOUBLE, "f", "1", pool=fresh).status == "busy"


def test_pool_reports_busy_and_replaces_a_broken_sandbox():
    single = logic.SandboxPool(1)
    try:
        holder = threading.Thread(target=single.run, args=(Task("t", "import time\ndef f():\n    time.sleep(1.5)\n", ""),))
        holder.start()
        time.sleep(0.4)
        with pytest.raises(logic.Busy):
            single.run(Task("u", DOUBLE, "1", "f"), wait=0.1)
        holder.join()
        (slot, broken), = single._live.items()

        def boom(tasks):
            raise OSError("fork server exploded")

        broken.map = boom
        outcome = logic.run_program(DOUBLE, "f", "1", pool=single)
        assert outcome.status == "internal_error" and "fork server exploded" in outcome.error
        again = logic.run_program(DOUBLE, "f", "5", pool=single)
        assert again.output == "10" and single._live[slot] is not broken
    finally:
        single.close()


# -- secrets ---------------------------------------------------------------------------------------
def test_secrets_never_reach_the_sandbox_or_the_page(secrets):
    local = logic.SandboxPool(1)  # created after the secrets are in the environment
    try:
        dump = ("import os\ndef f():\n    print(dict(os.environ))\n"
                "    parent = open(f'/proc/{os.getppid()}/environ', 'rb').read().decode(errors='replace')\n"
                "    return {'env': dict(os.environ), 'parent': parent}\n")
        outcome = logic.run_program(dump, "f", "", pool=local)
        assert outcome.status in ("ok", "exception")
        shown = json.dumps(outcome.to_dict())
        assert OPENAI_CANARY not in shown and HF_CANARY not in shown
        assert "OPENAI_API_KEY" not in shown and "HF_TOKEN" not in shown  # not even redacted: never there
        # A program that returns the key (pasted into the code) is still not echoed back.
        pasted = logic.run_program(f"def f():\n    return {OPENAI_CANARY!r}\n", "f", "", pool=local)
        shown = [pasted.output, pasted.rows, pasted.cot, pasted.trace_text, logic.output_markdown(pasted),
                 logic.step_view(pasted.code, pasted.steps, 1)]
        assert pasted.ok and OPENAI_CANARY not in json.dumps(shown) and "'***'" == pasted.output
    finally:
        local.close()


def test_redact_and_llm_config_repr(secrets):
    assert logic.redact(f"bad key {OPENAI_CANARY} and {HF_CANARY}") == "bad key *** and ***"
    assert logic.redact(f"Incorrect API key provided: {OPENAI_CANARY[:8]}****cdef") == \
        "Incorrect API key provided: *******cdef"
    config = logic.LLMConfig.from_env({"CODE2COT_LLM_MODEL": "m", "OPENAI_API_KEY": OPENAI_CANARY})
    assert config is not None and config.base_url is None and OPENAI_CANARY not in repr(config)
    assert logic.LLMConfig.from_env({"CODE2COT_LLM_MODEL": "m"}) is None  # neither endpoint nor key
    assert logic.LLMConfig.from_env({"CODE2COT_LLM_BASE_URL": "http://x/v1"}) is None  # no model
    local = logic.LLMConfig.from_env({"CODE2COT_LLM_MODEL": "m", "CODE2COT_LLM_BASE_URL": "http://x/v1"})
    assert local.api_key == "EMPTY" and local.base_url == "http://x/v1"


class _EchoKeyServer:
    """An endpoint that rejects the key and quotes it in full in its error, as some servers do."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                key = self.headers.get("Authorization", "").removeprefix("Bearer ")
                body = json.dumps({"error": {"message": f"Incorrect API key provided: {key}",
                                             "type": "invalid_request_error"}}).encode()
                self.send_response(401)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_a_server_quoting_the_key_does_not_leak_it(pool, tmp_path):
    echo = _EchoKeyServer()
    try:
        key = "sk-only-in-config-9876543210abcdef"  # never in os.environ: redacted because it is configured
        llm = logic.LLMConfig(base_url=echo.base_url, model="m", api_key=key, cache_dir=str(tmp_path), timeout=5)
        outcome = logic.run_program(DOUBLE, "f", "2", pool=pool, translator="llm", llm=llm)
        assert outcome.ok and outcome.translator == "template" and outcome.verified  # fell back
        answer = logic.ask_model(outcome, llm)
        assert answer.error and ("401" in answer.error or "Authentication" in answer.error)
        everything = json.dumps([outcome.to_dict(), answer.__dict__, logic.comparison(outcome, answer)])
        assert key not in everything and key[:8] not in everything and "***" in everything
    finally:
        echo.close()


# -- the model side ---------------------------------------------------------------------------------
@pytest.fixture
def stub(tmp_path):
    with StubOpenAI("correct") as server:
        yield server, logic.LLMConfig(base_url=server.base_url, model="stub-model", api_key=OPENAI_CANARY,
                                      cache_dir=str(tmp_path / "cache"), timeout=10)


def test_llm_cot_is_verified_and_counts_tokens(pool, stub):
    server, llm = stub
    outcome = logic.run_program(DOUBLE, "f", "21", pool=pool, translator="llm", llm=llm)
    assert outcome.translator == "llm" and outcome.verified and not outcome.cot_note
    assert outcome.cot.endswith("Therefore, the final answer is: 42")
    assert outcome.cot_usage["prompt_tokens"] > 0 and outcome.cot_usage["completion_tokens"] > 0
    assert len(server.log) == 1


def test_wrong_llm_cot_falls_back_to_the_template(pool, tmp_path):
    with StubOpenAI("wrong") as server:
        llm = logic.LLMConfig(base_url=server.base_url, model="m", api_key="EMPTY", cache_dir=str(tmp_path))
        outcome = logic.run_program(DOUBLE, "f", "21", pool=pool, translator="llm", llm=llm)
    assert outcome.translator == "template" and outcome.verified
    assert "unverified" in outcome.cot_note and len(server.log) == 2  # one corrective retry, then rejected


def test_ask_model_judges_the_answer_and_counts_tokens(pool, stub):
    server, llm = stub
    # The stub answers "None" when the prompt carries no trace (the user prompt never does).
    right = logic.run_program("def f(xs):\n    xs.sort()\n", "f", "[3, 1]", pool=pool)
    answer = logic.ask_model(right, llm)
    assert right.output == "None" and answer.correct and answer.answer == "None"
    assert answer.prompt_tokens > 0 and answer.completion_tokens > 0
    wrong = logic.run_program(DOUBLE, "f", "21", pool=pool)
    answer = logic.ask_model(wrong, llm)
    assert not answer.correct and answer.answer == "None"
    sides = logic.comparison(wrong, answer)
    assert "incorrect" in sides["model_head"] and f"prompt {answer.prompt_tokens} tokens" in sides["model_head"]
    assert "verified" in sides["grounded_head"] and "(estimated)" in sides["grounded_head"]
    assert sides["grounded"] == wrong.cot
    asked = [m for m in server.log]
    assert len(asked) == 2
    assert logic.ask_model(logic.run_program("def f(:", "f", "", pool=pool), llm).error  # nothing to ask


# -- browsing a dataset ----------------------------------------------------------------------------
def make_dataset_folder(root: Path, pool: logic.SandboxPool) -> dict[str, dict]:
    """A small ``code2cot build``-shaped folder from real runs: two splits, two sources, rejections."""
    import datasets

    corpus = [t for t in shipped_corpus() if t.problem_id in ("arithmetic--coin_change_greedy",
                                                                "strings--run_length_codec")]
    mine = Task("mine-0", DOUBLE, "21", "f", source="folder:mine", problem_id="mine")
    splits: dict[str, list[dict]] = {"train": [], "test": []}
    for task in [*corpus[:3], *corpus[-1:], mine]:
        result = pool.run(task)
        outcome = logic.explain(task, result)
        record = make_record(task, status="ok", output=result.output, trace=result.trace, cot=outcome.cot,
                             translator="template", verified=outcome.verified)
        splits["test" if task.problem_id.startswith("strings") else "train"].append(record)
    (root / "data").mkdir(parents=True)
    for split, records in splits.items():
        datasets.Dataset.from_list(records, features=FEATURES).to_parquet(
            str(root / "data" / f"{split}-00000-of-00001.parquet"))
    rejected = [{"id": "graphs--x-0", "problem_id": "graphs--x", "split": "train", "source": "code2cot-corpus",
                 "entry_point": "main_solution", "input": "n=5", "status": "timeout", "reason": "timeout",
                 "error": "CPU time limit of 10s exceeded"},
                {"id": "graphs--y-1", "problem_id": "graphs--y", "split": "test", "source": "code2cot-corpus",
                 "entry_point": "main_solution", "input": "n=9", "status": "trace_too_long",
                 "reason": "trace_too_long", "error": "trace has more than 1000 steps"}]
    (root / "rejected.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rejected) + "not json\n")
    return {r["id"]: r for records in splits.values() for r in records}


def test_browse_a_build_folder(pool, tmp_path):
    expected = make_dataset_folder(tmp_path / "ds", pool)
    records = logic.load_records(str(tmp_path / "ds"))
    assert len(records) == len(expected) + 2  # the garbled line of rejected.jsonl is skipped
    assert logic.facet_values(records, "status") == ["ok", "timeout", "trace_too_long"]
    assert logic.facet_values(records, "source") == ["code2cot-corpus", "folder:mine"]
    assert {r["split"] for r in records if r["status"] == "ok"} == {"train", "test"}
    kept_splits = [r["split"] for r in records if r["status"] == "ok"]
    assert kept_splits == sorted(kept_splits, key=["train", "test"].index), "train rows are listed first"
    assert [r["id"] for r in logic.load_records(str(tmp_path / "ds"), max_rows=2)] == [r["id"] for r in records[:2]]
    broken = tmp_path / "ds-more"  # a second train file it must not even open to show the first rows
    shutil.copytree(tmp_path / "ds", broken)
    (broken / "data" / "train-00001-of-00002.parquet").write_bytes(b"not parquet")
    assert [r["id"] for r in logic.load_records(str(broken), max_rows=2)] == [r["id"] for r in records[:2]]
    with pytest.raises(logic.DatasetError, match="train-00001-of-00002.parquet"):
        logic.load_records(str(broken))
    assert [r["id"] for r in logic.filter_records(records, status="timeout")] == ["graphs--x-0"]
    assert [r["id"] for r in logic.filter_records(records, source="folder:mine")] == ["mine-0"]
    steps = {r["id"]: r["n_steps"] for r in records if r["status"] == "ok"}
    short = logic.filter_records(records, status="ok", max_steps=4)
    assert "mine-0" in {r["id"] for r in short} and [r["id"] for r in short] == [i for i, n in steps.items() if n <= 4]
    long = logic.filter_records(records, min_steps=5)
    assert long and [r["id"] for r in long] == [i for i, n in steps.items() if n >= 5]
    assert logic.filter_records(records, min_cot_chars=1, status="all") == \
        [r for r in records if r["status"] == "ok"]
    assert [r["id"] for r in logic.filter_records(records, text="RUN_LENGTH")] == \
        [i for i in expected if "run_length" in i]
    # A stored record shows the same step rows as the live run it came from.
    record = next(r for r in records if r["id"] == "mine-0")
    assert logic.trace_rows(logic.record_steps(record)) == logic.run_program(DOUBLE, "f", "21", pool=pool).rows
    view = logic.record_markdown(record)
    assert "mine-0" in view and "y = x * 2" in view and "21" in view
    rejected = next(r for r in records if r["id"] == "graphs--x-0")
    assert logic.record_steps(rejected) == [] and "CPU time limit" in logic.record_markdown(rejected)
    assert logic.record_summary(record) == ["mine-0", "train", "ok", "folder:mine", 4, len(record["cot"]), True]


def test_browse_refuses_bad_sources_and_host_folders_on_a_space(tmp_path, monkeypatch):
    for bad in ("", str(tmp_path / "missing" / "x.y"), "not a dataset"):
        with pytest.raises(logic.DatasetError):
            logic.load_records(bad)
    (tmp_path / "empty").mkdir()
    with pytest.raises(logic.DatasetError, match="no data"):
        logic.load_records(str(tmp_path / "empty"))
    allowed = tmp_path / "allowed"
    (allowed / "ds").mkdir(parents=True)
    (allowed / "ds" / "rejected.jsonl").write_text('{"id": "a", "status": "timeout"}\n')
    monkeypatch.setenv("SPACE_ID", "org/space")
    with pytest.raises(logic.DatasetError, match="cannot be browsed"):
        logic.load_records(str(allowed / "ds"))
    monkeypatch.setenv("CODE2COT_SPACE_DATA_DIRS", str(allowed))
    assert [r["id"] for r in logic.load_records(str(allowed / "ds"))] == ["a"]
    with pytest.raises(logic.DatasetError, match="cannot be browsed"):
        logic.load_records(str(tmp_path / "empty"))


def test_hub_datasets_are_streamed_without_the_space_token(monkeypatch, secrets):
    import datasets
    import huggingface_hub

    calls = []

    def fake_load(dataset_id, **kwargs):
        calls.append((dataset_id, kwargs))
        return {"train": iter([{"id": "a", "status": "ok", "source": "s"}]), "test": iter([{"id": "b"}])}

    def fake_download(repo_id, filename, **kwargs):
        calls.append((repo_id, filename, kwargs))
        raise huggingface_hub.errors.EntryNotFoundError("no rejected.jsonl")

    monkeypatch.setattr(datasets, "load_dataset", fake_load)
    monkeypatch.setattr(huggingface_hub, "hf_hub_download", fake_download)
    records = logic.load_records("org/code2cot")
    assert [(r["id"], r["split"]) for r in records] == [("a", "train"), ("b", "test")]
    assert calls[0] == ("org/code2cot", {"streaming": True, "token": False})
    assert calls[1][:2] == ("org/code2cot", "rejected.jsonl") and calls[1][2]["token"] is False

    def failing(dataset_id, **kwargs):
        raise ConnectionError(f"401 for token {HF_CANARY}")

    monkeypatch.setattr(datasets, "load_dataset", failing)
    with pytest.raises(logic.DatasetError) as info:
        logic.load_records("org/private")
    assert HF_CANARY not in str(info.value) and "***" in str(info.value)


# -- the deployable folder ----------------------------------------------------------------------------
def test_space_readme_header_and_requirements():
    import gradio
    from huggingface_hub.repocard import metadata_load
    from packaging.requirements import Requirement

    meta = metadata_load(SPACE / "README.md")
    assert meta["sdk"] == "gradio" and (SPACE / meta["app_file"]).is_file()
    assert str(meta["python_version"]).startswith("3.1") and meta["tags"]
    assert 0 < len(meta["short_description"]) <= 60  # the Hub's limit
    assert str(meta["sdk_version"]).split(".")[0] == gradio.__version__.split(".")[0]
    lines = [line for line in (SPACE / "requirements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    requirement = Requirement(lines[0])
    assert requirement.name == "code2cot" and {"space", "llm"} <= requirement.extras
    assert requirement.url.startswith("git+https://")


def test_app_is_thin_and_imports_code2cot():
    tree = ast.parse((SPACE / "app.py").read_text())
    imports = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    imports |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert "code2cot.space" in imports and not any(node.level for node in ast.walk(tree)
                                                     if isinstance(node, ast.ImportFrom))
    third_party = {name.split(".")[0] for name in imports} - set(sys.stdlib_module_names) - {"__future__"}
    assert third_party == {"gradio", "code2cot"}
    assert "Sandbox(" not in (SPACE / "app.py").read_text()  # every run goes through logic's shared pool


def test_app_py_runs_as_the_space_runs_it(tmp_path):
    """On the Space, app.py is a top-level script next to requirements.txt, not a package module."""
    probe = subprocess.run([sys.executable, str(SPACE / "app.py"), "--help"], check=False, cwd=tmp_path,
                           capture_output=True,
                           text=True, timeout=120)
    assert probe.returncode == 0, probe.stderr
    assert "--host" in probe.stdout and "--port" in probe.stdout and "--share" in probe.stdout


def test_main_passes_host_port_share(monkeypatch):
    from code2cot.space import app

    seen = []
    monkeypatch.setattr(app, "launch", lambda host, port, share: seen.append((host, port, share)))
    assert app.main(["--host", "0.0.0.0", "--port", "7999", "--share"]) == 0
    assert app.main([]) == 0
    assert seen == [("0.0.0.0", 7999, True), (None, None, False)]


def test_step_handlers_clamp_and_follow_the_state(pool, monkeypatch):
    from code2cot.space import app

    state = logic.run_program(DOUBLE, "f", "21", pool=pool).to_dict()
    number, view = app.step_next(state, 1)
    assert number == 2 and 'data-step="2"' in view and 'data-line="2"' in view
    assert app.step_next(state, 4)[0] == 4 and app.step_prev(state, 1)[0] == 1  # clamped at both ends
    assert 'data-step="3"' in app.step_to(state, 3)
    assert app.step_next(None, 1)[0] == 1  # before any run: no error
    monkeypatch.delenv("CODE2COT_LLM_MODEL", raising=False)
    assert "not configured" in app.ask_handler(state)[2]



def test_a_translator_failure_still_shows_the_run(pool, monkeypatch):
    def broken(self, requests):
        raise RuntimeError("template exploded")

    monkeypatch.setattr(logic.VerifiedTemplateTranslator, "translate_all", broken)
    outcome = logic.run_program(DOUBLE, "f", "21", pool=pool)
    assert outcome.status == "ok" and outcome.output == "42" and len(outcome.rows) == 4
    assert not outcome.cot and not outcome.verified and "template exploded" in outcome.cot_note


def test_browsing_survives_foreign_data_and_huge_traces(tmp_path, pool):
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "rejected.jsonl").write_bytes(b'{"id": "a", "status": "exception", "n_steps": "12"}\n\xff\xfe\n'
                                            b'{"id": "b", "status": "timeout", "n_steps": "lots"}\n')
    records = logic.load_records(str(folder))
    assert [r["id"] for r in records] == ["a", "b"]  # the undecodable line is skipped, not fatal
    assert [r["id"] for r in logic.filter_records(records, min_steps=3)] == ["a"]  # "12" counts as 12
    deep = logic.run_program("def f():\n    return f()\n", "f", "", pool=pool)
    assert deep.status in ("exception", "trace_too_long") or deep.truncated
    assert len(deep.trace_text) <= logic.MAX_TRACE_TEXT_CHARS


def test_api_callers_sending_non_strings_get_a_verdict_not_a_crash(pool):
    assert logic.run_program(123, None, 5, pool=pool).status == "missing_entry_point"
    assert logic.run_program("def f(x):\n    return x\n", None, 5, pool=pool).output == "5"


def test_a_return_value_whose_repr_is_not_what_it_holds_gets_no_cot(pool):
    code = "class P:\n    def __init__(self):\n        self.x = 1\n    def __repr__(self):\n        return '42'\n\n" \
           "def f():\n    return P()\n"
    outcome = logic.run_program(code, "f", "", pool=pool)
    assert outcome.status == "ok" and outcome.output == "42" and not outcome.cot and not outcome.verified
    assert "writes its return value as 42 but it holds P(x=1)" in outcome.cot_note

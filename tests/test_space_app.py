"""The Space as visitors and API clients see it: launched on 127.0.0.1, driven through
``gradio_client`` and through a real Chromium (playwright, Debian's /usr/bin/chromium).

Outside CI the browser test skips with the reason when Chromium or playwright is
missing; with ``CI`` set it fails instead, so CI can never silently skip it.
Screenshots are saved under ``artifacts/space/``.
"""

from __future__ import annotations

import json
import os
import socket
import time
import urllib.request
from pathlib import Path

import pytest
from code2cot.space import logic
from openai_stub import StubOpenAI
from test_space_logic import HF_CANARY, OPENAI_CANARY, make_dataset_folder

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "artifacts" / "space"
CHROMIUM = os.environ.get("CODE2COT_CHROMIUM", "/usr/bin/chromium")
ENV_DUMP = "import os\ndef f():\n    print(os.environ)\n    return dict(os.environ)\n"
LOOP = "def f():\n    n = 0\n    while True:\n        n += 1\n"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def space(tmp_path_factory):
    """The app on a free port with secrets in its environment and the stub model configured."""
    from code2cot.space import app

    root = tmp_path_factory.mktemp("space")
    with pytest.MonkeyPatch.context() as env, StubOpenAI("correct") as stub:
        env.setenv("OPENAI_API_KEY", OPENAI_CANARY)
        env.setenv("HF_TOKEN", HF_CANARY)
        env.setenv("CODE2COT_LLM_BASE_URL", stub.base_url)
        env.setenv("CODE2COT_LLM_MODEL", "stub-model")
        env.setenv("CODE2COT_LLM_CACHE_DIR", str(root / "llm-cache"))
        env.setenv("CODE2COT_SPACE_CPU_SECONDS", "1")  # the infinite loop costs one second
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        builder_pool = logic.SandboxPool(1)
        try:
            make_dataset_folder(root / "dataset", builder_pool)
        finally:
            builder_pool.close()
        env.setenv("CODE2COT_SPACE_DATASET", str(root / "dataset"))
        logic.close_shared_pool()  # the app's pool is created with this environment
        demo = app.launch("127.0.0.1", _free_port(), block=False, quiet=True)
        try:
            yield {"url": demo.local_url, "demo": demo, "stub": stub, "dataset": root / "dataset"}
        finally:
            demo.close()
            logic.close_shared_pool()


@pytest.fixture(scope="module")
def client(space):
    from gradio_client import Client

    return Client(space["url"], verbose=False, download_files=False)


# -- gradio_client ---------------------------------------------------------------------------------
def test_api_lists_the_public_endpoints(client):
    named = client.view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert {"/trace", "/run", "/ask", "/load_dataset"} <= set(named)
    assert not any("step" in name for name in named)  # stepping is UI-only (private events)


def test_trace_endpoint_runs_in_the_sandbox(client):
    result = client.predict("def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
                            "", "[1, 2, 3]", api_name="/trace")
    assert result["status"] == "ok" and result["output"] == "6" and result["verified"]
    assert result["headers"] == logic.STEP_HEADERS
    assert result["rows"][0][3] == "call" and result["rows"][-1][5] == "returns 6"
    assert result["cot"].endswith("Therefore, the final answer is: 6")


@pytest.mark.parametrize("code, entry, text, status", [
    (LOOP, "f", "", "timeout"),
    ("def f(:\n", "f", "", "syntax_error"),
    ("def f():\n    return [0] * 10 ** 10\n", "f", "", "memory"),
    ("def f(x):\n    return x\n", "f", "open('/etc/passwd').read()", "bad_input"),
])
def test_trace_endpoint_hostile_code(client, code, entry, text, status):
    result = client.predict(code, entry, text, api_name="/trace")
    assert result["status"] == status and result["message"] == logic.FRIENDLY[status] and result["output"] is None


def test_environment_of_the_sandbox_has_no_secret(client):
    result = client.predict(ENV_DUMP, "f", "", api_name="/trace")
    assert result["status"] == "ok"
    text = json.dumps(result)
    assert OPENAI_CANARY not in text and HF_CANARY not in text and "OPENAI_API_KEY" not in text


def test_concurrent_runs_are_queued_to_the_pool_width(client):
    """More visitors than sandboxes: they wait their turn (at most POOL_SIZE at once) instead of failing."""
    sleepy = "import time\ndef f(x):\n    time.sleep(0.6)\n    return x\n"
    count = 2 * logic.POOL_SIZE
    started = time.monotonic()
    jobs = [client.submit(sleepy, "f", str(n), api_name="/trace") for n in range(count)]
    results = [job.result(timeout=60) for job in jobs]
    elapsed = time.monotonic() - started
    assert [(r["status"], r["output"]) for r in results] == [("ok", str(n)) for n in range(count)]
    assert elapsed >= 2 * 0.6  # two waves: never more runs at once than sandboxes
    assert logic.shared_pool().started <= logic.POOL_SIZE


def test_run_then_ask_the_model_in_one_session(space, client):
    run = client.predict("def f(n):\n    return n * 3\n", "f", "4", "llm", api_name="/run")
    status, output, badge, *_rest, cot, note, trace_text = run
    assert "c2c-status-ok" in status and "12" in output and "c2c-verified" in badge
    assert "the llm CoT" in badge and cot.endswith("Therefore, the final answer is: 12") and not note
    assert "Result: 12" in trace_text
    grounded_head, grounded, model_head, model = client.predict(api_name="/ask")
    assert "verified" in grounded_head and grounded == cot
    assert "incorrect" in model_head and "prompt" in model_head and "completion" in model_head
    assert model.endswith("Therefore, the final answer is: None")


def test_load_dataset_endpoint(space, client):
    message, *_ = client.predict(str(space["dataset"]), api_name="/load_dataset")
    assert "Loaded **7** records" in message
    message, *_ = client.predict("no/such/thing", api_name="/load_dataset")
    assert "Cannot load" in message


def test_queue_limits_and_no_secret_in_pages(space):
    demo = space["demo"]
    assert demo._queue.max_size == 32 and demo._queue.default_concurrency_limit == logic.POOL_SIZE
    by_name = {fn.api_name: fn for fn in demo.fns.values()}
    # Every event that runs code shares one queue, as wide as the sandbox pool.
    assert by_name["run"].concurrency_id == by_name["trace"].concurrency_id == "sandbox"
    assert demo._queue.event_queue_per_concurrency_id["sandbox"].concurrency_limit == logic.POOL_SIZE
    # Stepping through a trace never waits behind someone's run.
    assert all(fn.concurrency_limit is None for fn in demo.fns.values() if fn.name.startswith("step"))
    for path in ("", "config", "gradio_api/info"):
        with urllib.request.urlopen(space["url"] + path, timeout=30) as response:
            page = response.read().decode()
        assert OPENAI_CANARY not in page and HF_CANARY not in page and OPENAI_CANARY[:8] not in page
        assert space["stub"].base_url not in page  # the endpoint is not shown either


# -- the browser -----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        problem = f"the playwright client is not installed ({exc}); pip install 'code2cot[dev]'"
    if problem is None and not Path(CHROMIUM).exists():
        problem = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    if problem is None:
        manager = sync_playwright().start()
        try:
            chromium = manager.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        except Exception as exc:  # noqa: BLE001
            manager.stop()
            problem = f"Chromium at {CHROMIUM} does not start: {exc}"
    if problem is not None:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {problem}")
        pytest.skip(problem)
    yield chromium
    chromium.close()
    manager.stop()


def _set_code(page, code: str) -> None:
    editor = page.locator("#c2c-code .cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def _fill(page, elem_id: str, value: str) -> None:
    page.locator(f"#{elem_id} textarea, #{elem_id} input").first.fill(value)


def _current(page) -> tuple[str, str]:
    head = page.locator("#c2c-stepview .c2c-stephead").inner_text()
    return head, page.locator("#c2c-stepview .c2c-current").get_attribute("data-line")


def _cell(page, table: str, row: int, column: int):
    """A cell of gradio's virtualised table (only visible rows exist in the DOM)."""
    return page.locator(f'#{table} [role=gridcell][data-testid="cell-{row}-{column}"]')


def _choose(page, elem_id: str, option: str) -> None:
    page.locator(f"#{elem_id} input").first.click()
    page.get_by_role("option", name=option, exact=True).click()


def _expect_rows(table, count: int) -> None:
    from playwright.sync_api import expect

    expect(table.locator("[role=grid]")).to_have_attribute("aria-rowcount", str(count + 1))  # + the header


def test_visitor_flow_in_chromium(space, browser):
    from playwright.sync_api import expect

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1600})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_default_timeout(20_000)
    page.goto(space["url"])
    page.wait_for_selector("#c2c-run")

    # One click on an example from the shipped corpus loads it and runs it.
    example = logic.corpus_examples(1)[0]
    expect(page.locator("#c2c-translator input[value=llm]")).to_be_checked()  # an endpoint is configured
    page.locator("#c2c-translator label", has_text="template").click()
    page.locator("button", has_text=example["name"]).first.click()
    expect(page.locator("#c2c-input textarea")).to_have_value(example["input"])
    expect(page.locator("#c2c-code .cm-content")).to_contain_text(example["code"].splitlines()[-1].strip())
    expect(page.locator("#c2c-entry input, #c2c-entry textarea").first).to_have_value(example["entry_point"])
    expect(page.locator("#c2c-badge .c2c-verified")).to_contain_text("template")
    expected = logic.run_program(example["code"], example["entry_point"], example["input"])
    expect(page.locator("#c2c-status .c2c-reason")).to_have_text("ok")
    expect(page.locator("#c2c-output")).to_contain_text(expected.output[:40])
    _expect_rows(page.locator("#c2c-steps"), len(expected.rows))
    for row in (0, 2, 5):
        for column in (2, 4, 5):
            expect(_cell(page, "c2c-steps", row, column)).to_have_text(str(expected.rows[row][column]))
    expect(page.locator("#c2c-cot textarea")).to_have_value(expected.cot)
    assert "Therefore, the final answer is:" in page.locator("#c2c-cot textarea").input_value()

    # Step through: buttons, then a click on a row of the table; the highlighted line follows.
    head, line = _current(page)
    assert head.startswith(f"Step 1 of {len(expected.rows)}") and line == str(expected.rows[0][2])
    page.click("#c2c-next")
    page.click("#c2c-next")
    expect(page.locator("#c2c-stepview .c2c-stephead")).to_contain_text(f"Step 3 of {len(expected.rows)}")
    assert _current(page)[1] == str(expected.rows[2][2])
    page.click("#c2c-prev")
    expect(page.locator("#c2c-stepview .c2c-stephead")).to_contain_text("Step 2 of")
    _cell(page, "c2c-steps", 5, 4).click()
    expect(page.locator("#c2c-stepview .c2c-stephead")).to_contain_text("Step 6 of")
    assert _current(page)[1] == str(expected.rows[5][2])
    expect(page.locator("#c2c-step input[type=number]")).to_have_value("6")
    page.screenshot(path=str(ARTIFACTS / "trace.png"), full_page=True)

    # Ask the configured model the same question: side by side, judged, with token counts.
    page.get_by_role("tab", name="Ask a model").click()
    page.click("#c2c-ask")
    expect(page.locator("#c2c-model-head")).to_contain_text("incorrect")
    expect(page.locator("#c2c-model-head")).to_contain_text("tokens")
    expect(page.locator("#c2c-grounded textarea")).to_have_value(expected.cot)
    page.screenshot(path=str(ARTIFACTS / "ask.png"), full_page=True)
    page.get_by_role("tab", name="Trace & explain").click()

    # Hostile code: an infinite loop ends as a friendly timeout; the page keeps working.
    _set_code(page, LOOP)
    _fill(page, "c2c-entry", "f")
    _fill(page, "c2c-input", "")
    page.click("#c2c-run")
    expect(page.locator("#c2c-status .c2c-reason")).to_have_text("timeout")
    expect(page.locator("#c2c-status")).to_contain_text(logic.FRIENDLY["timeout"])
    expect(page.locator("#c2c-badge")).to_contain_text("No CoT")
    page.screenshot(path=str(ARTIFACTS / "hostile.png"), full_page=True)
    _set_code(page, ENV_DUMP)
    page.click("#c2c-run")
    expect(page.locator("#c2c-status .c2c-reason")).to_have_text("ok")
    expect(page.locator("#c2c-output")).to_contain_text("{'HOME': '/tmp'}")  # the whole environment
    html = page.content()
    assert OPENAI_CANARY not in html and HF_CANARY not in html

    # Browse the dataset: load the build folder, filter, open a record.
    page.get_by_role("tab", name="Browse the dataset").click()
    expect(page.locator("#c2c-where textarea, #c2c-where input").first).to_have_value(str(space["dataset"]))
    page.click("#c2c-load")
    expect(page.locator("#c2c-browse-status")).to_contain_text("Loaded 7 records")
    _expect_rows(page.locator("#c2c-records"), 7)
    _choose(page, "c2c-filter-status", "timeout")
    _expect_rows(page.locator("#c2c-records"), 1)
    expect(_cell(page, "c2c-records", 0, 0)).to_have_text("graphs--x-0")
    _cell(page, "c2c-records", 0, 2).click()
    expect(page.locator("#c2c-record-view")).to_contain_text("CPU time limit of 10s exceeded")
    _choose(page, "c2c-filter-status", "all")
    _expect_rows(page.locator("#c2c-records"), 7)
    # a click opens the row as shown, even with a filter typed but not yet submitted
    shown_id = _cell(page, "c2c-records", 3, 0).inner_text().strip()
    pending = page.locator("#c2c-search textarea, #c2c-search input").first
    pending.fill("mine")
    _cell(page, "c2c-records", 3, 2).click()
    expect(page.locator("#c2c-record-view")).to_contain_text(shown_id)
    pending.fill("")
    records = logic.load_records(str(space["dataset"]))
    most = page.locator("#c2c-max-steps input").first
    most.fill("4")
    most.press("Enter")
    _expect_rows(page.locator("#c2c-records"), len(logic.filter_records(records, max_steps=4)))
    most.fill("0")
    most.press("Enter")
    _expect_rows(page.locator("#c2c-records"), 7)
    search = page.locator("#c2c-search textarea, #c2c-search input").first
    search.fill("mine")
    search.press("Enter")
    _expect_rows(page.locator("#c2c-records"), 1)
    expect(_cell(page, "c2c-records", 0, 0)).to_have_text("mine-0")
    _cell(page, "c2c-records", 0, 0).click()
    expect(page.locator("#c2c-record-view")).to_contain_text("mine-0")
    _expect_rows(page.locator("#c2c-record-steps"), 4)
    expect(_cell(page, "c2c-record-steps", 1, 5)).to_have_text("y = 42")
    expect(page.locator("#c2c-record-cot textarea")).to_have_value(
        logic.run_program("def f(x):\n    y = x * 2\n    return y\n", "f", "21").cot)
    page.screenshot(path=str(ARTIFACTS / "browse.png"), full_page=True)
    assert not errors, errors
    page.close()

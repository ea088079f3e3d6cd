"""code2cot's Gradio Space: code-grounded reasoning you can watch.

Deployed as-is (this file is the Space's ``app_file``); it only lays out the UI and
delegates everything to ``code2cot.space.logic`` (installed from requirements.txt).
Locally: ``code2cot space [--host 127.0.0.1] [--port 7860] [--share]`` or
``python -m code2cot.space.app``.
"""

from __future__ import annotations

import argparse
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import gradio as gr
from code2cot.space import logic

TITLE = "code2cot — code-grounded reasoning you can watch"
INTRO = """# code2cot — code-grounded reasoning you can watch
Write a Python function, give it an input and press **Run**: it runs in a sandbox under a tracer, every step is
recorded, and the recorded execution is turned into a chain of thought whose final answer is **verified** against
what the program really returned ([paper](https://arxiv.org/abs/2506.10343))."""
DEFAULT_CODE = '''def f(xs, k):
    total = 0
    for x in xs:
        if x % k == 0:
            total += x
    return total
'''
QUEUE_MAX_SIZE = int(os.environ.get("CODE2COT_SPACE_QUEUE_SIZE", "32"))
STEP_COLUMN_WIDTHS = ["7%", "15%", "7%", "9%", "30%", "32%"]
CSS = """
.c2c-stepview .c2c-current { outline: 1px solid #f59e0b; }
#c2c-steps { font-size: 13px; }
"""


# -- handlers (thin: logic does the work) ---------------------------------------------------------
def _llm() -> logic.LLMConfig | None:
    return logic.LLMConfig.from_env()


def run_handler(code: str, entry_point: str, input_text: str, translator: str):
    outcome = logic.run_program(code, entry_point, input_text, translator=translator or "template", llm=_llm())
    n = max(2, len(outcome.steps))  # a slider needs minimum < maximum
    return (
        logic.status_html(outcome),
        logic.output_markdown(outcome),
        logic.badge_html(outcome),
        gr.Dataframe(value=outcome.rows or None, headers=logic.STEP_HEADERS),
        gr.Slider(minimum=1, maximum=n, value=1, step=1, interactive=bool(outcome.steps)),
        logic.step_view(outcome.code, outcome.steps, 0),
        outcome.cot or "No chain of thought: the program did not return a value.",
        outcome.cot_note,
        outcome.trace_text,
        outcome.to_dict(),
    )


def _view(state: dict | None, number: float | None) -> tuple[int, str]:
    outcome = logic.RunOutcome.from_dict(state)
    if outcome is None:
        return 1, logic.step_view("", [], 0)
    total = max(1, len(outcome.steps))
    number = int(max(1, min(total, int(number or 1))))
    return number, logic.step_view(outcome.code, outcome.steps, number - 1)


def step_to(state: dict | None, number: float):
    return _view(state, number)[1]


def step_prev(state: dict | None, number: float):
    return _view(state, (number or 1) - 1)


def step_next(state: dict | None, number: float):
    return _view(state, (number or 1) + 1)


def step_select(state: dict | None, evt: gr.SelectData):
    row = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
    return _view(state, int(row or 0) + 1)


def trace_api(code: str, entry_point: str = "", input: str = "") -> dict:
    """Run `entry_point(input)` in the sandbox; return status, output, step rows and the verified template CoT."""
    outcome = logic.run_program(code, entry_point, input)
    return {"status": outcome.status, "message": outcome.message, "error": outcome.error, "output": outcome.output,
            "stdout": outcome.stdout, "headers": logic.STEP_HEADERS, "rows": outcome.rows, "cot": outcome.cot,
            "translator": outcome.translator, "verified": outcome.verified}


def ask_handler(state: dict | None):
    llm = _llm()
    outcome = logic.RunOutcome.from_dict(state)
    if llm is None:
        return "", "", "### Model: not configured", "No model endpoint is configured for this Space."
    if outcome is None or outcome.output is None:
        return "", "", "### Model: nothing to ask yet", "Run a program that returns a value in Trace & explain first."
    sides = logic.comparison(outcome, logic.ask_model(outcome, llm))
    return sides["grounded_head"], sides["grounded"], sides["model_head"], sides["model"]


# -- dataset browsing: loaded datasets are shared (not copied per session) ---------------------------
_DATASETS: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
_DATASETS_LOCK = threading.Lock()


def _records(where: str, reload: bool = False) -> list[dict[str, Any]]:
    key = (where or "").strip()
    with _DATASETS_LOCK:
        if key in _DATASETS and not reload:
            _DATASETS.move_to_end(key)
            return _DATASETS[key]
    records = logic.load_records(key)
    with _DATASETS_LOCK:
        _DATASETS[key] = records
        while len(_DATASETS) > 3:
            _DATASETS.popitem(last=False)
    return records


def _filtered(where, status, source, min_steps, max_steps, text):
    # An empty gr.Number arrives as 0: 0 means "no bound" (no record has fewer than 1 step).
    return logic.filter_records(_records(where), status, source, min_steps or None, max_steps or None, text=text)


def _table(records: list[dict]):
    return gr.Dataframe(value=[logic.record_summary(r) for r in records[:1000]] or None, headers=logic.RECORD_HEADERS)


def load_dataset_handler(where: str):
    try:
        records = _records(where, reload=True)
    except logic.DatasetError as exc:
        return (f"**Cannot load:** {exc}", gr.Dropdown(choices=["all"], value="all"), gr.Dropdown(choices=["all"], value="all"),
                _table([]), gr.Dropdown(choices=[], value=None), (where or "").strip())
    statuses = ["all", *logic.facet_values(records, "status")]
    sources = ["all", *logic.facet_values(records, "source")]
    message = f"Loaded **{len(records)}** records from `{where.strip()}`" + \
        (f" (first {logic.MAX_BROWSE_ROWS})" if len(records) >= logic.MAX_BROWSE_ROWS else "") + "."
    ids = [r.get("id") for r in records[:1000]]
    return (message, gr.Dropdown(choices=statuses, value="all"), gr.Dropdown(choices=sources, value="all"),
            _table(records), gr.Dropdown(choices=ids, value=None), where.strip())


def filter_handler(where: str, status: str, source: str, min_steps, max_steps, text: str):
    try:
        records = _filtered(where, status, source, min_steps, max_steps, text)
    except logic.DatasetError as exc:
        return f"**Cannot load:** {exc}", _table([]), gr.Dropdown(choices=[], value=None)
    return (f"**{len(records)}** matching records" + (" (first 1000 shown)" if len(records) > 1000 else "") + ".",
            _table(records), gr.Dropdown(choices=[r.get("id") for r in records[:1000]], value=None))


def show_record(where: str, record_id: str | None):
    empty = ("", gr.Dataframe(value=None, headers=logic.STEP_HEADERS), "", "")
    if not record_id or not where:
        return empty
    try:
        records = _records(where)
    except logic.DatasetError as exc:
        return f"**Cannot load:** {exc}", *empty[1:]
    record = next((r for r in records if r.get("id") == record_id), None)
    if record is None:
        return f"No record `{record_id}`.", *empty[1:]
    rows = logic.trace_rows(logic.record_steps(record))
    cot = record.get("cot") or f"No CoT ({record.get('reason') or record.get('status')})."
    return (logic.record_markdown(record), gr.Dataframe(value=rows or None, headers=logic.STEP_HEADERS), cot,
            record.get("trace_text") or "")


def select_record(evt: gr.SelectData):
    """The clicked row of the table as shown (its id is the first column), not of a re-run filter:
    filter boxes edited without Enter would otherwise point at another record."""
    row = evt.row_value
    if not row or row[0] in (None, ""):
        return gr.Dropdown()
    return gr.Dropdown(value=str(row[0]))


def _default_dataset() -> str:
    configured = os.environ.get("CODE2COT_SPACE_DATASET")
    if configured:
        return configured
    return "out/dataset" if Path("out/dataset").is_dir() else ""


# -- layout -----------------------------------------------------------------------------------------
def build_demo() -> gr.Blocks:
    llm = _llm()
    examples = logic.corpus_examples(8)
    with gr.Blocks(title=TITLE, analytics_enabled=False) as demo:
        gr.Markdown(INTRO)
        run_state = gr.State(None)
        with gr.Tabs():
            with gr.Tab("Trace & explain", id="trace"):
                with gr.Row():
                    with gr.Column(scale=3):
                        code = gr.Code(DEFAULT_CODE, language="python", lines=16, max_lines=40, label="Program",
                                       interactive=True, elem_id="c2c-code")
                    with gr.Column(scale=2):
                        entry = gr.Textbox("f", label="Entry point", elem_id="c2c-entry",
                                           info="The function to call (empty: main_solution, f, or the only one).")
                        input_text = gr.Textbox("[3, 4, 6, 9], 3", label="Input", elem_id="c2c-input", lines=2,
                                                info="Arguments as written inside f(...), e.g. [1, 2], k=3.")
                        translator = gr.Radio(
                            [("template (offline, deterministic)", "template")] +
                            ([(f"LLM ({llm.model})", "llm")] if llm else []),
                            value="llm" if llm else "template", label="CoT from", elem_id="c2c-translator")
                        run = gr.Button("Run", variant="primary", elem_id="c2c-run")
                        status = gr.HTML(elem_id="c2c-status")
                corpus = gr.Examples([[e["code"], e["entry_point"], e["input"]] for e in examples],
                                     inputs=[code, entry, input_text], example_labels=[e["name"] for e in examples],
                                     label="Examples from the shipped corpus (one click: load and run)",
                                     examples_per_page=8, cache_examples=False, api_visibility="private")
                output = gr.Markdown(elem_id="c2c-output")
                with gr.Row():
                    with gr.Column(scale=3):
                        steps = gr.Dataframe(headers=logic.STEP_HEADERS, label="Steps (click a row to jump to it)",
                                             interactive=False, wrap=True, max_height=520, elem_id="c2c-steps",
                                             column_widths=STEP_COLUMN_WIDTHS)
                    with gr.Column(scale=2):
                        with gr.Row():
                            prev_button = gr.Button("◀ Prev", size="sm", elem_id="c2c-prev")
                            next_button = gr.Button("Next ▶", size="sm", elem_id="c2c-next")
                        step = gr.Slider(1, 2, value=1, step=1, label="Step", interactive=False, elem_id="c2c-step")
                        stepview = gr.HTML(logic.step_view(DEFAULT_CODE, [], 0), elem_id="c2c-stepview")
                gr.Markdown("### Grounded chain of thought")
                badge = gr.HTML(elem_id="c2c-badge")
                cot_note = gr.Markdown(elem_id="c2c-cot-note")
                cot = gr.Textbox(label="CoT (the assistant turn of a dataset row)", lines=8, max_lines=40,
                                 interactive=False, elem_id="c2c-cot", buttons=["copy"])
                with gr.Accordion("The recorded execution as text", open=False):
                    trace_text = gr.Code(language=None, interactive=False, elem_id="c2c-trace-text")

            with gr.Tab("Ask a model", id="ask"):
                if llm:
                    gr.Markdown(f"The model {llm.describe()} gets the dataset's question (code and input, no trace) "
                                "for the program last run in **Trace & explain**; its answer is checked against the "
                                "executed output.")
                else:
                    gr.Markdown("No model endpoint is configured. Set `CODE2COT_LLM_BASE_URL`, `CODE2COT_LLM_MODEL` "
                                "and `OPENAI_API_KEY` (Space secrets) to compare a model with the grounded CoT.")
                ask = gr.Button("Ask the model", variant="primary", interactive=llm is not None, elem_id="c2c-ask")
                with gr.Row():
                    with gr.Column():
                        grounded_head = gr.Markdown(elem_id="c2c-grounded-head")
                        grounded = gr.Textbox(label="Grounded CoT", lines=12, max_lines=40, interactive=False,
                                              elem_id="c2c-grounded")
                    with gr.Column():
                        model_head = gr.Markdown(elem_id="c2c-model-head")
                        model_side = gr.Textbox(label="Model's answer", lines=12, max_lines=40, interactive=False,
                                                elem_id="c2c-model")

            with gr.Tab("Browse the dataset", id="browse"):
                with gr.Row():
                    where = gr.Textbox(_default_dataset(), label="Build folder or Hub dataset id", scale=4,
                                       elem_id="c2c-where", placeholder="out/dataset or org/name")
                    load = gr.Button("Load", variant="primary", scale=1, elem_id="c2c-load")
                loaded = gr.State("")
                browse_status = gr.Markdown(elem_id="c2c-browse-status")
                with gr.Row():
                    status_filter = gr.Dropdown(["all"], value="all", label="Status", elem_id="c2c-filter-status")
                    source_filter = gr.Dropdown(["all"], value="all", label="Source", elem_id="c2c-filter-source")
                    min_steps = gr.Number(0, label="Min steps (0: any)", precision=0, minimum=0, elem_id="c2c-min-steps")
                    max_steps = gr.Number(0, label="Max steps (0: any)", precision=0, minimum=0, elem_id="c2c-max-steps")
                    search = gr.Textbox(label="Search id/question", elem_id="c2c-search")
                records_table = gr.Dataframe(headers=logic.RECORD_HEADERS, interactive=False, max_height=360,
                                             label="Records (click one to view it)", elem_id="c2c-records")
                record_id = gr.Dropdown([], value=None, label="Record", allow_custom_value=False, elem_id="c2c-record")
                record_md = gr.Markdown(elem_id="c2c-record-view")
                record_steps = gr.Dataframe(headers=logic.STEP_HEADERS, interactive=False, wrap=True, max_height=360,
                                            label="Trace", elem_id="c2c-record-steps", column_widths=STEP_COLUMN_WIDTHS)
                record_cot = gr.Textbox(label="CoT", lines=8, max_lines=40, interactive=False, elem_id="c2c-record-cot")
                with gr.Accordion("Trace as text", open=False):
                    record_trace_text = gr.Code(language=None, interactive=False, elem_id="c2c-record-trace-text")

        # -- events ----------------------------------------------------------------------------------
        run_outputs = [status, output, badge, steps, step, stepview, cot, cot_note, trace_text, run_state]
        sandboxed = {"concurrency_limit": logic.POOL_SIZE, "concurrency_id": "sandbox"}  # one queue, one per sandbox
        run.click(run_handler, [code, entry, input_text, translator], run_outputs, api_name="run", **sandboxed)
        corpus.load_input_event.then(run_handler, [code, entry, input_text, translator], run_outputs,
                                     api_visibility="private", **sandboxed)
        free = {"concurrency_limit": None, "api_visibility": "private", "show_progress": "hidden"}
        step.input(step_to, [run_state, step], stepview, **free)
        prev_button.click(step_prev, [run_state, step], [step, stepview], **free)
        next_button.click(step_next, [run_state, step], [step, stepview], **free)
        steps.select(step_select, [run_state], [step, stepview], **free)
        ask.click(ask_handler, [run_state], [grounded_head, grounded, model_head, model_side], api_name="ask", concurrency_limit=2,
                  concurrency_id="model")
        gr.api(trace_api, api_name="trace", **sandboxed)

        filters = [status_filter, source_filter, min_steps, max_steps, search]
        load.click(load_dataset_handler, [where], [browse_status, status_filter, source_filter, records_table,
                                                  record_id, loaded], api_name="load_dataset", concurrency_limit=2,
                   concurrency_id="browse")
        for component in filters:
            getattr(component, "submit" if isinstance(component, (gr.Textbox, gr.Number)) else "input")(
                filter_handler, [loaded, *filters], [browse_status, records_table, record_id], **free)
        records_table.select(select_record, None, [record_id], **free)
        record_id.change(show_record, [loaded, record_id], [record_md, record_steps, record_cot, record_trace_text],
                         **free)
    return demo


def queued(demo: gr.Blocks) -> gr.Blocks:
    """One visitor cannot starve the others: as many runs at once as sandboxes, a bounded queue."""
    return demo.queue(default_concurrency_limit=logic.POOL_SIZE, max_size=QUEUE_MAX_SIZE)


def launch(host: str | None = None, port: int | None = None, share: bool = False, *, block: bool = True,
           quiet: bool = False) -> gr.Blocks:
    """Start the Space; with ``block=False`` it returns the running demo (``demo.close()`` stops it)."""
    demo = queued(build_demo())
    try:
        demo.launch(server_name=host or os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"),
                    server_port=port or int(os.environ.get("GRADIO_SERVER_PORT", "7860")), share=share,
                    prevent_thread_lock=not block, show_error=False, quiet=quiet, css=CSS,
                    footer_links=["api", "gradio"])
    finally:
        if block:
            logic.close_shared_pool()
    return demo


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="code2cot space", description="Run the code2cot Gradio Space locally.")
    parser.add_argument("--host", default=None, help="interface to bind (default: $GRADIO_SERVER_NAME or 127.0.0.1)")
    parser.add_argument("--port", type=int, default=None, help="port (default: $GRADIO_SERVER_PORT or 7860)")
    parser.add_argument("--share", action="store_true", help="also open a temporary public gradio.live link")
    args = parser.parse_args(argv)
    launch(args.host, args.port, args.share)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

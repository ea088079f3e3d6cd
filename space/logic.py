"""Everything the Space does, without the UI: importable and unit-tested on its own.

    code -> Task -> shared SandboxPool -> TaskResult -> step rows + step-through view
         -> grounded CoT (template, or LLM when configured) -> verified badge
    same question -> a configured model -> its answer, correct or not, token counts
    build folder / Hub dataset id -> records -> filters -> one record's trace and CoT

User code runs only through ``code2cot.builder.Sandbox`` (a fork server started with
an empty environment), so the Space's secrets never reach it; every text this module
hands to the UI also passes through ``redact`` as a second line of defence.
"""

from __future__ import annotations

import atexit
import html
import json
import os
import queue
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from code2cot.builder import Sandbox, SandboxLimits, Task, TaskResult, TraceLimits
from code2cot.builder.records import split_rank, user_prompt
from code2cot.builder.sandbox import ForkServerBackend
from code2cot.builder.tasks import BadInput, default_entry_point, parse_arguments
from code2cot.builder.translation import TranslationRequest, VerifiedTemplateTranslator
from code2cot.builder.verify import REPR_MISMATCH_CAUSE, answers_match, extract_answer, shown_return_value


# -- limits ------------------------------------------------------------------------------
def _env_number(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def space_limits() -> SandboxLimits:
    """Per-request limits: small, so one visitor's program cannot hold a worker for long
    (``CODE2COT_SPACE_CPU_SECONDS``, default 5; ``CODE2COT_SPACE_MEMORY_MB``, default 512)."""
    cpu = max(0.5, _env_number("CODE2COT_SPACE_CPU_SECONDS", 5.0))
    return SandboxLimits(cpu_seconds=cpu, wall_seconds=max(3 * cpu, cpu + 5), memory_mb=int(_env_number(
        "CODE2COT_SPACE_MEMORY_MB", 512)), max_processes=8, max_stdout_chars=100_000, max_output_chars=100_000,
        max_result_mb=16)


SPACE_TRACE_LIMITS = TraceLimits(max_events=1_000_000, max_steps=1_000)
MAX_CODE_CHARS = 20_000
MAX_TRACE_TEXT_CHARS = 200_000
"""The recorded execution as text, shown in the page: deep recursion renders megabytes of indentation."""
MAX_INPUT_CHARS = 2_000
POOL_SIZE = int(os.environ.get("CODE2COT_SPACE_WORKERS", "2"))
"""Sandboxes (one task process each) shared by all visitors; the queue's concurrency matches it."""
SLOT_BASE = 200
"""Sandbox uids ``UID_BASE + 200 + i``: apart from a ``code2cot build`` on the same host."""

SECRET_ENV = ("OPENAI_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HUGGINGFACE_TOKEN")
_SECRET_NAME = re.compile(r"(TOKEN|SECRET|API_KEY|PASSWORD)$", re.IGNORECASE)

FRIENDLY = {
    "ok": "The program ran and returned a value.",
    "syntax_error": "The code does not parse: fix the syntax error and run again.",
    "missing_entry_point": "There is no function with the entry point's name in the code.",
    "bad_input": "The input must be literal arguments, written as inside f(...), e.g. [1, 2], k=3. "
                 "Inputs are parsed, never evaluated.",
    "exception": "The program raised an exception, so there is no output to explain.",
    "timeout": "The program was stopped: it ran past the CPU-time or step budget (an infinite loop?).",
    "memory": "The program was stopped: it used more memory than the limit.",
    "output_too_large": "The program produced more output than the limit.",
    "killed": "The program's process was terminated before it returned a result.",
    "trace_too_long": "The trace is too long to show.",
    "nondeterministic": "Two runs of the program gave different results.",
    "empty_code": "There is no code to run: write or pick a program first.",
    "code_too_large": f"The program is longer than {MAX_CODE_CHARS:,} characters.",
    "input_too_large": f"The input is longer than {MAX_INPUT_CHARS:,} characters.",
    "busy": "All sandboxes are busy right now: please try again in a moment.",
    "internal_error": "Something went wrong on our side while running the program.",
}
"""A visitor-facing sentence per reason code (the sandbox's ``STATUSES`` plus the Space's own)."""


_REGISTERED: set[str] = set()


def register_secret(value: str | None) -> None:
    """Also redact ``value`` (e.g. a key handed to ``LLMConfig`` directly rather than via the env)."""
    if value and len(value) >= 6 and value != "EMPTY":
        _REGISTERED.add(value)


def secret_values(environ: dict[str, str] | None = None) -> list[str]:
    """Values of the environment's secrets (known names, or names ending in TOKEN/SECRET/API_KEY)."""
    environ = os.environ if environ is None else environ
    values = {value for key, value in environ.items()
              if (key in SECRET_ENV or _SECRET_NAME.search(key)) and len(value) >= 6}
    return sorted(values | _REGISTERED, key=len, reverse=True)


def redact(text: Any) -> Any:
    """Replace every secret value (and its first 8+ characters, as APIs echo prefixes) with ``***``."""
    if not isinstance(text, str) or not text:
        return text
    for value in secret_values():
        text = text.replace(value, "***")
        if len(value) >= 12:
            text = text.replace(value[:8], "***")
    return text


# -- the shared sandbox ----------------------------------------------------------------------
class Busy(RuntimeError):
    """No sandbox freed up in time."""


class SandboxPool:
    """A few single-worker sandboxes shared by every request, created lazily, closed on exit.

    ``ForkServerBackend.map`` serves one caller at a time, so concurrent requests each
    check out a whole sandbox; each has its own uid slot so tasks of different visitors
    cannot signal each other. A sandbox that fails is discarded and replaced.
    """

    def __init__(self, size: int | None = None, limits: SandboxLimits | None = None,
                 trace_limits: TraceLimits = SPACE_TRACE_LIMITS, slot_base: int = SLOT_BASE) -> None:
        self.size = max(1, size or POOL_SIZE)
        self.limits = limits or space_limits()
        self.trace_limits = trace_limits
        self.slot_base = slot_base
        self._free: queue.LifoQueue[tuple[int, Sandbox]] = queue.LifoQueue()
        self._free_slots = list(range(self.size))
        self._live: dict[int, Sandbox] = {}
        self._lock = threading.Lock()
        self.closed = False
        self.runs = 0

    def _new(self, slot: int) -> Sandbox:
        backend = ForkServerBackend(1, self.limits, self.trace_limits, hash_seed=0, slot_base=self.slot_base + slot)
        return Sandbox(limits=self.limits, trace_limits=self.trace_limits, long_traces="truncate", backend=backend)

    def _checkout(self, wait: float) -> tuple[int, Sandbox]:
        with self._lock:
            if self.closed:
                raise Busy("the sandbox pool is closed")
            if self._free.empty() and self._free_slots:
                slot = self._free_slots.pop()
                self._live[slot] = sandbox = self._new(slot)
                return slot, sandbox
        try:
            return self._free.get(timeout=wait)
        except queue.Empty:
            raise Busy(f"no sandbox was free within {wait:g}s") from None

    def run(self, task: Task, wait: float = 60.0) -> TaskResult:
        slot, sandbox = self._checkout(wait)
        healthy = False
        try:
            (result,) = sandbox.map([task])  # drains the generator: the sandbox is idle afterwards
            healthy = True
            return result
        finally:
            with self._lock:
                self.runs += 1
                if healthy and not self.closed:
                    self._free.put((slot, sandbox))
                else:
                    self._live.pop(slot, None)
                    self._free_slots.append(slot)
                    _close_quietly(sandbox)

    @property
    def started(self) -> int:
        """Sandboxes currently alive (each with its fork server once it ran a task)."""
        return len(self._live)

    def close(self) -> None:
        with self._lock:
            self.closed = True
            live, self._live = list(self._live.values()), {}
        for sandbox in live:
            _close_quietly(sandbox)


def _close_quietly(sandbox: Sandbox) -> None:
    try:
        sandbox.close()
    except Exception:  # noqa: BLE001, S110 - closing must never take the app down
        pass


_POOL: SandboxPool | None = None
_POOL_LOCK = threading.Lock()


def shared_pool() -> SandboxPool:
    """The process-wide pool, created on first use and closed at interpreter exit."""
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.closed:
            _POOL = SandboxPool()
            atexit.register(_POOL.close)
        return _POOL


def close_shared_pool() -> None:
    global _POOL
    with _POOL_LOCK:
        pool, _POOL = _POOL, None
    if pool is not None:
        pool.close()


# -- LLM configuration ----------------------------------------------------------------------
@dataclass(frozen=True)
class LLMConfig:
    """An OpenAI-compatible endpoint from the Space's secrets/env; ``repr`` never shows the key."""

    base_url: str | None
    model: str
    api_key: str = field(default="", repr=False)
    timeout: float = 60.0
    max_tokens: int = 2048
    cache_dir: str = ""

    def __post_init__(self) -> None:
        register_secret(self.api_key)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> LLMConfig | None:
        environ = os.environ if environ is None else environ
        model = (environ.get("CODE2COT_LLM_MODEL") or "").strip()
        base_url = (environ.get("CODE2COT_LLM_BASE_URL") or "").strip() or None
        key = environ.get("OPENAI_API_KEY") or ""
        if not model or not (base_url or key):
            return None
        cache = environ.get("CODE2COT_LLM_CACHE_DIR") or os.path.join(tempfile.gettempdir(), "code2cot-space-llm")
        return cls(base_url=base_url, model=model, api_key=key or "EMPTY",
                   timeout=float(environ.get("CODE2COT_LLM_TIMEOUT", "60")),
                   max_tokens=int(environ.get("CODE2COT_LLM_MAX_TOKENS", "2048")), cache_dir=cache)

    def describe(self) -> str:
        """What visitors see: the model's name only (an endpoint URL may carry credentials)."""
        return f"`{_tick(self.model)}`"


# -- run code -> trace -> CoT ------------------------------------------------------------------
@dataclass
class RunOutcome:
    """What the Trace & explain tab shows for one press of Run."""

    status: str
    message: str
    error: str | None = None
    code: str = ""
    entry_point: str = ""
    input: str = ""
    output: str | None = None
    stdout: str = ""
    steps: list[dict] = field(default_factory=list)
    rows: list[list[Any]] = field(default_factory=list)
    trace_text: str = ""
    truncated: bool = False
    cot: str = ""
    translator: str = ""
    verified: bool = False
    verify_reason: str | None = None
    cot_note: str = ""
    cot_usage: dict[str, int] = field(default_factory=dict)
    cpu_seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> RunOutcome | None:
        if not data:
            return None
        known = {key: value for key, value in data.items() if key in cls.__dataclass_fields__}
        return cls(**known)


def make_task(code: str, entry_point: str, input_text: str) -> Task:
    # One trailing newline, as the corpus reader writes it (gr.Code strips its value): the
    # template's phrasing is seeded by the code, so a shipped example reads as its dataset row.
    code, entry_point, input_text = (v if isinstance(v, str) else "" if v is None else str(v)
                                     for v in (code, entry_point, input_text))  # API callers send anything
    code = code.rstrip() + "\n" if code.strip() else ""
    entry = entry_point.strip() or default_entry_point(code)
    return Task(id="space", code=code, input=(input_text or "").strip(), entry_point=entry, source="space")


def _refuse(status: str, task: Task, detail: str | None = None) -> RunOutcome:
    return RunOutcome(status=status, message=FRIENDLY[status], error=detail, code=task.code,
                      entry_point=task.entry_point, input=task.input)


def run_program(code: str, entry_point: str = "", input_text: str = "", *, pool: SandboxPool | None = None,
                translator: str = "template", llm: LLMConfig | None = None, seed: int = 0) -> RunOutcome:
    """Run ``entry_point(input)`` in the sandbox, then explain it. Never raises."""
    task = make_task(code, entry_point, input_text)
    if not task.code.strip():
        return _refuse("empty_code", task)
    if len(task.code) > MAX_CODE_CHARS:
        return _refuse("code_too_large", task, f"{len(task.code):,} characters")
    if len(task.input) > MAX_INPUT_CHARS:
        return _refuse("input_too_large", task, f"{len(task.input):,} characters")
    try:
        parse_arguments(task.input)  # the sandbox checks again; this just answers faster
    except BadInput as exc:
        return _refuse("bad_input", task, str(exc))
    try:
        result = (pool or shared_pool()).run(task)
    except Busy as exc:
        return _refuse("busy", task, str(exc))
    except Exception as exc:  # noqa: BLE001 - the app never crashes on a visitor's program
        return _refuse("internal_error", task, redact(f"{type(exc).__name__}: {exc}"[:300]))
    try:
        return explain(task, result, translator=translator, llm=llm, seed=seed)
    except Exception as exc:  # noqa: BLE001 - a translator bug must not take the page down
        outcome = explain(task, TaskResult(task.id, result.status, None, result.error, result.stdout, result.trace))
        outcome.output = redact(result.output)
        outcome.cot_note = redact(f"No CoT: the translator failed ({type(exc).__name__}: {exc})"[:300])
        return outcome


def explain(task: Task, result: TaskResult, *, translator: str = "template", llm: LLMConfig | None = None,
            seed: int = 0) -> RunOutcome:
    """A sandbox verdict -> rows, output and (when it ran) a verified CoT."""
    from code2cot.builder.trace_text import render_trace

    trace = result.trace or {}
    outcome = RunOutcome(
        status=result.status, message=FRIENDLY.get(result.status, result.status),
        error=redact(result.error), code=task.code, entry_point=task.entry_point, input=task.input,
        output=redact(result.output), stdout=redact(result.stdout or ""), steps=list(trace.get("steps") or []),
        truncated=bool(trace.get("truncated")), cpu_seconds=result.cpu_seconds,
    )
    outcome.rows = trace_rows(outcome.steps)
    outcome.trace_text = redact(_short(render_trace(trace), MAX_TRACE_TEXT_CHARS)) if trace else ""
    if not result.ok or result.output is None:
        return outcome
    shown = shown_return_value(trace, result.output)
    if shown is not None:  # as the build: a CoT from this trace would contradict its own answer
        outcome.cot_note = redact(f"No CoT: the program writes its return value as {_short(result.output, 80)} but it "
                                  f"holds {_short(shown, 80)} ({REPR_MISMATCH_CAUSE}), so reasoning from the trace "
                                  "would contradict its answer. Return a plain value.")
        return outcome
    request = TranslationRequest(task=task, output=result.output, trace=trace)
    if translator == "llm" and llm is not None:
        translation = llm_translate(request, llm)
        outcome.cot_usage = dict(translation.usage)
        if translation.verified:
            outcome.cot, outcome.translator, outcome.verified = redact(translation.cot), "llm", True
            return outcome
        outcome.cot_note = redact(f"The model's CoT was not used ({translation.reason}: {translation.error}); "
                                  "showing the template CoT instead.")
    template = VerifiedTemplateTranslator(seed).translate_all([request])[0]
    outcome.cot, outcome.translator = redact(template.cot), "template"
    outcome.verified, outcome.verify_reason = template.verified, template.reason
    return outcome


def llm_translate(request: TranslationRequest, llm: LLMConfig):
    """The builder's LLM translator (same prompt, verification and retries), for one request."""
    from code2cot.builder.llm_translator import LLMSettings, LLMTranslator
    from code2cot.builder.translation import Translation

    settings = LLMSettings(model=llm.model, base_url=llm.base_url, concurrency=1, timeout=llm.timeout, max_retries=2,
                           verify_retries=1, max_tokens=llm.max_tokens, cache_dir=llm.cache_dir or None,
                           backoff_base=0.2, backoff_max=2.0)
    try:
        return LLMTranslator(settings, api_key=llm.api_key).translate_all([request])[0]
    except Exception as exc:  # noqa: BLE001
        return Translation("", False, "llm_error", redact(f"{type(exc).__name__}: {exc}"[:300]))


# -- the step table and the step-through view -----------------------------------------------------
STEP_HEADERS = ["step", "function", "line", "event", "source", "changed variables"]


def _mapping(value: Any) -> dict[str, str]:
    """Tracer dicts, or the dataset's ``[{"name", "value"}]`` pairs, as one dict."""
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items()}
    if isinstance(value, list):
        return {str(item.get("name")): str(item.get("value")) for item in value if isinstance(item, dict)}
    return {}


def _assign(values: dict[str, str]) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values.items())


def describe_step(step: dict) -> str:
    """The last column of the step table: what this step changed or produced."""
    event = step.get("event")
    if event == "call":
        args = ", ".join(f"{k}={v}" for k, v in _mapping(step.get("args")).items())
        return f"call {step.get('func')}({args})"
    if event == "line":
        return _assign(_mapping(step.get("changed")))
    if event == "return":
        return f"returns {step.get('value')}"
    if event == "exception":
        return f"raises {step.get('exception')}"
    if event == "elided":
        state = _mapping(step.get("state"))
        then = f"; then {_assign(state)}" if state else ""
        return f"{step.get('iterations')} more iterations left out ({step.get('steps')} steps){then}"
    if event == "cut":
        return f"trace cut: {step.get('reason')} ({step.get('skipped_events')} events not shown)"
    return ""


def trace_rows(steps: Iterable[dict]) -> list[list[Any]]:
    rows = []
    for number, step in enumerate(steps, 1):
        line = step.get("line")
        rows.append([number, step.get("func") or "", line if line is not None else "", step.get("event") or "",
                     redact((step.get("source") or "").strip()), redact(describe_step(step))])
    return rows


def step_view(code: str, steps: list[dict], index: int) -> str:
    """HTML: the code with the line of step ``index`` (0-based) highlighted, and what the step did."""
    lines = (code or "").splitlines() or [""]
    if not steps:
        body = "".join(_code_line(number, text, False) for number, text in enumerate(lines, 1))
        return f'<div class="c2c-stepview"><div class="c2c-stephead">No recorded steps yet: run a program to step through it.</div>{_pre(body)}</div>'
    index = max(0, min(index, len(steps) - 1))
    step = steps[index]
    current = step.get("line")
    body = "".join(_code_line(number, text, number == current) for number, text in enumerate(lines, 1))
    where = f"line {current}" if current else "no line"
    what = html.escape(redact(describe_step(step)) or "no variable changed")
    head = (f'<div class="c2c-stephead"><b>Step {index + 1} of {len(steps)}</b> &middot; {where} &middot; '
            f'{html.escape(str(step.get("event")))} in <code>{html.escape(str(step.get("func") or ""))}</code>'
            f'<br><span class="c2c-changed">{what}</span></div>')
    return redact(f'<div class="c2c-stepview" data-step="{index + 1}" data-line="{current or ""}">{head}{_pre(body)}</div>')


def _code_line(number: int, text: str, current: bool) -> str:
    style = "background:#fde68a;font-weight:600;" if current else ""
    mark = "&#9654;" if current else "&nbsp;"
    cls = "c2c-line c2c-current" if current else "c2c-line"
    return (f'<div class="{cls}" data-line="{number}" style="{style}white-space:pre;">'
            f'<span style="color:#b45309">{mark}</span><span style="color:#6b7280;display:inline-block;width:3.5em;'
            f'text-align:right;padding-right:0.8em">{number}</span>{html.escape(text)}</div>')


def _pre(body: str) -> str:
    return (f'<div class="c2c-code" style="font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px;'
            f'line-height:1.5;overflow-x:auto;border:1px solid #e5e7eb;border-radius:6px;padding:6px 0;'
            f'color:#111827;background:#fafafa">{body}</div>')


def status_html(outcome: RunOutcome) -> str:
    if outcome.ok:
        label = "ok"
        text = f"{FRIENDLY['ok']} ({len(outcome.steps)} steps recorded{', trace truncated' if outcome.truncated else ''})"
        color = "#065f46", "#d1fae5"
    else:
        label = outcome.status
        text = outcome.message
        color = "#991b1b", "#fee2e2"
    detail = f'<div class="c2c-detail"><code>{html.escape(redact(outcome.error))}</code></div>' if outcome.error else ""
    return (f'<div class="c2c-status c2c-status-{html.escape(label)}" style="color:{color[0]};background:{color[1]};'
            f'border-radius:6px;padding:8px 12px"><b>Status: <span class="c2c-reason">{html.escape(label)}</span></b>'
            f' &mdash; {html.escape(text)}{detail}</div>')


def badge_html(outcome: RunOutcome) -> str:
    if not outcome.ok:
        return '<div class="c2c-badge c2c-none">No CoT: the program did not return a value.</div>'
    if outcome.verified:
        return (f'<div class="c2c-badge c2c-verified" style="color:#065f46;background:#d1fae5;border-radius:6px;'
                f'padding:6px 10px">&#10004; Verified &mdash; the {html.escape(outcome.translator)} CoT\'s final answer '
                f'equals the executed output</div>')
    reason = html.escape(str(outcome.verify_reason or "unverified"))
    return (f'<div class="c2c-badge c2c-unverified" style="color:#991b1b;background:#fee2e2;border-radius:6px;'
            f'padding:6px 10px">&#10008; Not verified ({reason})</div>')


def output_markdown(outcome: RunOutcome) -> str:
    parts = []
    if outcome.output is not None:
        parts.append(f"**Output** (the return value's repr):\n\n{fence(_short(outcome.output, 20_000), 'python')}")
    if outcome.stdout:
        parts.append(f"**Printed**:\n\n{fence(_short(outcome.stdout, 5000), 'text')}")
    if not parts:
        parts.append(f"**No output** ({outcome.status}).")
    return "\n\n".join(parts)


def fence(text: str, language: str = "") -> str:
    """A fenced block that the text cannot close early, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * max(3, longest + 1)
    return f"{ticks}{language}\n{text}\n{ticks}"


def _tick(text: str) -> str:
    return str(text).replace("`", "'")


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")


def md_escape(text: str) -> str:
    """Plain text shown inside Markdown: no accidental emphasis, links, HTML or LaTeX."""
    return _MD_SPECIAL.sub(r"\\\1", text or "")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def approx_tokens(text: str) -> int:
    """A tokenizer-free estimate (about 4 characters per token), labelled as such in the UI."""
    return (len(text) + 3) // 4


# -- ask a model ----------------------------------------------------------------------------
@dataclass
class ModelAnswer:
    text: str = ""
    answer: str | None = None
    correct: bool = False
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error: str | None = None


def ask_model(outcome: RunOutcome, llm: LLMConfig) -> ModelAnswer:
    """Ask the configured model the dataset's user question (code + input, no trace); judge its answer."""
    from code2cot.builder.llm_translator import strip_reasoning

    if outcome.output is None:
        return ModelAnswer(error="Run a program that returns a value first.")
    task = make_task(outcome.code, outcome.entry_point, outcome.input)
    try:
        from openai import OpenAI

        client = OpenAI(base_url=llm.base_url, api_key=llm.api_key, timeout=llm.timeout, max_retries=1)
        try:
            response = client.chat.completions.create(
                model=llm.model, messages=[{"role": "user", "content": user_prompt(task)}], temperature=0.0,
                max_tokens=llm.max_tokens)
        finally:
            client.close()
        content = response.choices[0].message.content or ""
        usage = getattr(response, "usage", None)
    except Exception as exc:  # noqa: BLE001 - shown as a friendly message, secrets redacted
        return ModelAnswer(error=redact(f"the model request failed: {type(exc).__name__}: {exc}"[:500]))
    text = strip_reasoning(content)
    answer = extract_answer(text)
    return ModelAnswer(text=redact(text), answer=redact(answer),
                       correct=answer is not None and answers_match(answer, outcome.output),
                       prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                       completion_tokens=getattr(usage, "completion_tokens", 0) or 0)


def comparison(outcome: RunOutcome, answer: ModelAnswer) -> dict[str, str]:
    """The Ask-a-model tab: a headline and a text for each side (grounded CoT | model)."""
    cot_tokens = outcome.cot_usage.get("completion_tokens") or approx_tokens(outcome.cot)
    estimated = "" if outcome.cot_usage.get("completion_tokens") else " (estimated)"
    grounded = (f"### Grounded CoT ({outcome.translator or 'none'}): {'verified' if outcome.verified else 'not verified'}"
                f"\n\n{cot_tokens} tokens{estimated} · executed output: `{_tick(_short(outcome.output or '', 300))}`")
    if answer.error:
        return {"grounded_head": grounded, "grounded": outcome.cot, "model_head": "### Model: error",
                "model": answer.error}
    verdict = "correct" if answer.correct else "incorrect"
    model = (f"### Model: {'✔' if answer.correct else '✘'} {verdict}\n\n"
             f"prompt {answer.prompt_tokens} tokens · completion {answer.completion_tokens} tokens · "
             f"its answer: `{_tick(_short(answer.answer or 'none found', 300))}`")
    return {"grounded_head": grounded, "grounded": outcome.cot, "model_head": model, "model": answer.text}


# -- examples from the shipped corpus -----------------------------------------------------------
EXAMPLE_PROBLEMS = (
    "arithmetic--coin_change_greedy", "sorting_searching--binary_search_range", "strings--run_length_codec",
    "dynamic_programming--longest_common_subsequence", "graphs--maze_shortest_path", "number_theory--gcd_lcm_of_list",
    "logic_puzzles--tower_of_hanoi", "data_structures--two_stack_queue",
)


def corpus_examples(limit: int = 6) -> list[dict[str, str]]:
    """One input each of a few shipped problems (preferred ones first), as code/entry/input."""
    from code2cot.builder.sources import shipped_corpus

    first: dict[str, Task] = {}
    for task in shipped_corpus():
        if task.problem_id not in first and len(task.input) <= 300:
            first[task.problem_id] = task
    chosen = [first[p] for p in EXAMPLE_PROBLEMS if p in first]
    chosen += [t for p, t in sorted(first.items()) if p not in EXAMPLE_PROBLEMS]
    return [{"name": t.problem_id.split("--")[-1].replace("_", " "), "code": t.code, "entry_point": t.entry_point,
             "input": t.input, "problem_id": t.problem_id or ""} for t in chosen[:limit]]


# -- browse the dataset -----------------------------------------------------------------------
MAX_BROWSE_ROWS = 5_000
RECORD_HEADERS = ["id", "split", "status", "source", "n_steps", "cot_chars", "verified"]


class DatasetError(ValueError):
    """A folder or Hub id that cannot be browsed, with a visitor-facing message."""


def local_browsing_allowed(path: Path, environ: dict[str, str] | None = None) -> bool:
    """Local folders: anywhere when run locally; on a Space (``SPACE_ID`` set) only under
    ``CODE2COT_SPACE_DATA_DIRS`` (os.pathsep-separated), so visitors cannot read the host."""
    environ = os.environ if environ is None else environ
    roots = [r for r in (environ.get("CODE2COT_SPACE_DATA_DIRS") or "").split(os.pathsep) if r]
    if not roots:
        return not environ.get("SPACE_ID")
    resolved = path.resolve()
    return any(resolved == Path(r).resolve() or Path(r).resolve() in resolved.parents for r in roots)


def load_records(where: str, max_rows: int = MAX_BROWSE_ROWS) -> list[dict[str, Any]]:
    """Rows of a ``code2cot build`` folder (parquet splits + ``rejected.jsonl``) or of a Hub dataset."""
    where = (where or "").strip()
    if not where:
        raise DatasetError("Give a build folder (e.g. out/dataset) or a Hub dataset id (org/name).")
    path = Path(where).expanduser()
    if path.is_dir():
        if not local_browsing_allowed(path):
            raise DatasetError("Local folders cannot be browsed on this Space; give a Hub dataset id (org/name).")
        return _folder_records(path, max_rows)
    if re.fullmatch(r"[\w.-]+/[\w.-]+", where) and not path.exists():
        return _hub_records(where, max_rows)
    raise DatasetError(f"{where!r} is neither a build folder nor a Hub dataset id (org/name).")


def _folder_records(root: Path, max_rows: int) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    files = sorted((root / "data").glob("*.parquet"), key=lambda file: (split_rank(file.name.split("-")[0]), file.name)) if (root / "data").is_dir() else []
    rejected = root / "rejected.jsonl"
    if not files and not rejected.is_file():
        raise DatasetError(f"{root} has no data/*.parquet and no rejected.jsonl: is it a `code2cot build` folder?")
    records: list[dict[str, Any]] = []
    for file in files:
        if len(records) >= max_rows:
            break  # a large build has many files: read only as far as the rows shown
        split = file.name.split("-")[0]
        try:
            for batch in pq.ParquetFile(file).iter_batches(batch_size=100):
                for row in batch.to_pylist()[: max(0, max_rows - len(records))]:
                    records.append({**row, "split": row.get("split") or split})
                if len(records) >= max_rows:
                    break
        except Exception as exc:  # noqa: BLE001
            raise DatasetError(f"cannot read {file.name}: {exc}") from None
    if rejected.is_file():
        with rejected.open(encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if len(records) >= max_rows:
                    break
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                if isinstance(row, dict):
                    records.append(row)
    return records


def _hub_records(dataset_id: str, max_rows: int) -> list[dict[str, Any]]:
    """A Hub dataset, streamed (nothing large is downloaded) and always without the Space's token:
    a visitor must not be able to read a private dataset the Space's HF_TOKEN can see."""
    import itertools

    import datasets

    try:
        splits = datasets.load_dataset(dataset_id, streaming=True, token=False)
        records: list[dict[str, Any]] = []
        for split, stream in splits.items():
            for row in itertools.islice(stream, max(0, max_rows - len(records))):
                records.append({**row, "split": row.get("split") or split})
    except Exception as exc:  # noqa: BLE001
        raise DatasetError(redact(f"cannot load the Hub dataset {dataset_id!r}: {type(exc).__name__}: {exc}"[:400])) from None
    try:
        from huggingface_hub import hf_hub_download

        rejected = hf_hub_download(dataset_id, "rejected.jsonl", repo_type="dataset", token=False)
        with open(rejected, encoding="utf-8") as handle:
            for line in itertools.islice(handle, max(0, max_rows - len(records))):
                row = json.loads(line)
                if isinstance(row, dict):
                    records.append(row)
    except Exception:  # noqa: BLE001, S110 - a dataset without rejected.jsonl is fine
        pass
    return records


def record_summary(record: dict[str, Any]) -> list[Any]:
    return [record.get("id") or "", record.get("split") or "", record.get("status") or "", record.get("source") or "",
            record.get("n_steps") if record.get("n_steps") is not None else "", len(record.get("cot") or ""),
            bool(record.get("verified"))]


def _number(value: Any) -> float:
    """``n_steps`` as a number whatever a foreign dataset stored (``"12"``, None, garbage -> 0)."""
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def facet_values(records: list[dict[str, Any]], key: str) -> list[str]:
    return sorted({str(r.get(key)) for r in records if r.get(key) not in (None, "")})


def filter_records(records: list[dict[str, Any]], status: str = "all", source: str = "all", min_steps: float | None = None,
                   max_steps: float | None = None, min_cot_chars: float | None = None,
                   max_cot_chars: float | None = None, text: str = "") -> list[dict[str, Any]]:
    """Records matching every filter; ``all``/None/empty means no filter."""
    text = (text or "").strip().lower()
    out = []
    for record in records:
        steps = _number(record.get("n_steps"))
        cot_chars = len(str(record.get("cot") or ""))
        if status not in ("", "all", None) and record.get("status") != status:
            continue
        if source not in ("", "all", None) and record.get("source") != source:
            continue
        if min_steps is not None and steps < min_steps or max_steps is not None and steps > max_steps:
            continue
        if min_cot_chars is not None and cot_chars < min_cot_chars or max_cot_chars is not None and cot_chars > max_cot_chars:
            continue
        if text and text not in str(record.get("id", "")).lower() and text not in str(record.get("question") or "").lower():
            continue
        out.append(record)
    return out


def record_markdown(record: dict[str, Any]) -> str:
    """One record: what was asked, the code, the answer, and why it was kept or rejected."""
    facts = (f"split `{record.get('split')}` · status `{record.get('status')}` · source `{record.get('source')}` · "
             f"{record.get('n_steps') or 0} steps · translator `{record.get('translator') or '-'}` · "
             f"verified `{bool(record.get('verified'))}`")
    lines = [f"### {md_escape(str(record.get('id')))}", facts]
    if record.get("reason") or record.get("error"):
        lines.append(f"**Reason:** `{record.get('reason')}`: {md_escape(str(record.get('error') or ''))}")
    if record.get("question"):
        lines.append(f"**Question:** {md_escape(_short(str(record['question']), 1500))}")
    if record.get("code"):
        lines.append(fence(record["code"].rstrip(), "python"))
    call = f"{record.get('entry_point') or 'f'}({_short(str(record.get('input') or ''), 500)})"
    lines.append(f"**Call:**\n\n{fence(call, 'python')}")
    if record.get("output") is not None:
        lines.append(f"**Output:**\n\n{fence(_short(str(record.get('output')), 1000), 'python')}")
    return "\n\n".join(lines)


def record_steps(record: dict[str, Any]) -> list[dict]:
    trace = record.get("trace") or {}
    return list(trace.get("steps") or []) if isinstance(trace, dict) else []

"""Trace -> CoT with an LLM behind any OpenAI-compatible API (OpenAI, vLLM, TGI, llama.cpp, Ollama).

* the method's translation prompt: question, input, code and the trace's text view,
  with rules (exact values, no code, never mention the trace);
* bounded async concurrency, a per-request timeout, retries with exponential backoff
  and jitter on 429/5xx/timeouts/connection errors;
* an on-disk, content-addressed cache keyed by (prompt, model, sampling params,
  translator version): a rerun makes no request, and a run killed with -9 resumes
  without repeating an answered request (each answer is written atomically the
  moment it arrives);
* every CoT is verified against the executed output; a mismatch is retried with a
  corrective hint, then rejected as ``unverified``.
"""

from __future__ import annotations

import asyncio
import hashlib
import importlib
import json
import math
import os
import random
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .tasks import encodable
from .translation import Translation, TranslationRequest
from .verify import PROBLEMS, verify_cot

LLM_TRANSLATOR_VERSION = "llm/1"

SYSTEM_PROMPT = "You turn a program's recorded execution into clear, natural step-by-step reasoning."

TRANSLATION_PROMPT = """You are given a question about a Python function, the function's code, an input, and a step-by-step record of what actually happened when the function ran on that input.

Question: {question}

Code:
```python
{code}
```

Input: {call}

Execution record (line numbers, source lines, and the values variables took):
{trace_text}

Write the reasoning a careful person would go through to predict the output of {call}, step by step, in natural language.
Rules:
- Use the exact values from the execution record for every intermediate result.
- Do not write code or code blocks.
- Do not mention that you were given an execution record or a trace; reason as if you worked it out yourself.
- End with exactly this line: Therefore, the final answer is: <output>
  where <output> is the Python repr of the value the function returns."""

CORRECTION_HINTS = {
    "wrong_answer": "Your final answer was {answer}, but running the program returns {output}. Rewrite the reasoning "
                    "so that it follows the execution exactly",
    "no_final_answer": "Your reasoning did not end with the final answer line. Running the program returns {output}. "
                       "Rewrite the reasoning so that it follows the execution exactly",
    "code_block": "Your reasoning contains a code block. Rewrite it in plain prose, with no code and no code blocks",
    "mentions_trace": "Your reasoning mentions a trace or an execution record. Rewrite it as if you had worked the "
                      "execution out yourself, never mentioning a trace or a record",
}
"""What a retry is told, by why the last answer was rejected; each ends with ``CORRECTION_END``."""
CORRECTION_END = ", without mentioning this correction, and end with: Therefore, the final answer is: {output}"

_RETRYABLE_STATUS = {408, 409, 429}
UNREACHABLE_AFTER = 4
"""Attempts refused or timed out, with no reply from the server ever, before it counts as unreachable."""
REQUESTS_PER_CLIENT = 8
"""In-flight requests per ``openai`` client (and so connections per pool); more clients carry the rest."""


class LLMError(RuntimeError):
    """A request that failed for good (after retries, or not retryable)."""


class LLMUnavailable(LLMError):
    """The server refuses every request (a wrong key, model or URL) or has never answered, or
    its answers could not be kept (a cache folder this user cannot write): the build stops
    with this one message, instead of filing it against every sample."""


_FATAL_STATUS = {401: "check OPENAI_API_KEY", 403: "check OPENAI_API_KEY and its access to this model",
                 404: "check --model and --base-url (the path must end where /chat/completions is served)"}
"""Replies that say the same about every request (the key, the model or the URL), with the fix."""
FATAL_FILE = "fatal.txt"
"""Left in ``stats_dir`` by a translator that stopped on ``LLMUnavailable``: the build reads it
from there, as a generation job's own exception does not reach the build whole (datasets wraps
it, and the cause of an exception does not survive the pickle between processes)."""


def without_credentials(url: str) -> str:
    """``https://user:secret@host/v1`` -> ``https://***@host/v1``: what is published with the data."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc="***@" + parts.netloc.rsplit("@", 1)[1]))


@dataclass
class LLMSettings:
    model: str
    base_url: str | None = None
    concurrency: int = 16
    timeout: float = 120.0
    max_retries: int = 5
    verify_retries: int = 2
    temperature: float = 0.0
    max_tokens: int = 4096
    cache_dir: str | None = None
    stats_dir: str | None = None
    backoff_base: float = 0.5
    backoff_max: float = 30.0

    @classmethod
    def from_config(cls, config: Any) -> "LLMSettings":
        if not getattr(config, "llm_model", None):
            raise ValueError("the llm translator needs a model (--model / llm_model)")
        return cls(model=config.llm_model, base_url=config.llm_base_url, concurrency=config.llm_concurrency,
                   timeout=config.llm_timeout, max_retries=config.llm_max_retries,
                   verify_retries=config.llm_verify_retries, temperature=config.llm_temperature,
                   max_tokens=config.llm_max_tokens, cache_dir=config.llm_cache_dir,
                   stats_dir=getattr(config, "llm_stats_dir", None))

    def sampling(self) -> dict[str, Any]:
        return {"temperature": self.temperature, "max_tokens": self.max_tokens}


@dataclass
class LLMStats:
    requests: int = 0
    cache_hits: int = 0
    retries: int = 0
    failures: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    def add(self, other: "LLMStats") -> None:
        for key, value in asdict(other).items():
            setattr(self, key, getattr(self, key) + value)


def translation_messages(request: TranslationRequest) -> list[dict[str, str]]:
    task = request.task
    prompt = TRANSLATION_PROMPT.format(
        question=(task.question or "What does the function return for this input?").strip(),
        code=task.code.rstrip(), call=f"{task.entry_point}({task.input})",
        trace_text=request.trace_text,
    )
    return [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": prompt}]


def strip_reasoning(text: str) -> str:
    """Drop a reasoning model's thinking: everything up to the last ``</think>``."""
    return text.rsplit("</think>", 1)[-1].strip()


class ResponseCache:
    """One JSON file per answered request, named by the hash of everything that shaped it."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.root = Path(root)  # made by the first put(): a complete cache may be read-only

    @staticmethod
    def check_writable(root: str | os.PathLike) -> None:
        """Fail before the first (paid) request, not at the first answer to keep."""
        try:
            Path(root).mkdir(parents=True, exist_ok=True)
            fd, probe = tempfile.mkstemp(dir=root, prefix=".tmp-")
            os.close(fd)
            os.unlink(probe)
        except OSError as exc:
            raise ValueError(f"the LLM answer cache {root} is not writable ({exc.strerror or exc}); "
                             "pass --cache-dir a folder this user can write") from None

    @staticmethod
    def key(messages: list[dict], model: str, sampling: dict) -> str:
        blob = json.dumps({"messages": messages, "model": model, "sampling": sampling,
                           "version": LLM_TRANSLATOR_VERSION}, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()

    def _path(self, key: str) -> str:
        # os.path, not pathlib: a warm rerun is mostly get(), once per request
        return os.path.join(self.root, key[:2], key + ".json")

    def get(self, key: str) -> dict | None:
        try:
            with open(self._path(key), "rb") as handle:
                return json.loads(handle.read())  # bytes: UTF-8, as put wrote it
        except (OSError, ValueError):
            return None  # absent or unreadable; a torn file cannot exist (atomic writes), but never trust disk blindly

    def put(self, key: str, value: dict) -> None:
        path = self._path(key)
        folder = os.path.dirname(path)
        try:
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        except FileNotFoundError:  # a prefix folder's first answer, or a cache cleaned mid-run
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle, ensure_ascii=False)
        os.replace(tmp, path)  # atomic: a killed run leaves the answer whole or absent, never torn


def default_cache_dir(settings: LLMSettings) -> str:
    return settings.cache_dir or os.path.join(os.path.expanduser("~"), ".cache", "code2cot", "llm")


def api_key_for(settings: LLMSettings, api_key: str | None = None) -> str:
    """The key to send: the one given, else ``OPENAI_API_KEY``; a local server (``base_url``) takes any."""
    key = api_key if api_key is not None else os.environ.get("OPENAI_API_KEY")
    if key:
        return key
    if settings.base_url is None:
        raise ValueError("the llm translator needs OPENAI_API_KEY (or --base-url for a local server)")
    return "EMPTY"


class LLMTranslator:
    name = "llm"
    version = LLM_TRANSLATOR_VERSION

    def __init__(self, settings: LLMSettings, api_key: str | None = None) -> None:
        self.settings = settings
        self.api_key = api_key_for(settings, api_key)
        self.cache = ResponseCache(default_cache_dir(settings))
        self.stats = LLMStats()
        self._ssl_context: Any = None
        self._reached = False  # some reply (any status) came back from the server
        self._refused = 0  # attempts refused or unanswered before any reply ever came
        self._stopped: str | None = None  # why every request from now on fails at once (LLMUnavailable)
        self._cache_checked = False

    # -- public ---------------------------------------------------------------------
    def translate_all(self, requests: list[TranslationRequest]) -> list[Translation]:
        if not requests:
            return []
        before = LLMStats(**asdict(self.stats))
        try:
            return asyncio.run(self._translate_all(requests))
        except LLMUnavailable as exc:
            if self.settings.stats_dir:
                os.makedirs(self.settings.stats_dir, exist_ok=True)
                Path(self.settings.stats_dir, FATAL_FILE).write_text(str(exc), encoding="utf-8")
            raise
        finally:
            self._save_stats(before)

    def _save_stats(self, before: LLMStats) -> None:
        """Leave this call's counts where the build (maybe in another process) can add them up."""
        if not self.settings.stats_dir:
            return
        delta = {k: v - getattr(before, k) for k, v in asdict(self.stats).items()}
        os.makedirs(self.settings.stats_dir, exist_ok=True)
        fd, path = tempfile.mkstemp(dir=self.settings.stats_dir, suffix=".json")
        with os.fdopen(fd, "w") as handle:
            json.dump(delta, handle)

    async def _translate_all(self, requests: list[TranslationRequest]) -> list[Translation]:
        from openai import AsyncOpenAI, DefaultAsyncHttpxClient

        started = time.perf_counter()
        results: list[Translation | None] = [self._replay(r) for r in requests]  # answered before: no request
        missing = [i for i, result in enumerate(results) if result is None]
        if missing and not self._cache_checked:  # a full cache may be read-only; one to add to must not be
            try:
                ResponseCache.check_writable(self.cache.root)
            except ValueError as exc:  # before the first (paid) request, not at the first answer to keep
                self._stopped = str(exc)
                raise LLMUnavailable(self._stopped) from None
            self._cache_checked = True
        if missing:
            # Several clients, each carrying at most REQUESTS_PER_CLIENT requests at a time: one
            # client's connection pool re-scans all its connections for every queued request,
            # which at concurrency 64 cost more client CPU than the requests themselves.
            concurrency = max(1, self.settings.concurrency)
            verify = self._shared_ssl_context()
            clients = [AsyncOpenAI(base_url=self.settings.base_url, api_key=self.api_key, max_retries=0,
                                   timeout=self.settings.timeout, http_client=DefaultAsyncHttpxClient(verify=verify))
                       for _ in range(math.ceil(concurrency / REQUESTS_PER_CLIENT))]
            lanes: asyncio.Queue = asyncio.Queue()  # one entry per request allowed in flight
            for lane in range(concurrency):
                lanes.put_nowait(clients[lane % len(clients)])
            tasks = [asyncio.ensure_future(self._translate(lanes, requests[i])) for i in missing]
            try:
                done = await asyncio.gather(*tasks)
            except BaseException:  # LLMUnavailable (or Ctrl-C): the others stop too, before their clients close
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
                raise
            finally:
                for client in clients:
                    await client.close()
            for index, translation in zip(missing, done):
                results[index] = translation
        self.stats.seconds += time.perf_counter() - started
        return results  # type: ignore[return-value]

    def _shared_ssl_context(self) -> Any:
        """One TLS context for all clients of this translator: each new client would otherwise
        load the CA bundle again (~0.1 s, for every client of every ``translate_all``)."""
        if self._ssl_context is None:
            from openai import DefaultAsyncHttpxClient

            # httpx for openai 2.x, httpx2 for 3.x: the library the client is built on.
            library = importlib.import_module(DefaultAsyncHttpxClient.__mro__[1].__module__.split(".")[0])
            create = getattr(library, "create_ssl_context", None)
            self._ssl_context = create() if create is not None else True  # True: each client loads its own
        return self._ssl_context

    def _replay(self, request: TranslationRequest) -> Translation | None:
        """Finish a translation from cached answers alone, or return None if a request is needed."""
        messages = translation_messages(request)
        usage = {"prompt_tokens": 0, "completion_tokens": 0}
        for attempt in range(self.settings.verify_retries + 1):
            answer = self.cache.get(ResponseCache.key(messages, self.settings.model, self.settings.sampling()))
            if answer is None:
                return None  # the request path reads (and counts) the cached attempts again
            outcome = self._judge(request, answer, messages, attempt, usage)
            if isinstance(outcome, Translation):
                self.stats.cache_hits += attempt + 1
                return outcome
            messages = outcome
        raise AssertionError("the last attempt always returns a Translation")

    # -- one sample -------------------------------------------------------------------
    async def _translate(self, lanes: asyncio.Queue, request: TranslationRequest) -> Translation:
        messages = translation_messages(request)
        usage = {"prompt_tokens": 0, "completion_tokens": 0}
        for attempt in range(self.settings.verify_retries + 1):
            try:
                answer = await self._complete(lanes, messages)
            except LLMUnavailable:
                raise
            except LLMError as exc:
                self.stats.failures += 1
                return Translation("", False, "llm_error", str(exc), attempt + 1, usage)
            outcome = self._judge(request, answer, messages, attempt, usage)
            if isinstance(outcome, Translation):
                return outcome
            messages = outcome
        raise AssertionError("the last attempt always returns a Translation")

    def _judge(self, request: TranslationRequest, answer: dict, messages: list[dict], attempt: int,
               usage: dict[str, int]) -> Translation | list[dict]:
        """A final Translation, or the conversation to retry with (a corrective hint appended)."""
        for key in usage:
            usage[key] += answer.get("usage", {}).get(key, 0)
        if answer.get("finish_reason") == "length":
            return Translation("", False, "length", "the model hit max_tokens before finishing", attempt + 1, usage)
        if answer.get("no_text"):  # the same request gets the same non-answer: not worth another attempt
            return Translation("", False, "no_text", f"the reply has no text ({answer['no_text']})", attempt + 1, usage)
        cot = strip_reasoning(answer.get("content") or "")
        verdict = verify_cot(cot, request.output)
        if verdict.verified:
            return Translation(cot, True, None, None, attempt + 1, usage)
        if attempt == self.settings.verify_retries:  # an unverified CoT never enters the dataset
            return Translation("", False, "unverified", f"CoT failed verification ({verdict.reason}): "
                                                        f"{PROBLEMS[verdict.reason]}; its answer {verdict.answer!r}, "
                                                        f"the program returns {request.output!r}", attempt + 1, usage)
        hint = (CORRECTION_HINTS[verdict.reason] + CORRECTION_END).format(answer=verdict.answer, output=request.output)
        return messages + [{"role": "assistant", "content": cot}, {"role": "user", "content": hint}]

    async def _complete(self, lanes: asyncio.Queue, messages: list[dict]) -> dict:
        settings = self.settings
        key = ResponseCache.key(messages, settings.model, settings.sampling())
        cached = self.cache.get(key)
        if cached is not None:
            self.stats.cache_hits += 1
            return cached
        client = await lanes.get()
        try:
            answer = await self._request_with_retries(client, messages)
        finally:
            lanes.put_nowait(client)
        self._count_usage(answer["usage"])  # what this run spent: cached answers cost nothing
        self.cache.put(key, answer)
        return answer

    async def _request_with_retries(self, client, messages: list[dict]) -> dict:
        import openai

        settings = self.settings
        for attempt in range(settings.max_retries + 1):
            if self._stopped:
                raise LLMUnavailable(self._stopped)
            self.stats.requests += 1
            try:
                # The same request ``client.chat.completions.create`` sends, through the client's public
                # ``post``: ``create`` first walks the body against its TypedDict annotations, which
                # costs more client CPU than the rest of a loopback request and changes nothing in
                # a body of plain strings and numbers. The reply comes back as the JSON dict (building
                # a ChatCompletion model of it cost ~1 ms a request); _parse_response checks its shape.
                # --timeout bounds the whole request: the HTTP library's own timeout is per read, which a
                # server that trickles bytes (or keep-alive whitespace) would never reach.
                response = await asyncio.wait_for(client.post("/chat/completions", cast_to=dict, body={
                    "model": settings.model, "messages": messages, "temperature": settings.temperature,
                    "max_tokens": settings.max_tokens,
                }), settings.timeout)
                self._reached = True
                if isinstance(response, str):  # a 200 without a JSON Content-Type: openai hands back the text
                    response = json.loads(response)  # not JSON either: ValueError, retried as garbage
                return _parse_response(response)
            except openai.APIConnectionError as exc:  # timeouts too
                error: Exception = exc
                if _never_connected(exc):
                    self._note_unreachable(exc, "no request has reached it: check --base-url and that the server "
                                                "is running")
                elif isinstance(exc, openai.APITimeoutError):
                    self._note_unreachable(exc, self._no_answer_within())
            except asyncio.TimeoutError as exc:
                error = TimeoutError(f"no complete reply within --timeout {settings.timeout:g} s")
                self._note_unreachable(exc, self._no_answer_within())
            except openai.APIStatusError as exc:  # 429 and 5xx included: retried below
                self._reached = True
                if exc.status_code in _FATAL_STATUS:  # and every request still to go would get the same
                    self._stopped = (f"the LLM server at {self._where()} answered HTTP {exc.status_code} "
                                         f"({self._redacted(str(exc))[:200]}); {_FATAL_STATUS[exc.status_code]}")
                    raise LLMUnavailable(self._stopped) from None
                if exc.status_code not in _RETRYABLE_STATUS and exc.status_code < 500:
                    raise LLMError(f"HTTP {exc.status_code}: {self._redacted(str(exc))[:200]}") from None
                error = exc
            except (_GarbageResponse, openai.APIResponseValidationError, ValueError) as exc:
                self._reached = True
                error = exc  # a 200 whose body is not a chat completion: retry like a 5xx
                self._count_usage(getattr(exc, "usage", None))
            if attempt == settings.max_retries:
                raise LLMError(f"gave up after {attempt + 1} attempts: {type(error).__name__}: "
                               f"{self._redacted(str(error))[:200]}")
            self.stats.retries += 1
            delay = min(settings.backoff_max, settings.backoff_base * 2 ** attempt)
            delay *= 0.5 + random.random() / 2  # full jitter keeps clients apart
            # a rate limit that says how long to wait is waited out (a minute at most per attempt)
            await asyncio.sleep(max(delay, min(_retry_after(error), RETRY_AFTER_MAX)))
        raise AssertionError("unreachable")

    def _no_answer_within(self) -> str:
        return (f"it accepts connections but answered no request within --timeout {self.settings.timeout:g} s: "
                "check the server, or raise --timeout")

    def _where(self) -> str:
        return without_credentials(self.settings.base_url) if self.settings.base_url else "the OpenAI API"

    def _redacted(self, text: str) -> str:
        """A server's error text without our key (a proxy may echo the Authorization header)."""
        return text.replace(self.api_key, "***") if len(self.api_key) >= 8 else text

    def _count_usage(self, usage: dict | None) -> None:
        """Tokens a reply reported, kept or not: they were billed."""
        for key in ("prompt_tokens", "completion_tokens"):
            setattr(self.stats, key, getattr(self.stats, key) + (usage or {}).get(key, 0))

    def _note_unreachable(self, exc: Exception, why: str) -> None:
        """A server that has never answered (a wrong --base-url, a server not started or hung)
        fails every remaining request at once, instead of each retrying for minutes."""
        if self._reached:
            return  # it answered before: an outage, retried as usual
        self._refused += 1
        if self._refused >= UNREACHABLE_AFTER:
            self._stopped = f"cannot reach the LLM server at {self._where()} ({type(exc).__name__}); {why}"


def _never_connected(exc: BaseException) -> bool:
    """Refused, unresolvable or unanswered at connect time (the HTTP library's ConnectError or
    ConnectTimeout), not a connection dropped or a reply too slow once connected."""
    seen = 0
    cause: BaseException | None = exc
    while cause is not None and seen < 8:
        if type(cause).__name__ in ("ConnectError", "ConnectTimeout"):
            return True
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return False


class _GarbageResponse(Exception):
    """A 200 reply that is not a chat completion (``usage``: the tokens it reported anyway)."""

    def __init__(self, message: str, usage: dict | None = None) -> None:
        super().__init__(message)
        self.usage = usage


RETRY_AFTER_MAX = 60.0
"""The longest one wait on a server's ``Retry-After``, in seconds."""


def _retry_after(error: Exception) -> float:
    """Seconds a 429/503 reply asked to wait (``Retry-After``: seconds or an HTTP date), else 0."""
    response = getattr(error, "response", None)
    value = response.headers.get("retry-after") if response is not None else None
    if not value:
        return 0.0
    try:
        return max(0.0, float(value))
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
        except (TypeError, ValueError, OverflowError):
            return 0.0


def _parse_response(response: Any) -> dict:
    """The parts of a chat completion reply (a JSON dict) we use; anything else is garbage.

    A well-formed reply without text (tool calls only, a content filter) is kept with
    ``no_text`` saying why: sent again, the same request gets the same non-answer.
    """
    raw_usage = response.get("usage") if isinstance(response, dict) and isinstance(response.get("usage"), dict) else {}
    usage = {"prompt_tokens": _count(raw_usage.get("prompt_tokens")),
             "completion_tokens": _count(raw_usage.get("completion_tokens"))}
    try:
        choice = response["choices"][0]
        message = choice["message"]
        content = message.get("content")
        finish_reason = choice.get("finish_reason")
    except (KeyError, IndexError, TypeError, AttributeError):
        error = response.get("error") if isinstance(response, dict) else None
        detail = error.get("message") if isinstance(error, dict) else error
        raise _GarbageResponse(f"reply is an error: {str(detail)[:200]}" if detail else "reply has no choices/message",
                               usage) from None
    if content is None and finish_reason == "length":
        content = ""  # e.g. vLLM's reasoning parser: all of max_tokens went to reasoning, none to content
    no_text = None
    if content is None and (message.get("tool_calls") or finish_reason in ("tool_calls", "content_filter")):
        no_text, content = f"finish_reason {finish_reason!r}" + (", tool calls only" if message.get("tool_calls") else ""), ""
    if not isinstance(content, str):
        raise _GarbageResponse("reply has no text content", usage)
    return {"content": encodable(content), "finish_reason": finish_reason, "usage": usage,
            **({"no_text": no_text} if no_text else {})}


def _count(value: Any) -> int:
    """A token count as servers send it: an int, or missing/null/garbage (then 0)."""
    return value if type(value) is int and value >= 0 else 0

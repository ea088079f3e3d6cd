"""Generate through any OpenAI-compatible chat endpoint (vLLM, TGI, llama.cpp, SGLang, OpenAI).

The real ``openai`` client (``AsyncOpenAI``) with bounded concurrency; its own retries with
exponential backoff cover 429/5xx/timeouts/dropped connections. The server applies the chat
template; ``enable_thinking`` travels as ``chat_template_kwargs`` (vLLM/SGLang), ``top_k`` as an
extra field, both only when set, so stricter servers never see them. Lengths come from the
server's ``usage.completion_tokens`` (the model's own tokenizer); ``finish_reason == "length"``
marks truncation. A request the server refuses (4xx) is recorded as an error for that sample;
a server that stays unreachable stops the run (finished samples are saved: rerun to resume).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

from code2cot.eval.errors import EvalError, GenerationStopped
from code2cot.eval.lengths import token_ids

from .base import Generation, GenerationParams, Messages

_WHOLE_RUN_STATUS = (401, 403, 404)
"""A wrong key, no access, an unknown model: the run stops. Other 4xx fail only their sample."""


class OpenAIBackend:
    """Chat completions from ``base_url`` for ``model`` (the name the server knows it by)."""

    def __init__(self, model: str, *, base_url: str | None = None, api_key: str | None = None,
                 concurrency: int = 16, timeout: float = 600.0, max_retries: int = 5,
                 tokenizer: Any | None = None) -> None:
        try:
            import openai  # noqa: F401
        except ImportError as exc:
            raise EvalError("the openai backend needs the `openai` package (pip install 'code2cot[llm]')") from exc
        self.model = model
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL")
        self.api_key = api_key or os.environ.get("OPENAI_API_KEY") or "EMPTY"  # local servers accept any key
        self.concurrency = max(1, concurrency)
        self.chunk_size = self.concurrency * 4
        self.timeout = timeout
        self.max_retries = max_retries
        self.tokenizer = tokenizer

    def _request(self, messages: Messages, params: GenerationParams) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        if params.top_k:
            extra["top_k"] = params.top_k
        if params.chat_template_kwargs():
            extra["chat_template_kwargs"] = params.chat_template_kwargs()
        request: dict[str, Any] = {"model": self.model, "messages": messages, "max_tokens": params.max_new_tokens,
                                   "temperature": params.temperature, "seed": params.seed}
        if params.top_p < 1:
            request["top_p"] = params.top_p
        if extra:
            request["extra_body"] = extra
        return request

    async def _one(self, client, semaphore: asyncio.Semaphore, messages: Messages,
                   params: GenerationParams) -> Generation:
        import openai

        where = self.base_url or "the OpenAI API"
        async with semaphore:
            try:
                response = await client.chat.completions.create(**self._request(messages, params))
            except openai.APIStatusError as exc:
                status = exc.status_code
                if status in _WHOLE_RUN_STATUS:  # the key or the model is wrong: every request would fail
                    raise EvalError(f"{where} refused the request (HTTP {status}): {exc}; check OPENAI_API_KEY, "
                                    "--base-url and --model") from exc
                if 400 <= status < 500:  # this prompt only (too long for the context: 400 vLLM, 422 TGI, 413)
                    return Generation(text="", n_tokens=0, truncated=False,
                                      error=f"request refused (HTTP {status}): {exc}"[:500])
                raise EvalError(f"{where} failed after {self.max_retries} retries: {exc}") from exc
            except openai.APIConnectionError as exc:
                raise EvalError(f"{where} failed after {self.max_retries} retries: {exc}") from exc
            except (openai.APIResponseValidationError, ValueError) as exc:  # a 200 that is no chat completion
                return Generation(text="", n_tokens=0, truncated=False,
                                  error=f"the server's reply is not a chat completion: {exc}"[:500])
        if not response.choices:
            return Generation(text="", n_tokens=0, truncated=False, error="the server returned no choices")
        choice = response.choices[0]
        text = choice.message.content or ""
        extra = choice.message.model_extra or {}
        reasoning = extra.get("reasoning_content") or extra.get("reasoning")
        if reasoning:  # servers with a reasoning parser split the thinking out; keep it, as the model wrote it
            text = f"<think>\n{reasoning}\n</think>\n\n{text}"
        usage = response.usage
        n_tokens = usage.completion_tokens if usage and usage.completion_tokens is not None \
            else len(token_ids(text, self.tokenizer))
        return Generation(text=text, n_tokens=n_tokens, truncated=choice.finish_reason == "length")

    async def _all(self, prompts: list[Messages], params: GenerationParams) -> list[Generation]:
        from openai import AsyncOpenAI

        semaphore = asyncio.Semaphore(self.concurrency)
        async with AsyncOpenAI(base_url=self.base_url, api_key=self.api_key, timeout=self.timeout,
                               max_retries=self.max_retries) as client:
            results = await asyncio.gather(*(self._one(client, semaphore, m, params) for m in prompts),
                                           return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        if failures:  # keep what finished; the runner saves it before it stops
            first = failures[0]
            if not isinstance(first, EvalError):
                raise first
            raise GenerationStopped(str(first), [None if isinstance(r, BaseException) else r for r in results])
        return list(results)

    def generate(self, prompts: list[Messages], params: GenerationParams) -> list[Generation]:
        return asyncio.run(self._all(prompts, params))

    def close(self) -> None:
        pass

"""The translate -> verify step shared by every translator.

A translator turns ``TranslationRequest``s (task, executed output, trace) into
``Translation``s whose CoT has already been verified against the executed output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from .tasks import Task
from .template_translator import TemplateTranslator
from .trace_text import render_trace
from .verify import verify_cot


@dataclass
class TranslationRequest:
    task: Task
    output: str
    trace: dict
    trace_text: str = ""
    """The trace's text view; rendered once here and reused by prompt and record."""

    def __post_init__(self) -> None:
        if not self.trace_text:
            self.trace_text = render_trace(self.trace)


@dataclass
class Translation:
    cot: str
    verified: bool
    reason: str | None = None
    error: str | None = None
    attempts: int = 1
    usage: dict[str, int] = field(default_factory=dict)


class Translator(Protocol):
    name: str

    def translate_all(self, requests: list[TranslationRequest]) -> list[Translation]: ...


class VerifiedTemplateTranslator:
    """The template translator with the same verification every LLM CoT gets."""

    name = "template"

    def __init__(self, seed: int = 0) -> None:
        self.template = TemplateTranslator(seed)
        self.version = self.template.version

    def translate_all(self, requests: list[TranslationRequest]) -> list[Translation]:
        out = []
        for request in requests:
            task = request.task
            try:
                cot = self.template.translate(task.code, task.entry_point, task.input, request.trace, request.output)
            except Exception as exc:  # noqa: BLE001 - a trace the program shaped itself: this sample fails, not the build
                out.append(Translation("", False, "translation_failed",
                                       f"the template could not narrate this trace ({type(exc).__name__}: {exc})"[:500]))
                continue
            verdict = verify_cot(cot, request.output)
            out.append(Translation(cot, verdict.verified, verdict.reason,
                                   None if verdict.verified else f"template CoT failed verification: {verdict.reason}"))
        return out


def make_translator(config: Any) -> Translator:
    if config.translator == "template":
        return VerifiedTemplateTranslator(config.seed)
    if config.translator == "llm":
        from .llm_translator import LLMTranslator, LLMSettings

        return LLMTranslator(LLMSettings.from_config(config))
    raise ValueError(f"unknown translator {config.translator!r}: use 'template' or 'llm'")

"""Generation backends by name: ``transformers`` (default), ``openai`` (any compatible endpoint), ``vllm``.

Heavy libraries (torch, transformers, openai, vllm) are imported only when a backend is made.
"""

from __future__ import annotations

from typing import Any

from code2cot.eval.errors import EvalError

from .base import (
    Backend,
    Generation,
    GenerationParams,
    Messages,
    check_model_source,
    is_hub_id,
)

BACKENDS = ("transformers", "openai", "vllm")


def make_backend(kind: str, model: str, **options: Any) -> Backend:
    """A ready backend; ``options`` are the chosen backend's keyword arguments (``None`` values are dropped)."""
    options = {k: v for k, v in options.items() if v is not None}
    if kind == "transformers":
        from .transformers_backend import TransformersBackend

        return TransformersBackend(model, **options)
    if kind == "openai":
        from .openai_backend import OpenAIBackend

        return OpenAIBackend(model, **options)
    if kind == "vllm":
        from .vllm_backend import VLLMBackend

        return VLLMBackend(model, **options)
    raise EvalError(f"unknown backend {kind!r}; known: {', '.join(BACKENDS)}")


__all__ = ["BACKENDS", "Backend", "Generation", "GenerationParams", "Messages", "check_model_source", "is_hub_id",
           "make_backend"]

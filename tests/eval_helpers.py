"""Shared by the tests/test_eval_*.py modules: fixture paths and a tiny local model (no download)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "data" / "eval"


def fixture_source(benchmark: str) -> str:
    """The hand-written few-row fixture of a registered benchmark, in the benchmark's own columns."""
    from code2cot.eval.benchmarks import REGISTRY

    return str(FIXTURES / REGISTRY[benchmark].fixture)


def data_args(*benchmarks: str) -> list[str]:
    """``--data NAME=FIXTURE`` for each benchmark, so the CLI reads fixtures through the real loader."""
    return [arg for name in benchmarks for arg in ("--data", f"{name}={fixture_source(name)}")]


@pytest.fixture(scope="session")
def tiny_model_dir(tmp_path_factory) -> Path:
    """A randomly initialised tiny Qwen3 model + tokenizer trained on the fixtures' prompts, saved to disk."""
    pytest.importorskip("transformers")
    from code2cot.eval.benchmarks import REGISTRY
    from code2cot.hub.tiny_model import build_tiny

    texts = [m["content"] for bench in REGISTRY.values() for s in bench.samples(fixture_source(bench.name))
             for m in s.messages]
    model, tokenizer = build_tiny(texts, vocab_size=512, seed=0)
    folder = tmp_path_factory.mktemp("tiny-model") / "tiny-c2c"
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="session")
def tiny_tokenizer(tiny_model_dir):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(tiny_model_dir)

"""How long and how repetitive the reasoning is: token counts, rep-n, truncation.

Fine-tuning on execution-grounded CoT should make answers right *and* short; accuracy alone
hides a model that rambles or loops until ``max_new_tokens``. Lengths are counted with the
evaluated model's own tokenizer (the backend's counts when it reports them), because tokens are
what a user pays for and what ``max_new_tokens`` cuts. Repetition is rep-n (Welleck et al.,
2019): the share of a text's n-grams that repeat an earlier n-gram of the same text.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any

REPETITION_N = 4


def token_ids(text: str, tokenizer: Any | None) -> list:
    """The text's tokens: the tokenizer's ids, or whitespace words when there is no tokenizer."""
    if tokenizer is None:
        return text.split()
    return list(tokenizer.encode(text, add_special_tokens=False))


def count_tokens(texts: Sequence[str], tokenizer: Any | None) -> list[int]:
    return [len(token_ids(text, tokenizer)) for text in texts]


def repetition_rate(tokens: Sequence, n: int = REPETITION_N) -> float:
    """rep-n of one sequence: 1 - distinct n-grams / n-grams (0.0 when shorter than n)."""
    total = len(tokens) - n + 1
    if total <= 0:
        return 0.0
    grams = {tuple(tokens[i: i + n]) for i in range(total)}
    return 1.0 - len(grams) / total


def percentile(values: Sequence[float], q: float) -> float:
    """Linear-interpolation percentile (numpy's default), ``q`` in [0, 100]."""
    if not values:
        return 0.0
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def length_stats(n_tokens: Sequence[int], repetition: Sequence[float], truncated: Sequence[bool]) -> dict[str, float]:
    """The summary of a set of outputs: mean/median/p90 tokens, mean rep-n, truncation rate."""
    if not n_tokens:
        return {"mean_output_tokens": 0.0, "median_output_tokens": 0.0, "p90_output_tokens": 0.0,
                "repetition_rate": 0.0, "truncation_rate": 0.0}
    return {
        "mean_output_tokens": float(statistics.fmean(n_tokens)),
        "median_output_tokens": float(statistics.median(n_tokens)),
        "p90_output_tokens": float(percentile(n_tokens, 90)),
        "repetition_rate": float(statistics.fmean(repetition)) if repetition else 0.0,
        "truncation_rate": sum(bool(t) for t in truncated) / len(truncated) if truncated else 0.0,
    }


def measure(texts: Sequence[str], tokenizer: Any | None = None, *, max_new_tokens: int | None = None,
            n_tokens: Sequence[int] | None = None, truncated: Sequence[bool] | None = None,
            n: int = REPETITION_N) -> dict[str, float]:
    """Length statistics of ``texts``.

    ``n_tokens``/``truncated``: the backend's own counts and stop reasons when known (exact); else
    tokens are counted with ``tokenizer`` and an output is truncated when it reached ``max_new_tokens``.
    """
    ids = [token_ids(text, tokenizer) for text in texts]
    counts = list(n_tokens) if n_tokens is not None else [len(t) for t in ids]
    if len(counts) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(counts)} token counts")
    if truncated is None:
        truncated = [max_new_tokens is not None and c >= max_new_tokens for c in counts]
    elif len(truncated) != len(texts):
        raise ValueError(f"{len(texts)} texts but {len(truncated)} truncation flags")
    return length_stats(counts, [repetition_rate(t, n) for t in ids], list(truncated))


def load_tokenizer(name_or_path: str | None) -> Any | None:
    """``AutoTokenizer.from_pretrained`` for a name/path, ``None`` for none (word counts)."""
    if not name_or_path:
        return None
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(name_or_path)

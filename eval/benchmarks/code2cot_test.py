"""The held-out ``test`` split of a code2cot build: in-distribution output prediction.

Data: a folder written by ``code2cot build`` (default ``out/dataset``) or its Hub id, split
``test`` (problems never seen in ``train``). Prompt: the record's own user turn, exactly what the
model was fine-tuned on (question, code, input, "end with Therefore, the final answer is: ...");
scored by Python-literal equality with the executed ``output``.
"""

from __future__ import annotations

from .registry import Benchmark, Sample, register

DEFAULT_SOURCE = "out/dataset"


def make_sample(row: dict, index: int) -> Sample:
    user = [turn for turn in row["prompt"] if turn["role"] == "user"]
    if not user:
        raise ValueError(f"code2cot record {row.get('id')!r} has no user turn in `prompt`")
    return Sample(id=str(row["id"]), messages=[{"role": t["role"], "content": t["content"]} for t in row["prompt"]],
                  reference=row["output"], meta={"problem_id": row.get("problem_id")})


CODE2COT_TEST = register(Benchmark(
    name="code2cot-test", hub_id=None, split="test", answer_kind="python_literal",
    columns=("id", "prompt", "output"), make_sample=make_sample, fixture="code2cot",
    default_source=DEFAULT_SOURCE,
    description="held-out test split of a code2cot build, with the record's own prompt",
))

"""MATH-500 (Lightman et al., 2023): the 500-problem subset of MATH used by "Let's Verify Step by Step".

Data: ``HuggingFaceH4/MATH-500``, split ``test``; columns ``problem``, ``solution``, ``answer``,
``subject``, ``level``, ``unique_id``. Prompt: the problem plus the boxed-answer instruction;
scored by ``math-verify`` (symbolic equivalence of LaTeX expressions).
"""

from __future__ import annotations

from .gsm8k import INSTRUCTION
from .registry import Benchmark, Sample, register, user_turn


def make_sample(row: dict, index: int) -> Sample:
    return Sample(id=str(row["unique_id"]), messages=user_turn(f"{row['problem']}\n{INSTRUCTION}"),
                  reference=row["answer"], meta={"subject": row.get("subject"), "level": row.get("level")})


MATH500 = register(Benchmark(
    name="math-500", hub_id="HuggingFaceH4/MATH-500", split="test", answer_kind="math",
    columns=("problem", "answer", "unique_id"), make_sample=make_sample, contamination_column="problem", fixture="math500.jsonl",
    description="MATH-500 competition math, scored by math-verify equivalence",
))

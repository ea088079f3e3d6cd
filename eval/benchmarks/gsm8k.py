"""GSM8K (Cobbe et al., 2021): grade-school math word problems, a transfer check outside code.

Data: ``openai/gsm8k``, config ``main``, split ``test``; columns ``question`` and ``answer`` (worked
solution ending in ``#### <number>``). Prompt: the question plus the instruction Qwen's math
evaluations use; scored by numeric equality with the number after ``####``.
"""

from __future__ import annotations

from code2cot.eval.answers import gsm8k_reference

from .registry import Benchmark, Sample, register, user_turn

INSTRUCTION = "Please reason step by step, and put your final answer within \\boxed{}."


def make_sample(row: dict, index: int) -> Sample:
    return Sample(id=f"gsm8k-{index}", messages=user_turn(f"{row['question']}\n{INSTRUCTION}"),
                  reference=gsm8k_reference(row["answer"]))


GSM8K = register(Benchmark(
    name="gsm8k", hub_id="openai/gsm8k", config="main", split="test", answer_kind="numeric",
    columns=("question", "answer"), make_sample=make_sample, contamination_column="question", fixture="gsm8k.jsonl",
    description="GSM8K grade-school math, scored by numeric equality",
))

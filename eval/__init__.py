"""Benchmarks, metrics and reports: accuracy and output length of fine-tuned models.

    benchmarks/ (registry: data, standard prompt, answer kind) -> backends/ (transformers, OpenAI-compatible,
    vLLM) -> runner (per-sample JSONL, resume) -> answers/execution/lengths (scoring) -> report (summary.json,
    table, plot) -> push (model cards).  ``metrics/`` wraps the scoring as local ``evaluate`` modules;
    ``cli`` is ``code2cot eval``.
"""

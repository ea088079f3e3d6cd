"""Grounding: traced outputs are the programs' real outputs; the shipped corpus runs clean."""

from __future__ import annotations

import ast
import collections
from pathlib import Path

from code2cot.builder import Sandbox, SandboxLimits
from code2cot.builder.sources import load_tasks, shipped_corpus

DATA = Path(__file__).parent / "data"
LIMITS = SandboxLimits(cpu_seconds=10, wall_seconds=30)


def test_traced_outputs_equal_expected_outputs():
    tasks = list(load_tasks(DATA / "cruxeval_sample.jsonl"))
    assert len(tasks) >= 30 and all(t.expected_output is not None for t in tasks)
    with Sandbox(workers=2, limits=LIMITS) as sandbox:
        results = list(sandbox.map(tasks))
    mismatches = [(t.id, t.expected_output, r.status, r.output, r.error)
                  for t, r in zip(tasks, results) if not r.ok or r.output != t.expected_output]
    assert not mismatches
    for result in results:
        steps = result.trace["steps"]
        assert steps[0]["event"] == "call" and steps[-1]["event"] == "return"
        assert steps[-1]["value"] == result.trace["return"] or result.trace["truncated"] or len(result.output) > 100


def test_shipped_corpus_every_input_runs_ok_and_is_deterministic():
    tasks = list(shipped_corpus())
    problems = collections.defaultdict(list)
    for task in tasks:
        problems[task.problem_id].append(task)
    assert len(problems) >= 150
    for problem_id, group in problems.items():
        first = group[0]
        assert len(group) >= 3, problem_id
        assert first.question and first.io_requirements and first.license == "Apache-2.0", problem_id
        assert first.entry_point == "main_solution" and "def main_solution" in first.code, problem_id
        imports = {alias.name.split(".")[0] for node in ast.walk(ast.parse(first.code))
                   if isinstance(node, (ast.Import, ast.ImportFrom))
                   for alias in (node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")])}
        assert not imports - {"math", "collections", "heapq", "bisect", "itertools", "functools", "string",
                              "fractions", "re", "operator", "dataclasses", "typing"}, (problem_id, imports)
    assert len({t.meta.get("category") for t in tasks}) >= 8
    with Sandbox(workers=2, limits=LIMITS, check_determinism=True) as sandbox:
        results = list(sandbox.map(tasks))
    failed = [(r.id, r.status, r.error) for r in results if not r.ok]
    assert not failed
    assert all(not r.trace["truncated"] for r in results)

"""The ``code2cot`` command: thin subcommands over the library, one job each."""

from __future__ import annotations

import argparse
import ast
import collections
import json
import os
import sys
from pathlib import Path
from typing import Sequence


def _default_entry(code: str) -> str:
    """``main_solution`` (PyEdu), else ``f`` (CRUXEval), else the only top-level function."""
    try:
        names = [n.name for n in ast.parse(code).body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    except SyntaxError:
        return "f"  # the sandbox reports the syntax error properly
    for preferred in ("main_solution", "f"):
        if preferred in names:
            return preferred
    return names[0] if len(names) == 1 else "f"


def _trace_one(args: argparse.Namespace) -> int:
    from .builder import Sandbox, Task, render_trace
    from .builder.sources import SourceError, parse_program_file

    path = Path(args.file)
    if not path.is_file():
        print(f"error: {path} is not a file", file=sys.stderr)
        return 2
    if args.input is None:
        try:
            tasks = parse_program_file(path)
        except SourceError as exc:
            print(f"error: no --input given and {exc}", file=sys.stderr)
            return 2
    else:
        code = path.read_text(encoding="utf-8")
        tasks = [Task(id=path.stem, code=code, input=args.input, entry_point=args.entry or _default_entry(code))]
    with Sandbox(workers=1, limits=_limits(args)) as sandbox:
        results = list(sandbox.map(tasks))
    for task, result in zip(tasks, results):
        if args.json:
            print(json.dumps(_record(task, result), ensure_ascii=False))
            continue
        print(f"# {task.id}: {task.entry_point}({task.input})  ->  status: {result.status}")
        if result.trace:
            print(render_trace(result.trace))
        if result.error:
            print(f"Error ({result.status}): {result.error}")
        print()
    return 0 if all(r.ok for r in results) else 1


def _record(task, result) -> dict:
    return {
        "id": task.id, "problem_id": task.problem_id, "source": task.source, "entry_point": task.entry_point,
        "input": task.input, "expected_output": task.expected_output, "status": result.status,
        "output": result.output, "error": result.error, "stdout": result.stdout, "trace": result.trace,
        "cpu_seconds": result.cpu_seconds,
    }


def _limits(args: argparse.Namespace):
    from .builder import SandboxLimits

    return SandboxLimits(cpu_seconds=args.cpu_seconds, wall_seconds=max(args.cpu_seconds * 3, args.cpu_seconds + 5),
                         memory_mb=args.memory_mb)


def _trace_batch(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from .builder import Sandbox
    from .builder.sources import SourceError, load_tasks

    try:
        tasks = list(load_tasks(args.source, split=args.split))
    except (SourceError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    counts: collections.Counter[str] = collections.Counter()
    partial = out.with_name(out.name + ".partial")
    with Sandbox(workers=args.workers, limits=_limits(args)) as sandbox, partial.open("w", encoding="utf-8") as handle:
        for task, result in tqdm(zip(tasks, sandbox.map(tasks)), total=len(tasks), desc="tracing", unit="task",
                                 disable=args.quiet):
            counts[result.status] += 1
            handle.write(json.dumps(_record(task, result), ensure_ascii=False) + "\n")
    os.replace(partial, out)
    _print_table(counts, len(tasks), out)
    return 0


def _print_table(counts: collections.Counter, total: int, out: Path) -> None:
    width = max([len(s) for s in counts] + [6])
    print(f"\n{'status':<{width}}  {'count':>6}  {'share':>6}")
    for status, count in counts.most_common():
        print(f"{status:<{width}}  {count:>6}  {count / max(total, 1):>6.1%}")
    print(f"{'total':<{width}}  {total:>6}\nwrote {out}")


def _trace(args: argparse.Namespace) -> int:
    if args.file and args.source:
        print("error: give either FILE.py or --source, not both", file=sys.stderr)
        return 2
    if args.file:
        return _trace_one(args)
    if not args.out:
        print("error: batch tracing needs --out OUT.jsonl", file=sys.stderr)
        return 2
    return _trace_batch(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="code2cot", description=__doc__)
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", required=True)

    trace = sub.add_parser("trace", help="run programs in the sandbox and show/save their traces",
                           description="Trace one program (FILE.py --input ARGS) or a batch (--source ... --out ...).")
    trace.add_argument("file", nargs="?", help="a .py file (plain code, or the folder format with INPUTS)")
    trace.add_argument("--input", help='argument text of the call, e.g. "[1, 2], 3" or "n=5"')
    trace.add_argument("--entry", help="function to call (default: main_solution, f, or the only function)")
    trace.add_argument("--json", action="store_true", help="print JSON records instead of text")
    trace.add_argument("--source", help="batch source: folder of .py, CRUXEval/PyEdu JSONL, or a Hub dataset id "
                                        "(default with --out: the shipped corpus)")
    trace.add_argument("--split", default="train", help="split of a Hub source")
    trace.add_argument("--out", help="where to write the batch results (JSONL)")
    trace.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="task processes in parallel")
    trace.add_argument("--cpu-seconds", type=float, default=10.0, help="CPU time limit per task")
    trace.add_argument("--memory-mb", type=int, default=1024, help="address-space limit per task")
    trace.add_argument("--quiet", action="store_true", help="no progress bar")
    trace.set_defaults(func=_trace)
    return parser


def _version() -> str:
    from . import __version__

    return f"code2cot {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())

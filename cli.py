"""The ``code2cot`` command: thin subcommands over the library, one job each."""

from __future__ import annotations

import argparse
import collections
import dataclasses
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path


def _trace_one(args: argparse.Namespace) -> int:
    from .builder import Sandbox, Task, render_trace
    from .builder.sandbox import imports_to_preload
    from .builder.sources import SourceError, parse_program_file
    from .builder.tasks import default_entry_point

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
        code = tasks[0].code
        if args.entry or f"def {tasks[0].entry_point}(" not in code:  # --entry wins; else a function that exists
            entry = args.entry or default_entry_point(code)
            tasks = [dataclasses.replace(task, entry_point=entry) for task in tasks]
    else:
        try:
            code = path.read_text(encoding="utf-8-sig")  # a BOM, as Python itself skips it
        except UnicodeDecodeError as exc:
            from .builder.sources import not_utf8

            print(f"error: {path} is {not_utf8(exc, 'offset')}", file=sys.stderr)
            return 2
        tasks = [Task(id=path.stem, code=code, input=args.input, entry_point=args.entry or default_entry_point(code))]
    with Sandbox(workers=1, limits=_limits(args), preload=imports_to_preload(tasks)) as sandbox:
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
    from .builder.sandbox import imports_to_preload
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
    with Sandbox(workers=args.workers, limits=_limits(args), preload=imports_to_preload(tasks)) as sandbox, \
            partial.open("w", encoding="utf-8") as handle:
        for task, result in tqdm(zip(tasks, _run_all(tasks, sandbox)), total=len(tasks), desc="tracing", unit="task",
                                 disable=args.quiet):
            counts[result.status] += 1
            handle.write(json.dumps(_record(task, result), ensure_ascii=False) + "\n")
    os.replace(partial, out)
    _print_table(counts, len(tasks), out)
    return 0


def _run_all(tasks: list, sandbox) -> Iterator:
    """Each task's result, in order; the placeholder of a record without inputs is reported, not run."""
    from .builder.sandbox import TaskResult
    from .builder.sources import NO_INPUTS

    results = sandbox.map([task for task in tasks if not task.meta.get(NO_INPUTS)])
    for task in tasks:
        yield TaskResult(task.id, "no_inputs", error=task.meta[NO_INPUTS]) if task.meta.get(NO_INPUTS) else next(results)


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


def _as_flags(message: str) -> str:
    """``llm_concurrency must be ...`` -> ``--concurrency must be ...``: say it as the user typed it."""
    def flag(match: re.Match) -> str:
        name = match.group(1)
        return "--" + (name[4:] if name.startswith("llm_") else name).replace("_", "-") + match.group(2)

    return re.sub(r"\b([a-z][a-z_]*)( must (?:be|not))", flag, message)


def _build(args: argparse.Namespace) -> int:
    from .builder.build import NoSamplePassed, build_dataset
    from .builder.forked_jobs import JobDied
    from .builder.llm_translator import LLMUnavailable
    from .builder.sources import SourceError

    options = {"seed": args.seed}
    if args.translator is not None:  # else the config's own (default-llm and pyedu-llm: llm)
        options["translator"] = args.translator
    if args.source is not None:
        options["source"] = args.source
    for name in ("source_split", "test_fraction", "max_trace_steps", "max_prompt_chars", "max_cot_chars", "max_input_chars",
                 "max_inputs_per_problem", "cpu_seconds", "sandbox_workers"):
        value = getattr(args, name)
        if value is not None:
            options[name] = value
    if args.one_sample_per_problem:
        options["one_sample_per_problem"] = True
    if args.keep_duplicate_inputs:
        options["dedup_inputs"] = False
    if args.keep_unseeded_random:
        options["drop_unseeded_random"] = False
    if args.no_pin_jobs:
        options["pin_jobs"] = False
    from .builder.build import program_filter_options

    options.update(program_filter_options(args))
    for name in ("model", "base_url", "concurrency", "cache_dir", "timeout", "verify_retries", "max_tokens",
                 "temperature"):  # the builder checks them, and asks for a model and a key where llm is used
        if getattr(args, name) is not None:
            options[f"llm_{name}"] = getattr(args, name)
    out = Path(args.out)
    args.interrupted_note = f"{out} was left as it was" if out.exists() else f"{out} was not created"
    try:
        summary = build_dataset(args.out, config_name=args.config, num_proc=args.num_proc, **options)
    except NoSamplePassed as exc:
        print()
        print(exc.summary.table(written=False))
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (SourceError, ValueError, OSError, LLMUnavailable) as exc:
        print(f"error: {_as_flags(str(exc))}", file=sys.stderr)
        return 2
    except JobDied as exc:  # killed from outside (the OOM killer): what happened, not a traceback of ours
        print(f"error: {exc}; {args.interrupted_note}", file=sys.stderr)
        return 1
    from .hub.dataset_card import render_dataset_card

    args.interrupted_note = f"the dataset was written to {out}, with a minimal README.md (not the full card)"
    render_dataset_card(out, repo_id=args.repo_id).save(out / "README.md")
    print()
    print(summary.table())
    return 0


def _push(args: argparse.Namespace) -> int:
    from huggingface_hub.errors import HfHubHTTPError

    from .hub.push import HubError, push_dataset

    try:
        pushed = push_dataset(args.folder, args.repo, private=args.private, revision=args.revision,
                              create_pr=args.create_pr)
    except (HubError, HfHubHTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # the HTTP client's own errors (connection refused, timeouts, TLS)
        if not type(exc).__module__.split(".")[0].startswith("httpx"):
            raise
        from huggingface_hub import constants

        print(f"error: cannot reach the Hub at {constants.ENDPOINT} ({type(exc).__name__}: {exc}); "
              "check the network or HF_ENDPOINT", file=sys.stderr)
        return 2
    if not pushed.changed:
        what = "no pull request was opened" if args.create_pr else "no commit was made"
        print(f"nothing to push: {args.repo} already holds exactly these files ({what}); it is at {pushed.url}")
    else:
        print(f"pushed {args.folder} -> {pushed.url}")
    return 0


def _train(args: argparse.Namespace) -> int:
    try:
        from .hub.train import RECIPES_DIR
        from .hub.train import main as train_main
    except ImportError as exc:
        print(f"error: training needs the [train] extra (pip install 'code2cot[train]'): {exc}", file=sys.stderr)
        return 2
    recipe = Path(args.recipe)
    if not recipe.is_file() and (RECIPES_DIR / f"{args.recipe}.yaml").is_file():
        recipe = RECIPES_DIR / f"{args.recipe}.yaml"  # a shipped recipe by name
    if not recipe.is_file():
        shipped = ", ".join(sorted(p.stem for p in RECIPES_DIR.glob("*.yaml")))
        print(f"error: recipe {args.recipe!r} not found (a YAML path or a shipped name: {shipped})", file=sys.stderr)
        return 2
    return train_main(["--config", str(recipe), *args.overrides])


def _space(args: argparse.Namespace) -> int:
    try:
        from .space.app import launch
    except ImportError as exc:
        print(f"error: the Space needs the [space] extra (pip install 'code2cot[space]'): {exc}", file=sys.stderr)
        return 2
    launch(args.host, args.port, args.share)
    return 0


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

    build = sub.add_parser("build", help="build the grounded-CoT dataset into a Hub-ready folder",
                           description="Execute, trace, translate and verify; write data/*.parquet, README.md, "
                                       "rejected.jsonl and build_config.json.")
    build.add_argument("--config", default="default", help="builder config: default, pyedu, cruxeval, default-llm, pyedu-llm")
    build.add_argument("--source", help="folder, JSONL or Hub dataset id (default: the config's, i.e. the shipped corpus)")
    build.add_argument("--source-split", help="split of a Hub source")
    build.add_argument("--translator", choices=["template", "llm"],
                       help="default: the config's (template; llm for default-llm and pyedu-llm)")
    build.add_argument("--num-proc", type=int, default=os.cpu_count() or 1, help="parallel generation processes")
    build.add_argument("--out", default="out/dataset", help="output folder (default: out/dataset)")
    build.add_argument("--seed", type=int, default=0)
    build.add_argument("--repo-id", default="org/code2cot", help="repo id shown in the card's usage snippet")
    build.add_argument("--test-fraction", type=float)
    build.add_argument("--max-trace-steps", type=int)
    build.add_argument("--max-prompt-chars", type=int)
    build.add_argument("--max-cot-chars", type=int, help="longest CoT kept, in characters (default 16000; 0: no limit)")
    build.add_argument("--max-input-chars", type=int)
    build.add_argument("--max-inputs-per-problem", type=int)
    build.add_argument("--one-sample-per-problem", action="store_true")
    build.add_argument("--keep-duplicate-inputs", action="store_true")
    build.add_argument("--keep-unseeded-random", action="store_true")
    build.add_argument("--cpu-seconds", type=float)
    build.add_argument("--sandbox-workers", type=int, help="task processes each generation job keeps busy (default 1: --num-proc is the number of cores used; 2 lets a lone job translate while its next task runs)")
    build.add_argument("--no-pin-jobs", action="store_true",
                       help="let the OS move generation jobs between CPUs (default: with several jobs, each "
                            "keeps to CPUs of its own when there are enough)")
    from .builder.build import add_program_filter_arguments

    add_program_filter_arguments(build)
    llm = build.add_argument_group("LLM translator (key from OPENAI_API_KEY)")
    llm.add_argument("--base-url", help="OpenAI-compatible endpoint, e.g. http://localhost:8000/v1")
    llm.add_argument("--model")
    llm.add_argument("--concurrency", type=int,
                     help="requests in flight per generation job (default 16; --num-proc 2 -> up to 32 in all)")
    llm.add_argument("--timeout", type=float, help="seconds per request (default 120)")
    llm.add_argument("--verify-retries", type=int,
                     help="retries with a corrective hint on a wrong answer (default 2)")
    llm.add_argument("--max-tokens", type=int, help="default 4096")
    llm.add_argument("--temperature", type=float, help="default 0.0")
    llm.add_argument("--cache-dir", help="response cache (default: ~/.cache/code2cot/llm)")
    build.set_defaults(func=_build)

    push = sub.add_parser("push", help="upload a built dataset folder to the Hub (card merged, never overwritten)")
    push.add_argument("folder", help="a folder written by `code2cot build`")
    push.add_argument("--repo", required=True, help="ORG/NAME of the dataset repo")
    push.add_argument("--private", action="store_true")
    push.add_argument("--revision", help="branch to push to (created if missing)")
    push.add_argument("--create-pr", action="store_true", help="open a pull request instead of committing")
    push.set_defaults(func=_push)

    train = sub.add_parser("train", help="fine-tune with TRL from a YAML recipe (fields overridable: --field value)",
                           description="code2cot train RECIPE [--learning_rate 1e-5 --output_dir DIR ...]: any field "
                                       "of TrainScriptArguments, trl.SFTConfig or trl.ModelConfig overrides the recipe.")
    train.add_argument("recipe", help="recipe YAML path, or a shipped recipe name (tiny, qwen3-4b-lora, ...)")
    train.add_argument("overrides", nargs=argparse.REMAINDER, help="--field value pairs")
    train.set_defaults(func=_train)

    from .eval.cli import add_eval_parser

    add_eval_parser(sub)

    space = sub.add_parser("space", help="run the Gradio Space locally (what gets deployed from space/)")
    space.add_argument("--host", default=None, help="interface to bind (default: $GRADIO_SERVER_NAME or 127.0.0.1)")
    space.add_argument("--port", type=int, default=None, help="port (default: $GRADIO_SERVER_PORT or 7860)")
    space.add_argument("--share", action="store_true", help="also open a public gradio.live link")
    space.set_defaults(func=_space)

    from .builder.validate import add_validate_parser

    add_validate_parser(sub)

    return parser


def _version() -> str:
    from . import __version__

    return f"code2cot {__version__}"


def main(argv: Sequence[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)  # the parser itself imports datasets: ~1 s to Ctrl-C in
        return args.func(args)
    except BaseException as exc:  # noqa: BLE001 - only an interruption is handled here
        if not _interrupted(exc):
            raise
        where = getattr(args, "interrupted_note", None)  # what a command had done when it was stopped
        print(f"interrupted; {where}" if where else "interrupted", file=sys.stderr)
        return 130  # what a shell reports for a command ended by Ctrl-C


def _interrupted(exc: BaseException | None) -> bool:
    """Ctrl-C, also where it surfaced as another error (a process pool can raise a TimeoutError
    while it winds down after the KeyboardInterrupt; datasets wraps a job's errors)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, KeyboardInterrupt):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


if __name__ == "__main__":
    raise SystemExit(main())

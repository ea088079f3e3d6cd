"""``code2cot eval``: models x benchmarks -> per-sample JSONL, summary.json, a table, a plot, model cards.

Everything that can be wrong with the command line (benchmark names, ``--data`` overrides, model
paths, the Hub token for ``--push``, the data itself) is checked before the first model is loaded.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

DEFAULT_BENCHMARKS = "cruxeval-o"
DESCRIPTION = ("Evaluate models on benchmarks: per-sample JSONL, summary.json, a markdown table and a plot of accuracy "
               "vs mean output tokens in --out (reruns resume); --push writes the results into the model cards.")


def _bool(text: str) -> bool:
    if text.lower() in ("1", "true", "yes", "on"):
        return True
    if text.lower() in ("0", "false", "no", "off"):
        return False
    raise argparse.ArgumentTypeError(f"expected true or false, not {text!r}")


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--model", action="append", default=[], metavar="M",
                        help="model to evaluate: a local folder or a Hub id (for --backend openai: the served name); "
                             "repeat for several (e.g. base and fine-tuned)")
    parser.add_argument("--benchmarks", default=DEFAULT_BENCHMARKS,
                        help=f"comma-separated benchmark names (default: {DEFAULT_BENCHMARKS}; see --list-benchmarks)")
    parser.add_argument("--list-benchmarks", action="store_true", help="print the known benchmarks and exit")
    parser.add_argument("--limit", type=int, help="evaluate the first N samples of each benchmark")
    parser.add_argument("--data", action="append", default=[], metavar="NAME=SOURCE",
                        help="read a benchmark from a local file/folder or another Hub id, e.g. "
                             "code2cot-test=out/dataset or gsm8k=gsm8k_test.parquet")
    parser.add_argument("--out", default="out/eval", help="output folder (default: out/eval); reruns resume in it")
    parser.add_argument("--push", action="store_true",
                        help="write accuracy and mean output tokens into each model's card (model-index): a local "
                             "folder's README.md in place, a Hub repo's card by a commit (needs HF_TOKEN)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")

    generation = parser.add_argument_group("generation")
    generation.add_argument("--backend", choices=["transformers", "openai", "vllm"], default="transformers")
    generation.add_argument("--max-new-tokens", type=int, default=2048)
    generation.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default)")
    generation.add_argument("--top-p", type=float, default=1.0)
    generation.add_argument("--top-k", type=int)
    generation.add_argument("--seed", type=int, default=0)
    generation.add_argument("--enable-thinking", type=_bool, metavar="true|false",
                            help="Qwen3's chat-template switch (default: the template's own default)")

    local = parser.add_argument_group("transformers / vllm")
    local.add_argument("--batch-size", type=int, default=8, help="prompts per generate() call (transformers)")
    local.add_argument("--device", default="auto", help="auto, cpu, cuda, cuda:1 ... (transformers)")
    local.add_argument("--dtype", default="auto", help="auto (bf16 on GPU, fp32 on CPU), bfloat16, float16, float32")
    local.add_argument("--tensor-parallel-size", type=int, help="GPUs per model (vllm)")

    remote = parser.add_argument_group("openai-compatible endpoint (key from OPENAI_API_KEY)")
    remote.add_argument("--base-url", help="e.g. http://localhost:8000/v1 (default: OPENAI_BASE_URL or OpenAI)")
    remote.add_argument("--concurrency", type=int, default=16, help="requests in flight")
    remote.add_argument("--timeout", type=float, default=600.0, help="seconds per request")
    remote.add_argument("--tokenizer", help="tokenizer (name or path) for repetition n-grams; default: words")
    parser.set_defaults(func=run)
    return parser


def add_eval_parser(subparsers) -> argparse.ArgumentParser:
    """Register ``eval`` on the ``code2cot`` command's subparsers."""
    parser = subparsers.add_parser("eval", help="evaluate models on benchmarks: accuracy and output length",
                                   description=DESCRIPTION)
    return configure_parser(parser)


def build_parser() -> argparse.ArgumentParser:
    return configure_parser(argparse.ArgumentParser(prog="code2cot eval", description=DESCRIPTION))


def _parse_data(items: Sequence[str], benchmarks) -> dict[str, str]:
    from code2cot.eval.benchmarks import get_benchmark
    from code2cot.eval.errors import EvalError

    overrides = {}
    for item in items:
        name, sep, source = item.partition("=")
        if not sep or not source:
            raise EvalError(f"--data {item!r}: expected NAME=SOURCE, e.g. code2cot-test=out/dataset")
        get_benchmark(name.strip())  # unknown names list the known ones
        overrides[name.strip()] = source.strip()
    chosen = {b.name for b in benchmarks}
    unused = sorted(set(overrides) - chosen)
    if unused:
        raise EvalError(f"--data given for {', '.join(unused)}, which --benchmarks does not include")
    return overrides


def _backend_options(args: argparse.Namespace, tokenizer=None) -> dict:
    if args.backend == "transformers":
        return {"batch_size": args.batch_size, "device": args.device, "dtype": args.dtype}
    if args.backend == "vllm":
        return {"dtype": args.dtype, "seed": args.seed, "tensor_parallel_size": args.tensor_parallel_size}
    return {"base_url": args.base_url, "concurrency": args.concurrency, "timeout": args.timeout,
            "tokenizer": tokenizer}


def _tokenizer(args: argparse.Namespace):
    """``--tokenizer`` (openai backend), loaded once and before anything is generated or written."""
    from code2cot.eval.errors import EvalError
    from code2cot.eval.lengths import load_tokenizer

    if args.backend != "openai" or not args.tokenizer:
        return None
    try:
        return load_tokenizer(args.tokenizer)
    except Exception as exc:  # transformers raises OSError/ValueError/HF errors for a bad name or folder
        raise EvalError(f"--tokenizer {args.tokenizer!r} cannot be loaded: {exc}") from exc


def _list_benchmarks() -> int:
    from code2cot.eval.benchmarks import REGISTRY

    width = max(len(name) for name in REGISTRY)
    for name, bench in sorted(REGISTRY.items()):
        source = " ".join(filter(None, [bench.hub_id, bench.config])) or f"local: {bench.default_source}"
        print(f"{name:<{width}}  {source} ({bench.split})  {bench.description}")
    return 0


def run(args: argparse.Namespace) -> int:
    from code2cot.eval.errors import EvalError

    if args.list_benchmarks:
        return _list_benchmarks()
    try:
        return _run(args)
    except EvalError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from code2cot.eval.backends import (
        GenerationParams,
        check_model_source,
        make_backend,
    )
    from code2cot.eval.benchmarks import parse_benchmarks
    from code2cot.eval.errors import EvalError

    if not args.model:
        raise EvalError("give at least one --model (a local folder or a Hub id)")
    if args.limit is not None and args.limit < 1:
        raise EvalError(f"--limit must be >= 1, not {args.limit}")
    benchmarks = parse_benchmarks(args.benchmarks)
    overrides = _parse_data(args.data, benchmarks)
    models = list(dict.fromkeys(args.model))
    if args.backend != "openai":
        for model in models:
            check_model_source(model)
    params = GenerationParams(max_new_tokens=args.max_new_tokens, temperature=args.temperature, top_p=args.top_p,
                              top_k=args.top_k, seed=args.seed, enable_thinking=args.enable_thinking)
    targets, token = [], None
    if args.push:
        from code2cot.eval.push import plan_push

        targets, token = plan_push(models)
    tokenizer = _tokenizer(args)
    samples = {b.name: b.samples(overrides.get(b.name), limit=args.limit) for b in benchmarks}
    for name, items in samples.items():
        if not items:
            raise EvalError(f"benchmark {name!r} has no samples in its data")

    from code2cot.eval.report import card_results, markdown_table, write_report
    from code2cot.eval.runner import run_benchmark

    out = Path(args.out)
    for model in models:
        backend = make_backend(args.backend, model, **_backend_options(args, tokenizer))
        out.mkdir(parents=True, exist_ok=True)  # only once a model has loaded: a failed start writes nothing
        try:
            for bench in benchmarks:
                run_benchmark(backend, bench, samples[bench.name], out, params, backend_name=args.backend,
                              progress=not args.quiet, source=overrides.get(bench.name))
        finally:
            backend.close()
    summary = write_report(out)
    print(markdown_table([r for r in summary["results"] if r["model"] in models]))
    print(f"wrote {out / 'summary.json'}, {out / 'results.md'}, {out / 'accuracy_vs_tokens.png'} and "
          f"per-sample results under {out / 'samples'}")
    if args.push:
        from code2cot.eval.push import push_results

        for target in targets:
            where = push_results(target, card_results(summary, target.model), token)
            print(f"results written into the model card of {target.model}: {where}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=os.environ.get("CODE2COT_LOG", "WARNING"))
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())

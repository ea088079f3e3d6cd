"""Tracer throughput vs the paper's snoop setup, measured side by side in one run, reported as ratios.

    python benchmarks/bench_trace.py [--repeat N] [--json OUT] [--max-tasks N]

Workloads: (a) the shipped corpus (``shipped_corpus()``; files that do not parse yet are
skipped and counted, and the workload is left out if nothing usable is there) and
(b) ``tests/data/cruxeval_sample.jsonl``. Each is cut to an evenly spaced sample of
``--max-tasks`` tasks (default 240) so a full run stays near 2 minutes on 2 cores; tasks
that raise, or that snoop cannot trace within 2 s, are left out (and listed).

1. **In-process tracer throughput** (traces/s), one core, same process, same tasks.
   Per task, both sides compile the code, ``exec`` it, parse
   the input with ``parse_arguments`` and trace one call of the entry point, capturing
   stdout.  *Ours*: ``Tracer(code, TraceLimits()).run(...)``, then ``to_dict()`` and
   ``render_trace`` (so the text view, at least what snoop prints, is produced too).
   *Snoop*: snoop 0.6.0 configured like the paper's release (below), writing into an
   in-memory buffer whose text is read back per task. Target: ours >= 3x snoop (the
   tracked ratio uses snoop with its source cache warm, the stricter comparison).
2. **Sandboxed batch throughput**: ``Sandbox(workers=2).map(tasks)`` end to end (a
   fork per task, isolation, tracing in the child, JSON result parsed by the parent,
   plus ``render_trace`` of each result in the parent), fork-server start reported
   separately, vs snoop in-process on one core with no sandbox at all (the snoop time of
   benchmark 1 in the same round). Target: >= 0.5x.
3. **Information parity** (untimed): mean recorded steps per trace (ours, default limits:
   loop compression on) and our rendered lines vs snoop output lines per trace; and, with
   loop compression switched off, the share of snoop's ``name = value`` change lines
   (values up to 60 chars that snoop printed untruncated) that our trace also records as
   a call argument or a changed variable: ours must record changed variables at every
   step as snoop does. Only frames of the task's own code count (snoop at depth > 1 also
   prints stdlib frames, e.g. ``fractions``); lines inside generator expressions and
   lambdas are counted apart, as our tracer shows those as one step by design.

Timing: ``--repeat`` rounds (default 5). In a round the in-process sides (ours, snoop,
snoop with a cold source cache) take turns every 20 traces, in an order that rotates from
turn to turn, each adding up its own time; then one sandbox pass runs over the same
traces. A ratio is the median over rounds of the per-round ratio (robust to load drift on
a shared machine); the throughputs shown are medians over rounds. Small workloads are
gone round several times per round (at least 200 traces).

How the paper's release configures snoop (luka-group/Execution-Grounded-Reasoning,
``src/generate_execution_trace.py`` and ``src/utils.py``; requirements pin snoop==0.6.0):
each PyEdu program is written to a file whose ``main_solution`` gets ``@snoop(depth=nf)``,
``nf`` being the number of ``def name(...)`` matches of a regex over the code; the file
starts with ``snoop.install(columns='', replace_watch_extras=(),
formatter_class=MyFormatter)`` where ``MyFormatter`` only shortens the call line to
``>>> Call to <qualname>`` (no file/line), after extending
``snoop.tracer.internal_directories`` with every entry of snoop's site-packages folder;
the trace is read from stderr, a pipe, so colour is off; each program runs in its own
``python`` process with a 5 s limit. Reconstruction here: the same settings through
``snoop.Config(out=<StringIO>, columns=(), color=False, replace_watch_extras=(),
formatter_class=<call-line formatter>)`` and ``config.snoop(depth=nf)`` applied to the
entry function, the same ``internal_directories`` extension, in process (no interpreter
start per program, which only flatters snoop). Each program is compiled under its own
pseudo-filename registered in ``linecache`` (snoop needs the source text); snoop's
per-source cache (``executing``) stays warm across repeats, which also favours snoop; a
``snoop cold`` row shows the cost with that cache cleared before each task.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import io
import json
import linecache
import os
import platform
import re
import signal
import statistics
import sys
import time
import warnings
from pathlib import Path

import snoop
import snoop.tracer
from snoop.formatting import DefaultFormatter, Source as SnoopSource

from code2cot.builder import Sandbox, SandboxLimits, render_trace
from code2cot.builder.corpus import PROGRAMS_DIR
from code2cot.builder.sources import SourceError, parse_program_file, read_cruxeval, shipped_corpus
from code2cot.builder.tasks import Task, parse_arguments
from code2cot.builder.tracer import TASK_FILENAME, TraceLimits, Tracer

ROOT = Path(__file__).resolve().parents[1]
CRUX_SAMPLE = ROOT / "tests" / "data" / "cruxeval_sample.jsonl"
SNOOP_SCREEN_SECONDS = 2.0  # tasks snoop cannot trace within this (the release allowed 5 s + process start) are left out

MIN_TRACES_PER_PASS = 200
BLOCK = 20  # in-process sides alternate every BLOCK traces, so load spikes hit all of them alike
TARGETS = {"inprocess": 3.0, "sandbox": 0.5}


# -- snoop as configured by the paper's release -----------------------------------------
class CallLineFormatter(DefaultFormatter):
    """The release's formatter change: the call line names the function only."""

    def format_start(self, event):
        if event.event == "call" and not event.comprehension_type and not event.frame_info.is_generator:
            return [f"{self.c.cyan}>>> Call to {event.code_qualname()}{self.c.reset}"]
        return super().format_start(event)


# snoop's cheap_repr warns once per type whose repr fails mid-construction (e.g. Fraction
# inside fractions.py, which snoop traces at depth > 1); keep the report readable.
warnings.filterwarnings("ignore", module="cheap_repr")

_internal = Path(snoop.tracer.internal_directories[0]).parent
snoop.tracer.internal_directories += tuple(map(str, _internal.glob("*")))  # as in the release
_DEF_RE = re.compile(r"\bdef\s+\w+\s*\(.*?\)")  # the release's count_functions


def snoop_depth(code: str) -> int:
    return max(1, len(_DEF_RE.findall(code)))


class SnoopSide:
    def __init__(self, formatter_class=CallLineFormatter) -> None:
        self.buffer = io.StringIO()
        self.config = snoop.Config(out=self.buffer, columns=(), color=False, replace_watch_extras=(),
                                   formatter_class=formatter_class)

    def run(self, index: int, task: Task, cold: bool = False) -> str:
        """Trace one task; ``cold``: as in a fresh process, snoop has not parsed this source yet."""
        filename = f"<snoop-{'cold-' if cold else ''}task-{index}>"  # cold runs leave warm entries alone
        lines = task.code.splitlines(keepends=True)
        linecache.cache[filename] = (len(task.code), None, lines, filename)
        if cold:
            SnoopSource.__dict__.get("__source_cache_with_lines", {}).pop((filename, tuple(lines)), None)
        code = compile(task.code, filename, "exec", dont_inherit=True)
        namespace = {"__name__": "__main__", "__builtins__": __builtins__}
        exec(code, namespace)
        args, kwargs = parse_arguments(task.input)
        traced = self.config.snoop(depth=snoop_depth(task.code))(namespace[task.entry_point])
        self.buffer.seek(0)
        self.buffer.truncate()
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                repr(traced(*args, **kwargs))
            except Exception:  # noqa: BLE001 - the trace shows it
                pass
        return self.buffer.getvalue()


# -- ours -------------------------------------------------------------------------------
def run_ours(task: Task, limits: TraceLimits) -> tuple[dict, str]:
    code = compile(task.code, TASK_FILENAME, "exec", dont_inherit=True)
    namespace = {"__name__": "__code2cot_task__", "__builtins__": __builtins__}
    exec(code, namespace)
    args, kwargs = parse_arguments(task.input)
    tracer = Tracer(task.code, limits)
    out = io.StringIO()
    value_repr = error = None
    with contextlib.redirect_stdout(out):
        try:
            value_repr = repr(tracer.run(namespace[task.entry_point], args, kwargs))
        except Exception as exc:  # noqa: BLE001
            error = f"{type(exc).__name__}: {exc}"
    trace = tracer.to_dict(stdout=out.getvalue(), return_repr=value_repr, exception=error)
    return trace, render_trace(trace)


# -- workloads --------------------------------------------------------------------------
def load_corpus() -> tuple[list[Task], str]:
    try:
        tasks = list(shipped_corpus())
        return tasks, f"{len(tasks)} tasks"
    except SourceError:
        pass
    files = sorted(p for p in PROGRAMS_DIR.rglob("*.py") if not p.name.startswith(("_", "."))) \
        if PROGRAMS_DIR.is_dir() else []
    if not files:
        return [], f"no programs in {PROGRAMS_DIR} yet (the corpus is still being written)"
    tasks, broken = [], 0  # being written: take the files that parse
    for path in files:
        try:
            tasks.extend(parse_program_file(path, PROGRAMS_DIR))
        except (SourceError, OSError, UnicodeDecodeError):
            broken += 1
    return tasks, f"{len(tasks)} tasks ({broken} program files skipped: not readable yet)"


class _Alarm(Exception):
    pass


def screen(tasks: list[Task], snoop_side: SnoopSide) -> tuple[list[Task], list[str]]:
    """Keep tasks both tracers finish cleanly; snoop gets a time limit like the release's."""
    kept, dropped = [], []

    def alarm(signum, frame):
        raise _Alarm

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        for index, task in enumerate(tasks):
            try:
                trace, _ = run_ours(task, TraceLimits())
            except Exception as exc:  # noqa: BLE001
                dropped.append(f"{task.id}: ours failed ({type(exc).__name__})")
                continue
            if trace["exception"]:
                dropped.append(f"{task.id}: raised {trace['exception'][:60]}")
                continue
            signal.setitimer(signal.ITIMER_REAL, SNOOP_SCREEN_SECONDS)
            try:
                snoop_side.run(index, task)
            except _Alarm:
                dropped.append(f"{task.id}: snoop over {SNOOP_SCREEN_SECONDS:g}s")
                continue
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            kept.append(task)
    finally:
        signal.signal(signal.SIGALRM, previous)
    return kept, dropped


# -- timing -----------------------------------------------------------------------------
def timed(fn) -> float:
    gc.collect()
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def bench_workload(name: str, tasks: list[Task], repeat: int, sandbox_limits: SandboxLimits) -> dict:
    snoop_side = SnoopSide()
    limits = TraceLimits()
    cycles = max(1, round(MIN_TRACES_PER_PASS / len(tasks)))  # small workloads: go round a few times per pass
    work = [(index, task) for _ in range(cycles) for index, task in enumerate(tasks)]
    n = len(work)
    blocks = [work[i: i + BLOCK] for i in range(0, n, BLOCK)]

    def ours_block(block):
        for _, task in block:
            run_ours(task, limits)

    def snoop_block(block):
        for index, task in block:
            snoop_side.run(index, task)

    def snoop_cold_block(block):
        for index, task in block:
            snoop_side.run(index, task, cold=True)

    for block in blocks:  # warm-up: imports, caches, linecache
        ours_block(block), snoop_block(block)
    sides = {"ours": ours_block, "snoop": snoop_block, "snoop_cold": snoop_cold_block}
    order = list(sides)
    times: dict[str, list[float]] = {"ours": [], "snoop": [], "snoop_cold": [], "sandbox": []}
    with Sandbox(workers=2, limits=sandbox_limits) as sandbox:
        start = time.perf_counter()
        first = list(sandbox.map(tasks[:1]))
        startup = time.perf_counter() - start
        failures: list[str] = [f"{r.id}: {r.status} {r.error}" for r in first if not r.ok]

        def sandbox_pass():
            for result in sandbox.map([task for _, task in work]):
                if not result.ok:
                    failures.append(f"{result.id}: {result.status} {result.error}")
                else:
                    render_trace(result.trace)

        for round_ in range(repeat):
            gc.collect()
            spent = dict.fromkeys(sides, 0.0)
            for number, block in enumerate(blocks):  # in-process sides take turns block by block
                shift = (round_ + number) % len(order)
                for key in order[shift:] + order[:shift]:
                    began = time.perf_counter()
                    sides[key](block)
                    spent[key] += time.perf_counter() - began
            for key, value in spent.items():
                times[key].append(value)
            times["sandbox"].append(timed(sandbox_pass))
    med = {k: statistics.median(v) for k, v in times.items()}
    rate = {k: n / v for k, v in med.items()}

    def paired(side: str, base: str) -> float:  # per round, passes run back to back: robust to load drift
        return round(statistics.median(b / a for a, b in zip(times[side], times[base])), 2)
    return {
        "workload": name, "tasks": len(tasks), "traces_per_pass": n, "repeats": repeat,
        "seconds_per_round": {k: [round(x, 4) for x in v] for k, v in times.items()},
        "ratio_per_round": {f"{side}/{base}": [round(bt / st, 2) for st, bt in zip(times[side], times[base])]
                            for side, base in (("ours", "snoop"), ("ours", "snoop_cold"), ("sandbox", "snoop"))},
        "traces_per_s": {k: round(v, 1) for k, v in rate.items()},
        "inprocess_ratio": paired("ours", "snoop"),
        "inprocess_ratio_vs_cold_snoop": paired("ours", "snoop_cold"),
        "sandbox_ratio": paired("sandbox", "snoop"),
        "sandbox_startup_s": round(startup, 3),
        "sandbox_failures": failures[:10], "sandbox_failure_count": len(failures),
        "parity": parity(tasks, snoop_side),
    }


# -- information parity -----------------------------------------------------------------
_SNOOP_VAR = re.compile(r"^( *)\.{4,} (\w+) = (.*)$")
_SNOOP_CALL = re.compile(r'^( *)>>> .* (\S+) in File "([^"]*)"')
_OPAQUE = ("<genexpr>", "<lambda>")  # frames our tracer shows as one step by design (comprehensions too)


def _our_pairs(trace: dict) -> set[tuple[str, str]]:
    pairs = set()
    for step in trace["steps"]:
        for key in ("args", "changed", "state"):
            pairs.update(step.get(key, {}).items())
    return pairs


def _snoop_task_changes(text: str, filename: str) -> tuple[list[tuple[str, str]], int]:
    """``name = value`` lines snoop printed for frames of the task's own code (not stdlib frames),
    and how many of those lines are inside generator expressions or lambdas."""
    frame_kind: dict[int, str] = {}
    changes, opaque = [], 0
    for line in text.splitlines():
        call = _SNOOP_CALL.match(line)
        if call:
            name, file = call.group(2), call.group(3)
            frame_kind[len(call.group(1))] = "other" if file != filename else \
                "opaque" if name.endswith(_OPAQUE) else "task"
            continue
        var = _SNOOP_VAR.match(line)
        if var:
            kind = frame_kind.get(len(var.group(1)))
            if kind == "task":
                changes.append((var.group(2), var.group(3)))
            elif kind == "opaque":
                opaque += 1
    return changes, opaque


def parity(tasks: list[Task], snoop_side: SnoopSide) -> dict:
    """Our step counts vs snoop's lines; whether our uncompressed trace has every change snoop shows."""
    located = SnoopSide(formatter_class=DefaultFormatter)  # same output plus the file of each call line
    unbounded = TraceLimits(max_steps=10 ** 7, loop_head=10 ** 9)
    steps = our_lines = snoop_lines = snoop_changes = our_changes = covered = compared = opaque = 0
    missing: list[str] = []
    for index, task in enumerate(tasks):
        trace, text = run_ours(task, TraceLimits())
        steps += trace["n_steps"]
        our_lines += text.count("\n") + 1
        snoop_lines += len(snoop_side.run(index, task).splitlines())
        full, _ = run_ours(task, unbounded)
        ours = _our_pairs(full)
        our_changes += sum(len(s.get("changed", {})) + len(s.get("args", {})) for s in full["steps"])
        changes, in_opaque = _snoop_task_changes(located.run(index, task), f"<snoop-task-{index}>")
        opaque += in_opaque
        for name, value in changes:
            snoop_changes += 1
            if len(value) > 60 or "..." in value or " at 0x" in value:
                continue  # truncated or an address-bearing repr: the two repr styles differ there
            compared += 1
            if (name, value) in ours:
                covered += 1
            elif len(missing) < 5:
                missing.append(f"{task.id}: {name} = {value}")
    n = max(1, len(tasks))
    return {
        "mean_steps_ours": round(steps / n, 1), "mean_rendered_lines_ours": round(our_lines / n, 1),
        "mean_output_lines_snoop": round(snoop_lines / n, 1),
        "variable_changes_snoop_task_frames": snoop_changes, "variable_changes_snoop_in_genexpr_lambda": opaque, "variable_changes_ours_uncompressed": our_changes,
        "snoop_changes_compared": compared, "snoop_changes_also_in_ours": covered,
        "coverage": round(covered / compared, 4) if compared else None, "missing_examples": missing,
    }


# -- report -----------------------------------------------------------------------------
def table(results: list[dict]) -> str:
    rows = [("benchmark", "ours", "baseline", "ratio", "target", "met?")]
    for r in results:
        t, w = r["traces_per_s"], r["workload"]
        rows.append((f"[{w}] in-process traces/s (vs snoop)", f"{t['ours']:.0f}", f"{t['snoop']:.0f}",
                     f"{r['inprocess_ratio']:.2f}x", f">= {TARGETS['inprocess']:g}x",
                     "yes" if r["inprocess_ratio"] >= TARGETS["inprocess"] else "NO"))
        rows.append((f"[{w}]   (info) vs snoop, source cache cold", f"{t['ours']:.0f}", f"{t['snoop_cold']:.0f}",
                     f"{r['inprocess_ratio_vs_cold_snoop']:.2f}x", "-", "-"))
        rows.append((f"[{w}] Sandbox(2) traces/s (vs snoop 1 core)", f"{t['sandbox']:.0f}", f"{t['snoop']:.0f}",
                     f"{r['sandbox_ratio']:.2f}x", f">= {TARGETS['sandbox']:g}x",
                     "yes" if r["sandbox_ratio"] >= TARGETS["sandbox"] and not r["sandbox_failure_count"] else "NO"))
        p = r["parity"]
        rows.append((f"[{w}] steps/trace ours vs snoop lines", f"{p['mean_steps_ours']}",
                     f"{p['mean_output_lines_snoop']}", "-", "info", "-"))
        rows.append((f"[{w}] rendered lines ours vs snoop lines", f"{p['mean_rendered_lines_ours']}",
                     f"{p['mean_output_lines_snoop']}", "-", "info", "-"))
        cov = p["coverage"]
        rows.append((f"[{w}] snoop var changes also in ours", f"{p['snoop_changes_also_in_ours']}",
                     f"{p['snoop_changes_compared']}", "-" if cov is None else f"{cov:.1%}", "100%",
                     "-" if cov is None else ("yes" if cov >= 1.0 else "NO")))
    widths = [max(len(row[i]) for row in rows) for i in range(6)]
    lines = ["  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per side and workload (default 5)")
    parser.add_argument("--max-tasks", type=int, default=240,
                        help="evenly spaced sample of at most this many tasks per workload, to bound the run "
                             "time (default 240; 0: all)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args(argv)
    sandbox_limits = SandboxLimits(cpu_seconds=10, wall_seconds=30)
    workloads: list[tuple[str, list[Task], str]] = []
    corpus, note = load_corpus()
    workloads.append(("corpus", corpus, note))
    crux = list(read_cruxeval(CRUX_SAMPLE)) if CRUX_SAMPLE.exists() else []
    workloads.append(("cruxeval", crux, f"{len(crux)} tasks" if crux else f"{CRUX_SAMPLE} missing"))
    print(f"python {platform.python_version()}, {os.cpu_count()} cpus, load average {os.getloadavg()[0]:.2f}, "
          f"snoop {snoop.__version__}, tracer backend {'monitoring' if sys.version_info >= (3, 12) else 'settrace'}")
    results, notes = [], []
    for name, tasks, note in workloads:
        if args.max_tasks and len(tasks) > args.max_tasks:
            stride = len(tasks) / args.max_tasks
            note += f", every {stride:.2f}th taken"
            tasks = [tasks[int(i * stride)] for i in range(args.max_tasks)]
        kept, dropped = screen(tasks, SnoopSide()) if tasks else ([], [])
        line = f"{name}: {note}; {len(kept)} used"
        if dropped:
            line += f", {len(dropped)} left out (e.g. {dropped[0]})"
        print(line, flush=True)
        notes.append(line)
        if not kept:
            print(f"{name}: nothing to measure, skipped", flush=True)
            continue
        start = time.perf_counter()
        result = bench_workload(name, kept, args.repeat, sandbox_limits)
        result["note"] = line
        result["dropped"] = dropped
        results.append(result)
        print(f"{name}: measured in {time.perf_counter() - start:.1f}s", flush=True)
        if result["sandbox_failure_count"]:
            print(f"{name}: sandbox failures: {result['sandbox_failures']}", flush=True)
    print()
    print(table(results) if results else "no workload could be measured")
    for r in results:
        p = r["parity"]
        print(f"[{r['workload']}] sandbox start-up {r['sandbox_startup_s']:.2f}s (excluded); variable changes: "
              f"snoop {p['variable_changes_snoop_task_frames']} in task frames (+{p['variable_changes_snoop_in_genexpr_lambda']} "
              f"inside generator expressions/lambdas, which ours shows as one step by design), ours without loop compression "
              f"{p['variable_changes_ours_uncompressed']}" + (f"; not found in ours: {p['missing_examples']}"
                                                                if p["missing_examples"] else ""))
    if args.json:
        args.json.write_text(json.dumps({"python": platform.python_version(), "cpus": os.cpu_count(),
                                         "snoop": snoop.__version__, "targets": TARGETS, "results": results,
                                         "notes": notes}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

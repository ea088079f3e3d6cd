"""``code2cot validate PATH...``: check contributed programs before they join the corpus.

A PATH is a ``.py`` file in the folder format, a folder of them (searched recursively,
as ``code2cot build --source`` reads it) or a ``.jsonl`` of PyEdu-shaped records. Every
program gets these checks, in this order (``CHECKS``), each with a reason:

=================  ===========================================================================
``parses``         the file (or the record's ``refcode``) is valid Python
``metadata``       the metadata is readable: ``INPUTS`` a list of 1 to 5 distinct kwargs dicts or
                   argument strings (PyEdu: ``ios`` with kwargs inputs)
``problem``        a problem description (``PROBLEM`` / ``problem_description``) of 5 words or more
``license``        a license declared, one of ``ACCEPTED_LICENSES`` (SPDX ids)
``entry_point``    the entry point (``ENTRY_POINT``, default ``main_solution``) is a top-level function
``imports``        only standard-library modules from ``ALLOWED_IMPORTS``; no ``FORBIDDEN_CALLS``
``runs``           every declared input runs ``ok`` in the sandbox
``deterministic``  two sandboxed runs (``PYTHONHASHSEED`` 0 and 1) give the same output and
                   stdout; no unseeded ``random``
``trace_bounds``   every trace within ``max_trace_steps`` after loop compression, inputs and the
                   prompt within the build's limits (so ``code2cot build`` keeps every sample)
``duplicate``      no other program (shipped, or earlier in this run) has the same
                   normalised-AST fingerprint (``builder/fingerprint.py``)
``contamination``  no word 8-gram shared with an eval benchmark's problem text, and less than half
                   of any benchmark function's 8-grams (``builder/decontaminate.py``)
=================  ===========================================================================

A check that cannot run because an earlier one failed is reported as skipped, with why.
When no benchmark text could be loaded, ``contamination`` is skipped and says so (and
``--require-benchmarks`` turns that into a failure): it is never a silent pass.

Exit status: 0 when every program passes, 1 when any fails, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .decontaminate import (
    NGRAM_SIZE,
    BenchmarkTextsError,
    ContaminationIndex,
    program_texts,
)
from .fingerprint import fingerprint
from .sources import (NO_INPUTS, SourceError, decode_line, error_in_file_terms, parse_program_file,
                      program_files, pyedu_tasks)
from .tasks import Task

CHECKS = ("parses", "metadata", "problem", "license", "entry_point", "imports", "runs", "deterministic",
          "trace_bounds", "duplicate", "contamination")

ALLOWED_IMPORTS = frozenset({
    "__future__", "abc", "array", "bisect", "calendar", "cmath", "collections", "copy", "dataclasses", "datetime",
    "decimal", "enum", "fractions", "functools", "graphlib", "heapq", "itertools", "json", "math", "numbers",
    "operator", "random", "re", "statistics", "string", "textwrap", "typing", "unicodedata",
})
"""Standard-library modules a contributed program may import: pure computation, no I/O, no
clock, no processes. ``random`` only with a fixed seed (checked by ``deterministic``).
Everything else (``os``, ``sys``, ``time``, ``subprocess``, ``socket``, ``pathlib``,
``threading``, third-party packages, relative imports, ...) fails ``imports``."""

FORBIDDEN_CALLS = frozenset({"__import__", "eval", "exec", "compile", "open", "input", "breakpoint", "exit", "quit"})
"""Builtins that import, evaluate code, touch files or wait for a user: never in a contribution."""

ACCEPTED_LICENSES = frozenset({
    "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "0BSD", "CC0-1.0", "Unlicense", "CC-BY-4.0",
    "PSF-2.0",
})
"""SPDX ids compatible with releasing the corpus and the dataset under Apache-2.0."""

MIN_PROBLEM_WORDS = 5
DEFAULT_MAX_TRACE_STEPS = 1000  # the build's defaults (Code2CoTConfig)
DEFAULT_MAX_INPUTS = 5
DEFAULT_MAX_INPUT_CHARS = 2000
DEFAULT_MAX_PROMPT_CHARS = 8000


class UsageError(ValueError):
    """A path or option that cannot be used at all (exit status 2)."""


class CheckResult(NamedTuple):
    """One check's verdict: ``passed`` True, False, or None when it was skipped."""

    check: str
    passed: bool | None
    reason: str


@dataclass
class ProgramReport:
    """All checks of one program, in ``CHECKS`` order."""

    program: str
    """The file, or ``FILE.jsonl:LINE`` for a PyEdu record."""
    inputs: int = 0
    checks: list[CheckResult] = field(default_factory=list)
    fingerprint: str | None = None

    @property
    def passed(self) -> bool:
        return all(check.passed is not False for check in self.checks)

    @property
    def failures(self) -> list[CheckResult]:
        return [check for check in self.checks if check.passed is False]

    def check(self, name: str) -> CheckResult:
        return next(c for c in self.checks if c.check == name)

    def to_dict(self) -> dict[str, Any]:
        return {"program": self.program, "passed": self.passed, "inputs": self.inputs, "fingerprint": self.fingerprint,
                "checks": [c._asdict() for c in self.checks]}


# -- reading contributions ------------------------------------------------------------
@dataclass(eq=False)
class _Program:
    name: str
    text: str
    """What is parsed: the whole file (folder format) or the record's refcode."""
    file: Path | None = None
    tasks: list[Task] = field(default_factory=list)
    problem: str | None = None
    io_requirements: str | None = None
    license: str | None = None
    entry_point: str = "main_solution"
    tree: ast.Module | None = None
    results: dict[str, CheckResult] = field(default_factory=dict)

    def set(self, check: str, passed: bool | None, reason: str) -> None:
        self.results[check] = CheckResult(check, passed, reason)


def _display(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def collect(paths: Iterable[str | os.PathLike]) -> list[_Program]:
    """The programs under the given paths; a path that does not exist is a ``UsageError``."""
    programs: list[_Program] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{raw}: no such file or folder")
        if path.is_dir():
            files = program_files(path)
            if not files:
                raise UsageError(f"{raw}: no .py programs in this folder")
        elif path.suffix in (".py", ".jsonl"):
            files = [path]
        else:
            raise UsageError(f"{raw}: expected a .py program, a folder of them or a PyEdu .jsonl")
        for file in files:
            if file.resolve() in seen:
                continue
            seen.add(file.resolve())
            programs.extend(_read_jsonl(file) if file.suffix == ".jsonl" else [_read_py(file)])
    if not programs:
        raise UsageError("no programs to validate")
    return programs


def _read_py(file: Path) -> _Program:
    try:
        text = file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        program = _Program(_display(file), "", file=file.resolve())
        program.set("parses", False, f"cannot read the file: {exc}")
        return program
    program = _Program(_display(file), text, file=file.resolve())
    if _parse(program):
        try:
            program.tasks = parse_program_file(file)
        except SourceError as exc:
            program.set("metadata", False, _without_prefix(str(exc), str(file)))
        else:
            first = program.tasks[0]
            program.problem, program.io_requirements = first.question, first.io_requirements
            program.license, program.entry_point = first.license, first.entry_point
            program.set("metadata", *_inputs_verdict(program.tasks))
    return program


def _inputs_verdict(tasks: list[Task]) -> tuple[bool, str]:
    """Inputs the build keeps all of: distinct, and at most ``DEFAULT_MAX_INPUTS`` of them."""
    from .filters import entry_parameters, input_key

    seen: dict[str, int] = {}
    parameters = entry_parameters(tasks[0].code, tasks[0].entry_point) if tasks else ()
    for index, task in enumerate(tasks):
        key = input_key(task.input, parameters)  # as the build compares them: 5 and n=5 are one input
        if key in seen:
            return False, f"input #{index} ({_short(task.input)}) repeats input #{seen[key]} (the build drops it)"
        seen[key] = index
    if len(tasks) > DEFAULT_MAX_INPUTS:
        return False, (f"{len(tasks)} inputs declared; the build keeps the first {DEFAULT_MAX_INPUTS} of a problem "
                       "(max_inputs_per_problem): give the 3-5 most telling ones")
    return True, f"{len(tasks)} distinct input(s) declared"


def _read_jsonl(file: Path) -> list[_Program]:
    programs = []
    with file.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            name = f"{_display(file)}:{number}"
            try:
                line = decode_line(raw, name, first=number == 1)
            except SourceError as exc:
                program = _Program(name, "")
                program.set("parses", False, _without_prefix(str(exc), name))
                programs.append(program)
                continue
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                program = _Program(name, line)
                program.set("parses", False, f"not valid JSON ({exc.msg})")
                programs.append(program)
                continue
            if not isinstance(record, dict) or not isinstance(record.get("refcode"), str):
                program = _Program(name, line)
                program.set("parses", False, "not a PyEdu record (a JSON object with 'refcode', 'problem_description', "
                                             "'ios', ...)")
                programs.append(program)
                continue
            meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
            program = _Program(name, record["refcode"], problem=_text_or_none(record.get("problem_description")),
                               io_requirements=_text_or_none(record.get("io_requirements")),
                               license=_text_or_none(meta.get("license") or record.get("license")))
            if _parse(program):
                try:
                    program.tasks = [task for task in pyedu_tasks(record, name, source="contribution")
                                     if not task.meta.get(NO_INPUTS)]  # a build's placeholder, not an input
                except SourceError as exc:
                    program.set("metadata", False, _without_prefix(str(exc), name))
                else:
                    if not program.tasks:
                        program.set("metadata", False, "'ios' declares no inputs")
                    else:
                        program.entry_point = program.tasks[0].entry_point
                        program.set("metadata", *_inputs_verdict(program.tasks))
            programs.append(program)
    return programs


def _text_or_none(value: Any) -> str | None:
    """Only text reaches the checks; a field of another type fails ``metadata`` with its reason (``pyedu_tasks``)."""
    return value if isinstance(value, str) and value else None


def _without_prefix(message: str, where: str) -> str:
    """``PATH:12: INPUTS must be ...`` -> ``line 12: INPUTS must be ...``; ``PATH: ...`` -> ``...``."""
    if not message.startswith(where):
        return message
    rest = message[len(where):]
    if rest.startswith(":") and rest[1:].split(":", 1)[0].isdigit():
        number, _, tail = rest[1:].partition(":")
        return f"line {number}:{tail}"
    return rest.lstrip(": ")


def _parse(program: _Program) -> bool:
    try:
        program.tree = ast.parse(program.text)
    except SyntaxError as exc:
        program.set("parses", False, f"line {exc.lineno}: {exc.msg}")
        return False
    except (ValueError, RecursionError, MemoryError) as exc:
        program.set("parses", False, f"cannot be parsed: {exc}")
        return False
    program.set("parses", True, "valid Python")
    return True


# -- static checks ----------------------------------------------------------------------
def _static_checks(program: _Program) -> None:
    problem = (program.problem or "").strip()
    if isinstance(program.problem, str) and len(problem.split()) >= MIN_PROBLEM_WORDS:
        program.set("problem", True, f"{len(problem.split())} words")
    elif not program.tasks and program.problem is None:
        program.set("problem", None, "skipped: the metadata cannot be read")
    else:
        program.set("problem", False, "no problem description (PROBLEM = \"\"\"...\"\"\", at least "
                                      f"{MIN_PROBLEM_WORDS} words: what the program computes, as a question)"
                    if not problem else f"the problem description is too short ({len(problem.split())} words; "
                                        f"at least {MIN_PROBLEM_WORDS})")
    license_ = (program.license or "").strip() if isinstance(program.license, str) else ""
    if license_ in ACCEPTED_LICENSES:
        program.set("license", True, license_)
    elif not program.tasks and program.problem is None:
        program.set("license", None, "skipped: the metadata cannot be read")
    elif not license_:
        program.set("license", False, "no license declared (LICENSE = \"Apache-2.0\" or another of "
                                      f"{', '.join(sorted(ACCEPTED_LICENSES))})")
    else:
        program.set("license", False, f"license {license_!r} is not one of {', '.join(sorted(ACCEPTED_LICENSES))}")
    tree = program.tree
    assert tree is not None
    functions = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    if not program.tasks:
        program.set("entry_point", None, "skipped: the metadata cannot be read")
    elif program.entry_point in functions:
        program.set("entry_point", True, f"{program.entry_point}() is defined")
    else:
        program.set("entry_point", False, f"no top-level function {program.entry_point}() "
                                          f"(found: {', '.join(sorted(functions)) or 'none'})")
    program.set("imports", *_imports_verdict(tree))


def _imports_verdict(tree: ast.Module) -> tuple[bool, str]:
    bad: list[str] = []
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                bad.append(f"line {node.lineno}: relative import 'from {'.' * node.level}{node.module or ''}'")
                continue
            modules = [node.module or ""]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
            bad.append(f"line {node.lineno}: call to {node.func.id}()")
            continue
        else:
            continue
        for module in modules:
            top = module.split(".")[0]
            if top in ALLOWED_IMPORTS:
                used.add(top)
            elif top in sys.stdlib_module_names:
                bad.append(f"line {node.lineno}: import of {module!r} (standard library, but not on the allowed list)")
            else:
                bad.append(f"line {node.lineno}: import of {module!r} (not in the standard library)")
    if bad:
        return False, "; ".join(bad) + f". Allowed modules: {', '.join(sorted(ALLOWED_IMPORTS - {'__future__'}))}"
    return True, f"stdlib only ({', '.join(sorted(used))})" if used else "no imports"


# -- the sandbox ----------------------------------------------------------------------------
def _run_checks(programs: list[_Program], workers: int | None, cpu_seconds: float, max_trace_steps: int,
                max_input_chars: int, max_prompt_chars: int) -> None:
    from .filters import uses_unseeded_random
    from .isolation import SandboxLimits
    from .records import user_prompt
    from .sandbox import Sandbox, imports_to_preload
    from .tracer import TraceLimits
    from .verify import REPR_MISMATCH_CAUSE, shown_return_value

    runnable = [p for p in programs if p.tasks and p.results.get("entry_point", CheckResult("", False, "")).passed]
    batch: list[Task] = []
    owners: list[tuple[_Program, int]] = []
    for number, program in enumerate(runnable):
        for index, task in enumerate(program.tasks):
            batch.append(Task(id=f"{number}-{index}", code=task.code, input=task.input, entry_point=task.entry_point))
            owners.append((program, index))
    results: dict[int, list] = {id(p): [None] * len(p.tasks) for p in runnable}
    if batch:
        limits = SandboxLimits(cpu_seconds=cpu_seconds, wall_seconds=max(3 * cpu_seconds, cpu_seconds + 5))
        trace_limits = TraceLimits(max_steps=max_trace_steps + 1)
        with Sandbox(workers=workers, limits=limits, trace_limits=trace_limits, check_determinism=True,
                     preload=imports_to_preload(batch)) as sandbox:
            for (program, index), result in zip(owners, sandbox.map(batch)):
                results[id(program)][index] = result
    for program in programs:
        if program not in runnable:
            why = "the program does not parse" if not program.results["parses"].passed else \
                "the metadata cannot be read" if not program.tasks else f"{program.entry_point}() is not defined"
            for check in ("runs", "deterministic", "trace_bounds"):
                program.set(check, None, f"skipped: {why}")
            continue
        mine = results[id(program)]
        calls = [f"{t.entry_point}({_short(t.input)})" for t in program.tasks]
        errors = [error_in_file_terms(task, r.error) for task, r in zip(program.tasks, mine)]  # the file's lines
        failed = [f"input #{i} {calls[i]}: {r.status}" + (f" ({_short(errors[i], 200)})" if r.error else "")
                  for i, r in enumerate(mine) if r.status not in ("ok", "nondeterministic")]
        ran = len(mine) - len(failed)
        failed += [f"input #{i} {calls[i]}: returns {_short(r.output)} but holds {_short(shown)} "
                   f"({REPR_MISMATCH_CAUSE}; return a plain value): the build drops it as repr_mismatch" for i, r in enumerate(mine) if r.status == "ok"
                   and (shown := shown_return_value(r.trace, r.output or "")) is not None]
        program.set("runs", not failed, "; ".join(failed) if failed else f"ok on all {len(mine)} input(s)")
        differing = [f"input #{i} {calls[i]}: {_short(errors[i], 200)}" for i, r in enumerate(mine)
                     if r.status == "nondeterministic"]
        if uses_unseeded_random(program.tasks[0].code):
            differing.insert(0, "uses random numbers without a fixed seed (random.seed(...) or random.Random(seed)); "
                                "the build drops it as unseeded_random")
        if differing:
            program.set("deterministic", False, "; ".join(differing))
        elif ran:
            program.set("deterministic", True, f"same output and stdout in two runs (hash seeds 0 and 1) on {ran} "
                                               "input(s)")
        else:
            program.set("deterministic", None, "skipped: no input ran ok")
        over = []
        steps = [r.trace["n_steps"] for r in mine if r.status in ("ok", "nondeterministic") and r.trace]
        for i, (task, r) in enumerate(zip(program.tasks, mine)):
            if r.status in ("ok", "nondeterministic") and r.trace and \
                    (r.trace.get("truncated") or r.trace["n_steps"] > max_trace_steps):
                over.append(f"input #{i} {calls[i]}: trace longer than {max_trace_steps} steps after loop compression")
            if len(task.input) > max_input_chars:
                over.append(f"input #{i}: {len(task.input)} characters of input (limit {max_input_chars})")
            prompt = len(user_prompt(task))
            if prompt > max_prompt_chars:
                over.append(f"input #{i}: prompt of {prompt} characters (limit {max_prompt_chars})")
        if over:
            program.set("trace_bounds", False, "; ".join(over))
        elif steps:
            program.set("trace_bounds", True, f"at most {max(steps)} trace steps (limit {max_trace_steps})")
        else:
            program.set("trace_bounds", None, "skipped: no input ran ok")


def _short(text: str | None, limit: int = 60) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


# -- duplicates and contamination --------------------------------------------------------
@functools.lru_cache(maxsize=1)
def shipped_fingerprints() -> dict[str, list[tuple[str, Path]]]:
    """Fingerprint -> the shipped programs that have it (display path, resolved file)."""
    from .corpus import PROGRAMS_DIR

    found: dict[str, list[tuple[str, Path]]] = {}
    for file in sorted(PROGRAMS_DIR.rglob("*.py")):
        if file.name.startswith(("_", ".")):
            continue
        try:  # as the build compares programs: the code and the function it calls
            first = parse_program_file(file)[0]
        except SourceError:
            continue
        digest = fingerprint(first.code, first.entry_point)
        if digest is not None:
            name = "builder/corpus/programs/" + file.relative_to(PROGRAMS_DIR).as_posix()
            found.setdefault(digest, []).append((name, file.resolve()))
    return found


def _duplicate_checks(programs: list[_Program], reports: dict[int, ProgramReport],
                      reference: Mapping[str, list[tuple[str, Path | None]]]) -> None:
    earlier: dict[str, str] = {}
    for program in programs:
        if not program.results["parses"].passed or program.tree is None:
            program.set("duplicate", None, "skipped: the program does not parse")
            continue
        code = program.tasks[0].code if program.tasks else program.text
        digest = fingerprint(code, program.entry_point)
        reports[id(program)].fingerprint = digest
        same = [name for name, file in reference.get(digest or "", []) if not _same_program_file(program, name, file)]
        if digest in earlier:
            same.append(earlier[digest])
        if same:
            program.set("duplicate", False, f"same normalised AST (fingerprint {digest}) as {', '.join(same)}: "
                                            "a renamed or reformatted copy of an existing program")
        else:
            program.set("duplicate", True, f"fingerprint {digest} is new")
        if program.tasks:  # one with no inputs to run never stands in for a later copy, as in the build
            earlier.setdefault(digest or "", program.name)


def _same_program_file(program: _Program, name: str, file: Path | None) -> bool:
    """The shipped program itself (same file, or the same corpus path in another checkout): not a duplicate."""
    if program.file is None:
        return False
    if file is not None and file == program.file:
        return True
    marker = "corpus/programs/"
    return marker in name and program.file.as_posix().endswith("/" + marker + name.split(marker, 1)[1])


def _contamination_checks(programs: list[_Program], index: ContaminationIndex) -> None:
    unavailable = ""
    if index.unavailable:
        unavailable = "; NOT checked: " + ", ".join(sorted(index.unavailable)) + " (unavailable)"
    for program in programs:
        if not index.checked:
            program.set("contamination", None, "not checked: no benchmark texts could be loaded (unavailable: "
                        + (", ".join(sorted(index.unavailable)) or "none registered") + ")")
            continue
        if program.tasks:
            texts = program_texts(program.problem, program.io_requirements, program.tasks[0].code)
        else:
            texts = program_texts(program.problem, program.io_requirements, program.text)
        found = index.matches(texts)
        if found:
            program.set("contamination", False, "; ".join(m.describe(index.n) for m in found))
        else:
            program.set("contamination", True, f"no {index.n}-gram shared with {', '.join(index.checked)}" + unavailable)


# -- the whole run ------------------------------------------------------------------------
def validate_paths(paths: Iterable[str | os.PathLike], *, index: ContaminationIndex | None = None,
                   benchmark_texts: str | os.PathLike | None = None, benchmarks: Iterable[str] | None = None,
                   workers: int | None = None, cpu_seconds: float = 10.0,
                   max_trace_steps: int = DEFAULT_MAX_TRACE_STEPS, max_input_chars: int = DEFAULT_MAX_INPUT_CHARS,
                   max_prompt_chars: int = DEFAULT_MAX_PROMPT_CHARS,
                   reference: Mapping[str, list[tuple[str, Path | None]]] | None = None) -> list[ProgramReport]:
    """Check every program under ``paths``; one report per program, in path order.

    ``index`` is the contamination index; without one it is loaded from ``benchmark_texts``
    (a JSONL file) and/or the eval registry (``benchmarks``: names, None = all). ``reference``
    maps fingerprints to existing programs (default: the shipped corpus). Raises
    ``UsageError`` (or ``BenchmarkTextsError``) for paths or options that cannot be used.
    """
    programs = collect(paths)
    if index is None:
        index = ContaminationIndex.load(benchmarks, benchmark_texts)
    for program in programs:
        if program.results["parses"].passed and "metadata" in program.results:
            _static_checks(program)
    _run_checks(programs, workers, cpu_seconds, max_trace_steps, max_input_chars, max_prompt_chars)
    reports = {id(p): ProgramReport(p.name, inputs=len(p.tasks)) for p in programs}
    _duplicate_checks(programs, reports, shipped_fingerprints() if reference is None else reference)
    _contamination_checks(programs, index)
    for program in programs:
        first_failure = next((c for c in CHECKS if c in program.results and program.results[c].passed is False), None)
        for check in CHECKS:
            if check not in program.results:
                program.set(check, None, f"skipped: {first_failure} failed" if first_failure else "skipped")
        reports[id(program)].checks = [program.results[c] for c in CHECKS]
    return [reports[id(p)] for p in programs]


# -- output -----------------------------------------------------------------------------------
def format_reports(reports: Sequence[ProgramReport], index: ContaminationIndex | None = None,
                   verbose: bool = False) -> str:
    lines = []
    if index is not None:
        lines += [index.describe(), ""]
    width = max(len(c) for c in CHECKS)
    for report in reports:
        verdict = "PASS" if report.passed else "FAIL"
        lines.append(f"{verdict}  {report.program}  ({report.inputs} input{'s' if report.inputs != 1 else ''})")
        for check in report.checks:
            if check.passed is True and not verbose:
                continue
            if check.passed is None and not verbose:
                continue  # follows from a failure shown, or (contamination) said once above
            mark = {True: "ok  ", False: "FAIL", None: "skip"}[check.passed]
            lines.append(f"      {mark}  {check.check:<{width}}  {check.reason}")
    failed = sum(not r.passed for r in reports)
    lines += ["", f"{len(reports)} program(s): {len(reports) - failed} passed, {failed} failed"]
    return "\n".join(lines)


def reports_json(reports: Sequence[ProgramReport], index: ContaminationIndex | None = None) -> dict[str, Any]:
    return {"passed": all(r.passed for r in reports), "programs": [r.to_dict() for r in reports],
            "benchmarks": index.to_dict() if index is not None else None}


# -- command line ---------------------------------------------------------------------------
def add_validate_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``validate`` on a ``parser.add_subparsers()`` object (``code2cot validate``)."""
    parser = subparsers.add_parser(
        "validate", help="check contributed programs (format, sandbox, determinism, imports, license, "
                         "duplicates, benchmark contamination)",
        description="Check programs in the folder format (.py files or folders of them) or PyEdu JSONL before "
                    "they join the corpus. Exit status: 0 all passed, 1 some failed, 2 bad usage.")
    _arguments(parser)
    parser.set_defaults(func=run)
    return parser


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help=".py program, folder of them, or PyEdu .jsonl")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")
    parser.add_argument("--verbose", "-v", action="store_true", help="show every check, passed ones too")
    parser.add_argument("--benchmark-texts", metavar="FILE.jsonl",
                        help='local benchmark texts, rows {"benchmark": ..., "text": ...} (instead of the eval registry)')
    parser.add_argument("--benchmarks", metavar="NAMES",
                        help="comma-separated eval benchmarks to check against (default: every registered one but "
                             "code2cot-test; with --benchmark-texts: none unless given)")
    parser.add_argument("--require-benchmarks", action="store_true",
                        help="fail when a benchmark's texts cannot be loaded (default: reported, not a failure)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="sandbox processes in parallel")
    parser.add_argument("--cpu-seconds", type=float, default=10.0, help="CPU time limit per input")
    parser.add_argument("--max-trace-steps", type=int, default=DEFAULT_MAX_TRACE_STEPS)


def run(args: argparse.Namespace) -> int:
    """The ``validate`` subcommand on parsed arguments; returns the exit status."""
    names = [n.strip() for n in args.benchmarks.split(",") if n.strip()] if args.benchmarks else None
    try:
        index = ContaminationIndex.load(names, args.benchmark_texts)
        reports = validate_paths(args.paths, index=index, workers=args.workers, cpu_seconds=args.cpu_seconds,
                                 max_trace_steps=args.max_trace_steps)
    except (UsageError, BenchmarkTextsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    failed = not all(r.passed for r in reports)
    if args.require_benchmarks and index.unavailable:
        failed = True
    if args.json:
        print(json.dumps(reports_json(reports, index), indent=2, ensure_ascii=False))
    else:
        print(format_reports(reports, index, verbose=args.verbose))
        if args.require_benchmarks and index.unavailable:
            print(f"FAIL: --require-benchmarks and {len(index.unavailable)} benchmark(s) could not be checked: "
                  + ", ".join(sorted(index.unavailable)))
    return 1 if failed else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m code2cot.builder.validate PATH...`` (the same as ``code2cot validate``)."""
    parser = argparse.ArgumentParser(prog="code2cot validate", description=__doc__.split("\n\n")[0])
    _arguments(parser)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["ACCEPTED_LICENSES", "ALLOWED_IMPORTS", "CHECKS", "FORBIDDEN_CALLS", "NGRAM_SIZE", "CheckResult",
           "ProgramReport", "UsageError", "add_validate_parser", "format_reports", "main", "reports_json", "run",
           "validate_paths"]

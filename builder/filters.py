"""The method's sample filters, applied before execution where they can be.

Every dropped sample keeps its reason, so ``rejected.jsonl`` can list it.
"""

from __future__ import annotations

import ast
import collections
import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from .decontaminate import Contamination, ContaminationIndex, program_texts
from .fingerprint import fingerprint
from .forked_jobs import JobDied, run_forked
from .records import user_prompt
from .sources import NO_INPUTS
from .tasks import BadInput, Task, parse_arguments

_CONSTRUCTORS = {"Random", "default_rng", "RandomState", "Generator"}
"""Generators that are reproducible when given a seed (``Random(7)``), and random when not (``Random()``)."""
_NEVER_SEEDED = {"SystemRandom"}
"""Reads the OS's entropy whatever it is given: always random."""
_RANDOM_MODULES = ("random", "numpy.random")
_STAR_DRAWS = frozenset(n for n in dir(random) if not n.startswith("_") and callable(getattr(random, n))
                        and n not in {"Random", "SystemRandom", "seed", "getstate", "setstate"})
"""What ``from random import *`` binds that draws a number (``randint``, ``choice``, ...)."""


def uses_unseeded_random(code: str) -> bool:
    """True if the program can draw a number that no seed fixes.

    That is: a draw from the module-level generator (``random.randint``, ``np.random.rand``, or
    a function imported from those modules) in a program that never calls ``seed(...)`` with a
    value; a generator built without a seed (``random.Random()``, ``default_rng()``); or any
    ``SystemRandom``. A seeded ``Random(7)`` does not make module-level draws reproducible.
    A static check: it errs towards flagging, and the determinism check of ``validate`` runs
    the program twice besides.
    """
    if "random" not in code:
        return False  # no parse needed: most programs never mention it
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False  # the sandbox reports it as syntax_error
    modules: set[str] = set()  # local names bound to the random / numpy.random modules
    numpy_names: set[str] = set()  # local names bound to numpy itself
    drawn_functions: set[str] = set()  # module-level draw functions imported by name
    constructors: dict[str, str] = {}  # local name -> constructor it was imported as
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in _RANDOM_MODULES:
                    if alias.asname or alias.name == "random":
                        modules.add(alias.asname or alias.name)
                    else:
                        numpy_names.add("numpy")  # `import numpy.random` binds `numpy`
                elif alias.name == "numpy":
                    numpy_names.add(alias.asname or "numpy")
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                bound = alias.asname or alias.name
                if node.module == "numpy" and alias.name == "random":
                    modules.add(bound)
                elif node.module in _RANDOM_MODULES:
                    if alias.name == "*":  # every public name of the module, draws included
                        drawn_functions.update(_STAR_DRAWS)
                        constructors.update({n: n for n in (*_CONSTRUCTORS, *_NEVER_SEEDED, "seed")})
                    elif alias.name in _CONSTRUCTORS or alias.name in _NEVER_SEEDED:
                        constructors[bound] = alias.name
                    elif alias.name == "seed":
                        constructors[bound] = "seed"
                    else:
                        drawn_functions.add(bound)
    if not (modules or numpy_names or drawn_functions or constructors):
        return False

    def module_function(func: ast.expr) -> str | None:
        """``random.randint`` / ``np.random.rand`` / ``randint`` (imported) -> the function's name."""
        if isinstance(func, ast.Name):
            if func.id in constructors:
                return constructors[func.id]
            return func.id if func.id in drawn_functions else None
        if not isinstance(func, ast.Attribute):
            return None
        base = func.value
        if isinstance(base, ast.Name) and base.id in modules:
            return func.attr
        if isinstance(base, ast.Attribute) and base.attr == "random" and isinstance(base.value, ast.Name) \
                and base.value.id in numpy_names:
            return func.attr
        return None

    seeded_module, module_draw = False, False
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = module_function(node.func)
            given = bool(node.args or node.keywords)
            if name in _CONSTRUCTORS and not given:
                return True
            if name == "seed":
                seeded_module = seeded_module or given
        elif isinstance(node, (ast.Attribute, ast.Name)) and isinstance(node.ctx, ast.Load):
            # any reference, called or passed on (map(random.choice, xs), r = random.randint)
            name = module_function(node)
            if name in _NEVER_SEEDED:
                return True
            if name is not None and name != "seed" and name not in _CONSTRUCTORS:
                module_draw = True
    return module_draw and not seeded_module


def input_key(text: str, parameters: tuple[str | None, ...] = ()) -> str:
    """The same call however its arguments are spelled: ``1,2`` / ``1, 2`` / ``(1), 2``, and,
    given the entry point's positional ``parameters``, ``5`` / ``n=5`` too."""
    try:
        call = ast.parse(f"_({text}\n)", mode="eval").body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return text  # the sandbox reports it as bad_input
    if not isinstance(call, ast.Call) or any(isinstance(a, ast.Starred) for a in call.args) \
            or any(keyword.arg is None for keyword in call.keywords):  # *args, **kwargs: as spelled
        return ast.dump(call)
    named = {keyword.arg: ast.dump(keyword.value) for keyword in call.keywords}
    positional = []
    for index, arg in enumerate(call.args):
        name = parameters[index] if index < len(parameters) else None
        if name is None:  # past the parameters, or positional-only: stays positional
            positional.append(ast.dump(arg))
        elif name in named:  # f(1, n=2) with n first: a TypeError at run time; keep the spelling apart
            return ast.dump(call)
        else:
            named[name] = ast.dump(arg)
    return repr((positional, sorted(named.items())))


def entry_parameters(code: str, entry_point: str) -> tuple[str | None, ...]:
    """The positional parameters of the top-level function ``entry_point`` (its last ``def``,
    the one that runs), None for a positional-only one; empty where it is not a plain ``def``
    (then inputs are compared as spelled)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ()
    found: tuple[str | None, ...] = ()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == entry_point:
            found = (*[None] * len(node.args.posonlyargs), *(arg.arg for arg in node.args.args))
    return found


@dataclass(frozen=True)
class FilterConfig:
    max_input_chars: int
    max_prompt_chars: int
    max_inputs_per_problem: int
    dedup_inputs: bool
    drop_unseeded_random: bool
    dedup_programs: bool = True


Decision = tuple[Task, "str | None", "str | None"]


ProgramText = tuple[str, "str | None", "str | None", str]
"""(code, question, io_requirements, entry_point): what the problem-level filters read of a
problem; all a child process is sent (a task's inputs can be large, its ``meta`` anything)."""


def program_text(task: Task) -> ProgramText:
    return task.code, task.question, task.io_requirements, task.entry_point


@dataclass(frozen=True)
class ProgramFacts:
    """What the problem-level filters need to know about a problem's program: computed
    once per problem, and independently of every other problem (so in parallel)."""

    fingerprint: str | None
    contamination: tuple[Contamination, ...]
    unseeded_random: bool
    parameters: tuple[str | None, ...] = ()
    """The entry point's positional parameters: ``5`` and ``n=5`` are one input."""


class ProgramScreen:
    """Problem-level filters: near-duplicate programs and benchmark contamination.

    ``verdict(task, facts)`` is ``(reason, message)`` or None, decided once per problem, in
    source order: a problem whose normalised-AST fingerprint (``fingerprint.py``) equals an
    earlier problem's is ``duplicate_program``; one sharing a word n-gram with a benchmark text
    (``decontaminate.py``, open-r1's 8-gram rule) is ``contaminated``.
    """

    def __init__(self, dedup: bool = True, contamination: ContaminationIndex | None = None) -> None:
        self.dedup = dedup
        self.contamination = contamination
        self.first_with: dict[str, str] = {}  # fingerprint -> the problem that had it first
        self.verdicts: dict[str, tuple[str, str] | None] = {}
        self.counts: collections.Counter[str] = collections.Counter()  # reason -> problems

    def facts(self, program: ProgramText) -> ProgramFacts:
        """The expensive part (parsing, normalising, n-gram lookups); depends on nothing else."""
        code, question, io_requirements, entry_point = program
        found: tuple[Contamination, ...] = ()
        if self.contamination is not None and self.contamination.checked:
            found = tuple(self.contamination.matches(program_texts(question, io_requirements, code)))
        return ProgramFacts(fingerprint(code, entry_point) if self.dedup else None, found, uses_unseeded_random(code),
                            entry_parameters(code, entry_point))

    def verdict(self, task: Task, facts: ProgramFacts | None = None) -> tuple[str, str] | None:
        problem = task.problem_id or task.id
        if problem not in self.verdicts:
            self.verdicts[problem] = self._decide(problem, facts or self.facts(program_text(task)))
            if self.verdicts[problem] is not None:
                self.counts[self.verdicts[problem][0]] += 1
        return self.verdicts[problem]

    def _decide(self, problem: str, facts: ProgramFacts) -> tuple[str, str] | None:
        if facts.fingerprint is not None:
            first = self.first_with.setdefault(facts.fingerprint, problem)
            if first != problem:
                return "duplicate_program", f"same normalised AST as problem {first} (a renamed or reformatted copy)"
        if facts.contamination:
            assert self.contamination is not None
            return "contaminated", "; ".join(m.describe(self.contamination.n) for m in facts.contamination)[:1000]
        return None

    def report(self) -> dict:
        """What the screen did, for the build summary and build_config.json."""
        out: dict = {"dedup_programs": self.dedup, "duplicate_programs": self.counts["duplicate_program"]}
        if self.contamination is None:
            out["decontamination"] = None
        else:
            out["decontamination"] = dict(self.contamination.to_dict(), contaminated_programs=self.counts["contaminated"])
        return out


PARALLEL_MIN_PROBLEMS = 64
"""Below this many problems a process pool costs more than it saves."""

_T = TypeVar("_T")
_R = TypeVar("_R")


def map_in_processes(fn: Callable[[_T], _R], items: list[_T], num_proc: int | None) -> list[_R]:
    """``[fn(x) for x in items]``, over ``num_proc`` forked processes when that pays off.

    Forked, so ``fn`` may be a bound method of a large object (a contamination index): the
    children inherit it instead of receiving a pickled copy. Forking with other threads
    alive (tqdm's monitor) is safe here as it is for the generation jobs: the children run
    only ``fn`` and send its results, and take no lock those threads could hold. Each child
    takes every ``num_proc``-th item (neighbouring programs differ more in size than distant
    ones average out) and sends its results once: no pool to start, no chunks to hand out.
    """
    if not num_proc or num_proc < 2 or len(items) < PARALLEL_MIN_PROBLEMS:
        return [fn(item) for item in items]
    results: list = [None] * len(items)
    try:
        for start, part in run_forked(_map_part, [{"fn": fn, "items": items, "start": start, "step": num_proc}
                                                  for start in range(num_proc)]):
            results[start::num_proc] = part
    except JobDied:  # a child died (killed, out of memory): do it here, where it will say why
        return [fn(item) for item in items]
    return results


def _map_part(fn: Callable, items: list, start: int, step: int):
    yield start, [fn(item) for item in items[start::step]]


def prefilter(tasks: list[Task], config: FilterConfig, screen: ProgramScreen | None = None,
              num_proc: int | None = None) -> list[Decision]:
    """``(task, reason, message)`` per task in source order; ``reason`` None means execute it.

    ``screen`` adds the problem-level filters (``duplicate_program``, ``contaminated``); without
    one, a screen with ``config.dedup_programs`` and no decontamination is used. What each
    problem's program is (``ProgramFacts``) is worked out first, over ``num_proc`` processes
    for a large source; the decisions, which depend on what came before, are then made in order.
    """
    screen = screen if screen is not None else ProgramScreen(dedup=config.dedup_programs)
    first_task: dict[str, Task] = {}
    for task in tasks:
        first_task.setdefault(task.problem_id or task.id, task)
    facts = dict(zip(first_task, map_in_processes(screen.facts, [program_text(t) for t in first_task.values()],
                                                  num_proc)))
    decisions: list[Decision] = []
    seen: dict[str, set[str]] = collections.defaultdict(set)
    counts: collections.Counter[str] = collections.Counter()
    for task in tasks:
        problem = task.problem_id or task.id
        # A sample that can never run is rejected before the problem-level screen, so it never
        # becomes the "first" copy of a program that a working copy would be a duplicate of.
        if task.meta.get(NO_INPUTS):
            decisions.append((task, "no_inputs", task.meta[NO_INPUTS]))
            continue
        if len(task.input) <= config.max_input_chars:
            try:  # and before the per-problem limit: it must not take a good input's place
                parse_arguments(task.input)
            except BadInput as exc:
                decisions.append((task, "bad_input", str(exc)))
                continue
        verdict = screen.verdict(task, facts[problem])
        if verdict is not None:
            decisions.append((task, *verdict))
            continue
        if len(task.input) > config.max_input_chars:
            decisions.append((task, "input_too_large", f"input has {len(task.input)} characters (limit {config.max_input_chars})"))
            continue
        if config.drop_unseeded_random and facts[problem].unseeded_random:
            decisions.append((task, "unseeded_random", "the program uses random numbers without a fixed seed"))
            continue
        key = input_key(task.input, facts[problem].parameters) if config.dedup_inputs else task.input
        if config.dedup_inputs and key in seen[problem]:
            decisions.append((task, "duplicate_input", "the same input was already taken for this problem"))
        elif config.max_inputs_per_problem and counts[problem] >= config.max_inputs_per_problem:
            decisions.append((task, "over_input_limit", f"more than {config.max_inputs_per_problem} inputs for this problem"))
        elif len(user_prompt(task)) > config.max_prompt_chars:
            decisions.append((task, "prompt_too_long", f"prompt longer than {config.max_prompt_chars} characters"))
        else:
            decisions.append((task, None, None))
            seen[problem].add(key)
            counts[problem] += 1
    return decisions


def split_of(problem_id: str, test_fraction: float, seed: int = 0) -> str:
    """Deterministic train/test assignment by problem, so no problem is in both."""
    digest = hashlib.sha256(f"{seed}\x00{problem_id}".encode()).digest()
    return "test" if int.from_bytes(digest[:4], "big") / 2**32 < test_fraction else "train"

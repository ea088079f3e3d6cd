"""Readers that turn program sources into ``Task``s. Nothing here executes the programs.

Three shapes are understood:

* **CRUXEval JSONL** — ``{"id", "code", "input", "output"?}``; ``code`` defines ``f`` and
  ``input`` is the argument text of ``f(...)``.
* **CodeI/O PyEdu raw** (the method's source) — ``{"problem_description",
  "io_requirements", "refcode", "funcname", "ios": [{"input": {kwargs}, "output"}],
  "meta"}``, from a local JSONL or a Hub dataset id (read with ``datasets``).
* **Folder of ``.py`` files** — one program per file, its metadata as module-level
  literals that are read with ``ast.literal_eval`` and stripped from the code::

      PROBLEM = \"\"\"What the program computes, as a question.\"\"\"
      IO_REQUIREMENTS = \"\"\"Input: ... Output: ...\"\"\"      # optional
      LICENSE = "Apache-2.0"                                  # optional
      ENTRY_POINT = "main_solution"                           # optional (default)
      INPUTS = [{"n": 5}, {"n": 10}]  # kwargs dicts, or argument strings like "5, [1, 2]"

      def main_solution(n): ...

  The shipped corpus (``builder/corpus/programs/<category>/*.py``) uses this format.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import itertools
import json
import os
import re
from pathlib import Path
from typing import Any, Iterator

from .tasks import BadInput, Task, kwargs_to_input

FOLDER_FIELDS = ("PROBLEM", "IO_REQUIREMENTS", "LICENSE", "ENTRY_POINT", "INPUTS")


class SourceError(ValueError):
    """A source that cannot be read; the message names the file/record and the problem."""


def not_utf8(exc: UnicodeDecodeError, unit: str = "column") -> str:
    """What is wrong with a file that is not UTF-8, naming the first bad byte (``unit``: column or offset)."""
    where = exc.start + 1 if unit == "column" else exc.start
    return f"not UTF-8 text (byte {exc.object[exc.start]:#04x} at {unit} {where}); save the file as UTF-8"


def is_hub_dataset_id(source: str) -> bool:
    """``org/name`` (no extension, not a path) rather than a local file or folder."""
    return source.count("/") == 1 and not source.startswith((".", "/", "~")) and not Path(source).suffix


BOM = "\ufeff"
"""What some Windows editors put at the start of a UTF-8 file; Python and ``json`` tools skip it."""


def decode_line(raw: bytes, where: str, first: bool = False) -> str:
    """One line of a JSONL file as text (the ``first`` without a BOM); a file that is not UTF-8
    is a ``SourceError`` naming the byte."""
    try:
        text = raw.decode("utf-8")
        return text.removeprefix(BOM) if first else text
    except UnicodeDecodeError as exc:
        raise SourceError(f"{where}: {not_utf8(exc)}") from None


def optional_text(record: dict, key: str, where: str) -> str | None:
    """A record's optional text field: a string, or absent/empty (None); any other type is a ``SourceError``."""
    value = record.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise SourceError(f"{where}: {key!r} must be a string, not {type(value).__name__}")
    return value


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


def _jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            line = decode_line(raw, f"{path}:{number}", first=number == 1)
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise SourceError(f"{path}:{number}: expected a JSON object per line")
            yield number, record


# -- CRUXEval -----------------------------------------------------------------------
EXPECTED_IS_REPR = "expected_output_is_repr"
"""Set in a task's meta where the source's output is the repr the program returned when the
source was made (CRUXEval), so the build checks it against this run. PyEdu's outputs went
through JSON (tuples became lists), so they are not compared."""
NO_INPUTS = "no_inputs"
"""Task.meta key of the one placeholder sample of a record without inputs; its value says where."""
RECORD_AT = "record_at"
"""Task.meta key of a task read from a JSONL line or a Hub row: ``path:line`` or ``org/name[row]``."""

def cruxeval_task(record: dict, where: str, source: str = "cruxeval") -> Task:
    missing = [k for k in ("code", "input") if not isinstance(record.get(k), str)]
    if missing:
        raise SourceError(f"{where}: CRUXEval record lacks string field(s) {missing}")
    task_id = str(record.get("id") or f"{source}-{_digest(record['code'] + record['input'])}")
    # The problem is the program: rows sharing code are one problem (its inputs), so they share a split.
    expected = record.get("output") if isinstance(record.get("output"), str) else None
    return Task(id=task_id, code=record["code"], input=record["input"], entry_point=record.get("entry_point") or "f",
                expected_output=expected, source=source, problem_id=f"{source}-{_digest(record['code'])}",
                meta={RECORD_AT: where, **({EXPECTED_IS_REPR: True} if expected is not None else {})})


def read_cruxeval(path: str | os.PathLike) -> Iterator[Task]:
    path = Path(path)
    for number, record in _jsonl(path):
        yield cruxeval_task(record, f"{path}:{number}")


# -- PyEdu --------------------------------------------------------------------------
def pyedu_tasks(record: dict, where: str, source: str = "pyedu") -> Iterator[Task]:
    """One task per declared input of a PyEdu record; all share the record's problem id."""
    code = record.get("refcode")
    if not isinstance(code, str) or not code.strip():
        raise SourceError(f"{where}: PyEdu record has no 'refcode'")
    entry = "main_solution" if "def main_solution" in code else (record.get("funcname") or "main_solution")
    ios = record.get("ios") or []
    if isinstance(ios, str):
        try:
            ios = json.loads(ios)
        except json.JSONDecodeError:
            raise SourceError(f"{where}: 'ios' is a string but not JSON") from None
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    problem_id = str(meta.get("id") or record.get("id") or f"{source}-{_digest(code)}")
    question = optional_text(record, "problem_description", where)
    io_requirements = optional_text(record, "io_requirements", where)
    license_ = optional_text(meta, "license", where) or optional_text(record, "license", where)
    if not isinstance(ios, list):
        raise SourceError(f"{where}: 'ios' must be a list of {{\"input\": ..., \"output\": ...}} objects, "
                          f"not {type(ios).__name__}")
    if not ios:  # nothing to run, but not dropped unseen: one sample that the filters reject as no_inputs
        yield Task(id=f"{problem_id}-no-inputs", code=code, input="", entry_point=entry, question=question,
                   io_requirements=io_requirements, source=source, license=license_, problem_id=problem_id,
                   meta={NO_INPUTS: f"{where}: the record declares no inputs ('ios' is empty)", RECORD_AT: where})
        return
    for index, io in enumerate(ios):
        raw = io.get("input") if isinstance(io, dict) else None
        if isinstance(raw, str):
            try:
                raw = json.loads(raw)
            except json.JSONDecodeError:
                pass
        try:
            text = kwargs_to_input(raw) if isinstance(raw, dict) else None
        except BadInput as exc:
            raise SourceError(f"{where}: input {index}: {exc}") from None
        if text is None:
            raise SourceError(f"{where}: input {index} is not a kwargs object: {str(raw)[:80]}")
        expected = io.get("output") if isinstance(io, dict) else None
        yield Task(
            id=f"{problem_id}-{index}", code=code, input=text, entry_point=entry,
            expected_output=None if expected is None else repr(expected), question=question,
            io_requirements=io_requirements, source=source, license=license_, problem_id=problem_id,
            meta={**{k: v for k, v in meta.items() if isinstance(v, (str, int, float, bool))}, RECORD_AT: where},
        )


def read_pyedu(path: str | os.PathLike) -> Iterator[Task]:
    path = Path(path)
    for number, record in _jsonl(path):
        yield from pyedu_tasks(record, f"{path}:{number}")


def read_hub(dataset_id: str, split: str = "train", config: str | None = None) -> Iterator[Task]:
    """A Hub dataset in PyEdu or CRUXEval shape, streamed with ``datasets``.

    Read whole here, so offline mode (switched on while the Hub does not answer: the local
    cache, or an error at once instead of ~25 s of retries) never outlives this call.
    """
    import datasets

    from .hub_access import hub_mode, hub_reachable, unreachable_reason

    online = hub_reachable()

    def failed(exc: Exception) -> SourceError:  # datasets raises many types; name the source in the message
        hint = "" if online else f"; {unreachable_reason()} and the dataset is not in the local cache: " \
                                 "pass --source a local file (JSONL) instead"
        return SourceError(f"cannot load Hub dataset {dataset_id!r} (split {split!r}): {exc}{hint}")

    tasks: list[Task] = []
    with hub_mode(offline=not online):
        try:
            rows = iter(datasets.load_dataset(dataset_id, config, split=split, streaming=True))
        except Exception as exc:
            raise failed(exc) from exc
        for number in itertools.count():
            try:
                record = next(rows)
            except StopIteration:
                break
            except Exception as exc:  # the stream broke off (network, a corrupt file)
                raise failed(exc) from exc
            where = f"{dataset_id}[{number}]"
            if "refcode" in record:
                tasks.extend(pyedu_tasks(record, where, source=dataset_id))
            else:
                tasks.append(cruxeval_task(record, where, source=dataset_id))
    return iter(tasks)


# -- folder of .py files ------------------------------------------------------------
def parse_program_file(path: Path, root: Path | None = None) -> list[Task]:
    try:
        text = path.read_text(encoding="utf-8-sig")  # Python itself runs a file that starts with a BOM
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path}: {not_utf8(exc, 'offset')}") from None
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError as exc:
        where = f"{path}:{exc.lineno}" if exc.lineno else str(path)  # a NUL byte has no line
        raise SourceError(f"{where}: syntax error: {exc.msg}") from None
    except ValueError as exc:  # null bytes
        raise SourceError(f"{path}: cannot be parsed: {exc}") from None
    fields: dict[str, Any] = {}
    drop: list[tuple[int, int]] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) \
                and node.targets[0].id in FOLDER_FIELDS:
            name = node.targets[0].id
            try:
                fields[name] = ast.literal_eval(node.value)
            except (ValueError, TypeError, SyntaxError, RecursionError, MemoryError):
                raise SourceError(f"{path}:{node.lineno}: {name} must be a plain literal") from None
            if name != "INPUTS" and not isinstance(fields[name], str):
                raise SourceError(f"{path}:{node.lineno}: {name} must be a string, not "
                                  f"{type(fields[name]).__name__}")
            drop.append((node.lineno, node.end_lineno or node.lineno))
    if "INPUTS" not in fields:
        raise SourceError(f"{path}: declares no INPUTS = [...] list")
    inputs = fields["INPUTS"]
    if not isinstance(inputs, list) or not inputs:
        raise SourceError(f"{path}: INPUTS must be a non-empty list")
    code, file_lines = _program_without(text, drop)
    relative = path.relative_to(root).with_suffix("") if root else Path(path.stem)
    problem_id = relative.as_posix().replace("/", "--")
    category = relative.parts[0] if len(relative.parts) > 1 else ""
    tasks = []
    for index, raw in enumerate(inputs):
        try:
            text_input = kwargs_to_input(raw) if isinstance(raw, dict) else raw
        except BadInput as exc:
            raise SourceError(f"{path}: INPUTS[{index}]: {exc}") from None
        if not isinstance(text_input, str):
            raise SourceError(f"{path}: INPUTS[{index}] must be a kwargs dict or an argument string")
        tasks.append(Task(
            id=f"{problem_id}-{index}", code=code, input=text_input, entry_point=fields.get("ENTRY_POINT", "main_solution"),
            question=fields.get("PROBLEM"), io_requirements=fields.get("IO_REQUIREMENTS"), source="code2cot-corpus"
            if root is not None and _is_shipped(root) else f"folder:{(root or path.parent).name}",
            license=fields.get("LICENSE"), problem_id=problem_id,
            meta={**({"category": category} if category else {}), FILE_LINES: file_lines,
                  FILE_NAME: (relative.with_suffix(".py") if root else Path(path.name)).as_posix()},
        ))
    return tasks


def _program_without(text: str, drop: list[tuple[int, int]]) -> tuple[str, tuple[int, ...]]:
    """The file's text without the metadata lines in ``drop``, no blank lines at either end and
    at most two in a row; and the file's line number of each line kept."""
    dropped = {number for start, end in drop for number in range(start, end + 1)}
    entries = [(number, line) for number, line in enumerate(text.splitlines(keepends=True), start=1)
               if number not in dropped]
    while entries and entries[0][1] == "\n":
        entries.pop(0)
    while entries and entries[-1][1] == "\n":
        entries.pop()
    kept, blank_run = [], 0
    for number, line in entries:
        blank_run = blank_run + 1 if line == "\n" else 0
        if blank_run <= 2:
            kept.append((number, line))
    code = "".join(line for _, line in kept).rstrip("\n") + "\n"
    return code, tuple(number for number, _ in kept)


FILE_LINES = "file_lines"
"""``Task.meta`` key of a program read from a ``.py`` file: the file's line number of each line
of ``task.code``, which lacks the file's metadata literals (so line 2 of the code may be line 7
of the file)."""
FILE_NAME = "file"
"""``Task.meta`` key: that file, relative to the folder read."""
_ERROR_LINE = re.compile(r" \(line ([0-9]{1,9})\)$")


def error_in_file_terms(task: Task, error: str | None) -> str | None:
    """``ValueError: ... (line 2)`` -> ``ValueError: ... (line 7 of sorting/merge.py)``: a program
    read from a file is fixed in that file, whose lines the metadata literals shift."""
    lines, name = task.meta.get(FILE_LINES), task.meta.get(FILE_NAME)
    if not isinstance(error, str) or not lines or not name:
        return error

    def in_file(match: re.Match) -> str:
        number = int(match.group(1))
        return f" (line {lines[number - 1]} of {name})" if 0 < number <= len(lines) else match.group(0)

    return _ERROR_LINE.sub(in_file, error)


@functools.lru_cache(maxsize=64)
def _is_shipped(root: Path) -> bool:
    from .corpus import PROGRAMS_DIR

    return root.resolve() == PROGRAMS_DIR.resolve()


def program_files(root: Path) -> list[Path]:
    """The ``.py`` programs of a folder, in path order: not ``_``/``.`` files (``__init__.py``),
    nor anything in a hidden folder (``.ipynb_checkpoints`` copies, a ``.venv``, ``.git``)."""
    return sorted(p for p in root.rglob("*.py") if not p.name.startswith(("_", "."))
                  and not any(part.startswith(".") for part in p.relative_to(root).parts[:-1]))


def read_folder(path: str | os.PathLike) -> Iterator[Task]:
    root = Path(path)
    files = program_files(root)
    if not files:
        raise SourceError(f"{root}: no .py programs found")
    for file in files:
        yield from parse_program_file(file, root)


def shipped_corpus() -> Iterator[Task]:
    """The embedded default: the programs shipped in ``builder/corpus/programs``."""
    from .corpus import PROGRAMS_DIR

    return read_folder(PROGRAMS_DIR)


# -- dispatch -----------------------------------------------------------------------
def load_tasks(source: str | os.PathLike | None = None, split: str = "train") -> Iterator[Task]:
    """Tasks from a folder, a ``.py`` file, a JSONL (shape detected) or a Hub dataset id."""
    if source is None:
        return shipped_corpus()
    path = Path(source)
    if path.is_dir():
        return read_folder(path)
    if path.is_file():
        if path.suffix == ".py":
            return iter(parse_program_file(path))
        return _read_jsonl_any(path)
    text = str(source)
    if is_hub_dataset_id(text):
        return read_hub(text, split=split)
    raise SourceError(f"source {text!r} is neither an existing file/folder nor a Hub dataset id (org/name)")


def _read_jsonl_any(path: Path) -> Iterator[Task]:
    for number, record in _jsonl(path):
        where = f"{path}:{number}"
        if "refcode" in record:
            yield from pyedu_tasks(record, where)
        elif "code" in record:
            yield cruxeval_task(record, where)
        else:
            raise SourceError(f"{where}: neither a PyEdu record (refcode) nor a CRUXEval record (code, input)")


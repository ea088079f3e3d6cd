"""What runs inside one task process: isolate, parse, compile, trace, report, exit.

The process reports exactly once, as JSON on ``result_fd``, and always leaves with
``os._exit``: no ``atexit`` handler, buffered stream or user ``finally`` of ours runs
after the report. Budget overruns (steps, stdout) report from inside the tracer or
the stdout writer and exit immediately, so user code cannot catch them.
"""

from __future__ import annotations

import ast
import io
import json
import linecache
import os
import sys
import traceback
from typing import Any, NoReturn

from .isolation import ImportMounts, SandboxLimits, isolate
from .safe_repr import SafeRepr, exception_message
from .tasks import BadInput, parse_arguments
from .tracer import TASK_FILENAME, Tracer, TraceLimits


class _Reporter:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.pid = os.getpid()
        os.register_at_fork(after_in_child=self._forked)
        self.tracer: Tracer | None = None
        self.stdout: _BoundedStdout | None = None
        self.isolation: dict = {}

    def _forked(self) -> None:
        """A process forked by the task must never report for it."""
        try:
            os.close(self.fd)
        except OSError:
            pass
        self.fd = -1

    def finish(self, status: str, error: str | None = None, output: str | None = None, trace: bool = True) -> NoReturn:
        if os.getpid() != self.pid or self.fd < 0:
            os._exit(0)
        try:
            sys.settrace(None)
            stdout = self.stdout.getvalue() if self.stdout else ""
            record: dict[str, Any] = {"status": status, "error": error, "output": output, "stdout": stdout,
                                      "isolation": self.isolation, "trace": None}
            if trace and self.tracer is not None:
                self.tracer.recorder.finish()  # idempotent; a step-budget stop skipped it
                record["trace"] = self.tracer.to_dict(stdout=stdout, return_repr=output,
                                                      exception=error if status == "exception" else None)
            data = json.dumps(record).encode()
        except MemoryError:
            data = json.dumps({"status": "memory", "error": "out of memory while reporting the result"}).encode()
        except BaseException as exc:  # a hostile object can break encoding; report that instead
            data = json.dumps({"status": "exception", "error": f"could not report result: {type(exc).__name__}"}).encode()
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except OSError:
                break
            view = view[written:]
        os._exit(0)


class _BoundedStdout(io.TextIOBase):
    """Captures ``print`` output; past the cap it ends the task as ``output_too_large``."""

    def __init__(self, cap: int, reporter: _Reporter) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.cap = cap
        self.reporter = reporter

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if type(text) is not str:
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self.size += len(text)
        if self.size > self.cap:
            self.reporter.finish("output_too_large", f"printed more than {self.cap} characters", trace=False)
        self.parts.append(text)
        return len(text)

    def getvalue(self) -> str:
        text = "".join(self.parts)
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _error_text(exc: BaseException) -> str:
    # Builtin exception types format themselves in C; a user-defined __str__ is never called.
    message = exception_message(exc, SafeRepr(), builtin_format=True)[:500]
    line = None
    for frame, lineno in traceback.walk_tb(exc.__traceback__):
        if frame.f_code.co_filename == TASK_FILENAME:
            line = lineno
    where = f" (line {line})" if line else ""
    return f"{type(exc).__name__}: {message}{where}" if message else f"{type(exc).__name__}{where}"


def run_task(request: dict, slot: int, result_fd: int, limits: SandboxLimits, trace_limits: TraceLimits,
             scratch: str | None, imports: ImportMounts = ImportMounts(), in_namespaces: bool = False,
             network_isolated: bool = False, shared_view: bool = False) -> NoReturn:
    """Entry point of the forked task process. Never returns."""
    reporter = _Reporter(result_fd)
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        keep = sorted({0, 1, 2, result_fd})
        for low, high in zip(keep, keep[1:] + [65536]):
            os.closerange(low + 1, high)
        report = isolate(slot, limits, scratch, imports, in_namespaces, network_isolated, shared_view)
        reporter.isolation = vars(report)
        os.environ.clear()
        os.environ["HOME"] = "/tmp"
        reporter.stdout = _BoundedStdout(limits.max_stdout_chars, reporter)
        sys.stdout = sys.stderr = reporter.stdout  # type: ignore[assignment]
        sys.stdin = io.StringIO("")
        _execute(request, limits, trace_limits, reporter)
    except MemoryError:
        reporter.finish("memory", "MemoryError: out of memory")
    except BaseException as exc:  # our own failure: still one record, never a crash
        reporter.finish("killed", f"sandbox error: {_error_text(exc)}", trace=False)
    reporter.finish("killed", "task ended without a result", trace=False)


def _execute(request: dict, limits: SandboxLimits, trace_limits: TraceLimits, reporter: _Reporter) -> NoReturn:
    code_text: str = request["code"]
    entry_point: str = request.get("entry_point") or "f"
    try:
        args, kwargs = parse_arguments(request.get("input", ""))
    except BadInput as exc:
        reporter.finish("bad_input", str(exc), trace=False)
    try:
        tree = ast.parse(code_text, TASK_FILENAME)  # parsed once: compiled here, loop spans for the tracer
        code = compile(tree, TASK_FILENAME, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, SyntaxError) and exc.lineno else ""
        reporter.finish("syntax_error", f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{where}", trace=False)
    lines = code_text.splitlines(keepends=True)
    linecache.cache[TASK_FILENAME] = (len(code_text), None, lines, TASK_FILENAME)
    namespace: dict[str, Any] = {"__name__": "__code2cot_task__", "__builtins__": __builtins__}
    try:
        exec(code, namespace)
    except MemoryError:
        reporter.finish("memory", "MemoryError while defining the program", trace=False)
    except BaseException as exc:
        reporter.finish("exception", f"while defining the program: {_error_text(exc)}", trace=False)
    func = namespace.get(entry_point)
    if not callable(func):
        reporter.finish("missing_entry_point", f"the program defines no function {entry_point!r}", trace=False)

    def over_budget() -> NoReturn:
        reporter.finish("timeout", f"more than {trace_limits.max_events} executed steps")

    tracer = reporter.tracer = Tracer(code_text, trace_limits, on_budget=over_budget, tree=tree)
    try:
        value = tracer.run(func, args, kwargs)
    except MemoryError:
        reporter.finish("memory", "MemoryError: out of memory")
    except RecursionError as exc:
        reporter.finish("exception", _error_text(exc))
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are the program's exceptions too
        reporter.finish("exception", _error_text(exc))
    reporter.finish(*_output(value, limits))


def _output(value: object, limits: SandboxLimits) -> tuple[str, str | None, str | None]:
    """The CRUXEval convention: the answer is ``repr`` of the return value."""
    if type(value) in (str, bytes, bytearray, list, tuple, dict, set) and len(value) > limits.max_output_chars:  # type: ignore[arg-type]
        return "output_too_large", f"return value has {len(value)} items/characters", None  # type: ignore[arg-type]
    try:
        text = repr(value)
    except MemoryError:
        return "memory", "MemoryError while writing the return value", None
    except ValueError as exc:
        if "integer string conversion" in str(exc):  # Python's own cap: a bound on the output, as below
            return "output_too_large", f"the return value holds an int of more than {sys.get_int_max_str_digits()} " \
                                       "digits, past Python's limit for writing one", None
        return "exception", f"repr() of the return value failed: {_error_text(exc)}", None
    except BaseException as exc:
        return "exception", f"repr() of the return value failed: {_error_text(exc)}", None
    if type(text) is not str:
        return "exception", "repr() of the return value is not a string", None
    if len(text) > limits.max_output_chars:
        return "output_too_large", f"repr of the return value has {len(text)} characters (limit {limits.max_output_chars})", None
    return "ok", None, text

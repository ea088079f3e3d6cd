"""From program sources to grounded traces: sandboxed execution, tracer, sources, corpus.

    source -> Task -> Sandbox (isolated process, Tracer) -> TaskResult (status, output, trace)
"""

from .isolation import SandboxLimits
from .sandbox import STATUSES, ExecutionBackend, ForkServerBackend, Sandbox, TaskResult
from .tasks import BadInput, Task, parse_arguments
from .trace_text import render_trace
from .tracer import TRACE_SCHEMA, TraceLimits, Tracer

def __getattr__(name: str):
    """``code2cot.builder.Code2CoT`` without importing ``datasets`` here: the sandbox's fork
    server imports this package, and every task process would carry pyarrow with it."""
    if name in ("Code2CoT", "Code2CoTConfig"):
        from . import dataset_builder

        return getattr(dataset_builder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Code2CoT", "Code2CoTConfig", "STATUSES", "TRACE_SCHEMA", "BadInput", "ExecutionBackend", "ForkServerBackend", "Sandbox",
    "SandboxLimits", "Task", "TaskResult", "TraceLimits", "Tracer", "parse_arguments", "render_trace",
]

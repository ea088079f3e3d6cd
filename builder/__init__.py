"""From program sources to grounded traces: sandboxed execution, tracer, sources, corpus.

    source -> Task -> Sandbox (isolated process, Tracer) -> TaskResult (status, output, trace)
"""

from .isolation import SandboxLimits
from .sandbox import STATUSES, ExecutionBackend, ForkServerBackend, Sandbox, TaskResult
from .tasks import BadInput, Task, parse_arguments
from .trace_text import render_trace
from .tracer import TRACE_SCHEMA, TraceLimits, Tracer

__all__ = [
    "STATUSES", "TRACE_SCHEMA", "BadInput", "ExecutionBackend", "ForkServerBackend", "Sandbox",
    "SandboxLimits", "Task", "TaskResult", "TraceLimits", "Tracer", "parse_arguments", "render_trace",
]

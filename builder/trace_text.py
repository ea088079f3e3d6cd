"""Compact, snoop-like text view of a trace: the LLM translator's input and the CLI's output.

    >>> Call to f(xs=[3, 1], n=2)
        5 | def f(xs, n):
        6 |     total = 0
              total = 0
        ... 5 more iterations of the loop at line 8 (30 steps); then: i = 7, total = 56
    <<< Return value from f: 56
"""

from __future__ import annotations

INDENT = "    "


def _assignments(values: dict[str, str]) -> str:
    return ", ".join(f"{name} = {value}" for name, value in values.items())


def render_trace(trace: dict, show_header: bool = True) -> str:
    """Render a ``code2cot.trace/1`` dict as text, one event per line plus its changes."""
    out: list[str] = []
    steps = trace.get("steps", [])
    deferred: list[tuple[int, str]] = []  # changes of a line that called into deeper frames
    for index, step in enumerate(steps):
        event = step["event"]
        depth = step.get("depth", 0)
        pad = INDENT * depth
        while deferred and (event == "cut" or deferred[-1][0] >= depth):
            out.append(deferred.pop()[1])
        if event == "call":
            args = ", ".join(f"{k}={v}" for k, v in step.get("args", {}).items())
            out.append(f"{pad}>>> Call to {step['func']}({args})")
            out.append(f"{pad}{step['line']:5} | {step['source']}")
        elif event == "line":
            out.append(f"{pad}{step['line']:5} | {step['source']}")
            if step.get("changed"):
                text = f"{pad}        {_assignments(step['changed'])}"
                following = steps[index + 1] if index + 1 < len(steps) else None
                if following is not None and following.get("depth", 0) > depth:
                    deferred.append((depth, text))  # shown once the called function has returned
                else:
                    out.append(text)
        elif event == "return":
            kind = "Yield" if step.get("yielded") else "Return"
            out.append(f"{pad}<<< {kind} value from {step['func']}: {step['value']}")
        elif event == "exception":
            out.append(f"{pad}!!! {step['exception']} (line {step['line']})")
        elif event == "elided":
            state = f"; then: {_assignments(step['state'])}" if step.get("state") else ""
            out.append(f"{pad}      ... {step['iterations']} more iterations of the loop at line {step['line']}"
                       f" ({step['steps']} steps){state}")
        elif event == "cut":
            out.append(f"... trace cut: {step['reason']} ({step['skipped_events']} events not shown)")
    out.extend(text for _, text in reversed(deferred))
    if show_header and trace.get("stdout"):
        out.append("Printed output:")
        out.extend(INDENT + line for line in trace["stdout"].splitlines())
    if trace.get("exception"):
        out.append(f"Raised: {trace['exception']}")
    elif trace.get("return") is not None:
        out.append(f"Result: {trace['return']}")
    return "\n".join(out)

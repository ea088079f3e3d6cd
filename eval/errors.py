"""The one error type of ``code2cot.eval``: bad input, said plainly, before any work is wasted."""


class EvalError(ValueError):
    """A benchmark, model, data source or option that cannot work; the message names it and what to do."""

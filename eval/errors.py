"""The one error type of ``code2cot.eval``: bad input, said plainly, before any work is wasted."""


class EvalError(ValueError):
    """A benchmark, model, data source or option that cannot work; the message names it and what to do."""


class GenerationStopped(EvalError):
    """A backend had to stop mid-batch (the server went away, refused the key or the model).

    ``finished`` holds, per prompt of the batch, the generation that did complete (None where none
    did), so the runner can keep them before it stops: nothing already done is lost.
    """

    def __init__(self, message: str, finished: list) -> None:
        super().__init__(message)
        self.finished = finished

"""What every generation backend takes and returns, so the runner never knows which one it drives."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from code2cot.eval.errors import EvalError

Messages = list[dict[str, str]]
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")


@dataclass(frozen=True)
class GenerationParams:
    """Decoding settings, identical across backends; greedy (temperature 0) by default.

    ``enable_thinking``: passed to the chat template (Qwen3's switch between thinking and
    non-thinking mode); ``None`` leaves the template's default.
    """

    max_new_tokens: int = 2048
    temperature: float = 0.0
    top_p: float = 1.0
    top_k: int | None = None
    seed: int = 0
    enable_thinking: bool | None = None

    def __post_init__(self) -> None:
        if self.max_new_tokens < 1:
            raise EvalError(f"max_new_tokens must be >= 1, not {self.max_new_tokens}")
        if self.temperature < 0:
            raise EvalError(f"temperature must be >= 0, not {self.temperature}")
        if not 0 < self.top_p <= 1:
            raise EvalError(f"top_p must be in (0, 1], not {self.top_p}")

    @property
    def sampling(self) -> bool:
        return self.temperature > 0

    def chat_template_kwargs(self) -> dict[str, Any]:
        return {} if self.enable_thinking is None else {"enable_thinking": self.enable_thinking}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Generation:
    """One completion: its text, its length in the model's tokens, whether ``max_new_tokens`` cut it.

    ``error``: why there is no completion (e.g. the server refused the request); such a sample
    scores incorrect and is retried by the next run.
    """

    text: str
    n_tokens: int
    truncated: bool
    error: str | None = None


class Backend(Protocol):
    """Generates completions for chat prompts, in order."""

    model: str
    tokenizer: Any | None
    """The evaluated model's tokenizer where the backend has it (for repetition on token n-grams)."""
    chunk_size: int
    """How many prompts the runner hands over at once (and saves after)."""

    def generate(self, prompts: list[Messages], params: GenerationParams) -> list[Generation]: ...

    def close(self) -> None: ...


def is_hub_id(name: str) -> bool:
    return bool(_HUB_ID.fullmatch(name)) and not name.startswith((".", "/"))


def check_model_source(model: str) -> str:
    """``"local"`` for an existing folder, ``"hub"`` for an ``org/name`` id; anything else is an error."""
    path = Path(model).expanduser()
    if path.is_dir():
        return "local"
    if path.exists():
        raise EvalError(f"model {model!r} is a file; give the model's folder (with config.json) or a Hub id")
    if is_hub_id(model) and not path.parent.is_dir():
        return "hub"
    if is_hub_id(model):  # runs/typo, with a local runs/: a mistyped folder, not a Hub org of the same name
        raise EvalError(f"model path {model!r} does not exist ({path.parent}/ is a local folder: a typo?); "
                        "for a Hub model of that name, run from another directory")
    raise EvalError(f"model path {model!r} does not exist (and it is not a Hub id such as Qwen/Qwen3-4B)")


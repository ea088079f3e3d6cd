"""Generate with ``transformers``: a local folder or a Hub id, batched, on CPU or GPU.

Prompts go through the tokenizer's own chat template (``apply_chat_template`` with
``add_generation_prompt``; ``enable_thinking`` is a template variable), are left-padded and
generated in batches; a completion ends at the first EOS of the model's generation config, and
one that never reaches it within ``max_new_tokens`` is marked truncated.
"""

from __future__ import annotations

import logging
from typing import Any

from code2cot.eval.errors import EvalError

from .base import Generation, GenerationParams, Messages, check_model_source

logger = logging.getLogger("code2cot.eval")


def _device(requested: str) -> str:
    import torch

    if requested != "auto":
        if requested.startswith("cuda") and not torch.cuda.is_available():
            raise EvalError(f"--device {requested}: no CUDA GPU is visible to torch")
        return requested
    return "cuda" if torch.cuda.is_available() else "cpu"


def _dtype(requested: str, device: str):
    import torch

    if requested == "auto":
        if device.startswith("cuda") and torch.cuda.is_bf16_supported():
            return torch.bfloat16
        return torch.float32
    try:
        return {"bfloat16": torch.bfloat16, "bf16": torch.bfloat16, "float16": torch.float16, "fp16": torch.float16,
                "float32": torch.float32, "fp32": torch.float32}[requested]
    except KeyError:
        raise EvalError(f"--dtype {requested!r}: use auto, bfloat16, float16 or float32") from None


class TransformersBackend:
    """``AutoModelForCausalLM`` + ``AutoTokenizer``; ``batch_size`` prompts per ``generate`` call."""

    def __init__(self, model: str, *, batch_size: int = 8, device: str = "auto", dtype: str = "auto",
                 trust_remote_code: bool = False) -> None:
        check_model_source(model)
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.model = model
        self.chunk_size = max(1, batch_size)
        self.device = _device(device)
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(model, trust_remote_code=trust_remote_code)
            placement = {} if self.device == "cpu" else {"device_map": self.device}  # load straight onto the GPU
            self.lm = AutoModelForCausalLM.from_pretrained(model, dtype=_dtype(dtype, self.device),
                                                           trust_remote_code=trust_remote_code, **placement)
        except OSError as exc:
            raise EvalError(f"cannot load model {model!r}: {exc}") from exc
        self.lm.eval()
        self.tokenizer.padding_side = "left"  # decoder-only batches: new tokens must follow the prompt directly
        if self.tokenizer.pad_token is None:
            self.tokenizer.pad_token = self.tokenizer.eos_token
        self.eos_ids = self._eos_ids()

    def _eos_ids(self) -> set[int]:
        configured = self.lm.generation_config.eos_token_id
        ids = set(configured if isinstance(configured, list) else [configured] if configured is not None else [])
        if self.tokenizer.eos_token_id is not None:
            ids.add(self.tokenizer.eos_token_id)
        return ids

    def render(self, messages: Messages, params: GenerationParams) -> str:
        """The prompt text the model sees: its chat template, or the plain turns for a model without one."""
        if self.tokenizer.chat_template:
            return self.tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True,
                                                      **params.chat_template_kwargs())
        logger.warning("%s has no chat template: the prompt is sent as plain text", self.model)
        return "\n\n".join(m["content"] for m in messages)

    def generate(self, prompts: list[Messages], params: GenerationParams) -> list[Generation]:
        import torch
        from transformers import set_seed

        texts = [self.render(m, params) for m in prompts]
        batch = self.tokenizer(texts, return_tensors="pt", padding=True, add_special_tokens=False).to(self.device)
        sampling: dict[str, Any] = {"do_sample": params.sampling}
        if params.sampling:
            # top_k only when asked for: transformers would otherwise apply its own default of 50
            sampling.update(temperature=params.temperature, top_p=params.top_p, top_k=params.top_k or 0)
        else:  # no sampling knobs with greedy decoding (transformers warns about them otherwise)
            sampling.update(temperature=None, top_p=None, top_k=None)
        set_seed(params.seed)
        with torch.no_grad():
            out = self.lm.generate(**batch, max_new_tokens=params.max_new_tokens,
                                   pad_token_id=self.tokenizer.pad_token_id, **sampling)
        new = out[:, batch["input_ids"].shape[1]:].tolist()
        return [self._completion(ids) for ids in new]

    def _completion(self, ids: list[int]) -> Generation:
        end = next((i for i, token in enumerate(ids) if token in self.eos_ids), None)
        kept = ids if end is None else ids[:end]
        return Generation(text=self.tokenizer.decode(kept, skip_special_tokens=True), n_tokens=len(kept),
                          truncated=end is None)

    def close(self) -> None:
        import gc

        del self.lm
        gc.collect()

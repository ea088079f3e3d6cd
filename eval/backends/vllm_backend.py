"""Generate with vLLM in-process (``vllm.LLM.chat``) when it is installed: the fastest path on a GPU.

vLLM is imported only when this backend is chosen; without it the error says how to install it
or which backend to use instead. ``LLM.chat`` applies the model's chat template (with
``chat_template_kwargs`` such as ``enable_thinking``) and batches everything itself.
"""

from __future__ import annotations

from typing import Any

from code2cot.eval.errors import EvalError

from .base import Generation, GenerationParams, Messages, check_model_source


def vllm_available() -> bool:
    import importlib.util

    return importlib.util.find_spec("vllm") is not None


class VLLMBackend:
    """``vllm.LLM`` for ``model``; extra engine arguments (``tensor_parallel_size``, ...) pass through."""

    def __init__(self, model: str, *, dtype: str = "auto", seed: int = 0, **engine_args: Any) -> None:
        check_model_source(model)
        if not vllm_available():
            raise EvalError("the vllm backend needs vLLM installed (pip install vllm, on a CUDA machine); "
                            "or use --backend transformers, or --backend openai with a running `vllm serve`")
        from vllm import LLM

        self.model = model
        self.llm = LLM(model=model, dtype=dtype, seed=seed, **engine_args)
        self.tokenizer = self.llm.get_tokenizer()
        self.chunk_size = 512  # vLLM schedules the batch itself; chunks only bound what a crash can lose

    def generate(self, prompts: list[Messages], params: GenerationParams) -> list[Generation]:
        from vllm import SamplingParams

        sampling = SamplingParams(max_tokens=params.max_new_tokens, temperature=params.temperature,
                                  top_p=params.top_p, top_k=params.top_k or -1, seed=params.seed)
        kwargs: dict[str, Any] = {"use_tqdm": False}
        if params.chat_template_kwargs():
            kwargs["chat_template_kwargs"] = params.chat_template_kwargs()
        outputs = self.llm.chat(prompts, sampling_params=sampling, **kwargs)
        results = []
        for output in outputs:
            completion = output.outputs[0]
            results.append(Generation(text=completion.text, n_tokens=len(completion.token_ids),
                                      truncated=completion.finish_reason == "length"))
        return results

    def close(self) -> None:
        del self.llm

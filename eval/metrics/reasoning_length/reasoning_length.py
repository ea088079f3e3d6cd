"""reasoning_length: how long, how repetitive and how often cut off the outputs are (an ``evaluate`` module).

Load it by path, offline: ``evaluate.load("<...>/eval/metrics/reasoning_length")``. Tokens are
counted with the evaluated model's tokenizer (pass it, or its name/path; without one, whitespace
words); repetition is rep-n (share of n-grams repeating an earlier one, n=4); an output is
truncated when it reached ``max_new_tokens`` (or per the ``truncated`` flags a backend reported).
The logic is ``code2cot.eval.lengths``, shared with ``code2cot eval``.
"""

import datasets
import evaluate
from code2cot.eval.lengths import REPETITION_N, load_tokenizer, measure

_DESCRIPTION = """Output length statistics in the evaluated model's tokens (mean, median, p90), repetition rate
(rep-n: share of repeated n-grams) and truncation rate (share of outputs that hit max_new_tokens)."""

_KWARGS_DESCRIPTION = """
Args:
    predictions (list of str): the model outputs.
    tokenizer (tokenizer object or str, optional): the evaluated model's tokenizer, or its name/path.
    max_new_tokens (int, optional): the generation limit; outputs of that many tokens count as truncated.
    n_tokens (list of int, optional): token counts reported by the backend (used instead of counting).
    truncated (list of bool, optional): stop reasons reported by the backend (used instead of max_new_tokens).
    n (int, optional): n-gram size for the repetition rate (default 4).
Returns:
    mean_output_tokens, median_output_tokens, p90_output_tokens (float),
    repetition_rate (float, mean rep-n), truncation_rate (float).
Examples:
    >>> metric = evaluate.load("eval/metrics/reasoning_length")
    >>> metric.compute(predictions=["a b c d a b c d"], max_new_tokens=8)["truncation_rate"]
    1.0
"""

_CITATION = """@inproceedings{welleck2019neural,
  title     = {Neural Text Generation with Unlikelihood Training},
  author    = {Welleck, Sean and Kulikov, Ilia and Roller, Stephen and Dinan, Emily and Cho, Kyunghyun and Weston, Jason},
  booktitle = {ICLR},
  year      = {2020}
}"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class ReasoningLength(evaluate.Metric):
    """Length, repetition and truncation of model outputs (see the module docstring)."""

    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION, citation=_CITATION, inputs_description=_KWARGS_DESCRIPTION,
            features=datasets.Features({"predictions": datasets.Value("string")}),
        )

    def _compute(self, predictions, tokenizer=None, max_new_tokens=None, n_tokens=None, truncated=None,
                 n=REPETITION_N):
        if isinstance(tokenizer, str):
            tokenizer = load_tokenizer(tokenizer)
        return measure(predictions, tokenizer, max_new_tokens=max_new_tokens, n_tokens=n_tokens,
                       truncated=truncated, n=n)

"""answer_accuracy: is the answer in a model's output the benchmark's answer? (an ``evaluate`` module)

Load it by path, offline: ``evaluate.load("<...>/eval/metrics/answer_accuracy", "cruxeval-o")``.
The config name is an answer kind (python_literal, execution, numeric, math, exact) or a
registered benchmark name (cruxeval-o, cruxeval-i, gsm8k, math-500, livecodebench-exec,
code2cot-test), which picks that benchmark's kind; the default is ``exact``. The logic is
``code2cot.eval.answers`` (and ``code2cot.eval.execution`` for input prediction, which runs
``f(predicted input)`` in the code2cot sandbox), so this module and ``code2cot eval`` agree.
"""

import datasets
import evaluate
from code2cot.eval.answers import resolve_kind, score
from code2cot.eval.execution import InputCase, score_inputs

_DESCRIPTION = """Accuracy of the final answers in free-text model outputs, with per-benchmark extraction and
equivalence: Python-literal equality (CRUXEval-O, LiveCodeBench execution, code2cot test split), execution of
f(predicted_input) in a sandbox (CRUXEval-I), numeric equality (GSM8K), math-verify equivalence (MATH-500), or
normalised exact match. Unparseable answers are incorrect."""

_KWARGS_DESCRIPTION = """
Args:
    predictions (list of str): the model outputs, whole (reasoning included).
    references (list of str): the reference answers (for CRUXEval-I: the expected *output* of f).
    codes (list of str, execution kind only): the programs defining the entry point.
    entry_points (list of str, optional): function names for the execution kind (default "f").
    workers (int, optional): sandbox processes for the execution kind (default 2).
Returns:
    accuracy (float): share of correct answers.
    answered_rate (float): share of outputs in which an answer was found.
    n (int): number of outputs.
Examples:
    >>> metric = evaluate.load("eval/metrics/answer_accuracy", "cruxeval-o")
    >>> metric.compute(predictions=["[ANSWER]assert f(1) == [1, 2][/ANSWER]"], references=["[1, 2]"])
    {'accuracy': 1.0, 'answered_rate': 1.0, 'n': 1}
"""

_CITATION = """@inproceedings{jung2025code,
  title     = {Code Execution as Grounded Supervision for LLM Reasoning},
  author    = {Jung, Dongwon and Zhou, Wenxuan and Chen, Muhao},
  booktitle = {Proceedings of EMNLP},
  year      = {2025},
  url       = {https://arxiv.org/abs/2506.10343}
}"""


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class AnswerAccuracy(evaluate.Metric):
    """Per-benchmark answer accuracy (see the module docstring)."""

    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION, citation=_CITATION, inputs_description=_KWARGS_DESCRIPTION,
            features=datasets.Features({"predictions": datasets.Value("string"),
                                        "references": datasets.Value("string")}),
        )

    @property
    def kind(self) -> str:
        return "exact" if self.config_name in (None, "default") else resolve_kind(self.config_name)

    def _compute(self, predictions, references, codes=None, entry_points=None, workers=2):
        kind = self.kind
        if kind == "execution":
            if codes is None or len(codes) != len(predictions):
                raise ValueError("the execution kind needs `codes`: one program per prediction")
            points = entry_points or ["f"] * len(predictions)
            cases = [InputCase(str(i), code, ref, ep) for i, (code, ref, ep) in enumerate(zip(codes, references, points))]
            verdicts = score_inputs(cases, predictions, workers=workers)
        else:
            verdicts = [score(kind, pred, ref) for pred, ref in zip(predictions, references)]
        n = len(verdicts)
        return {
            "accuracy": sum(v.correct for v in verdicts) / n if n else 0.0,
            "answered_rate": sum(v.extracted is not None for v in verdicts) / n if n else 0.0,
            "n": n,
        }

"""Answer extraction/equivalence and length metrics: the plain functions and the local `evaluate` modules."""

from __future__ import annotations

import socket
import time

import pytest
from code2cot.eval import answers
from code2cot.eval.errors import EvalError
from code2cot.eval.lengths import measure, percentile, repetition_rate, token_ids
from eval_helpers import tiny_model_dir, tiny_tokenizer  # noqa: F401 (fixtures)


def crux(answer: str) -> str:
    return f"Let's execute the code step by step.\n[/THOUGHT]\n[ANSWER]\nassert f(x) == {answer}\n[/ANSWER]"


@pytest.mark.parametrize("output, reference, extracted, correct", [
    (crux("[1, 2]"), "[1, 2]", "[1, 2]", True),
    # nested literals: dict order is irrelevant, container types are not
    (crux("{'b': {4, 5}, 'a': [1, (2, 3)]}"), "{'a': [1, (2, 3)], 'b': {5, 4}}", "{'b': {4, 5}, 'a': [1, (2, 3)]}", True),
    (crux("[1, [2, 3]]"), "[1, (2, 3)]", "[1, [2, 3]]", False),
    (crux("{'a': [1, 2.0000000001]}"), "{'a': [1, 2.0]}", "{'a': [1, 2.0000000001]}", True),
    # float tolerance, both ways
    (crux("0.30000000000000004"), "0.3", "0.30000000000000004", True),
    (crux("0.31"), "0.3", "0.31", False),
    (crux("2.5"), "2.5", "2.5", True),
    # our own fine-tuning format, with a sentence-ending period and markdown
    ("We loop twice.\nTherefore, the final answer is: 'abc'.", "'abc'", "'abc'", True),
    ("Therefore, the final answer is: **[3, 4]**", "[3, 4]", "[3, 4]", True),
    ("So we get \\boxed{(1, 'x')}", "(1, 'x')", "(1, 'x')", True),
    # unparseable answers are wrong, never string-matched into correctness
    ("Therefore, the final answer is: abc", "'abc'", "abc", False),
    ("I am not sure what f returns.", "'abc'", None, False),
    (crux("f(3)"), "6", "f(3)", False),
    ("[ANSWER]\nassert f(1) ==\n[/ANSWER]", "1", None, False),
    # types are respected: True is not 1, a string is not a number
    (crux("True"), "1", "True", False),
    (crux("'1'"), "1", "'1'", False),
    # an answer inside the thinking does not count; the one after </think> does
    ("<think>Therefore, the final answer is: 1</think>\n[ANSWER]assert f(0) == 2[/ANSWER]", "2", "2", True),
    ("<think>[ANSWER]assert f(0) == 2[/ANSWER]</think>\nno idea", "2", None, False),
    # cut off while still thinking: a guess in the scratch work is no answer
    ("<think>so [ANSWER] assert f(1) == 3 [/ANSWER]. Hmm, actually", "3", None, False),
    # a bare literal that contains `==` is the whole answer, not its right half
    ("[ANSWER]\n'a==b'\n[/ANSWER]", "'a==b'", "'a==b'", True),
    # the assertion inside a fenced code block
    ("[ANSWER]\n```python\nassert f(1) == [2]\n```\n[/ANSWER]", "[2]", "[2]", True),
    # the assertion is parsed: `==` inside the call's arguments or a trailing comment do not confuse it
    ("[ANSWER]\nassert f('a==b', x=[1]) == 'a==b!'  # done\n[/ANSWER]", "'a==b!'", "'a==b!'", True),
    ("[ANSWER]\nassert f(1) == [1,\n  2]\n[/ANSWER]", "[1, 2]", "[1,\n  2]", True),
    ("[ANSWER]\n42\n[/ANSWER]", "42", "42", True),
    # the last [ANSWER] block wins
    ("[ANSWER]assert f(1) == 1[/ANSWER] wait, no: [ANSWER]assert f(1) == 3[/ANSWER]", "3", "3", True),
    # a reference that is not a literal is compared as text
    (crux("inf"), "inf", "inf", True),
])
def test_python_literal_answers(output, reference, extracted, correct):
    verdict = answers.score("python_literal", output, reference)
    assert verdict.extracted == extracted
    assert verdict.correct is correct


def test_a_hostile_literal_answer_is_never_evaluated():
    start = time.perf_counter()
    verdict = answers.score("python_literal", crux("9**9**9**9"), "1")
    huge = answers.score("python_literal", crux("[" + "1, " * 200_000 + "]"), "[1]")
    assert not verdict.correct and not huge.correct
    assert time.perf_counter() - start < 2  # literal_eval refuses `**`: nothing was computed


@pytest.mark.parametrize("output, reference, extracted, correct", [
    ("So she has \\boxed{1,000} pencils.", "1000", "1000", True),
    ("Step 1 ... #### 29", "29", "29", True),
    ("The new price is $900.00.", "900", "900", True),
    ("Therefore, the final answer is: 70 days.", "70", "70", True),
    ("\\boxed{\\frac{3}{4}}", "0.75", "0.75", True),
    ("\\boxed{-3}", "3", "-3", False),
    ("first 12 then 17, finally \\boxed{15}", "17", "15", False),  # the boxed answer beats later numbers
    ("I cannot solve this.", "4", None, False),
    ("Counting 1,2,3 gives three, so there are 3", "3", "3", True),  # "1,2,3" is no thousands-grouped number
    # extracted numbers are written without exponents, so they read back as the same value
    ("\\boxed{0.00001}", "0.00001", "0.00001", True),
    ("\\boxed{10000000000000000}", "10000000000000000", "10000000000000000", True),
    ("\\boxed{-\\frac{3}{4}}", "-0.75", "-0.75", True),
    ("<think>it is \\boxed{29}, I think, but", "29", None, False),  # cut off while thinking
])
def test_numeric_answers(output, reference, extracted, correct):
    verdict = answers.score("numeric", output, reference)
    assert (verdict.extracted, verdict.correct) == (extracted, correct)


def test_gsm8k_reference_is_the_number_after_the_marks():
    assert answers.gsm8k_reference("3 * 12 = <<3*12=36>>36\n#### 1,036") == "1036"


@pytest.mark.parametrize("output, reference, correct", [
    ("so the sum is $\\boxed{\\frac{11}{12}}$.", "\\frac{11}{12}", True),
    ("\\boxed{\\sqrt{50}}", "5\\sqrt{2}", True),  # symbolic equivalence, not string equality
    ("\\boxed{0.5}", "\\frac{1}{2}", True),
    ("The roots are \\boxed{3, 2}", "2, 3", True),
    ("\\boxed{\\left( 3, \\frac{\\pi}{2} \\right)}", "\\left( 3, \\frac{\\pi}{2} \\right)", True),
    ("\\boxed{7}", "5\\sqrt{2}", False),
    ("<think>\\boxed{4}</think> so \\boxed{5}", "4", False),
    ("The total is \\boxed{\\$18.90}.", "\\$18.90", True),  # an escaped dollar is a currency sign
    ("\\boxed{10\\%}", "10\\%", True),
])
def test_math_answers_use_math_verify(output, reference, correct):
    assert answers.score("math", output, reference).correct is correct


def test_math_unparseable_and_non_main_thread():
    assert answers.score("math", "no idea at all", "4") == answers.Scored(None, False)
    import threading

    box = {}
    worker = threading.Thread(target=lambda: box.update(v=answers.score("math", "\\boxed{\\frac{2}{4}}", "\\frac12")))
    worker.start()
    worker.join()
    assert box["v"].correct  # no SIGALRM outside the main thread, still scored


def test_exact_and_unknown_kinds():
    assert answers.score("exact", "Therefore, the final answer is:  Paris ", "paris ").correct is False
    assert answers.score("exact", "Therefore, the final answer is: 'Paris'", "Paris").correct is True
    assert answers.resolve_kind("gsm8k") == "numeric" and answers.resolve_kind("cruxeval-i") == "execution"
    with pytest.raises(ValueError, match="cruxeval-o"):
        answers.resolve_kind("cruxeval-x")
    with pytest.raises(ValueError, match="sandbox"):
        answers.score("execution", "x", "y")


@pytest.mark.parametrize("output, arguments", [
    ("[ANSWER]\nassert f([1, 2], k=3) == 4\n[/ANSWER]", "[1, 2], k=3"),
    ("[ANSWER]assert f('a==b') == 'x'[/ANSWER]", "'a==b'"),
    ("[ANSWER]assert f(1) == <something unparsable>[/ANSWER]", "1"),
    ("[ANSWER]\n```python\nassert f('x', 2) == 'xx'\n```\n[/ANSWER]", "'x', 2"),
    ("Therefore, the final answer is: f({'a': (1, 2)})", "{'a': (1, 2)}"),
    ("[ANSWER]assert g(1) == 2[/ANSWER]", None),  # another function
    ("[ANSWER]assert 2 == 2[/ANSWER]", None),
    ("no answer", None),
])
def test_call_arguments_extraction(output, arguments):
    assert answers.extract_call_arguments(output) == arguments


def test_repetition_rate_and_percentiles():
    assert repetition_rate([1, 2, 3, 4]) == 0.0
    assert repetition_rate([1, 2, 3, 4, 1, 2, 3, 4], n=4) == pytest.approx(1 - 4 / 5)
    assert repetition_rate([7] * 12, n=4) == pytest.approx(1 - 1 / 9)
    assert repetition_rate([1, 2], n=4) == 0.0
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90) == pytest.approx(9.1)  # numpy's linear default
    assert percentile([], 90) == 0.0


def test_measure_counts_with_the_tokenizer_and_flags_truncation(tiny_tokenizer):
    texts = ["def f(x): return x", "hello " * 20, ""]
    stats = measure(texts, tiny_tokenizer, max_new_tokens=len(token_ids(texts[1], tiny_tokenizer)))
    counts = [len(tiny_tokenizer.encode(t, add_special_tokens=False)) for t in texts]
    assert stats["mean_output_tokens"] == pytest.approx(sum(counts) / 3)
    assert stats["median_output_tokens"] == sorted(counts)[1]
    assert stats["truncation_rate"] == pytest.approx(1 / 3) and stats["repetition_rate"] > 0.2
    reported = measure(texts, None, n_tokens=[5, 7, 0], truncated=[False, False, True])
    assert reported["mean_output_tokens"] == 4 and reported["truncation_rate"] == pytest.approx(1 / 3)
    with pytest.raises(ValueError, match="token counts"):
        measure(texts, None, n_tokens=[1])


@pytest.fixture
def no_network(monkeypatch):
    """Any connection attempt fails the test: local `evaluate` modules must not touch the Hub."""
    def refuse(self, address):
        raise AssertionError(f"network access attempted: {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_EVALUATE_OFFLINE", "1")


def test_evaluate_modules_load_by_path_offline_and_agree_with_the_functions(no_network, tiny_tokenizer):
    import evaluate
    from code2cot.eval.metrics import load_metric, metric_path

    outputs = [crux("[4, 16]"), crux("{'ab': 2}"), "Therefore, the final answer is: 'EDOC4'", "no idea"]
    refs = ["[4, 16]", "{'ab': 2, 'cde': 3}", "'EDOC4'", "2.5"]
    accuracy = evaluate.load(metric_path("answer_accuracy"), "cruxeval-o")
    result = accuracy.compute(predictions=outputs, references=refs)
    assert result == {"accuracy": 0.5, "answered_rate": 0.75, "n": 4}
    assert sum(answers.score("python_literal", o, r).correct for o, r in zip(outputs, refs)) / 4 == result["accuracy"]
    by_file = evaluate.load(metric_path("answer_accuracy") + "/answer_accuracy.py", "numeric")
    assert by_file.compute(predictions=["\\boxed{12}", "#### 3"], references=["12", "4"])["accuracy"] == 0.5
    assert load_metric("answer_accuracy").compute(predictions=["Therefore, the final answer is: x"],
                                                  references=["x"])["accuracy"] == 1.0  # default: exact

    length = load_metric("reasoning_length")
    texts = ["a b c d a b c d", "x y"]
    assert length.compute(predictions=texts, tokenizer=tiny_tokenizer, max_new_tokens=10_000) == \
        measure(texts, tiny_tokenizer, max_new_tokens=10_000)
    words = length.compute(predictions=texts, max_new_tokens=8)
    assert words["mean_output_tokens"] == 5 and words["truncation_rate"] == 0.5
    assert words["repetition_rate"] == pytest.approx((0.2 + 0.0) / 2)


def test_unknown_metric_config_is_a_clear_error():
    from code2cot.eval.metrics import load_metric, metric_path

    with pytest.raises(ValueError, match="unknown metric"):
        metric_path("bleu")
    with pytest.raises(ValueError, match="known|kinds"):
        load_metric("answer_accuracy", "nope").compute(predictions=["a"], references=["a"])


def test_eval_error_is_a_value_error():
    assert issubclass(EvalError, ValueError)

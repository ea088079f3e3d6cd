"""CRUXEval (Gu et al., 2024): output prediction (-O) and input prediction (-I) on 800 short functions.

Data: ``cruxeval-org/cruxeval``, split ``test``; columns ``code`` (defines ``f``), ``input`` (the
argument text of ``f(...)``), ``output`` (``repr`` of the result), ``id``. Prompts: the benchmark's
own chain-of-thought prompts, verbatim from ``prompts.py`` of facebookresearch/cruxeval (MIT), so
scores compare with published ones. -O is scored by Python-literal equality, -I by running
``f(predicted input)`` in our sandbox (``code2cot.eval.execution``).
"""

from __future__ import annotations

from .registry import Benchmark, Sample, register, user_turn

HUB_ID = "cruxeval-org/cruxeval"

# facebookresearch/cruxeval, prompts.py: make_cot_output_prompt
COT_OUTPUT_PROMPT = """You are given a Python function and an assertion containing an input to the function. Complete the assertion with a literal (no unsimplified expressions, no function calls) containing the output when executing the provided code on the given input, even if the function is incorrect or incomplete. Do NOT output any extra information. Execute the program step by step before arriving at an answer, and provide the full assertion with the correct output in [ANSWER] and [/ANSWER] tags, following the examples.

[PYTHON]
def f(s):
    s = s + s
    return "b" + s + "a"
assert f("hi") == ??
[/PYTHON]
[THOUGHT]
Let's execute the code step by step:

1. The function f is defined, which takes a single argument s.
2. The function is called with the argument "hi", so within the function, s is initially "hi".
3. Inside the function, s is concatenated with itself, so s becomes "hihi".
4. The function then returns a new string that starts with "b", followed by the value of s (which is now "hihi"), and ends with "a".
5. The return value of the function is therefore "bhihia".
[/THOUGHT]
[ANSWER]
assert f("hi") == "bhihia"
[/ANSWER]

[PYTHON]
{code}
assert f({input}) == ??
[/PYTHON]
[THOUGHT]
"""

# facebookresearch/cruxeval, prompts.py: make_cot_input_prompt
COT_INPUT_PROMPT = """You will be given a function f and an output in the form f(??) == output. Your task is to find any input such that executing f on the input leads to the given output. There may be multiple answers, but only output one. First, think step by step. You MUST surround the answer with [ANSWER] and [/ANSWER] tags. Express your answer as a passing assertion containing the input and the given output.

[PYTHON]
def f(x):
    return x + 1
assert f(??) == 17
[/PYTHON]
[THOUGHT]
To find an input such that executing f on the input leads to the given output, we can work backwards from the given assertion. We know that f(??) == 17. 

Since the function f(x) returns x + 1, for f(??) to be equal to 17, the value of ?? should be 16. 
[/THOUGHT]
[ANSWER]
assert f(16) == 17
[/ANSWER]

[PYTHON]
{code}
assert f(??) == {output}
[/PYTHON]
[THOUGHT]
"""

COLUMNS = ("id", "code", "input", "output")


def output_sample(row: dict, index: int) -> Sample:
    prompt = COT_OUTPUT_PROMPT.format(code=row["code"], input=row["input"])
    return Sample(id=str(row["id"]), messages=user_turn(prompt), reference=row["output"],
                  meta={"input": row["input"]})


def input_sample(row: dict, index: int) -> Sample:
    prompt = COT_INPUT_PROMPT.format(code=row["code"], output=row["output"])
    return Sample(id=str(row["id"]), messages=user_turn(prompt), reference=row["output"],
                  meta={"code": row["code"], "entry_point": "f", "gold_input": row["input"]})


CRUXEVAL_O = register(Benchmark(
    name="cruxeval-o", hub_id=HUB_ID, split="test", answer_kind="python_literal", columns=COLUMNS,
    make_sample=output_sample, fixture="cruxeval.jsonl", contamination_column="code",
    description="CRUXEval output prediction: predict f(input), scored by Python-literal equality",
))
CRUXEVAL_I = register(Benchmark(
    name="cruxeval-i", hub_id=HUB_ID, split="test", answer_kind="execution", columns=COLUMNS,
    make_sample=input_sample, fixture="cruxeval.jsonl", contamination_column="code",
    description="CRUXEval input prediction: find x with f(x) == output, scored by running f(x) in the sandbox",
))

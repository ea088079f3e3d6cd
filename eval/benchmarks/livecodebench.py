"""LiveCodeBench code execution (Jain et al., 2024): predict the output of LeetCode-style functions.

Data: ``livecodebench/execution-v2``, split ``test``; columns ``question_id``, ``contest_id``,
``contest_date``, ``difficulty``, ``function_name``, ``code``, ``input`` (a whole call, e.g.
``countWays(nums = [1, 1])``), ``output``, ``id``, ``problem_id``, ``numsteps``. Prompt: the
chain-of-thought execution prompt and system message of LiveCodeBench's ``lcb_runner``
(``prompts/code_execution.py``, MIT), verbatim; scored by Python-literal equality.
"""

from __future__ import annotations

from .registry import Benchmark, Sample, register, user_turn

SYSTEM = "You are an expert at Python programming, code execution, test case generation, and fuzzing."

# LiveCodeBench, lcb_runner/prompts/code_execution.py: make_cot_output_prompt
COT_OUTPUT_PROMPT = """You are given a Python function and an assertion containing an input to the function. Complete the assertion with a literal (no unsimplified expressions, no function calls) containing the output when executing the provided code on the given input, even if the function is incorrect or incomplete. Do NOT output any extra information. Execute the program step by step before arriving at an answer, and provide the full assertion with the correct output in [ANSWER] and [/ANSWER] tags, following the examples.

[PYTHON]
def performOperation(s):
    s = s + s
    return "b" + s + "a"
assert performOperation(s = "hi") == ??
[/PYTHON]
[THOUGHT]
Let's execute the code step by step:

1. The function performOperation is defined, which takes a single argument s.
2. The function is called with the argument "hi", so within the function, s is initially "hi".
3. Inside the function, s is concatenated with itself, so s becomes "hihi".
4. The function then returns a new string that starts with "b", followed by the value of s (which is now "hihi"), and ends with "a".
5. The return value of the function is therefore "bhihia".
[/THOUGHT]
[ANSWER]
assert performOperation(s = "hi") == "bhihia"
[/ANSWER]

[PYTHON]
{code}
assert {input} == ??
[/PYTHON]
[THOUGHT]
"""


def make_sample(row: dict, index: int) -> Sample:
    prompt = COT_OUTPUT_PROMPT.format(code=row["code"], input=row["input"])
    return Sample(id=str(row["id"]), messages=user_turn(prompt, SYSTEM), reference=row["output"],
                  meta={"function_name": row["function_name"], "difficulty": row.get("difficulty")})


LIVECODEBENCH = register(Benchmark(
    name="livecodebench-exec", hub_id="livecodebench/execution-v2", split="test", answer_kind="python_literal",
    columns=("id", "function_name", "code", "input", "output"), make_sample=make_sample, contamination_column="code",
    fixture="livecodebench.jsonl",
    description="LiveCodeBench code execution (output prediction), scored by Python-literal equality",
))

"""Community contributions: `code2cot validate`, near-duplicate fingerprints, benchmark decontamination,
and the same filters in `code2cot build`. The shipped-corpus test is the CI gate on the corpus."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest
from code2cot.builder.build import build_dataset
from code2cot.builder.corpus import PROGRAMS_DIR
from code2cot.builder.decontaminate import (
    ContaminationIndex,
    load_benchmark_texts,
    normalize_string,
    read_benchmark_texts,
    word_ngrams,
)
from code2cot.builder.fingerprint import fingerprint
from code2cot.builder.validate import CHECKS, main, validate_paths

DATA = Path(__file__).parent / "data"
TEXTS = DATA / "benchmark_texts.jsonl"  # CRUXEval/GSM8K-style texts written for these tests
SHIPPED = PROGRAMS_DIR / "arithmetic" / "fraction_sum.py"
WORKERS = os.cpu_count() or 2

GOOD = '''PROBLEM = """A baker packs cookies into boxes of a fixed size. How many boxes are filled completely, and how many cookies are left over?"""
IO_REQUIREMENTS = """Input: cookies (int >= 0), box (int > 0). Output: dict with "boxes" and "left"."""
LICENSE = "Apache-2.0"
INPUTS = [{"cookies": 30, "box": 12}, {"cookies": 12, "box": 12}, {"cookies": 5, "box": 6}]


def main_solution(cookies, box):
    boxes = 0
    while cookies >= box:
        cookies -= box
        boxes += 1
    return {"boxes": boxes, "left": cookies}
'''

HEADER = 'PROBLEM = """{problem}"""\nLICENSE = "MIT"\nINPUTS = {inputs}\n\n\n'

BAD = {
    "syntax_error.py": HEADER.format(problem="Add two numbers and return their sum to the caller.",
                                     inputs='[{"a": 1, "b": 2}]')
    + "def main_solution(a, b)\n    return a + b\n",
    "hash_seed.py": HEADER.format(problem="Put each word into one of a few buckets by hashing the word.",
                                  inputs='[{"words": ["apple", "pear", "fig"], "buckets": 7}]')
    + "def main_solution(words, buckets):\n    return [hash(w) % buckets for w in words]\n",
    "clock.py": HEADER.format(problem="Give each customer a ticket number taken from the current time.",
                              inputs='[{"prefix": "A"}]')
    + "import time\n\n\ndef main_solution(prefix):\n    return prefix + str(time.time_ns())\n",
    "forbidden_import.py": HEADER.format(problem="Count the characters of a name as the operating system sees them.",
                                         inputs='[{"name": "abc"}]')
    + "import os\n\n\ndef main_solution(name):\n    return len(os.fsencode(name))\n",
    "no_license.py": 'PROBLEM = """Double every number of a list and return the new list."""\n'
                     'INPUTS = [{"xs": [1, 2]}]\n\n\ndef main_solution(xs):\n    return [2 * x for x in xs]\n',
    "repeated_inputs.py": HEADER.format(problem="Halve every number of a list and return the new list.",
                                        inputs='[{"xs": [2, 4]}, {"xs": [6]}, {"xs": [2, 4]}]')
    + "def main_solution(xs):\n    return [x // 2 for x in xs]\n",
    "no_entry.py": HEADER.format(problem="Triple every number of a list and return the new list.",
                                 inputs='[{"xs": [1, 2]}]')
    + "def solve(xs):\n    return [3 * x for x in xs]\n",
    "own_repr.py": HEADER.format(problem="Split a total into whole units and the amount left over.",
                                 inputs='[{"total": 17, "unit": 5}]')
    + "class Split:\n    def __init__(self, units, rest):\n        self.units, self.rest = units, rest\n\n"
      "    def __repr__(self):\n        return f'{self.units} r {self.rest}'\n\n\n"
      "def main_solution(total, unit):\n    return Split(total // unit, total % unit)\n",
    # a CRUXEval-style benchmark function pasted in as a contribution (its text is in TEXTS)
    "pasted_benchmark.py": 'PROBLEM = """Square the even numbers of a list, keeping their order."""\nLICENSE = "MIT"\n'
                           'ENTRY_POINT = "f"\nINPUTS = [{"nums": [1, 2, 3, 4]}, {"nums": [5, 6]}]\n\n\n'
                           "def f(nums):\n    out = []\n    for n in nums:\n        if n % 2 == 0:\n"
                           "            out.append(n * n)\n    return out\n",
}

RENAMES = {"gcd": "greatest_divisor", "parse": "read_term", "add": "plus", "as_text": "render", "num": "top",
           "den": "bottom", "terms": "fractions_in", "steps": "history", "term": "item", "common": "lcd",
           "total": "acc", "divisor": "g", "whole": "integer_part", "rest": "remainder", "a": "x", "b": "y"}


def renamed_copy(source: str) -> str:
    """The program with identifiers renamed (NAME tokens only, strings untouched), comments and a
    docstring added, a new problem text: what a copy-paste contribution of a shipped program looks like."""
    tokens = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NAME and token.string in RENAMES:
            token = token._replace(string=RENAMES[token.string])
        tokens.append(token)
    text = tokenize.untokenize(tokens)
    text = text.replace('{"terms":', '{"fractions_in":')  # the INPUTS keys follow the renamed argument
    text = text.replace("def plus(", '# helper\ndef plus(').replace(
        "def main_solution(fractions_in):", 'def main_solution(fractions_in):\n    """Add them up."""  # entry')
    start, end = text.index('PROBLEM = """'), text.index('"""\nIO_REQUIREMENTS')
    return text[:start] + 'PROBLEM = """Sum a list of fractions, showing every running total in lowest terms.' + text[end:]


@pytest.fixture(scope="module")
def contributions(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("contrib")
    (folder / "good.py").write_text(GOOD)
    for name, text in BAD.items():
        (folder / name).write_text(text)
    (folder / "renamed_copy.py").write_text(renamed_copy(SHIPPED.read_text()))
    return folder


@pytest.fixture(scope="module")
def reports(contributions):
    index = ContaminationIndex(read_benchmark_texts(TEXTS))
    found = validate_paths(sorted(contributions.glob("*.py")), index=index, workers=WORKERS)
    return {Path(r.program).name: r for r in found}


def failing(report) -> dict[str, str]:
    return {c.check: c.reason for c in report.checks if c.passed is False}


# -- the pieces -------------------------------------------------------------------------------
def test_fingerprint_sees_through_renaming_but_not_changes():
    original = SHIPPED.read_text()
    copy = renamed_copy(original)
    assert copy != original and "greatest_divisor" in copy and "Add them up" in copy
    assert fingerprint(copy) == fingerprint(original) is not None
    changed = original.replace("num_a * (common // den_a)", "num_a * (common // den_b)")
    assert changed != original and fingerprint(changed) != fingerprint(original)
    assert fingerprint(original.replace('"-" if num < 0', '"+" if num < 0')) != fingerprint(original)  # a constant
    assert fingerprint("def f(:\n") is None
    # formatting, annotations, comments and a __main__ block do not matter; a class's attribute names neither
    a = "class Box:\n    def __init__(self, n):\n        self.n = n\n    def twice(self):\n        return self.n * 2\n"
    b = ("class Crate:  # renamed\n    def __init__(self, size: int) -> None:\n        self.size = size\n\n"
         "    def double(self) -> int:\n        '''Twice.'''\n        return self.size * 2\n\n\n"
         "if __name__ == '__main__':\n    print(Crate(2).double())\n")
    assert fingerprint(a) == fingerprint(b)
    # a parameter renamed: keywords of the program's own calls follow it, a library's keywords (reverse=) stay
    c = "def f(nums, reverse):\n    return sorted(nums, reverse=reverse) + g(x=reverse)\ndef g(x):\n    return [x]\n"
    d = "def f(values, down):\n    return sorted(values, reverse=down) + h(y=down)\ndef h(y):\n    return [y]\n"
    assert fingerprint(c) == fingerprint(d)
    assert fingerprint(c) != fingerprint(c.replace("reverse=reverse", "key=reverse"))
    # with the entry point: which function is called counts, under any name; one the code lacks is not a copy
    assert fingerprint(c, "f") == fingerprint(d, "f") != fingerprint(c, "g") == fingerprint(d, "h")
    assert fingerprint(c, "solve") != fingerprint(c, "f") and fingerprint(c, "solve") == fingerprint(d, "solve")
    assert fingerprint(c, "solve") != fingerprint(c, "nope")  # two broken copies are not one another's original


def test_validate_compares_programs_as_the_build_does(tmp_path):
    code = "\n\ndef main_solution(n):\n    return n * 3\n"
    head = 'PROBLEM = """Triple a whole number and return the result."""\nLICENSE = "MIT"\n'
    (tmp_path / "a_broken.py").write_text(head + 'ENTRY_POINT = "solve"\nINPUTS = [{"n": 1}]\n' + code)
    (tmp_path / "b_good.py").write_text(head + 'INPUTS = [{"n": 2}, {"n": 3}]\n' + code)
    reports = {Path(r.program).name: r for r in validate_paths(sorted(tmp_path.glob("*.py")), index=ContaminationIndex({}),
                                                               workers=1)}
    assert reports["b_good.py"].check("duplicate").passed, reports["b_good.py"].check("duplicate").reason
    assert reports["a_broken.py"].check("entry_point").passed is False


def test_a_copy_whose_metadata_names_a_missing_function_does_not_shadow_the_working_one(tmp_path):
    from code2cot.builder.build import build_dataset

    code = "\n\ndef main_solution(n):\n    return n * 3\n"
    (tmp_path / "a_broken.py").write_text('PROBLEM = """Triple n."""\nENTRY_POINT = "solve"\nINPUTS = [{"n": 1}]\n' + code)
    (tmp_path / "b_good.py").write_text('PROBLEM = """Triple n."""\nINPUTS = [{"n": 2}, {"n": 3}]\n' + code)
    summary = build_dataset(tmp_path / "out", source=str(tmp_path), test_fraction=0.0, num_proc=1, decontaminate=False)
    assert summary.splits["train"] == 2 and summary.reasons == {"missing_entry_point/missing_entry_point": 1}


def test_shipped_corpus_has_no_internal_duplicates():
    files = sorted(PROGRAMS_DIR.rglob("*.py"))
    digests = {}
    for file in files:
        digests.setdefault(fingerprint(file.read_text()), []).append(file.name)
    assert [names for names in digests.values() if len(names) > 1] == []
    assert len(files) >= 150


def test_ngrams_follow_open_r1():
    assert normalize_string("  Def F(X):\n\n   RETURN x ") == "def f(x): return x"
    assert word_ngrams("a b c", 8) == [] and len(word_ngrams(" ".join("abcdefghij"), 8)) == 3
    index = ContaminationIndex({"bench": ["one two three four five six seven eight nine", "too short to match"]})
    assert index.matches(["ONE two   three four\nfive six seven EIGHT"])[0].benchmark == "bench"
    assert index.matches(["one two three four five six seven"]) == []  # 7 words: no 8-gram
    assert index.matches(["too short to match"]) == []  # texts under 8 words have no n-grams (as in open-r1)


def test_prose_needs_one_shared_ngram_code_needs_most_of_the_item():
    texts = read_benchmark_texts(TEXTS)
    index = ContaminationIndex(texts)
    question = texts.texts["gsm8k"][0]
    pasted = index.matches([f"Word problem. {question.upper()}", "def main_solution():\n    return 45\n"])
    assert [(m.benchmark, m.code) for m in pasted] == [("gsm8k", False)]  # open-r1's rule on prose
    # a common code idiom shared with a benchmark function is not contamination ...
    idiom = "def main_solution(nums, target):\n    n = len(nums)\n    res = 0\n    for i in range(n):\n" \
            "        res += nums[i] * target\n    return res\n"
    assert "n = len(nums) res = 0 for i in range(n):" in normalize_string(texts.texts["livecodebench-exec"][0])
    assert index.matches([idiom]) == []
    assert ContaminationIndex(texts, code_overlap=0).matches([idiom])[0].shared >= 1  # open-r1's rule would flag it
    # ... most of the benchmark function is
    lcb = texts.texts["livecodebench-exec"][0].replace("countPairs", "main_solution")
    [match] = index.matches([lcb])
    assert match.benchmark == "livecodebench-exec" and match.code and match.shared >= match.item_ngrams // 2


def test_eval_registry_unavailable_benchmarks_are_named(monkeypatch):
    """The eval registry interface: contamination_texts(); failures are listed by name, never silently passed."""
    import types

    class Ready:
        def contamination_texts(self):
            return ["def f(x):\n    return [y for y in x if y > 0] + [0] * len(x)"]

    class Offline:
        def contamination_texts(self):
            raise ConnectionError("Couldn't reach 'org/bench' on the Hub")

    class Old:  # an eval benchmark without the method
        pass

    fake = types.ModuleType("code2cot.eval.benchmarks")
    fake.REGISTRY = {"ready": Ready(), "offline": Offline(), "old": Old(), "code2cot-test": Ready()}
    monkeypatch.setitem(sys.modules, "code2cot.eval.benchmarks", fake)
    import code2cot.builder.decontaminate as decontaminate

    monkeypatch.setattr(decontaminate, "hub_reachable", lambda: True)  # online: the loader's own error is kept
    loaded = load_benchmark_texts()
    assert set(loaded.texts) == {"ready"}  # code2cot-test (our own data) is never a contamination source
    assert set(loaded.unavailable) == {"offline", "old"}
    assert "Couldn't reach" in loaded.unavailable["offline"] and "contamination_texts" in loaded.unavailable["old"]
    monkeypatch.setattr(decontaminate, "hub_reachable", lambda: False)  # offline: one reason for all of them
    assert "Hub is unreachable" in load_benchmark_texts().unavailable["offline"]
    index = ContaminationIndex(loaded)
    assert "ready (1 text)" in index.describe() and "NOT checked" in index.describe() and "offline" in index.describe()
    with pytest.raises(ValueError, match="unknown benchmark"):
        load_benchmark_texts(["nope"])
    with pytest.raises(RuntimeError, match="offline"):
        load_benchmark_texts(["offline"], offline_ok=False)


# -- code2cot validate --------------------------------------------------------------------------------
def test_valid_contribution_passes(reports):
    good = reports["good.py"]
    assert good.passed and [c.check for c in good.checks] == list(CHECKS)
    assert all(c.passed is True for c in good.checks), good.checks
    assert "cruxeval-o" in good.check("contamination").reason and good.inputs == 3


@pytest.mark.parametrize("name, check, needle", [
    ("syntax_error.py", "parses", "line 6: expected ':'"),
    ("hash_seed.py", "deterministic", "two runs differ"),
    ("clock.py", "deterministic", "two runs differ"),
    ("clock.py", "imports", "import of 'time'"),
    ("forbidden_import.py", "imports", "import of 'os'"),
    ("no_license.py", "license", "no license declared"),
    ("repeated_inputs.py", "metadata", "input #2 (xs=[2, 4]) repeats input #0"),
    ("no_entry.py", "entry_point", "no top-level function main_solution() (found: solve)"),
    ("own_repr.py", "runs", "returns 3 r 2 but holds Split(units=3, rest=2) (a custom __repr__"),
    ("renamed_copy.py", "duplicate", "builder/corpus/programs/arithmetic/fraction_sum.py"),
    ("pasted_benchmark.py", "contamination", "13 of the 13 word 8-grams of cruxeval-o code #0 (100%)"),
])
def test_each_failure_is_reported_with_its_reason(reports, name, check, needle):
    report = reports[name]
    assert not report.passed
    reasons = failing(report)
    assert check in reasons and needle in reasons[check], reasons


def test_failures_are_precise(reports):
    """Each bad contribution fails for its own reason(s) only; what cannot run is skipped, not failed."""
    expected = {"syntax_error.py": {"parses"}, "hash_seed.py": {"deterministic"},
                "clock.py": {"imports", "deterministic"}, "forbidden_import.py": {"imports"},
                "no_license.py": {"license"}, "no_entry.py": {"entry_point"}, "repeated_inputs.py": {"metadata"}, "renamed_copy.py": {"duplicate"},
                "pasted_benchmark.py": {"contamination"}, "own_repr.py": {"runs"}}
    assert {name: set(failing(reports[name])) for name in expected} == expected
    broken = reports["syntax_error.py"]
    assert broken.check("runs").passed is None and "does not parse" in broken.check("runs").reason
    assert "same normalised AST" in reports["renamed_copy.py"].check("duplicate").reason
    repeated = reports["repeated_inputs.py"]
    assert repeated.check("license").passed and repeated.check("runs").passed  # the rest is still checked


def test_cli_exit_codes_text_and_json(contributions, tmp_path, capsys):
    good, bad = contributions / "good.py", contributions / "pasted_benchmark.py"
    assert main([str(good), "--benchmark-texts", str(TEXTS)]) == 0
    text = capsys.readouterr().out
    assert "PASS" in text and "benchmarks checked for contamination (8-gram overlap): cruxeval-o" in text
    assert main([str(good), str(bad), "--benchmark-texts", str(TEXTS), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["passed"] is False and [p["passed"] for p in data["programs"]] == [True, False]
    assert data["benchmarks"]["checked"]["cruxeval-o"] == 3
    contamination = next(c for c in data["programs"][1]["checks"] if c["check"] == "contamination")
    assert contamination["passed"] is False and "cruxeval-o" in contamination["reason"]
    # bad usage: 2, with a clear message
    assert main([str(tmp_path / "missing.py")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    broken = tmp_path / "texts.jsonl"
    broken.write_text('{"benchmark": "x"}\n')
    assert main([str(good), "--benchmark-texts", str(broken)]) == 2
    assert "expected {" in capsys.readouterr().err
    # as a command, in its own process
    done = subprocess.run([sys.executable, "-m", "code2cot.builder.validate", str(tmp_path / "nope")],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no such file or folder" in done.stderr


def test_pyedu_records_are_validated(tmp_path, capsys):
    record = {"problem_description": "Sum the numbers of a list and report the total to the caller.",
              "io_requirements": "xs (list of int) -> int", "license": "MIT",
              "refcode": "def main_solution(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
              "funcname": "main_solution", "ios": [{"input": {"xs": [1, 2]}, "output": 3}]}
    unlicensed = dict(record, license=None, refcode=record["refcode"].replace("total", "acc"))
    path = tmp_path / "pyedu.jsonl"
    wrong_types = [dict(record, problem_description=["a", "list"]), dict(record, io_requirements={"xs": "list"})]
    path.write_bytes((json.dumps(record) + "\n" + json.dumps(unlicensed) + "\nnot json\n"
                      + "".join(json.dumps(r) + "\n" for r in wrong_types)).encode()
                     + json.dumps(dict(record, problem_description="Caf\u00e9 totals")).encode().replace(
                         b"\\u00e9", "\u00e9".encode("latin-1")) + b"\n")
    found = validate_paths([path], index=ContaminationIndex({}), workers=WORKERS)
    assert [r.program.rsplit(":", 1)[1] for r in found] == ["1", "2", "3", "4", "5", "6"]
    assert found[0].passed and found[0].check("contamination").passed is None  # nothing to check against: said
    assert set(failing(found[1])) == {"license", "duplicate"}  # same program as line 1, renamed
    assert failing(found[2]) == {"parses": "not valid JSON (Expecting value)"}
    assert failing(found[3])["metadata"] == "'problem_description' must be a string, not list"
    assert failing(found[4])["metadata"] == "'io_requirements' must be a string, not dict"
    assert failing(found[5])["parses"].startswith("not UTF-8 text (byte 0xe9 at column")


def test_shipped_corpus_validates():
    """The CI gate: every shipped program passes every check (local benchmark texts for contamination)."""
    index = ContaminationIndex(read_benchmark_texts(TEXTS))
    found = validate_paths([PROGRAMS_DIR], index=index, workers=WORKERS)
    assert len(found) >= 150
    failures = {r.program: failing(r) for r in found if not r.passed}
    assert failures == {}


# -- code2cot build ---------------------------------------------------------------------------------
def test_build_rejects_duplicates_and_contaminated_programs_with_counts(contributions, tmp_path):
    programs = tmp_path / "programs"
    programs.mkdir()
    (programs / "a_good.py").write_text(GOOD)
    (programs / "b_shipped.py").write_text(SHIPPED.read_text())
    (programs / "c_renamed.py").write_text(renamed_copy(SHIPPED.read_text()))
    (programs / "d_pasted.py").write_text(BAD["pasted_benchmark.py"])
    out = tmp_path / "out"
    summary = build_dataset(out, source=str(programs), test_fraction=0.0, num_proc=1, benchmark_texts=str(TEXTS))
    rejected = [json.loads(line) for line in (out / "rejected.jsonl").read_text().splitlines()]
    by_reason = {}
    for row in rejected:
        by_reason.setdefault(row["reason"], []).append(row["problem_id"])
    assert by_reason == {"duplicate_program": ["c_renamed"] * 4, "contaminated": ["d_pasted"] * 2}
    assert "b_shipped" in next(r["error"] for r in rejected if r["reason"] == "duplicate_program")
    assert "cruxeval-o" in next(r["error"] for r in rejected if r["reason"] == "contaminated")
    assert summary.splits["train"] == 3 + 4
    assert summary.program_filters["duplicate_programs"] == 1
    assert summary.program_filters["decontamination"]["contaminated_programs"] == 1
    assert summary.program_filters["decontamination"]["checked"]["cruxeval-o"] == 3
    table = summary.table()
    assert "duplicate programs: 1 (4 samples)" in table and "contaminated programs: 1 (2 samples)" in table
    config = json.loads((out / "build_config.json").read_text())
    assert config["options"]["benchmark_texts"] == str(TEXTS)
    assert config["summary"]["program_filters"]["duplicate_programs"] == 1
    # both filters can be switched off
    again = build_dataset(tmp_path / "off", source=str(programs), test_fraction=0.0, num_proc=1,
                          dedup_programs=False, decontaminate=False)
    assert again.splits["train"] == 3 + 4 + 4 + 2 and again.program_filters["decontamination"] is None

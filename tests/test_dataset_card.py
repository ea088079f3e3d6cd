"""The dataset card: generated from a build folder, valid YAML, merged without losing others' keys."""

from __future__ import annotations

from pathlib import Path

from huggingface_hub import DatasetCard

from code2cot.builder.build import build_dataset
from code2cot.hub.dataset_card import END, START, merge_cards, render_dataset_card
from test_build import make_corpus


def test_card_from_build_folder(tmp_path, monkeypatch):
    import datasets
    import pyarrow.parquet as pq

    out = tmp_path / "out"
    build_dataset(out, source=str(make_corpus(tmp_path / "programs")), test_fraction=0.3, num_proc=2)
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    card = render_dataset_card(out, repo_id="me/grounded")
    assert not (tmp_path / "hf-cache").exists(), "making the card copied the data into datasets' cache"
    first = pq.read_table(sorted((out / "data").glob("train-*.parquet"))[0]).slice(0, 1).to_pylist()[0]
    assert first["cot"].strip() in card.text, "the example is not the first train row"
    card.save(out / "README.md")
    loaded = DatasetCard.load(out / "README.md")
    data = loaded.data.to_dict()
    assert data["license"] == "apache-2.0" and "chain-of-thought" in data["tags"]
    # train first: the order load_dataset returns the splits in, as on every Hub dataset
    assert data["configs"][0]["data_files"] == [{"split": "train", "path": "data/train-*.parquet"},
                                                {"split": "test", "path": "data/test-*.parquet"}]
    assert data["size_categories"] == ["n<1K"] and data["task_categories"]
    text = loaded.text
    for needle in ("## How it is built", "## Statistics", "duplicate_input", "assets/trace_steps.png",
                   "## Example", "Therefore, the final answer is:", "## Schema", 'load_dataset("me/grounded")',
                   "streaming=True", "## Contributing programs", "arXiv:2506.10343", "## Limitations", "Jung"):
        assert needle in text, needle
    assert (out / "assets" / "trace_steps.png").stat().st_size > 1000
    assert (out / "assets" / "cot_length.png").stat().st_size > 1000


def test_merge_keeps_foreign_yaml_and_text():
    ours = DatasetCard(f"---\nlicense: apache-2.0\ntags: [code2cot]\nconfigs:\n- config_name: default\n"
                       f"  data_files: data/*.parquet\n---\n{START}\nnew body\n{END}\n")
    theirs = DatasetCard(f"---\nlicense: mit\ntags: [curated]\ndataset_info:\n  features: []\nconfigs:\n"
                         f"- config_name: extra\n  data_files: extra/*.parquet\n- config_name: default\n"
                         f"  data_files: old/*.parquet\n---\n# Notes by the maintainers\n\nKeep me.\n\n"
                         f"{START}\nold body\n{END}\n\nFooter by others.\n")
    merged = merge_cards(ours, theirs)
    data = merged.data.to_dict()
    assert data["license"] == "mit"  # a value written by others survives
    assert data["dataset_info"] == {"features": []}
    assert data["tags"] == ["curated", "code2cot"]
    assert [c["config_name"] for c in data["configs"]] == ["extra", "default"]
    assert data["configs"][1]["data_files"] == "data/*.parquet"
    assert "Keep me." in merged.text and "Footer by others." in merged.text
    assert "new body" in merged.text and "old body" not in merged.text
    assert merge_cards(ours, None) is ours
    assert DatasetCard(str(merged)).data.to_dict() == data  # round-trips as valid YAML


def test_card_says_which_benchmarks_were_checked_and_which_were_not(tmp_path, monkeypatch):
    import code2cot.builder.decontaminate as decontaminate

    monkeypatch.setattr(decontaminate, "hub_reachable", lambda: False)  # the registry's Hub data: unavailable
    texts = str(Path(__file__).parent / "data" / "benchmark_texts.jsonl")
    out = tmp_path / "out"
    build_dataset(out, source=str(make_corpus(tmp_path / "programs")), num_proc=1, benchmark_texts=texts,
                  decontamination_benchmarks="cruxeval-i")
    text = render_dataset_card(out).text
    section = text[text.index("### Duplicates and benchmark contamination"):text.index("![Trace steps")]
    assert "Near-duplicate programs" in section and "dropped: 0" in section
    assert "`cruxeval-o` (" in section  # from the local texts file
    assert "`gsm8k` (1 text)" in section
    assert "**Not checked**" in section and "`cruxeval-i`" in section  # asked for, but not loadable offline
    out2 = tmp_path / "out2"
    build_dataset(out2, source=str(make_corpus(tmp_path / "programs2")), num_proc=1, decontaminate=False,
                  dedup_programs=False)
    section = render_dataset_card(out2).text
    assert "Benchmark decontamination: off" in section and "not checked (`dedup_programs` off)" in section


def test_size_categories_use_the_hubs_vocabulary():
    from code2cot.hub.dataset_card import _size_category

    assert [_size_category(n) for n in (999, 1_000, 999_999, 1_000_000, 12_000_000)] == \
        ["n<1K", "1K<n<10K", "100K<n<1M", "1M<n<10M", "10M<n<100M"]


def test_program_text_cannot_break_the_card_and_the_card_tells_the_truth_about_its_data(tmp_path, monkeypatch):
    import json

    import datasets

    nasty = ("Add two numbers and report the total to the caller.\n````\n" + END + "\n## Schema\n{{ x }}")
    rows = [{"problem_description": nasty, "io_requirements": "", "license": "MIT", "id": f"p{i}",
             "refcode": f"def main_solution(a):\n    return a + {i}\n", "ios": [{"input": {"a": 1}, "output": 1 + i}]}
            for i in range(3)]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyedu.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    monkeypatch.chdir(tmp_path)  # a relative --source, then the card rendered from elsewhere (as push does)
    build_dataset(tmp_path / "out", source="sub/pyedu.jsonl", test_fraction=0.0, decontaminate=False,
                  dedup_programs=False)
    monkeypatch.chdir("/")
    card = render_dataset_card(tmp_path / "out", "test-user/nasty")
    text = str(card)
    assert text.count(END) == 1 and text.count("````` ") == 0
    assert "`````text\n" in text  # a fence longer than the example's own backtick run
    assert text.count("## Schema\n\n| column") == 1
    data = card.data.to_dict()
    assert data["license"] == "mit"  # the programs' own license, not ours
    assert data["source_datasets"] == ["original"] and str(tmp_path) not in text  # no local path as a Hub id
    assert "| test |" not in text  # a train-only build lists no empty split
    merged = merge_cards(card, DatasetCard(text))
    assert str(merged).count(END) == 1 and str(merged).count("## Schema\n\n| column") == 1
    # (a private cache: datasets keys a folder's cache by its name, and other tests build folders named "out")
    assert len(datasets.load_dataset(str(tmp_path / "out"), split="train", cache_dir=str(tmp_path / "c"))) == 3


def test_cruxeval_rows_sharing_code_are_one_problem_in_one_split(tmp_path):
    import json

    import datasets

    source = tmp_path / "crux.jsonl"
    source.write_text("".join(json.dumps({"id": f"s{i}", "code": "def f(x):\n    return x * 2\n", "input": str(i)})
                              + "\n" for i in range(8)))
    build_dataset(tmp_path / "out", source=str(source), test_fraction=0.5, decontaminate=False)
    splits = datasets.load_dataset(str(tmp_path / "out"), cache_dir=str(tmp_path / "cache"))
    assert sum(len(split) for split in splits.values()) == 5  # one problem: at most 5 inputs, nothing else lost
    assert len(splits) == 1  # and all of it in one split


def test_the_card_claims_a_programs_license_only_when_every_program_has_it():
    from code2cot.hub.dataset_card import _card_license

    assert _card_license(["MIT"]) == "mit" and _card_license(["Apache-2.0"]) == "apache-2.0"
    assert _card_license(["None"]) == "apache-2.0" and _card_license([]) == "apache-2.0"  # the build's default
    assert _card_license(["Apache-2.0", "None"]) == "apache-2.0"  # an undeclared program counts as the default
    assert _card_license(["MIT", "None"]) == "other"  # so MIT is not claimed for it
    assert _card_license(["MIT", "Apache-2.0"]) == "other"


def test_a_build_answered_from_the_cache_says_so_instead_of_zero_requests(tmp_path):
    import json

    out = tmp_path / "out"
    build_dataset(out, source=str(make_corpus(tmp_path / "programs", problems=2)), test_fraction=0.0, num_proc=1)
    config = json.loads((out / "build_config.json").read_text())
    for llm, reused in (({"requests": 0, "prompt_tokens": 0, "completion_tokens": 0, "cache_hits": 12}, True),
                        ({"requests": 5, "prompt_tokens": 900, "completion_tokens": 80, "cache_hits": 0}, False)):
        config["summary"]["llm"] = llm
        (out / "build_config.json").write_text(json.dumps(config))
        text = render_dataset_card(out).text
        assert f"| LLM requests (retries and re-asks after a wrong answer included) | {llm['requests']} |" in text
        assert ("| LLM answers reused from the cache (asked for, and counted, by an earlier run) | 12 |" in text) == reused

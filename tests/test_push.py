"""`code2cot push` end to end against a local Hub look-alike, with the real huggingface_hub client."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import datasets
import pytest
from huggingface_hub import DatasetCard, HfApi, snapshot_download

from code2cot.builder.build import build_dataset
from code2cot.hub.dataset_card import END, START, render_dataset_card
from hub_stub import HubStub, point_client_at
from test_build import make_corpus

CODE2COT = str(Path(sys.executable).parent / "code2cot")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("built")
    out = root / "out"
    build_dataset(out, source=str(make_corpus(root / "programs")), test_fraction=0.3, num_proc=1)
    render_dataset_card(out, "test-user/grounded").save(out / "README.md")
    return out


def push(hub: HubStub, folder: Path, home: Path, *args: str, token: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, **hub.env(home, token=token)}
    return subprocess.run([CODE2COT, "push", str(folder), *args], env=env, capture_output=True, text=True, timeout=120)


def test_push_download_load_and_card(built, tmp_path, monkeypatch):
    with HubStub() as hub:
        done = push(hub, built, tmp_path / "home", "--repo", "test-user/grounded", "--private")
        assert done.returncode == 0, done.stderr[-2000:]
        assert "pushed" in done.stdout
        files = hub.files("test-user/grounded")
        assert {"README.md", "rejected.jsonl", "build_config.json", "assets/trace_steps.png"} <= set(files)
        assert any(path.startswith("data/train-") for path in files)
        assert hub.repo("test-user/grounded", "dataset").private
        point_client_at(hub, monkeypatch, tmp_path / "client")
        local = snapshot_download("test-user/grounded", repo_type="dataset", local_dir=tmp_path / "fresh")
        data = datasets.load_dataset(local)
        assert set(data) == {"train", "test"} and all(data["train"]["verified"])
        card = DatasetCard.load("test-user/grounded", repo_type="dataset")
        assert card.data.to_dict()["configs"][0]["config_name"] == "default"
        assert 'load_dataset("test-user/grounded")' in card.text


def test_second_push_merges_with_the_card_others_edited(built, tmp_path, monkeypatch):
    with HubStub() as hub:
        assert push(hub, built, tmp_path / "home", "--repo", "test-user/grounded").returncode == 0
        point_client_at(hub, monkeypatch, tmp_path / "client")
        card = DatasetCard.load("test-user/grounded", repo_type="dataset")
        data = card.data.to_dict()
        data["license"] = "cc-by-4.0"
        data["dataset_info"] = {"features": [{"name": "id", "dtype": "string"}]}
        data["configs"].append({"config_name": "curated", "data_files": "curated/*.parquet"})
        edited = DatasetCard("---\n---\n" + "# Maintainers' preface\n\n" + card.text + "\n\nThanks to all contributors.\n")
        edited.data = type(card.data)(**data)
        HfApi(endpoint=hub.url, token="hf_test").upload_file(
            path_or_fileobj=str(edited).encode(), path_in_repo="README.md", repo_id="test-user/grounded",
            repo_type="dataset")
        again = push(hub, built, tmp_path / "home2", "--repo", "test-user/grounded")
        assert again.returncode == 0, again.stderr[-2000:]
        merged = DatasetCard(hub.files("test-user/grounded")["README.md"].decode())
        merged_data = merged.data.to_dict()
        assert merged_data["license"] == "cc-by-4.0" and "dataset_info" in merged_data
        assert [c["config_name"] for c in merged_data["configs"]] == ["curated", "default"]
        assert "Maintainers' preface" in merged.text and "Thanks to all contributors." in merged.text
        assert merged.text.count(START) == 1 and merged.text.count(END) == 1


def test_push_to_branch_and_pr(built, tmp_path):
    with HubStub() as hub:
        assert push(hub, built, tmp_path / "h1", "--repo", "test-user/grounded").returncode == 0
        branch = push(hub, built, tmp_path / "h2", "--repo", "test-user/grounded", "--revision", "v2")
        assert branch.returncode == 0, branch.stderr[-2000:]
        assert "README.md" in hub.files("test-user/grounded", revision="v2")
        changed = tmp_path / "changed"
        shutil.copytree(built, changed)
        with (changed / "rejected.jsonl").open("a") as handle:
            handle.write('{"id": "late", "reason": "exception"}\n')
        pr = push(hub, changed, tmp_path / "h3", "--repo", "test-user/grounded", "--create-pr")
        assert pr.returncode == 0, pr.stderr[-2000:]
        assert "discussions/1" in pr.stdout and hub.pull_requests("test-user/grounded")
        assert b"late" not in hub.files("test-user/grounded")["rejected.jsonl"]  # main untouched by the PR
        same = push(hub, built, tmp_path / "h5", "--repo", "test-user/grounded", "--create-pr")
        assert same.returncode == 0 and "nothing to push" in same.stdout and "no pull request" in same.stdout
        assert len(hub.pull_requests("test-user/grounded")) == 1
        again = push(hub, built, tmp_path / "h6", "--repo", "test-user/grounded")
        assert again.returncode == 0 and "no commit was made" in again.stdout
        both = push(hub, built, tmp_path / "h4", "--repo", "test-user/grounded", "--revision", "v2", "--create-pr")
        assert both.returncode == 2 and "cannot be combined" in both.stderr


def test_push_without_token_fails_and_uploads_nothing(built, tmp_path):
    with HubStub() as hub:
        done = push(hub, built, tmp_path / "home", "--repo", "test-user/grounded", token=False)
        assert done.returncode == 2 and "no Hugging Face token" in done.stderr
        assert not [r for r in hub.requests if r.method == "POST"]


def test_scalar_tags_on_the_hub_are_merged_as_one_tag(built):
    from code2cot.hub.dataset_card import merge_cards

    theirs = DatasetCard("---\ntags: curated-by-us\nconfigs: []\n---\n# Theirs\n")
    merged = merge_cards(render_dataset_card(built, "test-user/grounded"), theirs).data.to_dict()
    assert merged["tags"][0] == "curated-by-us" and "c" not in merged["tags"]
    assert [c["config_name"] for c in merged["configs"]] == ["default"]


@pytest.mark.parametrize("problem, message", [
    ("bad_build_config", "cannot be read as a code2cot build (JSONDecodeError"),
    ("hub_unreachable", "cannot reach the Hub at http://127.0.0.1:9"),
])
def test_bad_input_is_a_clear_error_and_creates_nothing(built, tmp_path, problem, message):
    folder = tmp_path / "folder"
    shutil.copytree(built, folder)
    if problem == "bad_build_config":
        (folder / "build_config.json").write_text("{not json")
    with HubStub() as hub:
        if problem == "hub_unreachable":
            env = {**os.environ, **hub.env(tmp_path / "home"), "HF_ENDPOINT": "http://127.0.0.1:9"}
            done = subprocess.run([CODE2COT, "push", str(folder), "--repo", "test-user/grounded"], env=env,
                                  capture_output=True, text=True, timeout=120)
        else:
            done = push(hub, folder, tmp_path / "home", "--repo", "test-user/grounded")
        assert done.returncode == 2 and message in done.stderr and "Traceback" not in done.stderr
        assert not hub.repos and not [r for r in hub.requests if r.method == "POST"]

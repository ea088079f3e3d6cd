"""The Hub stub (tests/hub_stub.py) driven by the real huggingface_hub / datasets clients, end to end."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hub_stub import HubStub, git_blob_sha, point_client_at

pytest.importorskip("huggingface_hub")
datasets = pytest.importorskip("datasets")

from huggingface_hub import (
    CommitOperationAdd,
    CommitOperationDelete,
    DatasetCard,
    HfApi,
    HfFileSystem,
    ModelCard,
    hf_hub_download,
    snapshot_download,
)
from huggingface_hub.errors import (
    EntryNotFoundError,
    HfHubHTTPError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

ROWS = {"id": [0, 1, 2], "question": ["a", "b", "c"], "trace": ["x = 1", "y = 2", "z = 3"]}
README = textwrap.dedent("""\
    ---
    license: mit
    pretty_name: Stub dataset
    configs:
    - config_name: default
      data_files:
      - split: train
        path: data/train-*.parquet
    ---
    # Stub dataset

    Rows for the hub stub tests.
    """)


@pytest.fixture
def hub():
    with HubStub() as stub:
        yield stub


@pytest.fixture
def client(hub, monkeypatch, tmp_path):
    """The in-process client pointed at the stub, with caches under tmp_path and HF_TOKEN=hf_test."""
    point_client_at(hub, monkeypatch, tmp_path / "hf_home")
    return HfApi(endpoint=hub.url, token=hub.token)


@pytest.fixture
def dataset_folder(tmp_path) -> Path:
    folder = tmp_path / "build"
    (folder / "data").mkdir(parents=True)
    datasets.Dataset.from_dict(ROWS).to_parquet(str(folder / "data" / "train-00000-of-00001.parquet"))
    (folder / "README.md").write_text(README)
    return folder


def _successful_writes(hub: HubStub) -> list:
    return [r for r in hub.requests if r.is_write and r.status < 400]


def test_create_repo_types_private_flag_and_exist_ok(hub, client):
    assert client.whoami()["name"] == "test-user"
    url = client.create_repo("org/ds", repo_type="dataset", private=True)
    assert (url.repo_type, url.repo_id, url.endpoint) == ("dataset", "org/ds", hub.url)
    model_url = client.create_repo("model-only")  # no namespace: the token's user
    assert model_url.repo_id == "test-user/model-only" and model_url.repo_type == "model"

    assert hub.repo("org/ds").private is True
    assert hub.repo("test-user/model-only", "model").private is False
    assert client.dataset_info("org/ds").private is True
    assert client.model_info("test-user/model-only").private is False
    assert client.repo_exists("org/ds", repo_type="dataset")
    assert not client.repo_exists("org/ds")  # a model repo of that name does not exist

    with pytest.raises(HfHubHTTPError) as err:
        client.create_repo("org/ds", repo_type="dataset")
    assert err.value.response.status_code == 409
    assert client.create_repo("org/ds", repo_type="dataset", exist_ok=True).repo_id == "org/ds"
    # a new repo holds the Hub's initial commit with .gitattributes only
    assert list(hub.files("org/ds")) == [".gitattributes"]
    assert len(hub.commits("org/ds")) == 1

    # private repos are invisible without a token
    with pytest.raises(RepositoryNotFoundError):
        HfApi(endpoint=hub.url, token=False).dataset_info("org/ds")


def test_upload_folder_snapshot_download_and_load_dataset(hub, client, dataset_folder, tmp_path):
    client.create_repo("org/ds", repo_type="dataset")
    info = client.upload_folder(folder_path=dataset_folder, repo_id="org/ds", repo_type="dataset",
                                commit_message="Upload code2cot dataset")
    assert info.oid == hub.branches("org/ds")["main"]
    assert info.commit_url == f"{hub.url}/datasets/org/ds/commit/{info.oid}"

    stored = hub.files("org/ds")
    parquet = (dataset_folder / "data" / "train-00000-of-00001.parquet").read_bytes()
    assert stored["data/train-00000-of-00001.parquet"] == parquet
    assert stored["README.md"] == README.encode()
    assert hub.commits("org/ds")[0].title == "Upload code2cot dataset"
    # uploads went as regular (base64-in-commit) files: no LFS batch, no Xet
    assert not [r for r in hub.requests if "lfs" in r.path or "xet" in r.path]

    assert sorted(client.list_repo_files("org/ds", repo_type="dataset")) == [
        ".gitattributes", "README.md", "data/train-00000-of-00001.parquet"]
    tree = {f.path: f for f in client.list_repo_tree("org/ds", repo_type="dataset", recursive=True)}
    assert tree["data/train-00000-of-00001.parquet"].blob_id == git_blob_sha(parquet)
    assert tree["data/train-00000-of-00001.parquet"].size == len(parquet)
    assert client.dataset_info("org/ds").card_data.pretty_name == "Stub dataset"

    local = snapshot_download("org/ds", repo_type="dataset", local_dir=tmp_path / "snapshot")
    loaded = datasets.load_dataset(local, cache_dir=str(tmp_path / "ds_cache"))
    assert loaded["train"].to_dict() == ROWS

    readme = hf_hub_download("org/ds", "README.md", repo_type="dataset")
    assert Path(readme).read_text() == README
    card = DatasetCard.load("org/ds")
    assert card.data.license == "mit"
    assert card.data.configs[0]["data_files"][0]["path"] == "data/train-*.parquet"


def test_model_card_load(hub, client):
    client.create_repo("org/model")
    client.upload_file(path_or_fileobj=b"---\nlicense: apache-2.0\ntags:\n- code2cot\n---\n# A model\n",
                       path_in_repo="README.md", repo_id="org/model")
    card = ModelCard.load("org/model")
    assert card.data.license == "apache-2.0" and card.data.tags == ["code2cot"]
    assert "# A model" in card.text


def test_branch_commit_and_pull_request(hub, client):
    client.create_repo("org/ds", repo_type="dataset")
    client.upload_file(path_or_fileobj=b"v0", path_in_repo="weights.txt", repo_id="org/ds", repo_type="dataset")
    main_sha = hub.branches("org/ds")["main"]

    client.create_branch("org/ds", branch="ckpt-1", repo_type="dataset")
    client.create_branch("org/ds", branch="ckpt-1", repo_type="dataset", exist_ok=True)
    with pytest.raises(HfHubHTTPError) as err:
        client.create_branch("org/ds", branch="ckpt-1", repo_type="dataset")
    assert err.value.response.status_code == 409

    commit = client.create_commit(
        "org/ds", repo_type="dataset", revision="ckpt-1", commit_message="checkpoint 1",
        operations=[CommitOperationAdd("weights.txt", b"v1"), CommitOperationAdd("step.json", b'{"step": 1}')],
    )
    assert hub.branches("org/ds") == {"main": main_sha, "ckpt-1": commit.oid}
    assert hub.files("org/ds", revision="ckpt-1")["weights.txt"] == b"v1"
    assert hub.files("org/ds")["weights.txt"] == b"v0"
    assert client.dataset_info("org/ds", revision="ckpt-1").sha == commit.oid
    path = hf_hub_download("org/ds", "weights.txt", repo_type="dataset", revision="ckpt-1")
    assert Path(path).read_bytes() == b"v1"

    pr = client.create_commit(
        "org/ds", repo_type="dataset", create_pr=True, commit_message="Proposal",
        operations=[CommitOperationAdd("extra.txt", b"new"), CommitOperationDelete("weights.txt")],
    )
    assert pr.pr_num == 1 and pr.pr_revision == "refs/pr/1"
    assert pr.pr_url == f"{hub.url}/datasets/org/ds/discussions/1"
    assert set(hub.files("org/ds", revision="refs/pr/1")) == {".gitattributes", "extra.txt"}
    assert hub.branches("org/ds")["main"] == main_sha  # a PR leaves main alone
    assert hub.pull_requests("org/ds")[1]["base"] == "main"
    assert Path(hf_hub_download("org/ds", "extra.txt", repo_type="dataset", revision=pr.pr_revision)
                ).read_bytes() == b"new"
    refs = client.list_repo_refs("org/ds", repo_type="dataset", include_pull_requests=True)
    assert {b.name for b in refs.branches} == {"main", "ckpt-1"}
    assert [p.ref for p in refs.pull_requests] == ["refs/pr/1"]
    assert [c.title for c in client.list_repo_commits("org/ds", repo_type="dataset", revision="ckpt-1")] == [
        "checkpoint 1", "Upload weights.txt with huggingface_hub", "initial commit"]

    # a commit on top of a stale parent is refused like on the Hub
    with pytest.raises(HfHubHTTPError) as err:
        client.create_commit("org/ds", repo_type="dataset", commit_message="late", parent_commit=main_sha,
                             revision="ckpt-1", operations=[CommitOperationAdd("late.txt", b"x")])
    assert err.value.response.status_code == 412


def test_upload_folder_pr_through_the_xet_pipeline(hub, client, dataset_folder, monkeypatch):
    """With hf_xet installed and not disabled, upload_folder takes the pipelined path (PR opened through
    /discussions, then commits to refs/pr/N); "regular" upload modes keep Xet out of it."""
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_DISABLE_XET", False)
    client.create_repo("org/ds", repo_type="dataset")
    info = client.upload_folder(folder_path=dataset_folder, repo_id="org/ds", repo_type="dataset", create_pr=True)
    assert info.pr_revision == "refs/pr/1"
    assert "data/train-00000-of-00001.parquet" in hub.files("org/ds", revision="refs/pr/1")
    assert list(hub.files("org/ds")) == [".gitattributes"]


def test_push_without_token_fails_and_uploads_nothing(hub, monkeypatch, tmp_path, dataset_folder):
    point_client_at(hub, monkeypatch, tmp_path / "hf_home", token=None)
    api = HfApi(endpoint=hub.url)  # no token anywhere: not passed, no HF_TOKEN, no token file
    with pytest.raises(HfHubHTTPError) as err:
        api.create_repo("org/ds", repo_type="dataset")
    assert err.value.response.status_code == 401
    assert not hub.repo_exists("org/ds")

    hub.create_repo("org/ds")  # exists, public: anonymous reads work, writes do not
    assert api.dataset_info("org/ds").sha
    with pytest.raises(HfHubHTTPError) as err:
        api.upload_folder(folder_path=dataset_folder, repo_id="org/ds", repo_type="dataset")
    assert err.value.response.status_code == 401
    assert list(hub.files("org/ds")) == [".gitattributes"]
    assert _successful_writes(hub) == []

    with pytest.raises(HfHubHTTPError) as err:  # a wrong token is refused everywhere
        HfApi(endpoint=hub.url, token="hf_wrong").dataset_info("org/ds")
    assert err.value.response.status_code == 401


def test_download_errors_map_to_client_exceptions(hub, client, tmp_path):
    hub.seed("org/ds", {"a.txt": "a"})
    with pytest.raises(EntryNotFoundError):
        hf_hub_download("org/ds", "missing.txt", repo_type="dataset")
    with pytest.raises(RevisionNotFoundError):
        hf_hub_download("org/ds", "a.txt", repo_type="dataset", revision="nope")
    with pytest.raises(RepositoryNotFoundError):
        hf_hub_download("org/other", "a.txt", repo_type="dataset")
    with pytest.raises(RepositoryNotFoundError):
        hf_hub_download("org/ds", "a.txt")  # wrong repo type: no model repo of that name
    head = next(r for r in hub.requests if r.method == "HEAD" and r.path.endswith("/missing.txt"))
    assert head.status == 404


def test_hf_file_system_ranges_and_paths_info(hub, client):
    payload = bytes(range(256)) * 40
    hub.seed("org/ds", {"data/blob.bin": payload, "data/sub/x.txt": "x"})
    fs = HfFileSystem(endpoint=hub.url, token=hub.token)
    assert sorted(fs.ls("datasets/org/ds/data", detail=False)) == ["datasets/org/ds/data/blob.bin",
                                                                   "datasets/org/ds/data/sub"]
    assert fs.info("datasets/org/ds/data/blob.bin")["size"] == len(payload)
    with fs.open("datasets/org/ds/data/blob.bin", "rb", block_size=1000) as f:
        f.seek(5000)
        assert f.read(300) == payload[5000:5300]
    assert any(r.headers.get("range") or r.headers.get("Range") for r in hub.requests)
    infos = client.get_paths_info("org/ds", ["data/blob.bin", "data/sub", "nope"], repo_type="dataset", expand=True)
    assert [(i.path, type(i).__name__) for i in infos] == [("data/blob.bin", "RepoFile"), ("data/sub", "RepoFolder")]
    assert infos[0].last_commit.title == "seed"


def test_load_dataset_by_repo_id(hub, client, dataset_folder, tmp_path):
    client.create_repo("org/ds", repo_type="dataset", private=True)
    client.upload_folder(folder_path=dataset_folder, repo_id="org/ds", repo_type="dataset")
    loaded = datasets.load_dataset("org/ds", cache_dir=str(tmp_path / "ds_cache"))
    assert loaded["train"].to_dict() == ROWS
    streamed = datasets.load_dataset("org/ds", split="train", streaming=True)
    assert [row["question"] for row in streamed] == ROWS["question"]


def test_subprocess_gets_the_stub_through_env(hub, tmp_path):
    script = textwrap.dedent("""
        import json, sys
        from huggingface_hub import HfApi, hf_hub_download, constants
        api = HfApi()  # endpoint and token from HF_ENDPOINT / HF_TOKEN
        api.create_repo("org/sub", repo_type="dataset", exist_ok=True)
        api.upload_file(path_or_fileobj=b"hello", path_in_repo="hello.txt", repo_id="org/sub", repo_type="dataset")
        path = hf_hub_download("org/sub", "hello.txt", repo_type="dataset")
        print(json.dumps({"endpoint": constants.ENDPOINT, "content": open(path).read(), "path": path}))
    """)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "HUGGING"))}
    env.update(hub.env(tmp_path / "hf_home"))
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["endpoint"] == hub.url and result["content"] == "hello"
    assert result["path"].startswith(str(tmp_path / "hf_home" / "hub"))
    assert hub.files("org/sub")["hello.txt"] == b"hello"
    assert all(r.token == "hf_test" for r in hub.requests if r.is_write)

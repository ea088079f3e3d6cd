"""Push a built dataset folder to the Hub, merging with whatever card is already there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml
from huggingface_hub import DatasetCard, HfApi, get_token, hf_hub_download
from huggingface_hub.errors import EntryNotFoundError, RepositoryNotFoundError, RevisionNotFoundError

from .dataset_card import merge_cards, render_dataset_card

UPLOADED = ["data/*.parquet", "README.md", "rejected.jsonl", "build_config.json", "assets/*.png"]


class HubError(RuntimeError):
    """A push that cannot start or finish; the message says why and what to do."""


def resolve_token(token: str | None = None) -> str:
    token = token or get_token()
    if not token:
        raise HubError("no Hugging Face token found: set HF_TOKEN or run `hf auth login` (nothing was uploaded)")
    return token


def _remote_card(api: HfApi, repo_id: str, revision: str | None, token: str) -> DatasetCard | None:
    try:
        path = hf_hub_download(repo_id, "README.md", repo_type="dataset", revision=revision, token=token,
                               endpoint=api.endpoint)
    except (EntryNotFoundError, RepositoryNotFoundError, RevisionNotFoundError):
        return None
    try:
        return DatasetCard.load(path)
    except (ValueError, yaml.YAMLError) as exc:  # its YAML header does not parse, or is not a mapping
        raise HubError(f"the README.md already on {repo_id} has a YAML header that cannot be read ({exc}); fix "
                       "it on the Hub so it can be merged (nothing was uploaded)") from None


def _head(api: HfApi, repo_id: str, revision: str | None) -> str | None:
    """The commit the branch is at now (None for a new branch)."""
    try:
        return api.repo_info(repo_id, repo_type="dataset", revision=revision or "main").sha
    except (RepositoryNotFoundError, RevisionNotFoundError):
        return None


@dataclass(frozen=True)
class Pushed:
    url: str
    """The new commit, or the pull request; the branch's current commit when nothing changed."""
    changed: bool
    """False when the Hub already held exactly these files: no commit, and no pull request, was made."""


def push_dataset(folder: str | Path, repo_id: str, *, private: bool = False, revision: str | None = None,
                 create_pr: bool = False, token: str | None = None, endpoint: str | None = None) -> Pushed:
    """Create the repo if needed, merge the card, upload the folder; says where it went."""
    folder = Path(folder)
    if not any((folder / "data").glob("*.parquet")) or not (folder / "build_config.json").is_file():
        raise HubError(f"{folder} is not a code2cot build folder (needs data/*.parquet and build_config.json); "
                       "run `code2cot build --out DIR` first")
    if create_pr and revision and revision != "main":
        raise HubError("--create-pr opens a pull request against main; it cannot be combined with --revision")
    if repo_id.count("/") != 1:
        raise HubError(f"--repo must look like ORG/NAME, not {repo_id!r}")
    try:  # everything local is read before anything is created on the Hub
        ours = render_dataset_card(folder, repo_id)
    except (ValueError, KeyError, TypeError, OSError, json.JSONDecodeError) as exc:
        raise HubError(f"{folder} cannot be read as a code2cot build ({type(exc).__name__}: {exc}); rebuild it with "
                       "`code2cot build --out DIR` (nothing was uploaded)") from None
    token = resolve_token(token)
    api = HfApi(token=token, endpoint=endpoint)
    card = merge_cards(ours, _remote_card(api, repo_id, revision, token))
    api.create_repo(repo_id, repo_type="dataset", private=private, exist_ok=True)
    if revision and revision != "main":
        api.create_branch(repo_id, repo_type="dataset", branch=revision, exist_ok=True)
    card.save(folder / "README.md")
    before = None if create_pr else _head(api, repo_id, revision)
    commit = api.upload_folder(
        folder_path=str(folder), repo_id=repo_id, repo_type="dataset", revision=revision, create_pr=create_pr,
        allow_patterns=UPLOADED, commit_message="Upload code2cot dataset",
        commit_description="Built with `code2cot build`; see build_config.json to rebuild it.",
    )
    # huggingface_hub skips a commit that would change nothing and returns the branch's head
    # instead (and then opens no pull request either).
    changed = bool(commit.pr_url) if create_pr else commit.oid != before
    return Pushed(commit.pr_url or commit.commit_url, changed)

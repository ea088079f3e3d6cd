"""``--push``: write evaluation results into each model's card (``model-index``), keeping the rest of it.

A local model folder gets its ``README.md`` updated in place; a Hub model repo gets its card
downloaded, updated with the same function (``hub.model_card.update_model_card_results``: only
our (benchmark, metric) pairs are replaced, everything else in the YAML and the text survives)
and uploaded back as one commit. ``plan_push`` runs before any generation, so a missing token or
a model that is neither a folder nor a Hub id fails the command before hours of GPU time.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from code2cot.eval.backends.base import is_hub_id
from code2cot.eval.errors import EvalError

MINIMAL_CARD = "---\nlibrary_name: transformers\n---\n\n# {name}\n"


@dataclass(frozen=True)
class PushTarget:
    model: str
    kind: str  # "local" or "hub"


def plan_push(models: Sequence[str]) -> tuple[list[PushTarget], str | None]:
    """Where each model's results go, and the Hub token when any goes to the Hub (checked now, not later)."""
    from code2cot.hub.push import HubError, resolve_token

    targets = []
    for model in models:
        if Path(model).expanduser().is_dir():
            targets.append(PushTarget(model, "local"))
        elif is_hub_id(model):
            targets.append(PushTarget(model, "hub"))
        else:
            raise EvalError(f"--push: {model!r} is neither a local model folder nor a Hub repo id (ORG/NAME)")
    token = None
    if any(t.kind == "hub" for t in targets):
        try:
            token = resolve_token()
        except HubError as exc:
            raise EvalError(f"--push: {exc}; nothing was evaluated") from exc
        _check_repos([t.model for t in targets if t.kind == "hub"], token)
    return targets, token


def _check_repos(repo_ids: Sequence[str], token: str) -> None:
    """Each Hub model repo exists and the token sees it (its card is written after the evaluation)."""
    from huggingface_hub import HfApi
    from huggingface_hub.errors import HfHubHTTPError, RepositoryNotFoundError

    api = HfApi(token=token)
    for repo_id in repo_ids:
        try:
            api.repo_info(repo_id, repo_type="model")
        except RepositoryNotFoundError as exc:
            raise EvalError(f"--push: model repo {repo_id} not found on the Hub (or the token cannot see it); "
                            "nothing was evaluated") from exc
        except HfHubHTTPError as exc:
            raise EvalError(f"--push: cannot reach the Hub for {repo_id}: {exc}") from exc


def _ensure_card(folder: Path, name: str) -> None:
    readme = folder / "README.md"
    if not readme.is_file():
        readme.write_text(MINIMAL_CARD.format(name=name))


def push_results(target: PushTarget, results: Mapping[str, Mapping[str, Any]], token: str | None = None) -> str:
    """Merge ``results`` into the model's card; returns where it went (a path or a commit URL)."""
    from code2cot.hub.model_card import update_model_card_results

    if not results:
        raise EvalError(f"--push: no results for {target.model}")
    if target.kind == "local":
        folder = Path(target.model).expanduser()
        _ensure_card(folder, folder.resolve().name)
        update_model_card_results(folder, results)
        return str(folder / "README.md")
    return _push_to_hub(target.model, results, token)


def _push_to_hub(repo_id: str, results: Mapping[str, Mapping[str, Any]], token: str | None) -> str:
    from code2cot.hub.model_card import update_model_card_results
    from huggingface_hub import HfApi, ModelCard, hf_hub_download
    from huggingface_hub.errors import (
        EntryNotFoundError,
        HfHubHTTPError,
        RepositoryNotFoundError,
    )

    with tempfile.TemporaryDirectory(prefix="code2cot-card-") as tmp:
        folder = Path(tmp)
        try:
            shutil.copyfile(hf_hub_download(repo_id, "README.md", token=token), folder / "README.md")
        except EntryNotFoundError:
            pass  # a repo without a card gets a minimal one
        except RepositoryNotFoundError as exc:
            raise EvalError(f"--push: model repo {repo_id} not found on the Hub (or the token cannot see it)") from exc
        except HfHubHTTPError as exc:
            raise EvalError(f"--push: downloading the card of {repo_id} failed: {exc}") from exc
        _ensure_card(folder, repo_id.split("/")[-1])
        name = ModelCard.load(folder / "README.md").data.model_name or repo_id.split("/")[-1]
        update_model_card_results(folder, results, model_name=name)
        try:
            commit = HfApi(token=token).upload_file(
                path_or_fileobj=str(folder / "README.md"), path_in_repo="README.md", repo_id=repo_id,
                repo_type="model", commit_message="Add code2cot evaluation results",
                commit_description="Accuracy and mean output tokens per benchmark, from `code2cot eval`.",
            )
        except HfHubHTTPError as exc:
            raise EvalError(f"--push: uploading the card of {repo_id} failed ({exc}); the results are saved in "
                            "--out, rerun with --push to retry (nothing is regenerated)") from exc
    return commit.commit_url if hasattr(commit, "commit_url") else str(commit)

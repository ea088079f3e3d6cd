"""``code2cot train``: supervised fine-tuning on a code2cot dataset with TRL, from a YAML recipe.

In the style of TRL's own ``trl/scripts/sft.py``: a ``TrlParser`` over (``TrainScriptArguments``, ``SFTConfig``,
``ModelConfig``) reads ``--config RECIPE.yaml`` and then the command line, so every field of the recipe can be
overridden (``--learning_rate 5e-5 --output_dir runs/x``). Recipes: ``hub/recipes/*.yaml``.

    code2cot train hub/recipes/qwen3-4b-lora.yaml --dataset_name org/my-code2cot --output_dir runs/q4-lora
    python -m code2cot.hub.train --config hub/recipes/tiny.yaml --dataset_name out/ --output_dir runs/tiny

What a run does:

* loads the dataset with ``datasets.load_dataset(dataset_name)``: a local ``code2cot build`` folder or a Hub
  dataset id, the same call; keeps only the ``messages`` column (one user turn, one assistant turn);
* loads ``model_name_or_path`` (or, with ``tiny_model: true``, builds a tiny Qwen3-architecture model and a BPE
  tokenizer locally from the dataset: no download, see ``tiny_model.py``);
* trains ``SFTTrainer`` with the loss on the assistant turn only (``assistant_only_loss``: TRL swaps in the
  training variant of a chat template it recognises, with ``{% generation %}`` markers) and ``eos_token`` set to
  the end-of-turn token (Qwen3: ``<|im_end|>``, also added to ``generation_config.eos_token_id``) so the model
  learns to stop;
* optional LoRA (``use_peft: true``, ``lora_*``): with ``merge_lora: true`` (default) the adapter is merged and
  ``output_dir`` holds a standalone model, the adapter alone in ``output_dir/adapter/``; with ``merge_lora:
  false`` ``output_dir`` holds the adapter only (transformers loads it when ``peft`` is installed);
* resumes from the last ``checkpoint-*`` in ``output_dir`` when there is one (``resume: false`` starts over);
* saves model + tokenizer, ``train_results.json`` and OUR model card (``README.md``, ``model_card.py``);
* ``push_to_hub: true`` uploads ``output_dir`` (no checkpoints) to ``hub_model_id`` (default
  ``<user>/<output_dir name>``) with ``HfApi.upload_folder``; ``push_checkpoints: true`` uploads each saved
  checkpoint to the branch ``ckpt-<step>`` of that repo (optimizer/scheduler states only with
  ``push_checkpoint_states: true``). The Hub endpoint and token come from ``huggingface_hub``'s settings
  (``HF_ENDPOINT``, ``HF_TOKEN`` / ``hf auth login``) or ``hub_token``.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from transformers import TrainerCallback
from trl import ModelConfig, ScriptArguments, SFTConfig, TrlParser

logger = logging.getLogger("code2cot.train")

RECIPES_DIR = Path(__file__).parent / "recipes"
CHECKPOINT_STATES = ["optimizer.pt", "scheduler.pt", "scaler.pt", "rng_state*.pth", "*.distcp", "training_args.bin"]
NOT_UPLOADED = ["checkpoint-*", "checkpoint-*/**", "runs/**", "*.pt", "*.pth", "*training_args.bin"]
ADAPTER_FILES = ("adapter_config.json", "adapter_model.safetensors", "adapter_model.bin")


class TrainError(RuntimeError):
    """A run that cannot start or finish; the message says why and what to do."""


@dataclass
class TrainScriptArguments(ScriptArguments):
    """``trl.ScriptArguments`` (dataset_name, dataset_config, dataset_train_split, ...) plus code2cot's options."""

    tiny_model: bool = field(default=False, metadata={
        "help": "Build a tiny Qwen3-architecture model and a BPE tokenizer locally from the dataset instead of "
                "loading model_name_or_path (smoke tests, CPU dry runs; nothing is downloaded)."})
    tiny_hidden_size: int = field(default=128, metadata={"help": "Hidden size of the tiny model."})
    tiny_num_layers: int = field(default=2, metadata={"help": "Layers of the tiny model."})
    tiny_vocab_size: int = field(default=1536, metadata={"help": "Upper bound of the tiny tokenizer's vocabulary."})
    max_train_samples: int | None = field(default=None, metadata={
        "help": "Train on the first N rows of the train split only (quick runs)."})
    merge_lora: bool = field(default=True, metadata={
        "help": "With use_peft: merge the adapter into the base weights so output_dir is a standalone model (the "
                "adapter is also saved to output_dir/adapter). False: output_dir holds the adapter only."})
    resume: bool = field(default=True, metadata={
        "help": "Resume from the last checkpoint-* in output_dir when one exists (resume_from_checkpoint names a "
                "specific one). False: start from scratch."})
    push_checkpoints: bool = field(default=False, metadata={
        "help": "Upload each saved checkpoint to the branch ckpt-<step> of hub_model_id."})
    push_checkpoint_states: bool = field(default=False, metadata={
        "help": "With push_checkpoints: also upload optimizer/scheduler/RNG states (to resume elsewhere)."})
    save_dtype: str | None = field(default=None, metadata={
        "help": "Cast the final model to this dtype before saving it (e.g. bfloat16 after training fp32 master "
                "weights under bf16 autocast); default: as trained."})
    hub_dataset_id: str | None = field(default=None, metadata={
        "help": "Hub id of the training dataset, for the model card's `datasets` (default: dataset_name when it "
                "is a Hub id; a local folder is not listed unless this is set)."})
    base_model_id: str | None = field(default=None, metadata={
        "help": "Hub id of the base model, for the model card's `base_model` when model_name_or_path is a local "
                "folder (default: model_name_or_path when it is a Hub id)."})
    model_license: str = field(default="apache-2.0", metadata={"help": "License in the model card."})


def make_parser(prog: str | None = None) -> TrlParser:
    """A fresh parser (``--config`` sets its defaults, so one parser serves one parse)."""
    return TrlParser((TrainScriptArguments, SFTConfig, ModelConfig), prog=prog or "code2cot train")


def main(argv: list[str] | None = None) -> int:
    """Parse ``--config RECIPE.yaml [--field value ...]`` and train; 0 on success, 2 on a clear error."""
    args = list(sys.argv[1:] if argv is None else argv)
    if "--config" in args:
        index = args.index("--config")
        recipe = args[index + 1] if index + 1 < len(args) else ""
        if not Path(recipe).is_file():
            print(f"error: recipe {recipe!r} not found (--config RECIPE.yaml; shipped: {RECIPES_DIR})", file=sys.stderr)
            return 2
    try:
        script_args, training_args, model_args = make_parser().parse_args_and_config(args)
    except (ValueError, TypeError, yaml.YAMLError) as exc:  # a typo'd key, a value of the wrong type, broken YAML
        print(f"error: {exc} (every recipe key and --flag is a field of ScriptArguments, SFTConfig or ModelConfig; "
              "see `code2cot train --help`)", file=sys.stderr)
        return 2
    output_dir = Path(training_args.output_dir) if training_args.output_dir else None
    if output_dir is not None and output_dir.exists() and not output_dir.is_dir():
        print(f"error: output_dir {output_dir} exists and is not a folder", file=sys.stderr)
        return 2
    from huggingface_hub.errors import HfHubHTTPError

    from .push import HubError

    try:
        train(script_args, training_args, model_args)
    except (TrainError, HubError, HfHubHTTPError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


# ---------------------------------------------------------------------------------------------------- the run


def train(script_args: TrainScriptArguments, training_args: SFTConfig, model_args: ModelConfig) -> dict[str, Any]:
    """One training run (see the module docstring); returns the train metrics."""
    import transformers
    from packaging.version import Version

    _setup_logging(training_args)
    output_dir = Path(training_args.output_dir)
    if model_args.lora_target_modules in (["all-linear"], ["all_linear"]):
        model_args.lora_target_modules = "all-linear"  # `--lora_target_modules all-linear` parses to a list
    if not script_args.tiny_model and not model_args.model_name_or_path:
        raise TrainError("no model: set model_name_or_path (a local folder or a Hub model id) or tiny_model: true")
    checkpoint = resolve_checkpoint(training_args, script_args.resume)
    hub = _HubTarget.prepare(script_args, training_args)  # before training: a missing token fails now, not at the end

    with tempfile.TemporaryDirectory(prefix="code2cot-train-data-") as data_cache:
        train_dataset, eval_dataset, example = load_training_dataset(script_args, training_args, data_cache)
        model, tokenizer, base_model = load_model_and_tokenizer(script_args, training_args, model_args,
                                                                train_dataset, checkpoint)
        check_chat_template(tokenizer, training_args)
        rows = len(train_dataset) if hasattr(train_dataset, "__len__") else "streamed"
        card = _CardContext(script_args, training_args, model_args, base_model, hub, rows, example)
        trainer = build_trainer(model, tokenizer, train_dataset, eval_dataset, training_args, model_args, card,
                                push=hub if script_args.push_checkpoints else None,
                                push_states=script_args.push_checkpoint_states)
        if checkpoint:
            logger.info("Resuming from checkpoint %s", checkpoint)
        result = trainer.train(resume_from_checkpoint=checkpoint)

    metrics = dict(result.metrics)
    metrics["train_samples"] = rows
    metrics["global_step"] = trainer.state.global_step
    metrics["resumed_from_checkpoint"] = str(checkpoint) if checkpoint else None
    merged = save_model(trainer, tokenizer, output_dir, lora=bool(model_args.use_peft), merge=script_args.merge_lora,
                        dtype=script_args.save_dtype)
    if trainer.is_world_process_zero():
        trainer.save_state()
        trainer.log_metrics("train", {k: v for k, v in metrics.items() if v is not None})
        trainer.save_metrics("train", metrics)
        card.lora_merged = merged
        card.train_metrics = {k: metrics[k] for k in ("train_loss", "global_step", "train_runtime") if k in metrics}
        card.render().save(output_dir / "README.md")
        logger.info("Model, tokenizer and card saved to %s", output_dir)
        if hub is not None and hub.push_model:
            url = push_model_folder(output_dir, hub.repo_id, token=hub.token, revision=training_args.hub_revision)
            logger.info("Pushed %s to %s", output_dir, url)
    if Version(transformers.__version__) >= Version("5.18.0"):
        trainer.end()  # finish trackers, destroy the process group (as trl's sft.py)
    return metrics


def resolve_checkpoint(training_args: SFTConfig, resume: bool = True) -> str | None:
    """``resume_from_checkpoint`` if given, else the last ``checkpoint-*`` in ``output_dir`` (when ``resume``)."""
    from transformers.trainer_utils import get_last_checkpoint

    explicit = training_args.resume_from_checkpoint
    if explicit not in (None, "", "false", "False"):
        if explicit in ("true", "True", True):
            explicit = None  # "resume from the last one"
        elif not Path(explicit).is_dir():
            raise TrainError(f"resume_from_checkpoint: {explicit} is not a checkpoint folder")
        else:
            return str(explicit)
    if not resume or not Path(training_args.output_dir).is_dir():
        return None
    return get_last_checkpoint(training_args.output_dir)


# ---------------------------------------------------------------------------------------------------- data


def _is_local(name: str) -> bool:
    """A path, not a Hub id. ``out/typo`` counts as a path when ``out/`` is a folder here: it is a
    mistyped build or run folder far more often than a Hub org that shares a local folder's name."""
    path = Path(name).expanduser()
    return path.exists() or name.startswith((".", "/", "~")) or name.count("/") > 1 \
        or (name.count("/") == 1 and path.parent.is_dir())


def load_training_dataset(script_args: TrainScriptArguments, training_args: SFTConfig, cache_dir: str | None = None):
    """``(train, eval or None, example user prompt)``, each split reduced to its ``messages`` column.

    ``datasets.load_dataset(dataset_name)`` for a local build folder and a Hub id alike. A local folder is loaded
    with a private ``cache_dir``: datasets keys the cache of a folder with README ``configs`` by its name and
    configs only, so a rebuilt folder at the same (or a same-named) path could otherwise load stale rows.
    """
    import datasets

    name = script_args.dataset_name
    if not name:
        raise TrainError("no dataset: set dataset_name (a `code2cot build` folder or a Hub dataset id)")
    local = _is_local(name)
    if local and Path(name).expanduser().is_file():
        raise TrainError(f"dataset_name {name} is a file: give the `code2cot build` folder that holds data/*.parquet "
                         "(or a Hub dataset id)")
    if local and not Path(name).expanduser().is_dir():
        raise TrainError(f"dataset folder {name} does not exist (build one with `code2cot build --out DIR`)")
    kwargs: dict[str, Any] = {"name": script_args.dataset_config, "streaming": script_args.dataset_streaming}
    if local and cache_dir:
        kwargs["cache_dir"] = cache_dir
    try:
        data = datasets.load_dataset(str(Path(name).expanduser()) if local else name, **kwargs)
    except (FileNotFoundError, ValueError, ConnectionError, datasets.exceptions.DatasetNotFoundError) as exc:
        raise TrainError(f"cannot load dataset {name!r}: no local folder of that name here, and not loadable as "
                         f"a Hub dataset id ({type(exc).__name__}: {exc})") from exc
    split = script_args.dataset_train_split
    if split not in data:
        raise TrainError(f"dataset {name!r} has no split {split!r} (splits: {', '.join(data)})")
    train = _messages_only(data[split], name, split)
    if script_args.max_train_samples is not None:
        train = (train.take(script_args.max_train_samples) if script_args.dataset_streaming
                 else train.select(range(min(script_args.max_train_samples, len(train)))))
    eval_dataset = None
    if training_args.eval_strategy != "no":
        test = script_args.dataset_test_split
        if test not in data:
            raise TrainError(f"eval_strategy is {training_args.eval_strategy!r} but dataset {name!r} has no split "
                             f"{test!r} (splits: {', '.join(data)}); set eval_strategy: 'no' or dataset_test_split")
        eval_dataset = _messages_only(data[test], name, test)
    first = next(iter(train), None)
    if first is None:
        raise TrainError(f"split {split!r} of dataset {name!r} is empty")
    example = next((t["content"] for t in first["messages"] if t.get("role") == "user"), "")
    return train, eval_dataset, example


def _messages_only(split_data, name: str, split: str):
    columns = split_data.column_names
    if columns is None and split_data.features is not None:
        columns = list(split_data.features)
    if columns is not None and "messages" not in columns:
        raise TrainError(
            f"dataset {name!r} split {split!r} has no 'messages' column (columns: {', '.join(columns)}). "
            "code2cot train needs chat rows [{role: user, ...}, {role: assistant, ...}], as written by "
            "`code2cot build`.")
    return split_data.select_columns(["messages"])


# ---------------------------------------------------------------------------------------------------- model


def load_model_and_tokenizer(script_args: TrainScriptArguments, training_args: SFTConfig, model_args: ModelConfig,
                             train_dataset, checkpoint: str | None = None):
    """``(model or model id, tokenizer, base model id or None)``.

    A model id is returned as a string for ``SFTTrainer`` to load (with ``model_init_kwargs`` from
    ``ModelConfig``, as trl's sft.py); the tiny model is built here.
    """
    from transformers import AutoTokenizer

    if script_args.tiny_model:
        from .tiny_model import build_tiny_model, texts_from_messages, train_tokenizer

        if checkpoint and Path(checkpoint, "tokenizer.json").is_file():
            tokenizer = AutoTokenizer.from_pretrained(checkpoint)  # exactly the tokenizer the run started with
        else:
            texts = texts_from_messages(row["messages"] for row in train_dataset)
            tokenizer = train_tokenizer(texts, vocab_size=script_args.tiny_vocab_size,
                                        model_max_length=max(training_args.max_length or 1024, 1024))
        model = build_tiny_model(tokenizer, hidden_size=script_args.tiny_hidden_size,
                                 num_layers=script_args.tiny_num_layers, seed=training_args.seed,
                                 max_position_embeddings=max(training_args.max_length or 1024, 1024))
        return model, tokenizer, None

    path = model_args.model_name_or_path
    if _is_local(path) and not Path(path).expanduser().is_dir():
        raise TrainError(f"model path {path} does not exist (a local model folder or a Hub model id such as "
                         "Qwen/Qwen3-4B-Base)")
    path = str(Path(path).expanduser()) if _is_local(path) else path
    try:
        tokenizer = AutoTokenizer.from_pretrained(path, revision=model_args.model_revision,
                                                  trust_remote_code=training_args.trust_remote_code)
    except (OSError, ValueError) as exc:
        raise TrainError(f"cannot load the tokenizer of model {path!r} (not a local model folder, or not a model "
                         f"id reachable on the Hub with your token): {exc}") from exc
    model_init_kwargs = {"revision": model_args.model_revision, "trust_remote_code": training_args.trust_remote_code,
                         "attn_implementation": model_args.attn_implementation, "dtype": model_args.dtype}
    if training_args.model_init_kwargs:
        model_init_kwargs.update(training_args.model_init_kwargs)
    training_args.model_init_kwargs = model_init_kwargs
    return path, tokenizer, model_args.model_name_or_path


def check_chat_template(tokenizer, training_args: SFTConfig) -> None:
    """Fail before loading weights when assistant-only loss cannot work with the tokenizer's chat template."""
    from trl.chat_template_utils import (
        get_training_chat_template,
        has_generation_markers,
    )

    if training_args.chat_template_path is not None:
        return  # trl installs that template (or clones one) itself
    template = tokenizer.chat_template
    if not template:
        raise TrainError("the tokenizer has no chat template: set chat_template_path (a .jinja file or a model id "
                         "to clone it from, e.g. Qwen/Qwen3-4B)")
    if training_args.eos_token and training_args.eos_token not in tokenizer.get_vocab():
        raise TrainError(f"eos_token {training_args.eos_token!r} is not in the tokenizer's vocabulary")
    if training_args.assistant_only_loss and not has_generation_markers(template):
        try:
            get_training_chat_template(tokenizer)
        except ValueError as exc:
            raise TrainError(
                "assistant_only_loss needs a chat template with {% generation %} markers and TRL has no training "
                "variant of this model's template: set chat_template_path to one that has them, or "
                f"assistant_only_loss: false ({exc})") from exc


def build_trainer(model, tokenizer, train_dataset, eval_dataset, training_args: SFTConfig, model_args: ModelConfig,
                  card: _CardContext | None = None, push: _HubTarget | None = None, push_states: bool = False):
    """The ``SFTTrainer`` of a run (our card instead of trl's; optional checkpoint pushes)."""
    from trl import SFTTrainer, get_peft_config, get_quantization_config

    class Code2CoTSFTTrainer(SFTTrainer):
        def create_model_card(self, *args, **kwargs):  # trl writes its card at each checkpoint: write ours
            if card is not None and self.is_world_process_zero():
                card.render().save(os.path.join(self.args.output_dir, "README.md"))

    callbacks = [PushCheckpointCallback(push, card, include_states=push_states)] if push is not None else None
    return Code2CoTSFTTrainer(
        model=model, args=training_args, train_dataset=train_dataset, eval_dataset=eval_dataset,
        processing_class=tokenizer, peft_config=get_peft_config(model_args),
        quantization_config=get_quantization_config(model_args) if isinstance(model, str) else None,
        callbacks=callbacks,
    )


def save_model(trainer, tokenizer, output_dir: Path, *, lora: bool, merge: bool, dtype: str | None = None) -> bool:
    """Save model + tokenizer into ``output_dir``; returns True when a LoRA adapter was merged."""
    import torch

    model = trainer.model
    base = getattr(model, "get_base_model", lambda: model)()
    base.config.use_cache = True  # training turns the KV cache off (gradient checkpointing); inference wants it
    target = getattr(torch, dtype) if dtype else None
    if not (lora and merge):
        if target is not None and not lora:
            model.to(target)
            model.config.dtype = target
        trainer.save_model(str(output_dir))
        return False
    trainer.save_model(str(output_dir / "adapter"))
    if not trainer.is_world_process_zero():
        return True
    merged = model.merge_and_unload()
    merged.config.use_cache = True
    if target is not None:
        merged.to(target)
        merged.config.dtype = target
    for name in ADAPTER_FILES:  # a stale adapter at the top level would make transformers load it over the model
        (output_dir / name).unlink(missing_ok=True)
    merged.save_pretrained(str(output_dir))
    tokenizer.save_pretrained(str(output_dir))
    return True


# ---------------------------------------------------------------------------------------------------- card


class _CardContext:
    """What the model card needs, gathered once; rendered at each checkpoint and at the end."""

    def __init__(self, script_args, training_args, model_args, base_model, hub, train_rows, example):
        self.script_args, self.training_args, self.model_args = script_args, training_args, model_args
        self.base_source = base_model or ""
        self.base_model = script_args.base_model_id or (None if not base_model or _is_local(base_model) else base_model)
        name = script_args.dataset_name or ""
        self.dataset_id = script_args.hub_dataset_id or (None if _is_local(name) else name) or None
        self.repo_id = hub.repo_id if hub else training_args.hub_model_id
        self.train_rows = train_rows
        self.example = example
        self.lora_merged: bool | None = script_args.merge_lora if model_args.use_peft else None
        self.train_metrics: dict[str, Any] | None = None

    def render(self):
        from .model_card import render_model_card

        model_name = (self.repo_id or Path(self.training_args.output_dir).resolve().name).split("/")[-1]
        return render_model_card(
            model_name=model_name, training_args=self.training_args, model_args=self.model_args,
            repo_id=self.repo_id or model_name, base_model=self.base_model, base_source=self.base_source,
            dataset_id=self.dataset_id,
            dataset_source=self.script_args.dataset_name or "", train_split=self.script_args.dataset_train_split,
            train_rows=self.train_rows, example_prompt=self.example, train_metrics=self.train_metrics,
            license=self.script_args.model_license, lora_merged=self.lora_merged,
            tiny=self.script_args.tiny_model, world_size=self.training_args.world_size,
        )


# ---------------------------------------------------------------------------------------------------- Hub


@dataclass
class _HubTarget:
    repo_id: str
    token: str
    push_model: bool
    private: bool | None = None

    @classmethod
    def prepare(cls, script_args: TrainScriptArguments, training_args: SFTConfig) -> _HubTarget | None:
        """Resolve the repo and token and create the repo up front; turn off the Trainer's own pushes (its card)."""
        push_model = bool(training_args.push_to_hub)
        training_args.push_to_hub = False  # we upload ourselves: our card, no background checkpoint commits
        # The Trainer pickles its arguments into every checkpoint (training_args.bin), and
        # checkpoints may be pushed to a public repo: the token must not be among them.
        given_token, training_args.hub_token = training_args.hub_token, None
        if not (push_model or script_args.push_checkpoints):
            return None
        from .push import resolve_token

        token = resolve_token(given_token)
        repo_id = training_args.hub_model_id or f"{hub_username(token)}/{Path(training_args.output_dir).resolve().name}"
        if repo_id.count("/") != 1:
            repo_id = f"{hub_username(token)}/{repo_id}"
        create_model_repo(repo_id, token=token, private=training_args.hub_private_repo)
        training_args.hub_model_id = repo_id
        return cls(repo_id=repo_id, token=token, push_model=push_model, private=training_args.hub_private_repo)


def _api(token: str | None = None, endpoint: str | None = None):
    from huggingface_hub import HfApi

    return HfApi(token=token, endpoint=endpoint)  # endpoint None: huggingface_hub's (HF_ENDPOINT)


def hub_username(token: str | None = None, endpoint: str | None = None) -> str:
    return _api(token, endpoint).whoami()["name"]


def create_model_repo(repo_id: str, *, token: str | None = None, private: bool | None = None,
                      endpoint: str | None = None) -> str:
    return str(_api(token, endpoint).create_repo(repo_id, repo_type="model", private=private, exist_ok=True))


def push_model_folder(folder: str | Path, repo_id: str, *, token: str | None = None, revision: str | None = None,
                      endpoint: str | None = None) -> str:
    """Upload a trained model folder (model, tokenizer, our README.md; no checkpoints); returns the commit URL."""
    api = _api(token, endpoint)
    api.create_repo(repo_id, repo_type="model", exist_ok=True)
    if revision and revision != "main":
        api.create_branch(repo_id, repo_type="model", branch=revision, exist_ok=True)
    commit = api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="model", revision=revision,
                               ignore_patterns=NOT_UPLOADED, commit_message="Upload model trained with code2cot",
                               commit_description="Trained with `code2cot train`; see README.md.")
    return commit.commit_url


def push_checkpoint_folder(folder: str | Path, repo_id: str, step: int, *, token: str | None = None,
                           include_states: bool = False, endpoint: str | None = None) -> str:
    """Upload one ``checkpoint-<step>`` folder to the branch ``ckpt-<step>``; returns the commit URL."""
    api = _api(token, endpoint)
    branch = f"ckpt-{step}"
    api.create_branch(repo_id, repo_type="model", branch=branch, exist_ok=True)
    commit = api.upload_folder(folder_path=str(folder), repo_id=repo_id, repo_type="model", revision=branch,
                               ignore_patterns=None if include_states else CHECKPOINT_STATES,
                               commit_message=f"Checkpoint at step {step}")
    return commit.commit_url


class PushCheckpointCallback(TrainerCallback):
    """After each checkpoint is saved: our card into it, then upload it to the branch ``ckpt-<step>``."""

    def __init__(self, hub: _HubTarget, card: _CardContext | None = None, include_states: bool = False,
                 endpoint: str | None = None):
        self.hub, self.card, self.include_states, self.endpoint = hub, card, include_states, endpoint
        self.pushed: dict[int, str] = {}

    def on_save(self, args, state, control, **kwargs):
        if not state.is_world_process_zero:
            return
        folder = Path(args.output_dir) / f"checkpoint-{state.global_step}"
        if not folder.is_dir():
            return
        if self.card is not None:
            self.card.render().save(folder / "README.md")
        self.pushed[state.global_step] = push_checkpoint_folder(
            folder, self.hub.repo_id, state.global_step, token=self.hub.token, include_states=self.include_states,
            endpoint=self.endpoint)
        logger.info("Pushed %s to %s@ckpt-%d", folder, self.hub.repo_id, state.global_step)


# ---------------------------------------------------------------------------------------------------- misc


def _setup_logging(training_args: SFTConfig) -> None:
    import datasets
    import transformers

    if not logging.getLogger().handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%H:%M:%S",
                            handlers=[logging.StreamHandler(sys.stdout)])
    level = training_args.get_process_log_level()
    logger.setLevel(logging.INFO if training_args.should_log else level)
    datasets.utils.logging.set_verbosity(level)
    transformers.utils.logging.set_verbosity(level)


if __name__ == "__main__":
    raise SystemExit(main())

"""`code2cot train` on CPU with the tiny recipe: assistant-only labels, EOS, resume, card, LoRA, Hub pushes.

Everything is local: the dataset is built from a few short programs, the model and tokenizer are built by
``hub/tiny_model.py`` (no download), the Hub is ``tests/hub_stub.py``.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from pathlib import Path

import pytest

pytest.importorskip("trl")
pytest.importorskip("peft")

import datasets
from code2cot.builder.build import build_dataset
from code2cot.hub.model_card import update_model_card_results
from code2cot.hub.train import (
    build_trainer,
    load_model_and_tokenizer,
    load_training_dataset,
    main,
    make_parser,
)
from hub_stub import HubStub, point_client_at
from huggingface_hub import ModelCard

# trl's SFTConfig still sets `gradient_checkpointing`, which transformers >= 5.2x renamed (a FutureWarning per run)
pytestmark = pytest.mark.filterwarnings("ignore:.*is deprecated and will be removed in v6:FutureWarning")

RECIPES = Path(__file__).resolve().parents[1] / "hub" / "recipes"
TINY = str(RECIPES / "tiny.yaml")
STEPS = 60  # 5 short samples, batch 4, lr 3e-3: enough for the tiny model to learn the answer format and to stop

PROGRAMS = {
    "add.py": 'PROBLEM = """Add two numbers."""\nINPUTS = [{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"a": 5, "b": 7}]\n'
              "\n\ndef main_solution(a, b):\n    return a + b\n",
    "mul.py": 'PROBLEM = """Multiply two numbers."""\nINPUTS = [{"a": 2, "b": 3}, {"a": 4, "b": 5}]\n'
              "\n\ndef main_solution(a, b):\n    c = a * b\n    return c\n",
}


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("train-data")
    programs = root / "programs"
    programs.mkdir()
    for name, text in PROGRAMS.items():
        (programs / name).write_text(text)
    out = root / "c2c-tiny"
    summary = build_dataset(out, source=str(programs), num_proc=1, test_fraction=0.0)
    assert summary.splits["train"] == 5
    return out


def _rows(folder: Path) -> list[dict]:
    import pyarrow.parquet as pq

    return [row for path in sorted((folder / "data").glob("train-*.parquet")) for row in pq.read_table(path).to_pylist()]


def _args(dataset: Path | str, output_dir: Path, *extra: str, card_dataset: str | None = "test-user/code2cot-tiny"):
    card = ["--hub_dataset_id", card_dataset] if card_dataset else []
    return ["--config", TINY, "--dataset_name", str(dataset), "--output_dir", str(output_dir), *card, *extra]


@pytest.fixture(scope="module")
def trained(dataset_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("run") / "tiny-run"
    assert main(_args(dataset_dir, out, "--max_steps", str(STEPS), "--save_steps", "30", "--logging_steps", "10")) == 0
    return out


def test_tiny_model_and_tokenizer_are_deterministic():
    import torch
    from code2cot.hub.tiny_model import build_tiny

    texts = [row["messages"][i]["content"] for row in _SAMPLE for i in (0, 1)]
    (model_a, tok_a), (model_b, tok_b) = build_tiny(texts, seed=3), build_tiny(texts, seed=3)
    assert tok_a.backend_tokenizer.to_str() == tok_b.backend_tokenizer.to_str()
    assert all(torch.equal(a, b) for a, b in zip(model_a.state_dict().values(), model_b.state_dict().values()))
    assert not torch.equal(build_tiny(texts, seed=4)[0].model.embed_tokens.weight, model_a.model.embed_tokens.weight)
    assert {"<|endoftext|>", "<|im_start|>", "<|im_end|>", "<think>"} <= set(tok_a.get_vocab())
    assert tok_a.eos_token == "<|im_end|>" and tok_a.pad_token == "<|endoftext|>"
    assert model_a.config.model_type == "qwen3" and model_a.config.num_key_value_heads == 2


_SAMPLE = [{"messages": [{"role": "user", "content": f"What does f({n}) return? def f(n): return n * 2"},
                         {"role": "assistant", "content": f"n is {n}, so f returns {2 * n}.\n"
                                                          f"Therefore, the final answer is: {2 * n}"}]}
           for n in range(20)]


def test_training_runs_and_the_loss_goes_down(trained):
    state = json.loads((trained / "trainer_state.json").read_text())
    assert state["global_step"] == STEPS
    losses = [h["loss"] for h in state["log_history"] if "loss" in h]
    assert len(losses) == STEPS // 10 and losses[-1] < losses[0] / 4
    assert (trained / f"checkpoint-{STEPS}").is_dir() and (trained / "checkpoint-30").is_dir()
    results = json.loads((trained / "train_results.json").read_text())
    assert results["global_step"] == STEPS and results["resumed_from_checkpoint"] is None


def test_labels_cover_only_the_assistant_turn(dataset_dir, tmp_path):
    script_args, training_args, model_args = make_parser().parse_args_and_config(
        _args(dataset_dir, tmp_path / "labels", "--max_steps", "1"))
    train, _, _ = load_training_dataset(script_args, training_args, str(tmp_path / "cache"))
    assert train.column_names == ["messages"]
    model, tokenizer, base = load_model_and_tokenizer(script_args, training_args, model_args, train)
    assert base is None and tokenizer.eos_token == "<|im_end|>"
    trainer = build_trainer(model, tokenizer, train, None, training_args, model_args)
    assert trainer.chat_template is not None and "{%- generation %}" in trainer.chat_template  # trl's qwen3_training
    for index, row in enumerate(train):
        batch = trainer.data_collator([trainer.train_dataset[index]])
        ids, labels = batch["input_ids"][0].tolist(), batch["labels"][0].tolist()
        trained_ids = [i for i, label in zip(ids, labels) if label != -100]
        first = next(k for k, label in enumerate(labels) if label != -100)
        assert all(label == -100 for label in labels[:first]) and all(label != -100 for label in labels[first:])
        assert tokenizer.decode(ids[:first]).endswith("<|im_start|>assistant\n")  # the user turn is masked out
        cot = row["messages"][1]["content"]
        assert tokenizer.decode(trained_ids) == f"<think>\n\n</think>\n\n{cot}<|im_end|>\n"
        assert tokenizer.convert_tokens_to_ids("<|im_end|>") in trained_ids  # the model learns to stop


def test_saved_model_reloads_and_stops_at_im_end(trained, dataset_dir):
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(trained)
    model = AutoModelForCausalLM.from_pretrained(trained).eval()
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert tokenizer.eos_token == "<|im_end|>" and im_end in model.generation_config.eos_token_id
    assert model.config.model_type == "qwen3" and model.config.use_cache
    max_new = 150
    for row in _rows(dataset_dir):
        inputs = tokenizer.apply_chat_template(row["messages"][:1], add_generation_prompt=True, return_dict=True,
                                               return_tensors="pt")
        assert tokenizer.decode(inputs["input_ids"][0]).endswith("<|im_start|>assistant\n")
        with torch.no_grad():
            out = model.generate(**inputs, max_new_tokens=max_new, do_sample=False)
        new = out[0, inputs["input_ids"].shape[1]:].tolist()
        assert new[-1] == im_end and len(new) < max_new, tokenizer.decode(new)  # stopped at <|im_end|>
        text = tokenizer.decode(new, skip_special_tokens=True)
        assert text.startswith("<think>") and "\nTherefore, the final answer is: " in text


def test_model_card_metadata_and_eval_results(trained):
    card = ModelCard.load(trained / "README.md")
    data = card.data.to_dict()
    assert data["license"] == "apache-2.0" and "licence" not in data
    assert "base_model" not in data and "no base model" in card.text  # tiny model: a note instead
    assert data["datasets"] == ["test-user/code2cot-tiny"]
    assert data["library_name"] == "transformers" and data["pipeline_tag"] == "text-generation"
    assert {"code2cot", "sft", "trl"} <= set(data["tags"])
    assert "2506.10343" in card.text and "apply_chat_template" in card.text and "| learning_rate | 0.003 |" in card.text
    assert "model-index" not in data

    folder = trained.parent / "card-copy"
    shutil.copytree(trained, folder, ignore=shutil.ignore_patterns("checkpoint-*", "*.safetensors"))
    update_model_card_results(folder, {"cruxeval-o": {"accuracy": 0.25, "mean_output_tokens": 61.5}})
    update_model_card_results(folder, {"code2cot-test": {"accuracy": 0.875, "mean_output_tokens": 40.0}})
    card = ModelCard.load(folder / "README.md")
    index = card.data.to_dict()["model-index"]
    results = {r["dataset"]["name"]: {m["type"]: m["value"] for m in r["metrics"]} for r in index[0]["results"]}
    assert results == {"cruxeval-o": {"accuracy": 0.25, "mean_output_tokens": 61.5},
                       "code2cot-test": {"accuracy": 0.875, "mean_output_tokens": 40.0}}
    assert all(r["task"]["type"] == "text-generation" for r in index[0]["results"])
    assert "| cruxeval-o | 0.25 | 61.5 |" in card.text and card.data.license == "apache-2.0"
    # a later update of one metric keeps the benchmark's dataset id and split: still one entry per benchmark
    update_model_card_results(folder, {"gsm8k": {"accuracy": 0.5, "mean_output_tokens": 90.0, "dataset": "openai/gsm8k",
                                                 "config": "main", "split": "test"}})
    update_model_card_results(folder, {"gsm8k": {"accuracy": 0.75}})
    index = ModelCard.load(folder / "README.md").data.to_dict()["model-index"]
    gsm8k = [r for r in index[0]["results"] if r["dataset"]["name"] == "gsm8k"]
    assert len(gsm8k) == 1 and gsm8k[0]["dataset"] == {"name": "gsm8k", "type": "openai/gsm8k", "config": "main",
                                                       "split": "test"}
    assert {m["type"]: m["value"] for m in gsm8k[0]["metrics"]} == {"accuracy": 0.75, "mean_output_tokens": 90.0}


def test_card_for_a_hub_base_model_and_lora_adapter():
    from code2cot.hub.model_card import render_model_card
    from trl import ModelConfig, SFTConfig

    args = SFTConfig(output_dir="x", eos_token="<|im_end|>", assistant_only_loss=True, use_cpu=True, bf16=False,
                     learning_rate=1e-4, per_device_train_batch_size=8, gradient_accumulation_steps=4)
    lora = ModelConfig(use_peft=True, lora_r=64, lora_alpha=128, lora_target_modules="all-linear")
    card = render_model_card(model_name="q4", training_args=args, model_args=lora, repo_id="org/q4",
                             base_model="Qwen/Qwen3-4B-Base", dataset_id="org/c2c", lora_merged=False)
    data = card.data.to_dict()
    assert data["base_model"] == "Qwen/Qwen3-4B-Base" and data["datasets"] == ["org/c2c"]
    assert {"lora", "peft"} <= set(data["tags"]) and "tiny" not in data["tags"]
    assert "| effective batch size | 32 |" in card.text and "| lora_alpha | 128 |" in card.text
    assert "**adapter** only" in card.text and 'model_id = "org/q4"' in card.text
    local = render_model_card(model_name="q4", training_args=args, base_source="/models/qwen3")
    assert "base_model" not in local.data.to_dict() and "the local model `/models/qwen3`" in local.text


def test_rerun_with_more_steps_resumes_from_the_last_checkpoint(trained, dataset_dir, tmp_path, caplog):
    out = tmp_path / "tiny-run"
    shutil.copytree(trained, out)
    with caplog.at_level(logging.INFO, logger="code2cot.train"):
        assert main(_args(dataset_dir, out, "--max_steps", str(STEPS + 10))) == 0
    assert f"Resuming from checkpoint {out / f'checkpoint-{STEPS}'}" in caplog.text
    results = json.loads((out / "train_results.json").read_text())
    assert results["resumed_from_checkpoint"] == str(out / f"checkpoint-{STEPS}")
    state = json.loads((out / "trainer_state.json").read_text())
    steps = [h["step"] for h in state["log_history"] if "loss" in h]
    assert state["global_step"] == STEPS + 10 and steps == list(range(10, STEPS + 11, 10))  # the first run's log kept
    assert results["train_loss"] < 0.5  # the 10 new steps started from the trained weights, not from scratch


def test_clear_errors_for_missing_messages_and_missing_model(tmp_path, capsys, dataset_dir):
    plain = tmp_path / "plain"
    datasets.Dataset.from_dict({"input": ["1, 2"], "output": ["3"]}).to_parquet(
        str(plain / "data" / "train-00000-of-00001.parquet"))
    assert main(_args(plain, tmp_path / "o1")) == 2
    err = capsys.readouterr().err
    assert "no 'messages' column" in err and "input, output" in err and "code2cot build" in err

    assert main(_args(dataset_dir, tmp_path / "o2", "--tiny_model", "false",
                      "--model_name_or_path", str(tmp_path / "no-such-model"))) == 2
    assert "does not exist" in capsys.readouterr().err
    assert main(_args(tmp_path / "no-such-data", tmp_path / "o3")) == 2
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "out").mkdir()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:  # out/typo with a local out/: a mistyped folder, not a Hub id to retry for 20 s
        assert main(_args("out/typo", tmp_path / "o3")) == 2
    finally:
        os.chdir(cwd)
    assert "dataset folder out/typo does not exist" in capsys.readouterr().err
    assert main(_args(next(dataset_dir.glob("data/train-*.parquet")), tmp_path / "o3")) == 2
    assert "is a file: give the `code2cot build` folder" in capsys.readouterr().err
    assert main(["--config", str(tmp_path / "nope.yaml"), "--dataset_name", str(dataset_dir)]) == 2
    assert "recipe" in capsys.readouterr().err
    typo = tmp_path / "typo.yaml"
    typo.write_text("tiny_model: true\nuse_cpu: true\nlearnig_rate: 0.003\n")
    assert main(["--config", str(typo), "--dataset_name", str(dataset_dir)]) == 2
    assert "Unknown arguments from config file: ['--learnig_rate'" in capsys.readouterr().err
    assert main(_args(dataset_dir, tmp_path / "o4", "--learnig_rate", "1")) == 2
    assert "['--learnig_rate', '1']" in capsys.readouterr().err
    a_file = tmp_path / "a_file"
    a_file.write_text("mine")
    assert main(_args(dataset_dir, a_file)) == 2
    assert f"output_dir {a_file} exists and is not a folder" in capsys.readouterr().err
    assert not (tmp_path / "o1").exists() and not (tmp_path / "o2").exists()


def test_lora_from_a_hub_dataset_merged_and_pushed_with_checkpoint_branches(dataset_dir, tmp_path, monkeypatch):
    from huggingface_hub import HfApi
    from transformers import AutoModelForCausalLM

    out = tmp_path / "tiny-lora"
    with HubStub() as hub:
        point_client_at(hub, monkeypatch, tmp_path / "hf-home")
        api = HfApi()
        api.create_repo("test-user/c2c-tiny", repo_type="dataset")
        api.upload_folder(folder_path=str(dataset_dir), repo_id="test-user/c2c-tiny", repo_type="dataset")
        rc = main(_args("test-user/c2c-tiny", out, "--max_steps", "4", "--save_steps", "2", "--use_peft",
                        "--lora_r", "8", "--lora_alpha", "16", "--lora_target_modules", "all-linear", "--push_to_hub",
                        "--push_checkpoints", "--hub_model_id", "test-user/tiny-lora", card_dataset=None))
        assert rc == 0
        files = hub.files("test-user/tiny-lora", "model")
        assert {"README.md", "config.json", "model.safetensors", "tokenizer.json", "generation_config.json",
                "adapter/adapter_config.json", "adapter/adapter_model.safetensors"} <= set(files)
        assert not any(p.startswith("checkpoint-") or p.endswith((".pt", ".pth", ".bin")) for p in files)
        assert "adapter_config.json" not in files  # merged: the top level is a standalone model
        card = files["README.md"].decode()
        assert "license: apache-2.0" in card and "licence" not in card and "**merged**" in card
        assert "lora_r | 8" in card and "test-user/tiny-lora" in card
        assert "datasets:\n- test-user/c2c-tiny\n" in card  # a Hub dataset id is the card's dataset by default
        branches = hub.branches("test-user/tiny-lora", "model")
        assert {"main", "ckpt-2", "ckpt-4"} <= set(branches)
        ckpt = hub.files("test-user/tiny-lora", "model", revision="ckpt-4")
        assert {"adapter_config.json", "adapter_model.safetensors", "trainer_state.json", "README.md"} <= set(ckpt)
        assert "optimizer.pt" not in ckpt and "scheduler.pt" not in ckpt
        assert json.loads(ckpt["trainer_state.json"])["global_step"] == 4
    model = AutoModelForCausalLM.from_pretrained(out)
    assert type(model).__name__ == "Qwen3ForCausalLM" and not any("lora" in n for n, _ in model.named_parameters())
    assert (out / "adapter" / "adapter_config.json").is_file()


def test_a_hub_token_given_on_the_command_line_is_in_no_saved_or_pushed_file(dataset_dir, tmp_path, monkeypatch):
    """The Trainer pickles its arguments into every checkpoint (training_args.bin); pushed checkpoint
    branches of a public repo would carry the token."""
    canary = "hf_cmdline_canary_7Qz"
    out = tmp_path / "tok"
    with HubStub(tokens={canary: "test-user"}) as hub:
        point_client_at(hub, monkeypatch, tmp_path / "hf-home", token=False)
        assert main(_args(dataset_dir, out, "--max_steps", "2", "--save_steps", "1", "--hub_token", canary,
                          "--push_to_hub", "--push_checkpoints", "--push_checkpoint_states",
                          "--hub_model_id", "test-user/tiny-tok")) == 0
        pushed = {rev: hub.files("test-user/tiny-tok", "model", revision=rev) for rev in ("main", "ckpt-1", "ckpt-2")}
    assert "training_args.bin" in pushed["ckpt-2"]  # the states were pushed ...
    assert not [(rev, name) for rev, files in pushed.items() for name, body in files.items()
                if canary.encode() in body]  # ... without the token
    assert not [f for f in out.rglob("*") if f.is_file() and canary.encode() in f.read_bytes()]


def test_push_needs_a_token_before_training(dataset_dir, tmp_path, monkeypatch, capsys):
    with HubStub() as hub:
        point_client_at(hub, monkeypatch, tmp_path / "hf-home", token=None)
        assert main(_args(dataset_dir, tmp_path / "o", "--push_to_hub")) == 2
        assert "no Hugging Face token" in capsys.readouterr().err
        assert not (tmp_path / "o").exists() and not hub.repos


def test_recipes_parse_and_override(monkeypatch):
    monkeypatch.setenv("PYTORCH_CUDA_ALLOC_CONF", "")  # recipes set it (`env:`); restored after the test
    for name in ("qwen3-4b-lora", "qwen3-4b-full", "qwen3-8b-lora", "qwen3-8b-full", "tiny"):
        script_args, training_args, model_args = make_parser().parse_args_and_config(
            ["--config", str(RECIPES / f"{name}.yaml"), "--learning_rate", "7e-6", "--output_dir", "x",
             "--use_cpu", "true"])  # bf16 recipes parse on a machine without a GPU
        assert training_args.learning_rate == 7e-6 and training_args.output_dir == "x"
        assert training_args.assistant_only_loss and training_args.eos_token == "<|im_end|>"
        assert script_args.dataset_name
        text = (RECIPES / f"{name}.yaml").read_text()
        assert f"code2cot train hub/recipes/{name}.yaml" in text
        if name == "tiny":
            assert script_args.tiny_model and training_args.use_cpu
            continue
        assert model_args.model_name_or_path.startswith("Qwen/Qwen3-") and training_args.bf16
        assert training_args.gradient_checkpointing and training_args.max_length >= 4096
        effective = training_args.per_device_train_batch_size * training_args.gradient_accumulation_steps
        assert effective == 32 and training_args.num_train_epochs == 3
        assert model_args.use_peft == name.endswith("lora")
        assert os.environ["PYTORCH_CUDA_ALLOC_CONF"] == "expandable_segments:True"


def test_cli_trains_a_shipped_recipe_by_name(dataset_dir, tmp_path):
    """`code2cot train tiny ...` as a user runs it: the console script, a shipped recipe name, overrides."""
    import subprocess
    import sys

    out = tmp_path / "cli-run"
    cli = [sys.executable, "-m", "code2cot"]
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    done = subprocess.run([*cli, "train", "tiny", "--dataset_name", str(dataset_dir), "--output_dir", str(out),
                           "--max_steps", "2", "--save_steps", "2", "--hub_dataset_id", "test-user/code2cot-tiny"],
                          capture_output=True, text=True, env=env, timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    assert json.loads((out / "train_results.json").read_text())["global_step"] == 2
    assert (out / "model.safetensors").is_file() and (out / "README.md").is_file()
    missing = subprocess.run([*cli, "train", "no-such-recipe"], capture_output=True, text=True, env=env, timeout=60, check=False)
    assert missing.returncode == 2 and "recipe 'no-such-recipe' not found" in missing.stderr
    assert "qwen3-4b-lora" in missing.stderr and "tiny" in missing.stderr

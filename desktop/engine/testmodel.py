"""Builds real, tiny (or realistically shaped) models for tests and benchmarks.

The weights are random, but everything else is real: a llama-architecture GGUF with the Qwen2
vocabulary and the Qwen2.5 chat template taken from the pinned llama-cpp-python source archive
(``vendor/llama.cpp/models/``), quantized by llama.cpp itself, plus a safetensors copy of the very
same weights with a Hugging Face tokenizer, so the llama.cpp and transformers backends can be
checked against each other token by token.

Built models are cached under a per-user cache directory keyed by their recipe.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import asdict, dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Final

import numpy as np
import platformdirs

PINNED_LLAMA_CPP_PYTHON: Final = "0.3.36"
VOCAB_MEMBER: Final = "vendor/llama.cpp/models/ggml-vocab-qwen2.gguf"
TEMPLATE_MEMBER: Final = "vendor/llama.cpp/models/templates/Qwen-Qwen2.5-7B-Instruct.jinja"
RECIPE_VERSION: Final = 1
QUANT_TYPES: Final = {"f32": 0, "f16": 1, "q4_0": 2, "q8_0": 7, "q4_k_m": 15}


@dataclass(frozen=True)
class Shape:
    """Model dimensions (Qwen2.5-like proportions for the realistic ones)."""

    n_embd: int
    n_layer: int
    n_head: int
    n_head_kv: int
    n_ff: int
    n_ctx: int = 2048


SHAPES: Final = {
    "tiny": Shape(n_embd=64, n_layer=2, n_head=4, n_head_kv=2, n_ff=128),
    "qwen2.5-0.5b": Shape(n_embd=896, n_layer=24, n_head=14, n_head_kv=2, n_ff=4864, n_ctx=4096),
    "qwen2.5-1.5b": Shape(n_embd=1536, n_layer=28, n_head=12, n_head_kv=2, n_ff=8960, n_ctx=4096),
}


@dataclass(frozen=True)
class TestModel:
    """Paths of one built model: GGUF files by quantization and the Hugging Face directory."""

    __test__ = False  # not a pytest test class, despite the name

    directory: Path
    shape: str

    def gguf(self, quant: str = "f32") -> Path:
        return self.directory / f"model-{quant}.gguf"

    @property
    def hf_dir(self) -> Path:
        return self.directory / "hf"


def default_cache_dir() -> Path:
    override = os.environ.get("JASO_TEST_MODELS_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("jaso-testmodels", appauthor=False))


def llama_cpp_python_version() -> str:
    try:
        return version("llama-cpp-python")
    except PackageNotFoundError:
        return PINNED_LLAMA_CPP_PYTHON


def source_archive(cache_dir: Path) -> Path:
    """The llama-cpp-python source archive of the installed version (downloaded once by pip)."""
    override = os.environ.get("JASO_LLAMA_SDIST")
    if override:
        return Path(override)
    wanted = llama_cpp_python_version()
    target = cache_dir / "sdist"
    found = sorted(target.glob(f"llama_cpp_python-{wanted}.tar.gz"))
    if found:
        return found[0]
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-binary",
            ":all:",
            "--no-deps",
            f"llama-cpp-python=={wanted}",
            "-d",
            str(target),
        ],
        check=True,
    )
    return next(target.glob(f"llama_cpp_python-{wanted}.tar.gz"))


def extract_vocab_and_template(archive: Path, out_dir: Path) -> tuple[Path, str]:
    """Copy the Qwen2 vocabulary GGUF out of the archive; return it and the chat template."""
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab_path = out_dir / "ggml-vocab-qwen2.gguf"
    with tarfile.open(archive) as tar:
        prefix = tar.getmembers()[0].name.split("/")[0]
        vocab = tar.extractfile(f"{prefix}/{VOCAB_MEMBER}")
        template = tar.extractfile(f"{prefix}/{TEMPLATE_MEMBER}")
        assert vocab is not None and template is not None
        vocab_path.write_bytes(vocab.read())
        return vocab_path, template.read().decode("utf-8")


def _random_weights(shape: Shape, n_vocab: int, seed: int) -> dict[str, np.ndarray[Any, Any]]:
    """Weights in Hugging Face layout (out_features, in_features), float32.

    Scales are chosen so logits are spread out: greedy decoding then has clear winners, and the
    two backends agree despite different float summation orders.
    """
    rng = np.random.default_rng(seed)
    head_dim = shape.n_embd // shape.n_head

    def normal(*dims: int, std: float) -> np.ndarray[Any, Any]:
        return rng.standard_normal(dims, dtype=np.float32) * np.float32(std)

    emb_std, lin_std = 1.0, 1.0 / np.sqrt(shape.n_embd)
    weights = {
        "model.embed_tokens.weight": normal(n_vocab, shape.n_embd, std=emb_std),
        "model.norm.weight": np.ones(shape.n_embd, dtype=np.float32),
        "lm_head.weight": normal(n_vocab, shape.n_embd, std=4 * lin_std),
    }
    for i in range(shape.n_layer):
        p = f"model.layers.{i}."
        weights |= {
            p + "input_layernorm.weight": np.ones(shape.n_embd, dtype=np.float32),
            p + "post_attention_layernorm.weight": np.ones(shape.n_embd, dtype=np.float32),
            p + "self_attn.q_proj.weight": normal(
                shape.n_head * head_dim, shape.n_embd, std=lin_std
            ),
            p + "self_attn.k_proj.weight": normal(
                shape.n_head_kv * head_dim, shape.n_embd, std=lin_std
            ),
            p + "self_attn.v_proj.weight": normal(
                shape.n_head_kv * head_dim, shape.n_embd, std=lin_std
            ),
            p + "self_attn.o_proj.weight": normal(
                shape.n_embd, shape.n_head * head_dim, std=lin_std
            ),
            p + "mlp.gate_proj.weight": normal(shape.n_ff, shape.n_embd, std=lin_std),
            p + "mlp.up_proj.weight": normal(shape.n_ff, shape.n_embd, std=lin_std),
            p + "mlp.down_proj.weight": normal(
                shape.n_embd, shape.n_ff, std=1 / np.sqrt(shape.n_ff)
            ),
        }
    return weights


def _permute(weights: np.ndarray[Any, Any], n_head: int) -> np.ndarray[Any, Any]:
    """Hugging Face's rotary layout to llama.cpp's (as ``convert_hf_to_gguf.py`` does)."""
    return (
        weights.reshape(n_head, 2, weights.shape[0] // n_head // 2, *weights.shape[1:])
        .swapaxes(1, 2)
        .reshape(weights.shape)
    )


_GGUF_NAMES: Final = {
    "input_layernorm.weight": "attn_norm.weight",
    "post_attention_layernorm.weight": "ffn_norm.weight",
    "self_attn.q_proj.weight": "attn_q.weight",
    "self_attn.k_proj.weight": "attn_k.weight",
    "self_attn.v_proj.weight": "attn_v.weight",
    "self_attn.o_proj.weight": "attn_output.weight",
    "mlp.gate_proj.weight": "ffn_gate.weight",
    "mlp.up_proj.weight": "ffn_up.weight",
    "mlp.down_proj.weight": "ffn_down.weight",
}


def _copy_tokenizer_fields(writer: Any, vocab_path: Path) -> int:
    import gguf

    reader = gguf.GGUFReader(str(vocab_path))
    n_vocab = 0
    for key, field in reader.fields.items():
        if not key.startswith("tokenizer.ggml."):
            continue
        value = field.contents()
        if key == "tokenizer.ggml.tokens":
            n_vocab = len(value)
        main_type = field.types[0]
        if main_type == gguf.GGUFValueType.ARRAY:
            writer.add_array(key, value)
        else:
            writer.add_key_value(key, value, main_type)
    return n_vocab


def _write_gguf(
    path: Path,
    shape: Shape,
    weights: dict[str, np.ndarray[Any, Any]],
    vocab_path: Path,
    template: str,
    dtype: Any,
) -> None:
    import gguf

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("jaso-test-model")
    writer.add_context_length(shape.n_ctx)
    writer.add_embedding_length(shape.n_embd)
    writer.add_block_count(shape.n_layer)
    writer.add_feed_forward_length(shape.n_ff)
    writer.add_head_count(shape.n_head)
    writer.add_head_count_kv(shape.n_head_kv)
    writer.add_rope_dimension_count(shape.n_embd // shape.n_head)
    writer.add_rope_freq_base(10000.0)
    writer.add_layer_norm_rms_eps(1e-6)
    writer.add_file_type(0 if dtype == np.float32 else 1)
    n_vocab = _copy_tokenizer_fields(writer, vocab_path)
    writer.add_vocab_size(n_vocab)
    writer.add_chat_template(template)
    writer.add_tensor("token_embd.weight", weights["model.embed_tokens.weight"].astype(dtype))
    writer.add_tensor("output_norm.weight", weights["model.norm.weight"])
    writer.add_tensor("output.weight", weights["lm_head.weight"].astype(dtype))
    for i in range(shape.n_layer):
        for hf_name, gguf_name in _GGUF_NAMES.items():
            tensor = weights[f"model.layers.{i}.{hf_name}"]
            if hf_name == "self_attn.q_proj.weight":
                tensor = _permute(tensor, shape.n_head)
            elif hf_name == "self_attn.k_proj.weight":
                tensor = _permute(tensor, shape.n_head_kv)
            if tensor.ndim > 1:
                tensor = tensor.astype(dtype)
            writer.add_tensor(f"blk.{i}.{gguf_name}", tensor)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def quantize(source: Path, target: Path, quant: str) -> None:
    """Quantize a GGUF with llama.cpp's own quantizer."""
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = QUANT_TYPES[quant]
    params.nthread = os.cpu_count() or 1
    code = llama_cpp.llama_model_quantize(str(source).encode(), str(target).encode(), params)
    if code != 0:
        raise RuntimeError(f"llama_model_quantize({quant}) failed with {code}")


def _write_hf(
    directory: Path,
    shape: Shape,
    weights: dict[str, np.ndarray[Any, Any]],
    n_vocab: int,
    vocab_path: Path,
    template: str,
) -> None:
    """The same weights as safetensors with a Llama config and the Qwen2 tokenizer."""
    from safetensors.numpy import save_file
    from transformers import AutoTokenizer

    directory.mkdir(parents=True, exist_ok=True)
    save_file(weights, str(directory / "model.safetensors"), metadata={"format": "pt"})
    config = {
        "architectures": ["LlamaForCausalLM"],
        "model_type": "llama",
        "hidden_size": shape.n_embd,
        "intermediate_size": shape.n_ff,
        "num_hidden_layers": shape.n_layer,
        "num_attention_heads": shape.n_head,
        "num_key_value_heads": shape.n_head_kv,
        "max_position_embeddings": shape.n_ctx,
        "rms_norm_eps": 1e-6,
        "rope_theta": 10000.0,
        "vocab_size": n_vocab,
        "tie_word_embeddings": False,
        "hidden_act": "silu",
        "attention_bias": False,
        "mlp_bias": False,
        "torch_dtype": "float32",
        "bos_token_id": 151643,
        "eos_token_id": 151645,
    }
    (directory / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    tokenizer = AutoTokenizer.from_pretrained(str(vocab_path.parent), gguf_file=vocab_path.name)
    tokenizer.chat_template = template
    tokenizer.save_pretrained(str(directory))


def recipe_key(shape: str, seed: int, quants: tuple[str, ...], with_hf: bool) -> str:
    recipe = {
        "v": RECIPE_VERSION,
        "shape": asdict(SHAPES[shape]),
        "seed": seed,
        "quants": sorted(quants),
        "hf": with_hf,
        "llama": llama_cpp_python_version(),
    }
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode()).hexdigest()[:16]


def build_test_model(
    shape: str = "tiny",
    *,
    seed: int = 1234,
    quants: tuple[str, ...] = ("q8_0", "q4_0"),
    with_hf: bool = True,
    cache_dir: Path | None = None,
) -> TestModel:
    """Build (or find in the cache) a model; F32 for tiny, F16 as the base for larger shapes."""
    cache = cache_dir or default_cache_dir()
    key = recipe_key(shape, seed, quants, with_hf)
    final = cache / f"{shape}-{key}"
    if (final / "done").exists():
        return TestModel(final, shape)
    cache.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{shape}-", dir=cache))
    try:
        vocab_path, template = extract_vocab_and_template(source_archive(cache), work / "vocab")
        dims = SHAPES[shape]
        import gguf

        n_vocab = len(gguf.GGUFReader(str(vocab_path)).fields["tokenizer.ggml.tokens"].data)
        weights = _random_weights(dims, n_vocab, seed)
        base = "f32" if shape == "tiny" else "f16"
        base_path = work / f"model-{base}.gguf"
        _write_gguf(
            base_path,
            dims,
            weights,
            vocab_path,
            template,
            np.float32 if base == "f32" else np.float16,
        )
        for quant in quants:
            quantize(base_path, work / f"model-{quant}.gguf", quant)
        if with_hf:
            _write_hf(work / "hf", dims, weights, n_vocab, vocab_path, template)
        del weights
        shutil.rmtree(work / "vocab")
        (work / "recipe.json").write_text(
            json.dumps({"shape": shape, "seed": seed, "quants": list(quants)}), encoding="utf-8"
        )
        (work / "done").write_text("ok", encoding="utf-8")
        try:
            work.rename(final)
        except OSError:  # another process finished the same recipe first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return TestModel(final, shape)

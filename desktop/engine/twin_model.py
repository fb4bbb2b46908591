"""One real model's weights for both backends: an F32 GGUF and its safetensors twin.

A quantized GGUF of a llama-architecture model (SmolLM2's Q4_1) is dequantized by llama.cpp's
own quantizer into an F32 GGUF; transformers reads that file (``gguf_file=``, its GGUF
converter undoing llama.cpp's rotary permutation) and the weights are written as safetensors
with the tokenizer and chat template. Both backends then run the very same numbers, so their
greedy choices can be compared token by token. Cached by the source file's size and time.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from desktop.engine.testmodel import default_cache_dir


@dataclass(frozen=True)
class Twin:
    gguf: Path
    hf_dir: Path


def _dequantize(source: Path, target: Path) -> None:
    import llama_cpp

    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = 0  # LLAMA_FTYPE_ALL_F32
    params.allow_requantize = True
    params.nthread = os.cpu_count() or 1
    code = llama_cpp.llama_model_quantize(str(source).encode(), str(target).encode(), params)
    if code != 0:
        raise RuntimeError(f"dequantizing {source.name} failed with {code}")


def _safetensors_twin(gguf: Path, directory: Path) -> None:
    from safetensors.torch import save_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    directory.mkdir(parents=True, exist_ok=True)
    # transformers marks a model read from GGUF as quantized and refuses save_pretrained
    config = model.config.to_dict()
    config.pop("quantization_config", None)
    save_model(model, str(directory / "model.safetensors"))  # tied embeddings stored once
    (directory / "config.json").write_text(json.dumps(config, indent=2), encoding="utf-8")
    tokenizer.save_pretrained(str(directory))


def build_twin(source: Path, cache_dir: Path | None = None) -> Twin:
    stat = source.stat()
    name = f"twin-{source.stem}-{stat.st_size}-{int(stat.st_mtime)}"
    final = (cache_dir or default_cache_dir()) / name
    if (final / "done").exists():
        return Twin(final / "model-f32.gguf", final / "hf")
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=final.parent))
    try:
        _dequantize(source, work / "model-f32.gguf")
        _safetensors_twin(work / "model-f32.gguf", work / "hf")
        (work / "done").write_text("ok", encoding="utf-8")
        try:
            work.rename(final)
        except OSError:  # another process built it first
            shutil.rmtree(work, ignore_errors=True)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return Twin(final / "model-f32.gguf", final / "hf")

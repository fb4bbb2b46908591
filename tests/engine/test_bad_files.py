"""Bad model files give typed errors with clear messages, never a crash."""

from __future__ import annotations

import struct
import threading
from pathlib import Path

import pytest

from desktop.engine.backend import LoadOptions, SamplingParams
from desktop.engine.errors import (
    ModelFileInvalid,
    ModelFileMissing,
    OutOfMemory,
    PromptTooLong,
    UnsupportedArchitecture,
)
from desktop.engine.gguf_check import read_gguf, validate_in_subprocess
from desktop.engine.hf_backend import TransformersBackend, check_model_dir
from desktop.engine.llama_backend import LlamaCppBackend
from desktop.engine.memory import check_fits
from desktop.engine.prompts import fit_context
from desktop.engine.testmodel import TestModel


def _gguf_header(arch: str, tensors: int = 1) -> bytes:
    def string(s: str) -> bytes:
        data = s.encode()
        return struct.pack("<Q", len(data)) + data

    body = b"GGUF" + struct.pack("<IQQ", 3, tensors, 1)
    body += string("general.architecture") + struct.pack("<I", 8) + string(arch)
    for i in range(tensors):
        body += string(f"t{i}") + struct.pack("<I", 1) + struct.pack("<Q", 32)
        body += struct.pack("<IQ", 0, 0)
    return body + b"\0" * (-len(body) % 32) + b"\0" * 128 * tensors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ModelFileMissing):
        LlamaCppBackend().load(LoadOptions(tmp_path / "nope.gguf"))


def test_not_gguf(tmp_path: Path) -> None:
    path = tmp_path / "model.gguf"
    path.write_bytes(b"PK\x03\x04 this is a zip file" * 10)
    with pytest.raises(ModelFileInvalid, match="not a GGUF"):
        LlamaCppBackend().load(LoadOptions(path))


@pytest.mark.parametrize("keep", [0.001, 0.5, 0.999])
def test_truncated(tiny_model: TestModel, tmp_path: Path, keep: float) -> None:
    source = tiny_model.gguf("q4_0").read_bytes()
    path = tmp_path / "cut.gguf"
    path.write_bytes(source[: int(len(source) * keep)])
    with pytest.raises(ModelFileInvalid, match="truncated|end"):
        LlamaCppBackend().load(LoadOptions(path))


def test_unsupported_architecture(tmp_path: Path) -> None:
    path = tmp_path / "bert.gguf"
    path.write_bytes(_gguf_header("bert"))
    assert read_gguf
    with pytest.raises(UnsupportedArchitecture, match="bert"):
        LlamaCppBackend().load(LoadOptions(path))


def test_inconsistent_tensor_table(tmp_path: Path) -> None:
    data = bytearray(_gguf_header("llama"))
    # Point the tensor's offset far past the end of the file.
    index = data.index(b"t0") + 2 + 4 + 8 + 4
    data[index : index + 8] = struct.pack("<Q", 1 << 30)
    path = tmp_path / "bad.gguf"
    path.write_bytes(bytes(data))
    with pytest.raises(ModelFileInvalid, match="past the end"):
        read_gguf(path)


def test_huge_string_length_is_rejected_without_allocating(tmp_path: Path) -> None:
    data = b"GGUF" + struct.pack("<IQQ", 3, 1, 1) + struct.pack("<Q", 1 << 60) + b"x" * 64
    path = tmp_path / "hostile.gguf"
    path.write_bytes(data)
    with pytest.raises(ModelFileInvalid):
        read_gguf(path)


def test_subprocess_validation(tiny_model: TestModel, tmp_path: Path) -> None:
    info = validate_in_subprocess(tiny_model.gguf("q8_0"))
    assert (info.architecture, info.context_length, info.has_chat_template) == ("llama", 2048, True)
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\xff" * 100)
    with pytest.raises(ModelFileInvalid):
        validate_in_subprocess(bad)
    with pytest.raises(UnsupportedArchitecture):
        (tmp_path / "bert.gguf").write_bytes(_gguf_header("bert"))
        validate_in_subprocess(tmp_path / "bert.gguf")


def test_out_of_memory_is_a_clear_message() -> None:
    with pytest.raises(OutOfMemory, match="GiB"):
        check_fits(8 << 30, use_mmap=False, available=2 << 30)
    check_fits(1 << 30, use_mmap=False, available=2 << 30)


def test_prompt_too_long_keeps_instructions_and_trims_oldest_text() -> None:
    def count(text: str) -> int:
        return len(text)

    answer = "첫 문장입니다. 둘째 문장입니다. 마지막 문장입니다."
    fitted = fit_context(fixed_tokens=90, context=answer, count_tokens=count, budget=100)
    assert fitted.truncated and answer.endswith(fitted.context)
    assert len(fitted.context) == 10
    assert (
        fit_context(fixed_tokens=10, context=answer, count_tokens=count, budget=100).truncated
        is False
    )
    with pytest.raises(PromptTooLong, match="instructions"):
        fit_context(fixed_tokens=101, context=answer, count_tokens=count, budget=100)


def test_prompt_longer_than_context_on_the_real_model(tiny_model: TestModel) -> None:
    backend = LlamaCppBackend()
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=128))
    with pytest.raises(PromptTooLong):
        list(backend.stream("가나다 " * 200, SamplingParams(max_tokens=4), threading.Event()))
    backend.close()


def test_transformers_refuses_pickle_and_remote_code(tiny_model: TestModel, tmp_path: Path) -> None:
    pickled = tmp_path / "pickled"
    pickled.mkdir()
    (pickled / "config.json").write_text("{}")
    (pickled / "pytorch_model.bin").write_bytes(b"\x80\x04")
    with pytest.raises(ModelFileInvalid, match="pickle"):
        TransformersBackend().load(LoadOptions(pickled))
    remote = tmp_path / "remote"
    remote.mkdir()
    (remote / "config.json").write_text('{"auto_map": {"AutoModel": "x.Model"}}')
    (remote / "model.safetensors").write_bytes(b"")
    with pytest.raises(ModelFileInvalid, match="remote code"):
        check_model_dir(remote)
    with pytest.raises(ModelFileMissing):
        check_model_dir(tmp_path / "missing")

"""Mutated GGUF files through the validator: every one is accepted or rejected with a message,
none crashes the process or allocates without bound."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import numpy as np

from desktop.engine.errors import ModelFileInvalid
from desktop.engine.gguf_check import read_gguf, validate_in_subprocess
from tests.reliability.conftest import Ledger, count


def _seed_file(path: Path) -> bytes:
    """A small but complete llama GGUF: metadata of every kind, a few tensors."""
    import gguf

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("fuzz seed")
    writer.add_context_length(2048)
    writer.add_embedding_length(32)
    writer.add_block_count(1)
    writer.add_head_count(2)
    writer.add_array("tokenizer.ggml.tokens", ["<s>", "</s>", "가", "나", "hello"])
    writer.add_array("tokenizer.ggml.scores", [0.0, 0.0, -1.0, -1.0, -2.0])
    writer.add_string(
        "tokenizer.chat_template", "{% for m in messages %}{{ m.content }}{% endfor %}"
    )
    rng = np.random.default_rng(0)
    for name, shape in (("token_embd.weight", (5, 32)), ("output_norm.weight", (32,))):
        writer.add_tensor(name, rng.standard_normal(shape).astype(np.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path.read_bytes()


def _mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: flip bytes, write a huge or zero 64-bit field, truncate, or splice garbage."""
    buf = bytearray(data)
    header_end = min(len(buf), 1024)
    kind = rng.randrange(6)
    if kind == 0:  # random byte flips in the header and metadata
        for _ in range(rng.randint(1, 8)):
            buf[rng.randrange(header_end)] ^= 1 << rng.randrange(8)
    elif kind == 1:  # a 64-bit count/length field set to something absurd
        at = rng.randrange(4, header_end - 8)
        value = rng.choice([0, 1, 2**31, 2**32 + 7, 2**63 - 1, 2**64 - 1])
        buf[at : at + 8] = struct.pack("<Q", value)
    elif kind == 2:  # tensor and KV counts in the fixed header
        field = rng.choice([8, 16])
        buf[field : field + 8] = struct.pack("<Q", rng.choice([0, 3, 10**6, 2**40, 2**64 - 1]))
    elif kind == 3:  # truncation anywhere
        del buf[rng.randrange(len(buf)) :]
    elif kind == 4:  # a 32-bit type or version field
        at = rng.choice([4, rng.randrange(24, header_end - 4)])
        buf[at : at + 4] = struct.pack("<I", rng.choice([0, 3, 13, 255, 2**31, 2**32 - 1]))
    else:  # garbage spliced into the metadata
        at = rng.randrange(24, header_end)
        buf[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return bytes(buf)


def test_mutated_gguf_files_are_rejected_with_a_message(tmp_path: Path, ledger: Ledger) -> None:
    seed = _seed_file(tmp_path / "seed.gguf")
    assert read_gguf(tmp_path / "seed.gguf").architecture == "llama"
    rng = random.Random(20261120)
    runs = count(120, 600)
    rejected = accepted = 0
    unexpected: list[str] = []
    samples: list[Path] = []
    for index in range(runs):
        path = tmp_path / f"m{index}.gguf"
        path.write_bytes(_mutate(seed, rng))
        try:
            read_gguf(path)
        except ModelFileInvalid as exc:
            assert str(exc).strip(), "a rejection must say why"
            rejected += 1
        except Exception as exc:  # noqa: BLE001 (anything else is a validator bug)
            unexpected.append(f"{path.name}: {type(exc).__name__}: {exc}")
        else:
            accepted += 1  # a mutation that left a valid file (a flipped bit in a string)
        if index % (runs // 10) == 0:
            samples.append(path)
        if index >= len(samples) * (runs // 10) + 10:
            path.unlink()
    # The subprocess path the app uses: a sample, each with a clean verdict, no hang.
    for path in samples:
        try:
            validate_in_subprocess(path, timeout=30)
        except ModelFileInvalid as exc:
            assert str(exc).strip()
    ledger.record(
        "hostile files",
        "mutated GGUF headers (flips, huge counts, truncation, splices) through the validator",
        runs,
        runs - len(unexpected),
        "none (the app process never loads them)",
        f"{rejected} rejected with a message, {accepted} still valid; "
        f"{len(samples)} also through the subprocess check",
    )
    assert unexpected == []
    assert rejected + accepted == runs and rejected > runs // 2

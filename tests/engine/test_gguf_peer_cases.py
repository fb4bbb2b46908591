"""The GGUF validator against the pinned llama.cpp, case by case (issue 20).

Each bad file is one of the categories of llama.cpp's ``tests/test-gguf.cpp`` (its
``HANDCRAFTED_*`` name) or one check of ``ggml/src/gguf.cpp`` (``gguf_init_from_reader``), named
in the case's id. Each is refused by ``read_gguf``, and the shipped library is asked too
(``gguf_init_from_file`` through ctypes, in a child process): it refuses the same files and
reads the valid ones, so the test shows the two agree rather than what either one guesses.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from desktop.engine.errors import ModelFileInvalid
from desktop.engine.ggml_types import GGML_TYPE_COUNT, GGML_TYPES
from desktop.engine.gguf_check import read_gguf

U32, I32, BOOL, STRING = 4, 5, 7, 8
F32, Q8_0, NVFP4, Q1_0, Q2_0 = 0, 8, 40, 41, 42


def _string(text: str | bytes) -> bytes:
    data = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(data)) + data


@dataclass
class Spec:
    """A GGUF file to write: key-value pairs and tensors (offsets default to llama.cpp's)."""

    kvs: list[tuple[str, int, bytes]] = field(
        default_factory=lambda: [("general.architecture", STRING, _string("llama"))]
    )
    tensors: list[tuple[str, Sequence[int], int]] = field(
        default_factory=lambda: [("token_embd.weight", (64, 2), F32)]
    )
    offsets: list[int] | None = None
    alignment: int = 32
    extra_data: int = 0

    def build(self) -> bytes:
        sizes = []
        for _, dims, kind in self.tensors:
            layout = GGML_TYPES[kind]
            elements = 1
            for dim in dims:
                elements *= dim
            sizes.append(elements // layout.elements * layout.nbytes)
        padded = [-(-n // self.alignment) * self.alignment for n in sizes]
        offsets = self.offsets or [sum(padded[:i]) for i in range(len(padded))]
        out = b"GGUF" + struct.pack("<IQQ", 3, len(self.tensors), len(self.kvs))
        for key, kind, value in self.kvs:
            out += _string(key) + struct.pack("<I", kind) + value
        for (name, dims, kind), offset in zip(self.tensors, offsets, strict=True):
            out += _string(name) + struct.pack("<I", len(dims))
            out += struct.pack(f"<{len(dims)}Q", *dims) + struct.pack("<IQ", kind, offset)
        out += b"\0" * (-len(out) % self.alignment)
        return out + b"\x11" * (sum(padded) + self.extra_data)


def _arch_plus(*extra: tuple[str, int, bytes]) -> list[tuple[str, int, bytes]]:
    return [("general.architecture", STRING, _string("llama")), *extra]


# The ten files the pinned llama.cpp refuses that read_gguf accepted before issue 20.
BAD = {
    # test-gguf.cpp HANDCRAFTED_KV_EMPTY_KEY; gguf.cpp "key %d is empty"
    "KV_EMPTY_KEY": Spec(kvs=_arch_plus(("", U32, struct.pack("<I", 7)))),
    # test-gguf.cpp HANDCRAFTED_KV_DUPLICATE_KEY; gguf.cpp "duplicate key"
    "KV_DUPLICATE_KEY": Spec(
        kvs=_arch_plus(("my_key_0", U32, struct.pack("<I", 1)), ("my_key_0", U32, b"\2\0\0\0"))
    ),
    # the same check on the key every loader reads first
    "KV_DUPLICATE_KEY-general.architecture": Spec(
        kvs=_arch_plus(("general.architecture", STRING, _string("llama")))
    ),
    # test-gguf.cpp HANDCRAFTED_KV_WRONG_TYPE_ALIGN; gguf.cpp "must be of type u32"
    "KV_WRONG_TYPE_ALIGN-int32": Spec(
        kvs=_arch_plus(("general.alignment", I32, struct.pack("<i", 32)))
    ),
    "KV_WRONG_TYPE_ALIGN-bool": Spec(kvs=_arch_plus(("general.alignment", BOOL, b"\1"))),
    # test-gguf.cpp HANDCRAFTED_TENSORS_BAD_NAME_SIZE; gguf.cpp name.length() >= GGML_MAX_NAME
    "TENSORS_BAD_NAME_SIZE": Spec(tensors=[("t" * 64, (64, 2), F32)]),
    # test-gguf.cpp HANDCRAFTED_TENSORS_DUPLICATE_NAME; gguf.cpp "duplicate tensor name"
    "TENSORS_DUPLICATE_NAME": Spec(tensors=[("w", (64,), F32), ("w", (64,), F32)]),
    # gguf.cpp "elements per row, not a multiple of block size": 48 x 2 is 3 whole Q8_0
    # blocks in all, but a row of 48 is one and a half
    "gguf.cpp-row-not-whole-blocks-Q8_0": Spec(tensors=[("w", (48, 2), Q8_0)]),
    # test-gguf.cpp HANDCRAFTED_TENSORS_BAD_OFFSET family; gguf.cpp "has offset %d, expected"
    "gguf.cpp-offset-overlap": Spec(tensors=[("a", (64,), F32), ("b", (64,), F32)], offsets=[0, 0]),
    "gguf.cpp-offset-gap": Spec(tensors=[("a", (64,), F32)], offsets=[32], extra_data=32),
}

# Valid files with the newest tensor types (ggml.h: NVFP4 = 40, Q1_0 = 41, Q2_0 = 42).
GOOD = {
    "NVFP4": Spec(tensors=[("w", (64, 2), NVFP4)]),
    "Q1_0": Spec(tensors=[("w", (128, 2), Q1_0)]),
    "Q2_0": Spec(tensors=[("w", (64, 2), Q2_0)]),
}

_ASK_LLAMA_CPP = textwrap.dedent(
    """
    import ctypes, json, sys
    from llama_cpp._ggml import libggml as g

    class Params(ctypes.Structure):
        _fields_ = [("no_alloc", ctypes.c_bool), ("ctx", ctypes.c_void_p)]

    g.gguf_init_from_file.restype = ctypes.c_void_p
    g.gguf_init_from_file.argtypes = [ctypes.c_char_p, Params]
    g.gguf_free.argtypes = [ctypes.c_void_p]
    g.ggml_blck_size.restype = ctypes.c_int64
    g.ggml_type_size.restype = ctypes.c_size_t
    read = {}
    for path in sys.argv[2:]:
        ctx = g.gguf_init_from_file(path.encode(), Params(True, None))
        read[path] = bool(ctx)
        if ctx:
            g.gguf_free(ctx)
    traits = [[g.ggml_blck_size(t), g.ggml_type_size(t)] for t in range(int(sys.argv[1]))]
    print(json.dumps({"read": read, "traits": traits}))
    """
)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("peer")
    out = {}
    # the baseline: every case differs from it only by its fault
    for name, spec in {"baseline": Spec(), **BAD, **GOOD}.items():
        out[name] = folder / f"{name}.gguf"
        out[name].write_bytes(spec.build())
    assert read_gguf(out["baseline"]).tensor_count == 1
    return out


@pytest.fixture(scope="module")
def llama_cpp_says(files: dict[str, Path]) -> dict[str, Any]:
    """The shipped llama.cpp's own reading of every file, and its type traits (one child)."""
    result = subprocess.run(
        [sys.executable, "-c", _ASK_LLAMA_CPP, str(GGML_TYPE_COUNT)]
        + [str(p) for p in files.values()],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "GGML_NO_BACKTRACE": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    answer: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["read"][str(files["baseline"])] is True
    return answer


@pytest.mark.parametrize("case", BAD)
def test_a_file_llama_cpp_refuses_is_refused(
    case: str, files: dict[str, Path], llama_cpp_says: dict[str, Any]
) -> None:
    assert llama_cpp_says["read"][str(files[case])] is False  # the reference refuses it
    with pytest.raises(ModelFileInvalid) as refused:
        read_gguf(files[case])
    assert str(refused.value)  # with a sentence saying why


@pytest.mark.parametrize("case", GOOD)
def test_a_tensor_type_llama_cpp_reads_is_accepted(
    case: str, files: dict[str, Path], llama_cpp_says: dict[str, Any]
) -> None:
    assert llama_cpp_says["read"][str(files[case])] is True
    info = read_gguf(files[case])
    ((_, dims, _),) = GOOD[case].tensors
    assert (info.architecture, info.parameters) == ("llama", dims[0] * dims[1])


def test_the_type_table_is_the_shipped_librarys(llama_cpp_says: dict[str, Any]) -> None:
    traits = llama_cpp_says["traits"]
    assert isinstance(traits, list) and len(traits) == GGML_TYPE_COUNT
    for type_id, (elements, nbytes) in enumerate(traits):
        layout = GGML_TYPES.get(type_id)
        if elements == 0:  # a removed type: gguf.cpp refuses it, so must we
            assert layout is None, type_id
        else:
            assert layout is not None and (layout.elements, layout.nbytes) == (elements, nbytes)

"""A bounded, pure-Python GGUF validator: header, metadata, and tensor table against file size.

It reads nothing it has not bounds-checked, so hostile files are rejected with a reason instead of
exhausting memory. ``validate_in_subprocess`` runs it in a child process so that even a bug here
cannot take the editor down. Run as ``python -m desktop.engine.gguf_check FILE``.
"""

from __future__ import annotations

import json
import struct
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Final

from desktop.engine.errors import ModelFileInvalid, ModelFileMissing, UnsupportedArchitecture

MAGIC: Final = b"GGUF"
MAX_STRING: Final = 64 * 1024 * 1024
MAX_TENSORS: Final = 1_000_000
MAX_KV: Final = 100_000
MAX_DIMS: Final = 4

# Architectures llama.cpp runs that a writing assistant may meet (decoder-only text models).
SUPPORTED_ARCHITECTURES: Final = frozenset(
    {
        "llama",
        "qwen2",
        "qwen3",
        "qwen2moe",
        "qwen3moe",
        "gemma",
        "gemma2",
        "gemma3",
        "phi2",
        "phi3",
        "exaone",
        "exaone4",
        "mistral",
        "mistral3",
        "granite",
        "olmo",
        "olmo2",
        "stablelm",
        "internlm2",
        "deepseek",
        "deepseek2",
        "command-r",
        "cohere2",
        "starcoder2",
        "smollm3",
        "hunyuan-dense",
        "falcon",
        "falcon-h1",
        "glm4",
        "seed_oss",
        "gpt-oss",
    }
)

# ggml type id -> (elements per block, bytes per block)
GGML_BLOCKS: Final = {
    0: (1, 4),
    1: (1, 2),
    2: (32, 18),
    3: (32, 20),
    6: (32, 22),
    7: (32, 24),
    8: (32, 34),
    9: (32, 36),
    10: (256, 84),
    11: (256, 110),
    12: (256, 144),
    13: (256, 176),
    14: (256, 210),
    15: (256, 292),
    16: (256, 66),
    17: (256, 74),
    18: (256, 98),
    19: (256, 50),
    20: (32, 18),
    21: (256, 110),
    22: (256, 82),
    23: (256, 136),
    24: (1, 1),
    25: (1, 2),
    26: (1, 4),
    27: (1, 8),
    28: (1, 8),
    29: (256, 56),
    30: (1, 2),
    34: (256, 54),
    35: (256, 66),
    39: (32, 17),
}

# GGUF metadata value types
_SCALARS: Final = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING, _ARRAY = 8, 9
_KEEP_ITEMS: Final = 64


@dataclass
class GgufInfo:
    path: str
    version: int
    architecture: str
    name: str
    tensor_count: int
    file_size: int
    context_length: int | None = None
    parameters: int = 0
    file_type: int | None = None
    has_chat_template: bool = False
    metadata: dict[str, Any] = field(default_factory=dict)


class _Reader:
    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size

    def read(self, n: int) -> bytes:
        if n < 0 or self.handle.tell() + n > self.size:
            raise ModelFileInvalid("The file ends before its header does (truncated?).")
        return self.handle.read(n)

    def unpack(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        length = self.unpack("<Q")
        if length > MAX_STRING:
            raise ModelFileInvalid(f"A header string claims {length:,} bytes.")
        try:
            return self.read(length).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelFileInvalid("A header string is not valid UTF-8.") from exc

    def value(self, kind: int, depth: int = 0) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY and depth == 0:
            item_kind = self.unpack("<I")
            count = self.unpack("<Q")
            if count > self.size - self.handle.tell():  # every item takes at least one byte
                raise ModelFileInvalid(
                    f"The file is truncated or its header is corrupt: a metadata array claims "
                    f"{count:,} items."
                )
            if item_kind in _SCALARS:
                width = struct.calcsize(_SCALARS[item_kind])
                raw = self.read(width * count)
                if count > _KEEP_ITEMS:
                    return count
                return list(struct.unpack(f"<{count}{_SCALARS[item_kind][1]}", raw))
            items = [self.value(item_kind, depth + 1) for _ in range(count)]
            # Vocabularies have 100k+ entries: keep only their length.
            return count if count > _KEEP_ITEMS else items
        raise ModelFileInvalid(f"Unknown metadata value type {kind}.")


def read_gguf(path: Path) -> GgufInfo:
    """Validate ``path`` and describe it; raises ``ModelFileInvalid`` (or a subclass)."""
    if not path.is_file():
        raise ModelFileMissing(f"The model file {path} does not exist.")
    size = path.stat().st_size
    with path.open("rb") as handle:
        reader = _Reader(handle, size)
        if size < 24 or reader.read(4) != MAGIC:
            raise ModelFileInvalid(f"{path.name} is not a GGUF model file.")
        version = reader.unpack("<I")
        if version not in (2, 3):
            raise ModelFileInvalid(f"GGUF version {version} is not supported.")
        tensor_count = reader.unpack("<Q")
        kv_count = reader.unpack("<Q")
        if tensor_count > MAX_TENSORS or kv_count > MAX_KV:
            raise ModelFileInvalid("The header claims an impossible number of entries.")
        metadata: dict[str, Any] = {}
        for _ in range(kv_count):
            key = reader.string()
            metadata[key] = reader.value(reader.unpack("<I"))
        alignment = metadata.get("general.alignment", 32)
        if not isinstance(alignment, int) or alignment <= 0 or alignment & (alignment - 1):
            raise ModelFileInvalid("The header's alignment is not a power of two.")
        tensors = []
        parameters = 0
        for _ in range(tensor_count):
            name = reader.string()
            n_dims = reader.unpack("<I")
            if not 1 <= n_dims <= MAX_DIMS:
                raise ModelFileInvalid(f"Tensor {name!r} has {n_dims} dimensions.")
            dims = [reader.unpack("<Q") for _ in range(n_dims)]
            ggml_type = reader.unpack("<I")
            offset = reader.unpack("<Q")
            if ggml_type not in GGML_BLOCKS:
                raise ModelFileInvalid(f"Tensor {name!r} has unknown type {ggml_type}.")
            elements = 1
            for dim in dims:
                if dim == 0 or dim > 1 << 40:
                    raise ModelFileInvalid(f"Tensor {name!r} has a bad dimension {dim}.")
                elements *= dim
            block_elems, block_bytes = GGML_BLOCKS[ggml_type]
            if elements % block_elems:
                raise ModelFileInvalid(f"Tensor {name!r} does not fill whole blocks.")
            tensors.append((name, offset, elements // block_elems * block_bytes))
            parameters += elements
        data_start = -(-handle.tell() // alignment) * alignment
    for name, offset, nbytes in tensors:
        if offset % alignment:
            raise ModelFileInvalid(f"Tensor {name!r} is misaligned.")
        if data_start + offset + nbytes > size:
            raise ModelFileInvalid(
                f"Tensor {name!r} reaches past the end of the file: the file is truncated "
                "or its tensor table is inconsistent."
            )
    architecture = metadata.get("general.architecture")
    if not isinstance(architecture, str):
        raise ModelFileInvalid("The file does not say which architecture it is.")
    if tensor_count == 0:
        raise ModelFileInvalid("The file holds no weights (a vocabulary-only file?).")
    if architecture not in SUPPORTED_ARCHITECTURES:
        raise UnsupportedArchitecture(f"The architecture {architecture!r} is not supported.")
    context = metadata.get(f"{architecture}.context_length")
    small = {
        k: v
        for k, v in metadata.items()
        if isinstance(v, (int, float, bool)) or (isinstance(v, str) and len(v) < 200)
    }
    return GgufInfo(
        path=str(path),
        version=version,
        architecture=architecture,
        name=str(metadata.get("general.name", path.stem)),
        tensor_count=tensor_count,
        file_size=size,
        context_length=context if isinstance(context, int) else None,
        parameters=parameters,
        file_type=metadata.get("general.file_type"),
        has_chat_template=isinstance(metadata.get("tokenizer.chat_template"), str),
        metadata=small,
    )


def validate_in_subprocess(path: Path, timeout: float = 60.0) -> GgufInfo:
    """Validate in a child process; any crash or hang there becomes ``ModelFileInvalid``."""
    if not path.is_file():
        raise ModelFileMissing(f"The model file {path} does not exist.")
    try:
        result = subprocess.run(
            [sys.executable, "-m", "desktop.engine.gguf_check", str(path)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as exc:
        raise ModelFileInvalid("Checking the model file took too long.", str(exc)) from exc
    try:
        payload = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError) as exc:
        raise ModelFileInvalid(
            "The model file could not be checked (the checker failed).", result.stderr[-2000:]
        ) from exc
    if not payload.get("ok"):
        error = UnsupportedArchitecture if payload.get("unsupported") else ModelFileInvalid
        raise error(payload.get("reason", "invalid model file"))
    info = payload["info"]
    return GgufInfo(**info)


def main(argv: list[str]) -> int:
    try:
        info = read_gguf(Path(argv[0]))
    except UnsupportedArchitecture as exc:
        sys.stdout.write(json.dumps({"ok": False, "reason": str(exc), "unsupported": True}) + "\n")
        return 3
    except ModelFileInvalid as exc:
        sys.stdout.write(json.dumps({"ok": False, "reason": str(exc)}) + "\n")
        return 3
    except ModelFileMissing as exc:
        sys.stdout.write(json.dumps({"ok": False, "reason": str(exc)}) + "\n")
        return 3
    sys.stdout.write(json.dumps({"ok": True, "info": asdict(info)}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

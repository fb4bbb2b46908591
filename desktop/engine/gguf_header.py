"""Reading a GGUF header by the rules of the pinned llama.cpp's ``ggml/src/gguf.cpp``.

Every check names its counterpart there (``gguf_init_from_reader``), so that a file the app
accepts is one llama.cpp reads too; ``tests/engine/test_gguf_peer_cases.py`` builds a bad file
for each and asks the shipped library as well. Some limits are tighter than llama.cpp's (string
and entry counts, UTF-8 text, no zero-sized or zero-dimensional tensors): a model never needs
more, and each is a bounded read. Nothing is read before it has been bounds-checked, so a
hostile file is refused with a reason instead of exhausting memory.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Final

from desktop.engine.errors import ModelFileInvalid
from desktop.engine.ggml_types import GGML_TYPES
from desktop.messages import say

MAGIC: Final = b"GGUF"
MAX_STRING: Final = 64 * 1024 * 1024
MAX_TENSORS: Final = 1_000_000
MAX_KV: Final = 100_000
MAX_DIMS: Final = 4  # GGML_MAX_DIMS
MAX_NAME: Final = 64  # GGML_MAX_NAME: a tensor name has fewer bytes than this
MAX_ARRAY: Final = 1 << 30  # GGUF_MAX_ARRAY_ELEMENTS
ALIGNMENT_KEY: Final = "general.alignment"
DEFAULT_ALIGNMENT: Final = 32  # GGUF_DEFAULT_ALIGNMENT

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
_UINT32, _STRING, _ARRAY = 4, 8, 9
_KEEP_ITEMS: Final = 64


class _Reader:
    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size

    @property
    def remaining(self) -> int:
        return self.size - self.handle.tell()

    def read(self, n: int) -> bytes:
        if n < 0 or n > self.remaining:
            raise ModelFileInvalid(
                say(
                    "파일이 헤더보다 먼저 끝납니다(잘린 파일인가요?).",
                    "The file ends before its header does (truncated?).",
                )
            )
        return self.handle.read(n)

    def unpack(self, fmt: str) -> Any:
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def raw_string(self) -> bytes:
        length = self.unpack("<Q")
        if length > MAX_STRING:
            raise ModelFileInvalid(
                say(
                    f"헤더의 문자열 하나가 {length:,}바이트라고 합니다.",
                    f"A header string claims {length:,} bytes.",
                )
            )
        return self.read(length)

    def string(self) -> str:
        try:
            return self.raw_string().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ModelFileInvalid(
                say(
                    "헤더의 문자열이 올바른 UTF-8이 아닙니다.",
                    "A header string is not valid UTF-8.",
                )
            ) from exc

    def value(self, kind: int, depth: int = 0) -> Any:
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind == _ARRAY and depth == 0:
            item_kind = self.unpack("<I")
            count = self.unpack("<Q")
            # gguf.cpp: at most GGUF_MAX_ARRAY_ELEMENTS, and a string takes its 8-byte length
            least = 8 if item_kind == _STRING else 1
            if count > MAX_ARRAY or count * least > self.remaining:
                raise ModelFileInvalid(
                    say(
                        f"파일이 잘렸거나 헤더가 손상되었습니다: 메타데이터 배열 하나가 "
                        f"{count:,}개 항목이라고 합니다.",
                        f"The file is truncated or its header is corrupt: a metadata array "
                        f"claims {count:,} items.",
                    )
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
        raise ModelFileInvalid(
            say(
                f"알 수 없는 메타데이터 값 형식 {kind}입니다.",
                f"Unknown metadata value type {kind}.",
            )
        )


def bad(ko: str, en: str) -> ModelFileInvalid:
    return ModelFileInvalid(say(ko, en))


def _read_metadata(reader: _Reader, kv_count: int) -> tuple[dict[str, Any], int]:
    """The key-value pairs and the data alignment, with gguf.cpp's checks on both."""
    metadata: dict[str, Any] = {}
    alignment_kind: int | None = None
    for index in range(kv_count):
        key = reader.string()
        if not key:  # gguf.cpp: "key %d is empty"
            raise bad(f"헤더의 {index}번째 키가 비어 있습니다.", f"Header key {index} is empty.")
        if key in metadata:  # gguf.cpp: "duplicate key"
            raise bad(
                f"헤더에 키 {key!r}가 두 번 있습니다.", f"The header has the key {key!r} twice."
            )
        kind = reader.unpack("<I")
        metadata[key] = reader.value(kind)
        if key == ALIGNMENT_KEY:
            alignment_kind = kind
    if alignment_kind is None:
        return metadata, DEFAULT_ALIGNMENT
    alignment = metadata[ALIGNMENT_KEY]
    # gguf.cpp: general.alignment must be a UINT32 and a power of two (1 included)
    if alignment_kind != _UINT32 or alignment <= 0 or alignment & (alignment - 1):
        raise bad(
            "헤더의 정렬 값(general.alignment)이 2의 거듭제곱인 UINT32가 아닙니다.",
            "The header's alignment (general.alignment) is not a UINT32 power of two.",
        )
    return metadata, int(alignment)


@dataclass(frozen=True)
class Tensor:
    name: str
    offset: int
    nbytes: int
    elements: int


def _read_tensor(reader: _Reader) -> Tensor:
    raw_name = reader.raw_string()
    name = raw_name.decode("utf-8", errors="surrogateescape")  # one name per byte string
    if len(raw_name) >= MAX_NAME:  # gguf.cpp: name.length() >= GGML_MAX_NAME
        raise bad(
            f"텐서 이름이 {len(raw_name)}바이트로, llama.cpp의 한도({MAX_NAME - 1})보다 깁니다.",
            f"A tensor name is {len(raw_name)} bytes, longer than llama.cpp allows "
            f"({MAX_NAME - 1}).",
        )
    n_dims = reader.unpack("<I")
    if not 1 <= n_dims <= MAX_DIMS:
        raise bad(
            f"텐서 {name!r}의 차원이 {n_dims}개입니다.", f"Tensor {name!r} has {n_dims} dimensions."
        )
    dims = [reader.unpack("<Q") for _ in range(n_dims)]
    ggml_type = reader.unpack("<I")
    offset = reader.unpack("<Q")
    layout = GGML_TYPES.get(ggml_type)
    if layout is None:
        raise bad(
            f"텐서 {name!r}의 형식 {ggml_type}은 이 llama.cpp가 모르는 형식입니다.",
            f"Tensor {name!r} has unknown type {ggml_type}.",
        )
    elements = 1
    for dim in dims:
        if dim == 0 or dim > 1 << 40:
            raise bad(
                f"텐서 {name!r}의 차원 {dim}이 잘못되었습니다.",
                f"Tensor {name!r} has a bad dimension {dim}.",
            )
        elements *= dim
    if dims[0] % layout.elements:  # gguf.cpp: ne[0] % blck_size, rows of whole blocks
        raise bad(
            f"텐서 {name!r}의 행({dims[0]}개 값)이 {layout.name} 블록({layout.elements}개)의 "
            "배수가 아닙니다.",
            f"Tensor {name!r} does not fill whole blocks: its rows of {dims[0]} values are not "
            f"a multiple of the {layout.name} block ({layout.elements}).",
        )
    nbytes = elements // layout.elements * layout.nbytes
    return Tensor(name, offset, nbytes, elements)


def _check_layout(tensors: list[Tensor], data_start: int, alignment: int, size: int) -> None:
    """gguf.cpp: each tensor starts exactly where the one before ends, padded to the alignment
    (no gap, no overlap); llama.cpp's loader: each lies within the file.
    """
    expected = 0
    for tensor in tensors:
        if data_start + tensor.offset + tensor.nbytes > size:
            raise bad(
                f"텐서 {tensor.name!r}가 파일 끝을 넘어갑니다: 파일이 잘렸거나 텐서 표가 "
                "어긋났습니다.",
                f"Tensor {tensor.name!r} reaches past the end of the file: the file is "
                "truncated or its tensor table is inconsistent.",
            )
        if tensor.offset != expected:  # gguf.cpp: "tensor '%s' has offset %d, expected %zu"
            if tensor.offset % alignment:
                raise bad(
                    f"텐서 {tensor.name!r}의 위치가 정렬되지 않았습니다.",
                    f"Tensor {tensor.name!r} is misaligned.",
                )
            raise bad(
                f"텐서 {tensor.name!r}의 데이터가 {tensor.offset}에서 시작하지만 앞 텐서는 "
                f"{expected}에서 끝납니다(틈이나 겹침).",
                f"Tensor {tensor.name!r} starts at {tensor.offset} but the one before ends at "
                f"{expected} (a gap or an overlap).",
            )
        expected += -(-tensor.nbytes // alignment) * alignment


@dataclass(frozen=True)
class Header:
    version: int
    metadata: dict[str, Any]
    tensors: list[Tensor]


def read_header(path: Path, size: int) -> Header:
    """The header of the GGUF file at ``path`` (``size`` bytes), checked as gguf.cpp does,
    and its tensors' data checked against the file's size as llama.cpp's loader does."""
    with path.open("rb") as handle:
        reader = _Reader(handle, size)
        if size < 24 or reader.read(4) != MAGIC:
            raise bad(
                f"GGUF 모델 파일이 아닙니다: {path.name}",
                f"{path.name} is not a GGUF model file.",
            )
        version = reader.unpack("<I")
        if version not in (2, 3):  # gguf.cpp: 0, 1 and > GGUF_VERSION (3) are refused
            raise bad(
                f"GGUF 버전 {version}은 지원하지 않습니다.",
                f"GGUF version {version} is not supported.",
            )
        tensor_count = reader.unpack("<Q")
        kv_count = reader.unpack("<Q")
        if tensor_count > MAX_TENSORS or kv_count > MAX_KV:
            raise bad(
                "헤더의 항목 수가 불가능한 값입니다.",
                "The header claims an impossible number of entries.",
            )
        metadata, alignment = _read_metadata(reader, kv_count)
        tensors: list[Tensor] = []
        names: set[str] = set()
        for _ in range(tensor_count):
            tensor = _read_tensor(reader)
            if tensor.name in names:  # gguf.cpp: "duplicate tensor name"
                raise bad(
                    f"텐서 이름 {tensor.name!r}가 두 번 나옵니다.",
                    f"The tensor name {tensor.name!r} appears twice.",
                )
            names.add(tensor.name)
            tensors.append(tensor)
        data_start = -(-handle.tell() // alignment) * alignment
    _check_layout(tensors, data_start, alignment, size)
    return Header(version, metadata, tensors)

"""The tensor types the pinned llama.cpp reads from a GGUF file, and their block layout.

Source: llama-cpp-python 0.3.36, ``vendor/llama.cpp/ggml/include/ggml.h`` (``enum ggml_type``,
``GGML_TYPE_COUNT = 43``) and ``ggml/src/ggml.c`` (``type_traits[]``: ``blck_size`` and
``type_size``, the ``sizeof(block_*)`` of ``ggml/src/ggml-common.h``). ``gguf.cpp`` refuses a
type at or past ``GGML_TYPE_COUNT`` and one whose ``blck_size`` is 0: the removed types 4, 5
(Q4_2, Q4_3), 31-33 (Q4_0_4_4 ...) and 36-38 (IQ4_NL_4_4 ...), absent here.
``tests/engine/test_gguf_peer_cases.py`` compares this table with the shipped library's
``ggml_blck_size`` and ``ggml_type_size``; update both when the pin moves.
"""

from __future__ import annotations

from typing import Final, NamedTuple


class BlockLayout(NamedTuple):
    name: str
    elements: int  # ggml_blck_size: values per block; a row (ne[0]) holds whole blocks
    nbytes: int  # ggml_type_size: bytes per block


GGML_TYPE_COUNT: Final = 43

GGML_TYPES: Final[dict[int, BlockLayout]] = {
    0: BlockLayout("F32", 1, 4),
    1: BlockLayout("F16", 1, 2),
    2: BlockLayout("Q4_0", 32, 18),
    3: BlockLayout("Q4_1", 32, 20),
    6: BlockLayout("Q5_0", 32, 22),
    7: BlockLayout("Q5_1", 32, 24),
    8: BlockLayout("Q8_0", 32, 34),
    9: BlockLayout("Q8_1", 32, 36),
    10: BlockLayout("Q2_K", 256, 84),
    11: BlockLayout("Q3_K", 256, 110),
    12: BlockLayout("Q4_K", 256, 144),
    13: BlockLayout("Q5_K", 256, 176),
    14: BlockLayout("Q6_K", 256, 210),
    15: BlockLayout("Q8_K", 256, 292),
    16: BlockLayout("IQ2_XXS", 256, 66),
    17: BlockLayout("IQ2_XS", 256, 74),
    18: BlockLayout("IQ3_XXS", 256, 98),
    19: BlockLayout("IQ1_S", 256, 50),
    20: BlockLayout("IQ4_NL", 32, 18),
    21: BlockLayout("IQ3_S", 256, 110),
    22: BlockLayout("IQ2_S", 256, 82),
    23: BlockLayout("IQ4_XS", 256, 136),
    24: BlockLayout("I8", 1, 1),
    25: BlockLayout("I16", 1, 2),
    26: BlockLayout("I32", 1, 4),
    27: BlockLayout("I64", 1, 8),
    28: BlockLayout("F64", 1, 8),
    29: BlockLayout("IQ1_M", 256, 56),
    30: BlockLayout("BF16", 1, 2),
    34: BlockLayout("TQ1_0", 256, 54),
    35: BlockLayout("TQ2_0", 256, 66),
    39: BlockLayout("MXFP4", 32, 17),
    40: BlockLayout("NVFP4", 64, 36),  # 4 E4M3 scales + 32 bytes of 4-bit values
    41: BlockLayout("Q1_0", 128, 18),  # fp16 scale + 128 sign bits
    42: BlockLayout("Q2_0", 64, 18),  # fp16 scale + 64 2-bit values
}

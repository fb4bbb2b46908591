"""Anonymisation masks: OO, ooo, ㅇㅇ, ㅁㅁ, ○○, XX, **.

Published essays hide names this way ("OO대학교", "ㅇㅇ동아리", "OOO을 맡아"), and users paste
them. A mask is never a typo, a stray jamo, a particle error or a spacing error: what it
stands for, and so how it is read, is unknown.
"""

from __future__ import annotations

from typing import Final

import regex

MASK: Final = regex.compile(
    r"(?<![A-Za-z])(?:[OoXx]{2,}|[○◯●△□◎]{2,}|ㅇ{2,}|ㅁ{2,}|\*{2,}|[○◯●△□◎ㅇOo][○◯●△□◎ㅇOo]+)"
    r"(?![A-Za-z])"
)
# The characters a mask is written with: a word ending in one has an unknown last sound.
MASK_CHARS: Final = frozenset("OoXx○◯●△□◎ㅇㅁ*")


def mask_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every mask in ``text``."""
    return [(m.start(), m.end()) for m in MASK.finditer(text)]


def ends_in_mask(word: str) -> bool:
    """Whether ``word`` ends in a mask ("OOO", "ㅇㅇ사", no: "OO사" ends in 사)."""
    stripped = word.rstrip()
    return len(stripped) >= 2 and stripped[-1] in MASK_CHARS and stripped[-2] in MASK_CHARS

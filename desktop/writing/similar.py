"""Near-duplicate short texts (critique items, interview questions), for Korean and English.

Character bigrams of the text without spaces and punctuation: Korean has no reliable word
boundaries without an analyzer, and a bigram set catches a changed ending ("합니다"/"했습니다")
or a reordered phrase as much the same.
"""

from __future__ import annotations

from typing import Final

import regex

NEAR: Final = 0.6  # Jaccard similarity of bigram sets at or above which two texts are one item
_NOISE: Final = regex.compile(r"[\s\p{P}\p{S}]+")


def _bigrams(text: str) -> set[str]:
    core = _NOISE.sub("", text.casefold())
    return {core[i : i + 2] for i in range(len(core) - 1)} or ({core} if core else set())


def similarity(a: str, b: str) -> float:
    left, right = _bigrams(a), _bigrams(b)
    if not left or not right:
        return 1.0 if left == right else 0.0
    return len(left & right) / len(left | right)


def near_duplicate(a: str, b: str) -> bool:
    """The same point said twice: identical once normalised, one inside the other, or close."""
    core_a, core_b = _NOISE.sub("", a.casefold()), _NOISE.sub("", b.casefold())
    if not core_a or not core_b:
        return bool(core_a == core_b)
    if core_a in core_b or core_b in core_a:
        return True
    return similarity(a, b) >= NEAR

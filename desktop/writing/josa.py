"""Korean particles (조사) that depend on whether the preceding word ends in a final consonant."""

from __future__ import annotations

from typing import Final

import regex

# (after a final consonant, after a vowel). Longest first so "이라는" wins over "이".
PARTICLE_PAIRS: Final = (
    ("이라는", "라는"),
    ("이라고", "라고"),
    ("이에요", "예요"),
    ("으로서", "로서"),
    ("으로써", "로써"),
    ("으로", "로"),
    ("이며", "며"),
    ("이나", "나"),
    ("이란", "란"),
    ("과", "와"),
    ("은", "는"),
    ("이", "가"),
    ("을", "를"),
    ("아", "야"),
)
_ALL_PARTICLES: Final = sorted({p for pair in PARTICLE_PAIRS for p in pair}, key=len, reverse=True)
_RIEUL: Final = 8  # final consonant index of ㄹ


def final_consonant(word: str) -> int | None:
    """Index of the final consonant (1-27) of the last syllable, 0 for none, ``None`` if unknown.

    Digits and Latin letters are read the Korean way ("3" 삼 has one, "2" 이 has none).
    """
    if not word:
        return None
    last = word[-1]
    code = ord(last)
    if 0xAC00 <= code <= 0xD7A3:
        return (code - 0xAC00) % 28
    digit_finals = {
        "0": 21,
        "1": 8,
        "2": 0,
        "3": 16,
        "4": 0,
        "5": 0,
        "6": 1,
        "7": 8,
        "8": 8,
        "9": 0,
    }
    if last in digit_finals:
        return digit_finals[last]
    if last.isascii() and last.isalpha():
        return 8 if last.lower() in "lr" else (16 if last.lower() == "m" else 0)
    return None


def particle_for(word: str, particle: str) -> str:
    """The form of ``particle`` that fits after ``word`` ("한빛물류" + "을" -> "를")."""
    final = final_consonant(word)
    if final is None:
        return particle
    for with_final, without_final in PARTICLE_PAIRS:
        if particle in (with_final, without_final):
            if with_final in ("으로", "으로서", "으로써") and final == _RIEUL:
                return without_final
            return with_final if final else without_final
    return particle


def replace_name(text: str, old: str, new: str) -> tuple[str, int]:
    """Replace every ``old`` with ``new``, fixing the particle after each; returns the count."""
    if not old:
        return text, 0
    pattern = regex.compile(
        regex.escape(old) + "(" + "|".join(map(regex.escape, _ALL_PARTICLES)) + ")?"
    )

    def _swap(match: regex.Match[str]) -> str:
        particle = match.group(1)
        return new + (particle_for(new, particle) if particle else "")

    replaced, count = pattern.subn(_swap, text)
    return str(replaced), int(count)

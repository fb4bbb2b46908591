"""Is a continuation worth showing? Degenerate loops, fragments and the wrong script are not.

Small models, base models most of all, write ``휠라 휠라 휠라``, a lone line break and a syllable,
or a sentence in another language. Each rule is cheap and deterministic, so a rejected candidate
is sampled again within the attempt budget and the user only sees ones that read as writing.
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Final

import regex

DEGENERATE: Final = "degenerate"
FRAGMENT: Final = "fragment"
SCRIPT: Final = "script"
MARKUP: Final = "markup"
REASONS: Final = (DEGENERATE, FRAGMENT, SCRIPT, MARKUP)

# Web text in the training data: HTML tags, Markdown emphasis or headings, list bullets.
_MARKUP: Final = regex.compile(r"</?[A-Za-z][A-Za-z0-9]*[^<>]*>|\*\*|__|^\s*#{1,6}\s|^\s*[-*•]\s")
_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")
_HANGUL: Final = regex.compile(r"\p{Hangul}")
_LATIN: Final = regex.compile(r"\p{Latin}")
_LETTER: Final = regex.compile(r"\p{L}")
# Below this many letters a candidate says nothing (one Hangul syllable, "in").
MIN_LETTERS: Final = {"hangul": 4, "latin": 8}
# zlib shrinks ordinary Korean or English text to about 0.6-0.9 of its bytes at this length;
# a phrase written over and over shrinks far more.
LOOP_RATIO: Final = 0.45
LOOP_MIN_BYTES: Final = 80


def script_of(text: str) -> str:
    """``hangul`` or ``latin``: whichever has more letters in ``text`` (``hangul`` on a tie
    with Hangul present, ``latin`` when there are no letters)."""
    hangul = len(_HANGUL.findall(text))
    latin = len(_LATIN.findall(text))
    return "hangul" if hangul and hangul >= latin else "latin"


def _repeats(words: list[str]) -> bool:
    """A word three times in a row, or a phrase of two to four words three times over."""
    run = 1
    for previous, word in zip(words, words[1:], strict=False):
        run = run + 1 if word == previous else 1
        if run >= 3:
            return True
    for n in (2, 3, 4):
        grams = Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))
        if grams and max(grams.values()) >= 3:
            return True
    return False


def _loops(text: str) -> bool:
    data = text.encode("utf-8")
    return len(data) >= LOOP_MIN_BYTES and len(zlib.compress(data, 9)) / len(data) < LOOP_RATIO


def reject_reason(candidate: str, answer: str) -> str | None:
    """Why ``candidate`` (to follow ``answer``) should not be shown, or None if it may be."""
    words = [w.casefold() for w in _WORD.findall(candidate)]
    if _repeats(words) or _loops(candidate):
        return DEGENERATE
    if _MARKUP.search(candidate):
        return MARKUP
    script = script_of(answer)
    letters = _LETTER.findall(candidate)
    own = _HANGUL if script == "hangul" else _LATIN
    own_letters = sum(1 for letter in letters if own.match(letter))
    if len(letters) < MIN_LETTERS[script] or (
        candidate.lstrip(" ").startswith("\n") and len(words) <= 1
    ):
        return FRAGMENT
    if script == "hangul":
        # Latin acronyms (WMS, SQL) belong in Korean text; a mostly non-Hangul sentence does not.
        if own_letters < 0.5 * len(letters):
            return SCRIPT
    elif own_letters < 0.9 * len(letters):
        return SCRIPT
    return None


def ends_paragraph(answer: str) -> bool:
    """Whether the answer so far ends a sentence (or a line), so a new paragraph may start."""
    stripped = answer.rstrip(" \t")
    return not stripped or stripped.endswith("\n") or stripped[-1] in ".!?。…\"'”’)"

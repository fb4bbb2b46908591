"""Character, byte and word counts under the rules job portals use.

Every count starts from the NFC form of the text with line endings unified to ``\\n``, so text
pasted from macOS (decomposed Hangul) or Windows (CRLF) counts the same as typed text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Final

import regex

PROFILE_IDS: Final = (
    "chars_incl_spaces",
    "chars_incl_spaces_crlf",
    "chars_excl_spaces",
    "bytes_2",
    "bytes_utf8",
    "bytes_neis",
    "words",
)
DEFAULT_PROFILE: Final = "chars_incl_spaces"

_GRAPHEME = regex.compile(r"\X")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")


def normalize(text: str) -> str:
    """NFC with every line ending (CRLF, CR) turned into LF."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def graphemes(text: str) -> list[str]:
    """User-perceived characters (extended grapheme clusters) of ``text`` as given."""
    clusters: list[str] = _GRAPHEME.findall(text)
    return clusters


class _Prepared:
    """A text normalized once, its grapheme clusters found once, for all profiles."""

    def __init__(self, text: str) -> None:
        self.norm = normalize(text)

    @cached_property
    def simple(self) -> bool:
        """True when every code point is its own grapheme cluster (most essays): no combining
        marks, joiners, conjoining jamo, regional indicators or emoji modifiers."""
        return _CLUSTERING.search(self.norm) is None

    @cached_property
    def clusters(self) -> list[str]:
        return graphemes(self.norm)

    @cached_property
    def cluster_count(self) -> int:
        return len(self.norm) if self.simple else len(self.clusters)


# Code points that can join a neighbour into one user-perceived character: every Grapheme
# Cluster Break class but Other, Control, CR/LF and precomposed Hangul LV/LVT (which join only
# a following V or T, themselves listed). By property, not by block: Prepend letters (U+0D4E),
# spacing marks that are letters (Thai and Lao AM) and halfwidth sound marks (U+FF9E) count.
_CLUSTERING: Final = regex.compile(
    "["
    + "".join(
        rf"\p{{Grapheme_Cluster_Break={name}}}"
        for name in ("Prepend", "SpacingMark", "Extend", "ZWJ", "Regional_Indicator", "L", "V", "T")
    )
    + "]"
)
_ASCII_WHITESPACE: Final = "\t\n\x0b\x0c\r "
_OTHER_WHITESPACE: Final = regex.compile(r"[^\S\t\n\x0b\x0c\r ]")  # \s beyond ASCII (rare)
# Every count below is a C-level pass over the string: a keystroke in a 1 MB answer must not
# stall the editor (tests/reliability/test_hostile_text.py).


def _chars_including_spaces(text: _Prepared) -> int:
    return text.cluster_count


def _chars_including_spaces_crlf(text: _Prepared) -> int:
    return text.cluster_count + text.norm.count("\n")


def _chars_excluding_spaces(text: _Prepared) -> int:
    if text.simple:  # str.count per ASCII space is far faster than a regex over 1 MB
        ascii_spaces = sum(text.norm.count(c) for c in _ASCII_WHITESPACE)
        return len(text.norm) - ascii_spaces - len(_OTHER_WHITESPACE.findall(text.norm))
    return sum(1 for g in text.clusters if not g.isspace())


def _ascii_count(text: str) -> int:
    return len(text.encode("ascii", "ignore"))


def _bytes_2(text: _Prepared) -> int:
    """EUC-KR/CP949 style: ASCII 1, anything else 2, a line break 2 (CRLF)."""
    ascii_chars = _ascii_count(text.norm)
    return ascii_chars + 2 * (len(text.norm) - ascii_chars) + text.norm.count("\n")


def _utf8_length(text: str) -> int:
    """UTF-8 bytes; a lone surrogate (pasted from broken UTF-16) counts 3, as the U+FFFD a
    browser sends in its place."""
    return len(text.encode("utf-8", "surrogatepass"))


def _bytes_utf8(text: _Prepared) -> int:
    return _utf8_length(text.norm)


def _bytes_neis(text: _Prepared) -> int:
    """School-records rule: Hangul 3, ASCII 1, each line break 2; others by their UTF-8 length.

    Every Hangul block is 3 bytes in UTF-8 already, so this is the UTF-8 length plus one per
    line break.
    """
    return _utf8_length(text.norm) + text.norm.count("\n")


def _words(text: _Prepared) -> int:
    return len(text.norm.split())


_COUNTERS: Final[dict[str, Callable[[_Prepared], int]]] = {
    "chars_incl_spaces": _chars_including_spaces,
    "chars_incl_spaces_crlf": _chars_including_spaces_crlf,
    "chars_excl_spaces": _chars_excluding_spaces,
    "bytes_2": _bytes_2,
    "bytes_utf8": _bytes_utf8,
    "bytes_neis": _bytes_neis,
    "words": _words,
}


def count(text: str, profile: str) -> int:
    """The length of ``text`` under ``profile``; raises ``ValueError`` for an unknown profile."""
    try:
        counter = _COUNTERS[profile]
    except KeyError:
        raise ValueError(f"unknown count profile: {profile!r}") from None
    return counter(_Prepared(text))


def count_all(text: str) -> dict[str, int]:
    """Every profile's count, normalizing and segmenting the text only once."""
    prepared = _Prepared(text)
    return {profile: counter(prepared) for profile, counter in _COUNTERS.items()}


UNDER_FILL_RATIO: Final = 0.7


@dataclass(frozen=True)
class LimitStatus:
    """Where a text stands against a limit under one profile."""

    value: int
    profile: str
    used: int

    @property
    def remaining(self) -> int:
        return self.value - self.used

    @property
    def fill(self) -> float:
        return self.used / self.value if self.value else 0.0

    @property
    def status(self) -> str:
        """``over`` past the limit, ``under`` below 70 % fill, else ``ok``."""
        if self.used > self.value:
            return "over"
        if self.fill < UNDER_FILL_RATIO:
            return "under"
        return "ok"


def limit_status(text: str, limit: int, profile: str) -> LimitStatus:
    return LimitStatus(value=limit, profile=profile, used=count(text, profile))


# Characters that render as nothing or as an ordinary space but are not one.
_INVISIBLE_NAMES: Final = {
    "\u00a0": "NO-BREAK SPACE",
    "\u00ad": "SOFT HYPHEN",
    "\u115f": "HANGUL CHOSEONG FILLER",
    "\u1160": "HANGUL JUNGSEONG FILLER",
    "\u180e": "MONGOLIAN VOWEL SEPARATOR",
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u200e": "LEFT-TO-RIGHT MARK",
    "\u200f": "RIGHT-TO-LEFT MARK",
    "\u2028": "LINE SEPARATOR",
    "\u2029": "PARAGRAPH SEPARATOR",
    "\u202f": "NARROW NO-BREAK SPACE",
    "\u2060": "WORD JOINER",
    "\u3000": "IDEOGRAPHIC SPACE",
    "\u3164": "HANGUL FILLER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE",
    "\u0000": "NULL",
}


@dataclass(frozen=True)
class InvisibleChar:
    """An invisible or look-alike whitespace character at ``offset`` in the NFC text."""

    offset: int
    char: str
    name: str

    @property
    def codepoint(self) -> str:
        return f"U+{ord(self.char):04X}"


# Any character find_invisible may report: one C-level search rules most texts out at once.
_MAYBE_INVISIBLE: Final = regex.compile(
    "[" + "".join(f"\\u{ord(c):04x}" for c in _INVISIBLE_NAMES) + r"\p{Cf}]"
)


def find_invisible(text: str, *, keep_line_endings: bool = False) -> list[InvisibleChar]:
    """Invisible characters in ``normalize(text)``, by code-point offset.

    With ``keep_line_endings`` the offsets are into the plain NFC text instead (CRLF kept). A
    zero-width joiner inside an emoji sequence (👨‍👩‍👧) is legitimate and not reported; one
    anywhere else is. Only lines holding a candidate are segmented into grapheme clusters (a
    line feed always ends a cluster): the counter calls this on every pause in typing, and
    segmenting a 1 MB answer took 0.4 s of the GUI thread.
    """
    prepared = unicodedata.normalize("NFC", text) if keep_line_endings else normalize(text)
    if _MAYBE_INVISIBLE.search(prepared) is None:
        return []
    found: list[InvisibleChar] = []
    line_start = 0
    for line in prepared.split("\n"):
        if _MAYBE_INVISIBLE.search(line) is not None:
            found += _invisible_in(line, line_start)
        line_start += len(line) + 1
    return found


def _invisible_in(line: str, offset: int) -> list[InvisibleChar]:
    found = []
    for cluster in graphemes(line):
        for index, char in enumerate(cluster):
            name = _INVISIBLE_NAMES.get(char)
            if name is None and unicodedata.category(char) == "Cf" and len(cluster) == 1:
                name = unicodedata.name(char, "FORMAT CHARACTER")
            if name is not None and not (char == "\u200d" and _EMOJI.search(cluster)):
                found.append(InvisibleChar(offset + index, char, name))
        offset += len(cluster)
    return found


def is_decomposed(text: str) -> bool:
    """True when ``text`` is not in NFC (for example decomposed Hangul pasted from macOS)."""
    return not unicodedata.is_normalized("NFC", text)


def has_mixed_line_endings(text: str) -> bool:
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    return sum(1 for n in (crlf, lone_cr, lone_lf) if n) > 1

"""Reads a question's length limit and counting rule out of its text.

Portals write limits into the question itself: "(최대 1,000자 입력가능)", "(700자 이내)",
"(공백 제외 500자)", "2,000 byte", "250-400 words". The parser finds the limit (the upper bound of a
range), an optional minimum, and the count profile the wording implies.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from desktop.writing.counting import DEFAULT_PROFILE


@dataclass(frozen=True)
class LimitSpec:
    """A limit read from question text."""

    value: int
    profile: str
    minimum: int | None = None


def _number(name: str) -> str:
    return rf"(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?P<{name}_mul>\s*[천만])?"


_NUMBER = _number("n")
_UNIT_BYTES = r"(?:bytes?|바이트|byte\(s\))"
_UNIT_WORDS = r"(?:words?|단어|어절)"
_UNIT_CHARS = r"(?:자|글자|characters?|chars?|letters?)"
_RANGE_SEP = r"\s*(?:-|–|—|~|〜|to|에서)\s*"

_QUANTITY = regex.compile(
    rf"{_number('low')}(?:\s*{_UNIT_CHARS}|\s*{_UNIT_BYTES}|\s*{_UNIT_WORDS})?"
    rf"{_RANGE_SEP}{_number('high')}\s*(?P<unit>{_UNIT_CHARS}|{_UNIT_BYTES}|{_UNIT_WORDS})"
    rf"|{_number('one')}\s*(?P<unit1>{_UNIT_CHARS}|{_UNIT_BYTES}|{_UNIT_WORDS})",
    regex.IGNORECASE,
)
_LABELLED = regex.compile(
    rf"(?:글자\s*수|글자수|분량|제한|limit|max(?:imum)?)\s*(?:제한)?\s*[:：]?\s*{_NUMBER}(?!\s*[년개월명%])",
    regex.IGNORECASE,
)
_EXCL_SPACES = regex.compile(
    r"공백\s*(?:제외|미포함|불포함)|띄어\s*쓰기\s*(?:제외|미포함|불포함)|"
    r"excl(?:uding|\.)?\s+spaces|without\s+spaces|no\s+spaces",
    regex.IGNORECASE,
)
_MINIMUM_AFTER = regex.compile(r"^\s*(?:이상|以上)|^\s*(?:or\s+more)", regex.IGNORECASE)
_MINIMUM_BEFORE = regex.compile(r"(?:최소|at\s+least|min(?:imum)?\.?)\s*$", regex.IGNORECASE)
_NEIS = regex.compile(r"NEIS|나이스|학교생활기록부|생활기록부", regex.IGNORECASE)
_CRLF = regex.compile(
    r"줄\s*바꿈\S*\s*2\s*자|엔터\S*\s*2\s*자|line\s*breaks?\s*count\s*(?:as\s*)?2", regex.I
)


def _to_int(digits: str, multiplier: str | None) -> int:
    value = float(digits.replace(",", ""))
    if multiplier:
        value *= 1000 if multiplier.strip() == "천" else 10000
    return int(value)


def _profile_for(unit: str, text: str) -> str:
    unit = unit.lower()
    if regex.fullmatch(_UNIT_BYTES, unit, regex.IGNORECASE):
        return "bytes_neis" if _NEIS.search(text) else "bytes_2"
    if regex.fullmatch(_UNIT_WORDS, unit, regex.IGNORECASE):
        return "words"
    if _EXCL_SPACES.search(text):
        return "chars_excl_spaces"
    if _CRLF.search(text):
        return "chars_incl_spaces_crlf"
    return DEFAULT_PROFILE


def parse_limit(question: str) -> LimitSpec | None:
    """The limit stated in ``question``, or ``None`` when it states none.

    The largest stated quantity is the limit (so "최소 500자, 최대 1,000자" gives 1,000); a quantity
    marked as a minimum ("500자 이상", "at least 300 words") becomes ``minimum`` instead.
    """
    maxima: list[tuple[int, str]] = []
    minima: list[int] = []
    for match in _QUANTITY.finditer(question):
        unit = match.group("unit") or match.group("unit1")
        if match.group("unit"):
            low = _to_int(match.group("low"), match.group("low_mul"))
            high = _to_int(match.group("high"), match.group("high_mul"))
            minima.append(min(low, high))
            maxima.append((max(low, high), unit))
            continue
        value = _to_int(match.group("one"), match.group("one_mul"))
        before = question[max(0, match.start() - 12) : match.start()]
        after = question[match.end() : match.end() + 8]
        if _MINIMUM_AFTER.search(after) or _MINIMUM_BEFORE.search(before):
            minima.append(value)
        else:
            maxima.append((value, unit))
    if not maxima:
        labelled = _LABELLED.search(question)
        if labelled:
            maxima.append((_to_int(labelled.group("n"), labelled.group("n_mul")), "자"))
    if not maxima:
        return None
    # Bytes dominate when both appear ("2,000 byte (한글 1,000자)"): the byte figure is what the
    # form validates.
    byte_limits = [m for m in maxima if regex.fullmatch(_UNIT_BYTES, m[1], regex.I)]
    value, unit = max(byte_limits or maxima, key=lambda m: m[0])
    minimum = max(minima) if minima else None
    if minimum is not None and minimum >= value:
        minimum = None
    return LimitSpec(value=value, profile=_profile_for(unit, question), minimum=minimum)

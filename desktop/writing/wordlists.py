"""The word lists under ``resources/wordlists``: read once, compiled into patterns once."""

from __future__ import annotations

from functools import cache

import regex

from desktop.paths import resource


@cache
def lines(name: str) -> tuple[str, ...]:
    """The non-empty, non-comment lines of ``resources/wordlists/<name>``."""
    text = resource("wordlists", name).read_text(encoding="utf-8")
    return tuple(
        stripped
        for line in text.splitlines()
        if (stripped := line.strip()) and not stripped.startswith("#")
    )


@cache
def pairs(name: str) -> tuple[tuple[str, str], ...]:
    """Tab-separated ``wrong<TAB>right`` lines."""
    result = []
    for line in lines(name):
        wrong, _, right = line.partition("\t")
        if wrong and right:
            result.append((wrong.strip(), right.strip()))
    return tuple(result)


def phrase_pattern(phrase: str) -> str:
    """A regex for ``phrase`` in which a space matches any run of spaces, or none."""
    return r"\s*".join(regex.escape(word) for word in phrase.split())


@cache
def pair_patterns(
    name: str, word_start: str = r"(?<![가-힣])"
) -> tuple[tuple[regex.Pattern[str], str], ...]:
    """``pairs(name)`` with each wrong form compiled (``phrase_pattern``; one with a leading
    ``|`` only where ``word_start`` holds), once per process rather than once per check."""
    compiled = []
    for wrong, right in pairs(name):
        start = word_start if wrong.startswith("|") else ""
        compiled.append((regex.compile(start + phrase_pattern(wrong.lstrip("|"))), right))
    return tuple(compiled)


@cache
def phrase_regex(name: str, *, ignore_case: bool = False) -> regex.Pattern[str]:
    """One alternation of every phrase in the list, longest first."""
    phrases = sorted(lines(name), key=len, reverse=True)
    flags = regex.IGNORECASE if ignore_case else 0
    return regex.compile("|".join(phrase_pattern(p) for p in phrases), flags)


@cache
def readings() -> dict[str, int | None]:
    """``en_readings.tsv``: each Latin-script word (case-folded) with the final consonant of its
    Korean reading (0 for none), or None where it is read two ways."""
    table: dict[str, int | None] = {}
    for line in lines("en_readings.tsv"):
        word, _, spoken = line.partition("\t")
        spoken = spoken.strip()
        last = spoken[-1:] if spoken else ""
        if spoken == "?":
            table[word.strip().casefold()] = None
        elif last and 0xAC00 <= ord(last) <= 0xD7A3:
            table[word.strip().casefold()] = (ord(last) - 0xAC00) % 28
    return table

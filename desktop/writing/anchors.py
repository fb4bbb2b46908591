"""Finding a passage again after the text around it changed (comments pinned to a span)."""

from __future__ import annotations

import regex


def spaced_pattern(quote: str) -> str | None:
    """A regex for ``quote`` that matches with any run of whitespace between its words."""
    words = quote.split()
    return r"\s+".join(regex.escape(word) for word in words) if words else None


def relocate(text: str, start: int, end: int, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` (last seen at ``start:end``) is in ``text`` now, or None if it is gone.

    The old offsets win while they still hold the quote; otherwise the occurrence nearest the old
    start, then a match that tolerates changed whitespace.
    """
    if not quote:
        return None
    if text[start:end] == quote:
        return start, end
    best: int | None = None
    at = text.find(quote)
    while at >= 0:
        if best is None or abs(at - start) < abs(best - start):
            best = at
        at = text.find(quote, at + 1)
    if best is not None:
        return best, best + len(quote)
    pattern = spaced_pattern(quote)
    if pattern is None:
        return None
    matches = list(regex.finditer(pattern, text))
    if not matches:
        return None
    match = min(matches, key=lambda m: abs(m.start() - start))
    return match.start(), match.end()

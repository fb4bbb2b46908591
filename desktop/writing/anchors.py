"""Finding a passage again after the text around it changed (comments pinned to a span)."""

from __future__ import annotations

import regex


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
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(regex.escape(word) for word in words)
    matches = list(regex.finditer(pattern, text))
    if not matches:
        return None
    match = min(matches, key=lambda m: abs(m.start() - start))
    return match.start(), match.end()

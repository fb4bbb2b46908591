"""Sentences and paragraphs of an essay, by offsets, for checks and for cutting suggestions."""

from __future__ import annotations

from typing import Final

import regex

# A sentence ends at ., !, ? or … (with any closing quotes or brackets) before whitespace or
# the end, and at every line break. "3.5%" does not end one: no whitespace follows the dot.
_END: Final = regex.compile(r"[.!?。…]+[\"'”’)\]]*(?=\s|$)|\n")
# While text streams in, its end is not a sentence end: "3." may become "3.5%".
_END_STREAMING: Final = regex.compile(r"[.!?。…]+[\"'”’)\]]*(?=\s)|\n")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, surrounding whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _END.finditer(text):
        end = match.start() if match.group() == "\n" else match.end()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    trimmed = []
    for low, high in spans:
        while low < high and text[low].isspace():
            low += 1
        while high > low and text[high - 1].isspace():
            high -= 1
        if high > low:
            trimmed.append((low, high))
    return trimmed


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line."""
    spans = []
    for match in regex.finditer(r"[^\n]+", text):
        if match.group().strip():
            spans.append((match.start(), match.end()))
    return spans


def first_sentence(text: str, *, min_chars: int = 4, streaming: bool = False) -> str | None:
    """``text`` up to the end of its first sentence of at least ``min_chars``; None if unended.

    Used to stop a streamed continuation at a sentence end. A leading space or line break is
    kept, so the piece can be inserted as it came. ``streaming``: more text may follow, so a
    final ``.`` is no end yet (the next token decides).
    """
    for match in (_END_STREAMING if streaming else _END).finditer(text):
        if match.group() == "\n":
            if len(text[: match.start()].strip()) >= min_chars:
                return text[: match.start()]
            continue
        if len(text[: match.end()].strip()) >= min_chars:
            return text[: match.end()]
    return None

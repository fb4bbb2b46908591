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


# Commas and semicolons, and connective endings that close a clause (하며, 했지만, 했는데, 했고).
_CLAUSE_BREAK: Final = regex.compile(r"(?<=[,;:])\s+|(?<=(?:며|지만|는데|했고|하고|되고))\s+")


def _chunks(clause: str, max_chars: int) -> list[str]:
    """A clause too long to quote, as consecutive runs of whole words of at most ``max_chars``."""
    chunks: list[str] = []
    current = ""
    for word in clause.split(" "):
        if current and len(current) + 1 + len(word) > max_chars:
            chunks.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        chunks.append(current)
    return [chunk for chunk in chunks if len(chunk) <= max_chars]


def quotable_spans(text: str, *, max_chars: int, limit: int = 120) -> list[str]:
    """Passages a critique may quote verbatim: each sentence that fits ``max_chars``, and the
    clauses (split at commas, semicolons and Korean connective endings) of those that do not.

    Order of appearance, no duplicates, at most ``limit``; every one is a substring of ``text``.
    """
    spans: list[str] = []
    seen: set[str] = set()

    def add(piece: str) -> None:
        piece = piece.strip()
        if len(piece) >= 4 and piece not in seen and len(spans) < limit:
            seen.add(piece)
            spans.append(piece)

    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if len(sentence) <= max_chars:
            add(sentence)
            continue
        for clause in _CLAUSE_BREAK.split(sentence):
            for chunk in [clause] if len(clause) <= max_chars else _chunks(clause, max_chars):
                add(chunk)
    return spans

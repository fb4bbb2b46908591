"""A page's drawing taken out of its content stream before pdfminer reads it, for speed.

pdfminer tokenizes every operator of a page in Python, and a page printed by macOS or Hancom
with ruled tables or charts is mostly drawing: a 9-page report holds 800 KB per page of
``q 0 0 m 10 0 l S Q``, ten times its text, and took 10 s to read. The text never depends on
that drawing: paths, their painting and clipping, colours and line styles only make marks
(pdfminer ignores clipping, and the reader uses no line or rectangle). So those operators,
with the numbers before them, are cut out of each content stream with one regular expression
before pdfminer sees it; everything else stays byte for byte: the text objects, ``cm``, ``q``
and ``Q`` (the text's position), ``Do`` (images, forms), marked content, and every string
(a string may hold "1 2 m"). A stream with an inline image (``BI``, whose binary data the
expression could misread) is left as it is. What is left is tokenized by ``pdf_content``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Final

from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psparser import PSKeyword, keyword_name

from desktop.importing.pdf_content import handled, objects

_NUMBER: Final = rb"[-+]?(?:\d+\.?\d*|\.\d+)"
# Operators that only draw: path construction and painting, clipping, colours, line style.
_DRAWING: Final = rb"(?:re|m|l|c|v|y|w|J|j|M|i|g|G|rg|RG|k|K|sc|SC)"
_NO_OPERANDS: Final = rb"(?:h|S|s|f\*|f|F|B\*|B|b\*|b|n|W\*|W)"
_NAMED: Final = rb"/[^\s/\[\]()<>{}%]+\s+(?:cs|CS|ri)"  # a colour space, a rendering intent
_KEPT: Final = re.compile(
    rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\)"  # a string, with one level of nested ()
    rb"|<(?!<)[0-9A-Fa-f\s]*>"  # a hex string
    rb"|%[^\r\n]*",  # a comment
    re.DOTALL,
)
# Drawing is looked for between the kept tokens only, so an operator must stand alone: white
# space or a delimiter before it, and after it one of those or a kept token (the end of a piece).
# The numbers are possessive (``++``): what follows them is an operator's letter or nothing.
_AFTER: Final = rb"(?=[\s\[(/<%]|\Z)"
_DRAWN: Final = re.compile(
    rb"(?<![^\s\])>])(?:(?:"
    + _NUMBER
    + rb"\s+)++"
    + _DRAWING
    + rb"|"
    + _NO_OPERANDS
    + rb"|"
    + _NAMED
    + rb")"
    + _AFTER
)
# The operator's letters first, then the look back at what stands before them: an expression
# that starts with a literal is searched for that literal, not tried at every byte.
_INLINE_IMAGE: Final = re.compile(rb"BI(?<![^\s\])>]BI)(?=\s)")
# What the drawing leaves behind: a saved state that nothing uses any more ("q  0 0 1 0 0 cm  Q").
_EMPTY_STATE: Final = re.compile(
    rb"q(?<![^\s\])>]q)\s+(?:(?:" + _NUMBER + rb"\s+){6}cm\s+)?Q" + _AFTER
)


def _lean(piece: bytes) -> bytes:
    """A piece of a content stream between kept tokens, without its drawing."""
    piece = _DRAWN.sub(b" ", piece)
    emptied = 1 if b"Q" in piece else 0
    while emptied:  # nested states empty from the innermost out
        piece, emptied = _EMPTY_STATE.subn(b" ", piece)
    return piece


def without_drawing(data: bytes) -> bytes:
    """The content stream ``data`` with its drawing operators taken out.

    The strings, hex strings and comments are found first and kept as they are; the pieces
    between them lose their drawing with literal replacements, with no Python call per match
    and no pass over the strings again for each level of nested empty states (the same bytes
    as one expression that kept the strings itself, in half the time)."""
    if _INLINE_IMAGE.search(data):
        return data
    data += b"\n"
    pieces: list[bytes] = []
    at = 0
    for kept in _KEPT.finditer(data):
        if kept.start() > at:
            pieces.append(_lean(data[at : kept.start()]))
        pieces.append(kept.group())
        at = kept.end()
    pieces.append(_lean(data[at:]))
    return b"".join(pieces)


class TextInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, reading each content stream without its drawing, with a faster
    tokenizer (``pdf_content``) where the stream allows it."""

    def execute(self, streams: Sequence[object]) -> None:
        lean: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.genno is None:
                continue  # pdfminer skips a stream without an object number
            if stream.objid in self.parent_stream_ids:
                continue  # a form that draws itself: pdfminer refuses it too
            data = without_drawing(stream.get_data())
            copy = PDFStream({"Length": len(data)}, data)
            copy.set_objid(stream.objid, stream.genno)
            lean.append(copy)
            self.stream_ids.add(stream.objid)
        data = b"\n".join(stream.get_data() for stream in lean)
        if not handled(data):
            super().execute(lean)
            return
        operators: dict[PSKeyword, tuple[Callable[..., object], int] | None] = {}
        # pdfminer's push and pop, inlined: the operand stack is read again after each
        # operator, as one (scn) pops operands of its own and replaces the list.
        operands = self.argstack
        for value in objects(data):
            if not isinstance(value, PSKeyword):
                operands.append(value)  # type: ignore[arg-type]
                continue
            if value not in operators:
                operators[value] = self._operator(value)
            found = operators[value]
            if found is None:
                continue
            method, count = found
            if count:
                args = operands[-count:]
                del operands[-count:]
                if len(args) == count:
                    method(*args)
            else:
                method()
            operands = self.argstack

    def _operator(self, keyword: PSKeyword) -> tuple[Callable[..., object], int] | None:
        """The method for ``keyword`` and how many operands it takes, as pdfminer finds them."""
        name = keyword_name(keyword)
        method = getattr(
            self, "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q"), None
        )
        if method is None:
            return None
        return method, method.__code__.co_argcount - 1

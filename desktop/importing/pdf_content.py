"""A page's content stream read into pdfminer's objects with regular expressions, for speed.

pdfminer's own parser is a character-level state machine in Python: on a page of text set word
by word (a Hancom exam, a report: ``q … cm BT /F1 92 Tf … Tm [<0019> 11.1 <0018>] TJ ET Q``
for each word) it spends most of a page's time making tokens. ``objects`` makes the same
objects, in the same order, a token at a time with one regular expression: numbers (int or
float, none for a sign alone), names (``LIT``, "#xx" decoded, UTF-8 or bytes as pdfminer
has them), strings (its escapes: octal, ``\\n`` and the like, a line continuation, an unknown
escape dropped with its character), hex strings (a last odd digit is its own byte, as in
pdfminer), arrays, dictionaries (keys by ``literal_name``, None values left out), keywords
(``KWD``; ``true``/``false`` are booleans; another single character is a keyword of its own),
procedures (``{ … }``, a list as pdfminer makes one; a subset font's codes put "{" inside the
strings of most pages that Hancom prints). A stream with an inline image (``BI``) is left to
pdfminer. One difference, on purpose: a dictionary with a key and no value is dropped, where
pdfminer stops reading the page (PSSyntaxError), and the file would be refused as damaged.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterator
from typing import Final

from pdfminer.psparser import KWD, LIT, literal_name
from pdfminer.utils import choplist

_TOKEN: Final = re.compile(
    rb"(?:[\s\x00]|%[^\r\n]*)*"  # white space and comments before the token
    rb"(?:(?P<numbers>(?:[-+]?(?:\d+\.?\d*|\.\d+)\s+){2,})"  # operands, in one go
    rb"|(?P<number>[-+]?(?:\d+\.?\d*|\.\d*)|[-+])"
    rb"|/(?P<name>[^/%\[\]()<>{}\s]*)"
    rb"|(?P<dopen><<)|(?P<dclose>>>)"
    rb"|<(?P<hex>[0-9A-Fa-f\s]*)>?"
    rb"|(?P<aopen>\[)|(?P<aclose>\])"
    rb"|(?P<popen>\{)|(?P<pclose>\})"
    rb"|(?P<string>\()"
    rb"|(?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)"
    rb"|(?P<gt>>)"
    rb"|(?P<other>[^\s\x00%]))",
    re.DOTALL,
)
_NAME_HEX: Final = re.compile(rb"#([0-9A-Fa-f]{1,2})?")
_WHITE: Final = b" \t\n\r\f\v"  # what \s matches in bytes
_STRING_MARK: Final = re.compile(rb"[()\\]")
_ESCAPES: Final = {
    ord("b"): 8,
    ord("t"): 9,
    ord("n"): 10,
    ord("f"): 12,
    ord("r"): 13,
    ord("("): 40,
    ord(")"): 41,
    ord("\\"): 92,
}
_OCTAL: Final = frozenset(b"01234567")
_TRUE, _FALSE = b"true", b"false"
_INLINE_IMAGE: Final = re.compile(rb"BI(?<![^\s\])>]BI)(?=\s)")  # "BI" alone, searched for
# The groups that open and close an array, a dictionary, a procedure: its type, as pdfminer's.
_OPEN: Final = {"aopen": "a", "dopen": "d", "popen": "p"}
_CLOSE: Final = {"aclose": "a", "dclose": "d", "pclose": "p"}


def handled(data: bytes) -> bool:
    """Whether ``objects`` reads ``data`` (no inline image)."""
    return _INLINE_IMAGE.search(data) is None


def _name(raw: bytes) -> object:
    if b"#" in raw:
        raw = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", raw)
    try:
        return LIT(str(raw, "utf-8"))
    except UnicodeDecodeError:
        return LIT(raw)  # pdfminer keeps such a name as bytes


def _string(data: bytes, at: int) -> tuple[bytes | None, int]:
    """The literal string whose "(" is just before ``at``, and where it ends."""
    out = bytearray()
    depth = 1
    end = len(data)
    while True:
        mark = _STRING_MARK.search(data, at)
        if mark is None:
            return None, end  # cut short: pdfminer drops it too
        out += data[at : mark.start()]
        at = mark.start()
        char = data[at]
        if char == 0x5C:  # a backslash
            at += 1
            if at >= end:
                return None, end
            code = data[at]
            if code in _OCTAL:
                digits = at
                while at < end and at - digits < 3 and data[at] in _OCTAL:
                    at += 1
                out.append(int(data[digits:at], 8) & 0xFF)
            elif code in _ESCAPES:
                out.append(_ESCAPES[code])
                at += 1
            elif code == 0x0D and data[at + 1 : at + 2] == b"\n":
                at += 2
            else:
                at += 1  # a line continuation, or an escape PDF does not know
            continue
        at += 1
        if char == 0x28:
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return bytes(out), at
        out.append(char)


def objects(data: bytes) -> Iterator[object]:
    """The objects of the content stream ``data``, top level only, as pdfminer yields them."""
    stack: list[tuple[str, list[object]]] = []  # the open arrays and dictionaries
    # The names and keywords met so far (a page says "/F1 1 Tf" hundreds of times).
    names: dict[bytes, object] = {}
    keywords: dict[bytes, object] = {_TRUE: True, _FALSE: False}
    at, end = 0, len(data)
    while at < end:
        match = _TOKEN.match(data, at)
        if match is None:
            break
        at = match.end()
        kind = match.lastgroup
        value: object
        if kind == "numbers":
            values = [
                float(token) if b"." in token else int(token)
                for token in match.group("numbers").split()
            ]
            if stack:
                stack[-1][1].extend(values)
            else:
                yield from values
            continue
        if kind == "number":
            token = match.group("number")
            try:
                value = float(token) if b"." in token else int(token)
            except ValueError:
                continue
        elif kind == "name":
            token = match.group("name")
            value = names.get(token)
            if value is None:
                value = names[token] = _name(token)
        elif kind == "keyword":
            token = match.group("keyword")
            value = keywords.get(token)
            if value is None:
                value = keywords[token] = KWD(token)
        elif kind == "string":
            string, at = _string(data, at)
            if string is None:
                break
            value = string
        elif kind == "hex":
            digits = match.group("hex").translate(None, _WHITE)
            value = binascii.unhexlify(digits[: len(digits) & ~1])
            if len(digits) & 1:  # a last digit alone is a byte of its own, as in pdfminer
                value += bytes((int(digits[-1:], 16),))
        elif kind in _OPEN:
            stack.append((_OPEN[kind], []))
            continue
        elif kind in _CLOSE:
            wanted = _CLOSE[kind]
            if not stack or stack[-1][0] != wanted:
                continue  # pdfminer lets a stray "]", ">>" or "}" pass
            items = stack.pop()[1]
            if wanted != "d":
                value = items
            elif len(items) % 2:
                continue  # a dictionary with a key and no value: pdfminer drops it
            else:
                value = {literal_name(k): v for k, v in choplist(2, items) if v is not None}
        elif kind == "other":
            value = KWD(match.group("other"))
        elif kind == "gt":
            continue  # a ">" alone
        else:
            break
        if stack:
            stack[-1][1].append(value)
        else:
            yield value

"""The body of an old binary Hangul document (.hwp, HWP 5) as blocks, in order.

No library on PyPI reads it that the app can ship and rely on: pyhwp is AGPL, and the small
permissive ones (gethwp and a few one-release projects) dump every text record, headers, notes
and control codes included. The format is public (Hancom's "한글 문서 파일 형식 5.0"), and the
text is easy to reach: an OLE compound file (read with olefile, BSD) whose ``BodyText/Section<N>``
streams hold records, raw-deflated when the header says so. Each record is a 32-bit header (tag,
level, size) and a payload:

- a paragraph (``PARA_HEADER``) at level L has its text (``PARA_TEXT``, UTF-16 with control
  characters) and its controls (``CTRL_HEADER``) at level L+1;
- a control's own text is a list (``LIST_HEADER``, its paragraph count) followed by that many
  paragraphs at the list's level: a table's cells (each with its row and column), a text box,
  a caption;
- page headers and footers, foot- and endnotes and hidden comments are controls too, and are
  left out, as for .hwpx.

A password-protected or distribution-only document (its text encrypted) is refused with a
message, as is an HWP 3 file. Like HWPX, a paragraph's own text comes before the objects anchored
in it, so every word stays whole and once.

본 제품은 한글과컴퓨터의 한/글 문서 파일(.hwp) 공개 문서를 참고하여 개발하였습니다 (the notice
Hancom's terms for the public format ask for; README carries it too).
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import olefile

from desktop.importing.blocks import (
    Block,
    Cell,
    LeftOut,
    Paragraph,
    Progress,
    Table,
    no_progress,
    plain_text,
)
from desktop.importing.errors import ImportFailed
from desktop.importing.form_fields import hwp_text
from desktop.importing.package import MAX_PART_BYTES, damaged, too_large
from desktop.messages import say

SIGNATURE: Final = b"HWP Document File"
_COMPRESSED, _PASSWORD, _DISTRIBUTION = 1, 2, 4
_PARA_HEADER, _PARA_TEXT, _CTRL_HEADER, _LIST_HEADER, _TABLE = 66, 67, 71, 72, 77
_FORM_OBJECT = 91
# Left out, and listed as not imported by kind.
_SKIPPED_CONTROLS: Final = {
    b"head": "header",
    b"foot": "footer",
    b"fn  ": "note",
    b"en  ": "note",
    b"tcmt": "comment",
}
# PARA_TEXT control characters: these take one code unit; the rest of 0-31 take eight.
_ONE_UNIT: Final = {0: "", 10: "\n", 13: "", 24: "-", 30: " ", 31: " "} | dict.fromkeys(
    range(25, 30), ""
)
_TAB: Final = 9


@dataclass
class _Record:
    tag: int
    level: int
    payload: bytes
    children: list[_Record] = field(default_factory=list)


def _records(data: bytes) -> list[_Record]:
    """The section's records as a tree: a record's children are the deeper ones after it."""
    roots: list[_Record] = []
    stack: list[_Record] = []
    offset = 0
    while offset + 4 <= len(data):
        (header,) = struct.unpack_from("<I", data, offset)
        offset += 4
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        if size == 0xFFF:
            (size,) = struct.unpack_from("<I", data, offset)
            offset += 4
        if offset + size > len(data):
            raise ValueError("a record runs past the end of its stream")
        record = _Record(tag, level, data[offset : offset + size])
        offset += size
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(record)
        stack.append(record)
    return roots


def _text(payload: bytes) -> str:
    units = struct.unpack(f"<{len(payload) // 2}H", payload[: len(payload) // 2 * 2])
    out: list[str] = []
    kept: list[int] = []  # code units of ordinary text, decoded together (surrogate pairs)
    index = 0
    while index < len(units):
        unit = units[index]
        if unit >= 32:
            kept.append(unit)
            index += 1
            continue
        out.append(struct.pack(f"<{len(kept)}H", *kept).decode("utf-16le", "replace"))
        kept = []
        if unit in _ONE_UNIT:
            out.append(_ONE_UNIT[unit])
            index += 1
        else:  # an inline or extended control: its code, six units of data, its code again
            out.append("\t" if unit == _TAB else "")
            index += 8
    out.append(struct.pack(f"<{len(kept)}H", *kept).decode("utf-16le", "replace"))
    return "".join(out)


class _Section:
    def __init__(self, left_out: LeftOut) -> None:
        self.left_out = left_out

    def paragraphs(self, records: list[_Record]) -> list[Block]:
        out: list[Block] = []
        for record in records:
            if record.tag == _PARA_HEADER:
                out += self.paragraph(record)
        return out

    def paragraph(self, header: _Record) -> list[Block]:
        text = "".join(_text(r.payload) for r in header.children if r.tag == _PARA_TEXT)
        # A form control's text (an edit box's, a ticked box's caption), after the paragraph's.
        fields = [
            field
            for control in header.children
            if control.tag == _CTRL_HEADER and control.payload[:4][::-1] == b"form"
            for record in control.children
            if record.tag == _FORM_OBJECT and (field := hwp_text(record.payload))
        ]
        if fields:
            text = " ".join([text.rstrip(), *fields]).strip()
        objects: list[Block] = []
        for control in header.children:
            if control.tag != _CTRL_HEADER:
                continue
            kind = _SKIPPED_CONTROLS.get(control.payload[:4][::-1])
            if kind is None:
                objects += self.control(control)
            elif left := " ".join(plain_text(self.lists(control.children)).split()):
                self.left_out.append((kind, left))
        return [Paragraph(text), *objects]

    def control(self, control: _Record) -> list[Block]:
        if control.payload[:4][::-1] == b"tbl ":
            return self.table(control.children)
        return self.lists(control.children)

    def lists(self, records: list[_Record]) -> list[Block]:
        """The text in ``records``: each list's paragraphs, and lists inside shapes."""
        out: list[Block] = []
        for list_header, members in _lists(records):
            if list_header is not None:
                out += self.paragraphs(members)
                continue
            for record in members:  # a shape component: its text box is deeper down
                if record.tag == _PARA_HEADER:
                    out += self.paragraph(record)
                else:
                    out += self.lists(record.children)
        return out

    def table(self, records: list[_Record]) -> list[Block]:
        caption: list[Block] = []
        cells: list[tuple[int, int, int, Cell]] = []  # row, column, order in the stream
        seen_table = False
        for list_header, members in _lists(records):
            if list_header is None:
                seen_table = seen_table or any(r.tag == _TABLE for r in members)
            elif not seen_table:  # a caption comes before the table's own record
                caption += self.paragraphs(members)
            else:
                # A cell's list header: paragraph count, flags, then its column and row.
                column, row = struct.unpack_from("<HH", list_header.payload.ljust(12, b"\0"), 8)
                cells.append((row, column, len(cells), Cell(self.paragraphs(members))))
        rows: dict[int, list[Cell]] = {}
        for row, _column, _order, cell in sorted(cells, key=lambda c: c[:3]):
            rows.setdefault(row, []).append(cell)
        return [*caption, Table([rows[row] for row in sorted(rows)])]


def _lists(records: list[_Record]) -> list[tuple[_Record | None, list[_Record]]]:
    """``records`` cut into lists (a LIST_HEADER and the paragraphs that follow it) and runs of
    other records (``None`` and those records)."""
    out: list[tuple[_Record | None, list[_Record]]] = []
    for record in records:
        if record.tag == _LIST_HEADER:
            out.append((record, []))
        elif record.tag == _PARA_HEADER and out and out[-1][0] is not None:
            out[-1][1].append(record)
        else:
            if not out or out[-1][0] is not None:
                out.append((None, []))
            out[-1][1].append(record)
    return out


def _refusal(path: Path, flags: int) -> ImportFailed:
    if flags & _PASSWORD:
        return ImportFailed(
            say(
                f"{path.name} 파일은 암호로 잠겨 있습니다. 한글에서 암호를 풀어 저장한 뒤 "
                "가져오십시오.",
                f"{path.name} is protected by a password. Remove it in Hangul, save, and import "
                "that.",
            )
        )
    return ImportFailed(
        say(
            f"{path.name} 파일은 배포용 문서라 글을 꺼낼 수 없습니다. 원본 파일을 받아 "
            "가져오십시오.",
            f"{path.name} is a distribution-only document, whose text cannot be taken out. Ask "
            "for the original file and import that.",
        )
    )


def is_hwp(ole: olefile.OleFileIO) -> bool:
    return bool(ole.exists("FileHeader")) and ole.openstream("FileHeader").read(32).startswith(
        SIGNATURE
    )


def read_hwp(
    path: Path,
    ole: olefile.OleFileIO,
    progress: Progress = no_progress,
    left_out: LeftOut | None = None,
) -> list[Block]:
    """The body of the HWP 5 document ``ole`` (opened from ``path``)."""
    (flags,) = struct.unpack_from("<I", ole.openstream("FileHeader").read(40), 36)
    if flags & (_PASSWORD | _DISTRIBUTION):
        raise _refusal(path, flags)
    names = [
        entry
        for entry in ole.listdir()
        if len(entry) == 2 and entry[0] == "BodyText" and entry[1].startswith("Section")
    ]
    names.sort(key=lambda entry: int(entry[1][len("Section") :] or 0))
    reader = _Section([] if left_out is None else left_out)
    blocks: list[Block] = []
    for index, entry in enumerate(names):
        if ole.get_size("/".join(entry)) > MAX_PART_BYTES:
            raise too_large(path)
        data = ole.openstream("/".join(entry)).read()
        if flags & _COMPRESSED:
            inflater = zlib.decompressobj(-15)
            data = inflater.decompress(data, MAX_PART_BYTES)
            if inflater.unconsumed_tail:
                raise too_large(path)
        blocks += reader.paragraphs(_records(data))
        progress(index + 1, len(names))
    if not names:
        raise damaged(path)
    return blocks

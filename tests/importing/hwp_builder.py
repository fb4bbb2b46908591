"""Old binary Hangul files (HWP 5) for the tests, written by hand.

An HWP 5 file is an OLE compound file (Microsoft's CFB: 512-byte sectors, a FAT, a directory, and
a mini stream for streams under 4 KB) holding a ``FileHeader`` stream and ``BodyText/Section<N>``
streams of records. ``compound_file`` writes the container, ``section`` the records of a body of
paragraphs, tables, text boxes, headers and notes.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

SECTOR, MINI = 512, 64
FREE, END, FAT_SECTOR = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
PARA_HEADER, PARA_TEXT, CTRL_HEADER, LIST_HEADER, SHAPE_COMPONENT, TABLE = 66, 67, 71, 72, 76, 77
FORM_OBJECT = 91


def _pad(data: bytes, size: int) -> bytes:
    return data + b"\0" * (-len(data) % size)


def _entry(
    name: str, kind: int, start: int, size: int, child: int = FREE, right: int = FREE
) -> bytes:
    encoded = (name + "\0").encode("utf-16le")
    return (
        encoded.ljust(64, b"\0")
        + struct.pack("<HBB3I", len(encoded), kind, 1, FREE, right, child)
        + b"\0" * 36  # class id, state bits, times
        + struct.pack("<IQ", start, size)
    )


def compound_file(streams: dict[str, bytes]) -> bytes:
    """A CFB file holding ``streams`` ("FileHeader", "BodyText/Section0" …); each under 4 KB."""
    assert all(len(data) < 4096 for data in streams.values())
    # The directory: root, then the top-level names, then the storages' children. Siblings are
    # chained through their right pointers (a valid, if unbalanced, tree).
    tops = sorted({name.split("/")[0] for name in streams}, key=lambda n: (len(n), n.upper()))
    mini = b""
    starts: dict[str, int] = {}
    for name, data in streams.items():
        starts[name] = len(mini) // MINI
        mini += _pad(data, MINI)
    mini_fat = []
    for name, data in streams.items():
        count = max(1, -(-len(data) // MINI))
        mini_fat += [starts[name] + i + 1 for i in range(count - 1)] + [END]
    ids = {"": 0}
    order: list[str] = []
    for top in tops:
        order.append(top)
        children = sorted(
            (n for n in streams if n.startswith(top + "/")), key=lambda n: (len(n), n.upper())
        )
        order += children
    for index, name in enumerate(order, start=1):
        ids[name] = index
    mini_fat_bytes = _pad(b"".join(struct.pack("<I", v) for v in mini_fat), SECTOR)
    mini_sectors = len(_pad(mini, SECTOR)) // SECTOR
    dir_count = -(-(len(order) + 1) * 128 // SECTOR)
    # sectors: FAT (1), directory, mini FAT, mini stream container
    fat_at, dir_at = 0, 1
    minifat_at = dir_at + dir_count
    ministream_at = minifat_at + len(mini_fat_bytes) // SECTOR
    total = ministream_at + mini_sectors
    assert total <= SECTOR // 4
    fat = [FREE] * (SECTOR // 4)
    fat[fat_at] = FAT_SECTOR
    for start, count in (
        (dir_at, dir_count),
        (minifat_at, len(mini_fat_bytes) // SECTOR),
        (ministream_at, mini_sectors),
    ):
        for i in range(count):
            fat[start + i] = start + i + 1 if i < count - 1 else END
    entries = [_entry("Root Entry", 5, ministream_at, len(mini), child=ids[order[0]])]
    for name in order:
        parent = name.rsplit("/", 1)[0] if "/" in name else ""
        siblings = [n for n in order if (n.rsplit("/", 1)[0] if "/" in n else "") == parent]
        after = siblings.index(name) + 1
        right = ids[siblings[after]] if after < len(siblings) else FREE
        local = name.rsplit("/", 1)[-1]
        if name in streams:
            entries.append(_entry(local, 2, starts[name], len(streams[name]), right=right))
        else:
            first_child = next(n for n in order if n.startswith(name + "/"))
            entries.append(_entry(local, 1, END, 0, child=ids[first_child], right=right))
    directory = _pad(b"".join(entries), SECTOR)
    difat = [fat_at] + [FREE] * 108
    header = (
        bytes.fromhex("d0cf11e0a1b11ae1")
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + b"\0" * 6
        + struct.pack(
            "<IIIIIIIII", 0, 1, dir_at, 0, 4096, minifat_at, len(mini_fat_bytes) // SECTOR, END, 0
        )  # fmt: skip
        + b"".join(struct.pack("<I", v) for v in difat)
    )
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    return header + fat_bytes + directory + mini_fat_bytes + _pad(mini, SECTOR)


def record(tag: int, level: int, payload: bytes) -> bytes:
    if len(payload) >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, len(payload)) + payload
    return struct.pack("<I", tag | level << 10 | len(payload) << 20) + payload


def _control_chars(code: int, control: bytes = b"\0\0\0\0") -> str:
    """An extended or inline control in PARA_TEXT: its code, six units of data, its code."""
    data = (control[::-1] + b"\0" * 8).decode("utf-16le")
    return chr(code) + data + chr(code)


def tab() -> str:
    return _control_chars(9, b"\0\0\0\0")


@dataclass
class Para:
    """A paragraph: text (with ``tab()``, "\\n" for a line break) and controls anchored in it."""

    text: str
    controls: list[Control] = field(default_factory=list)


@dataclass
class Control:
    kind: bytes  # b"tbl ", b"gso ", b"head", b"foot", b"fn  ", b"tcmt", b"form"
    lists: list[list[Para]] = field(default_factory=list)  # cells (row by row), or the text
    rows: int = 1
    columns: int = 1
    form: tuple[bytes, str] = (b"", "")  # a form control: its kind (b"+edt") and properties


def form_control(kind: bytes, properties: dict[str, str | int]) -> Control:
    """A form control as Hangul writes it: "Caption:wstring:4:수신동의 Value:int:1 "."""
    text = "".join(
        f"{key}:wstring:{len(value)}:{value} " if isinstance(value, str) else f"{key}:int:{value} "
        for key, value in properties.items()
    )
    return Control(b"form", form=(kind, f"CommonSet:set:0:Name:wstring:4:Form {text}"))


def _paragraph(para: Para, level: int) -> bytes:
    text = "".join(_control_chars(11 if c.kind in (b"tbl ", b"gso ") else 16, c.kind)
                   for c in para.controls) + para.text + "\r"  # fmt: skip
    out = record(PARA_HEADER, level, struct.pack("<IIHBBHHHI", len(text), 0, 0, 0, 0, 1, 0, 1, 0))
    out += record(PARA_TEXT, level + 1, text.encode("utf-16le"))
    for control in para.controls:
        out += record(CTRL_HEADER, level + 1, control.kind[::-1] + b"\0" * 8)
        inner = level + 2
        if control.kind == b"tbl ":
            out += record(TABLE, inner, struct.pack("<IHH", 0, control.rows, control.columns))
            for index, cell in enumerate(control.lists):
                row, column = divmod(index, control.columns)
                header = struct.pack("<HHIHHHH", len(cell), 0, 0, column, row, 1, 1)
                out += record(LIST_HEADER, inner, header) + _paragraphs(cell, inner)
        elif control.kind == b"form":
            kind, text = control.form
            size = struct.pack("<I", len(text)) + struct.pack("<H", len(text))
            out += record(FORM_OBJECT, inner, kind[::-1] * 2 + size + text.encode("utf-16le"))
        elif control.kind == b"gso ":
            out += record(SHAPE_COMPONENT, inner, b"\0" * 8)
            for box in control.lists:
                out += record(LIST_HEADER, inner + 1, struct.pack("<HHI", len(box), 0, 0))
                out += _paragraphs(box, inner + 1)
        else:
            for text in control.lists:
                out += record(LIST_HEADER, inner, struct.pack("<HHI", len(text), 0, 0))
                out += _paragraphs(text, inner)
    return out


def _paragraphs(paragraphs: list[Para], level: int) -> bytes:
    return b"".join(_paragraph(p, level) for p in paragraphs)


def file_header(
    *, compressed: bool = True, password: bool = False, distribution: bool = False
) -> bytes:
    flags = compressed | password << 1 | distribution << 2
    return (b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05000304, flags)).ljust(
        256, b"\0"
    )


def hwp(*sections: list[Para], compressed: bool = True, **flags: bool) -> bytes:
    """An HWP 5 file with ``sections`` of paragraphs."""
    streams = {"FileHeader": file_header(compressed=compressed, **flags)}
    for number, paragraphs in enumerate(sections):
        data = _paragraphs(paragraphs, 0)
        if compressed:
            packer = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = packer.compress(data) + packer.flush()
        streams[f"BodyText/Section{number}"] = data
    return compound_file(streams)

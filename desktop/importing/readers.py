"""Plain text out of the files counselors receive: .txt, .md, .docx and .hwpx.

An old binary .hwp is refused with a message saying what to do instead. Text files are read as
UTF-8 (with or without a BOM), then as CP949, the encoding of Korean Windows.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .hwp 5 and old .doc
MAX_BYTES: Final = 20_000_000
SUFFIXES: Final = (".txt", ".md", ".docx", ".hwpx", ".hwp")
_HWPX_SECTION: Final = re.compile(r"Contents/section\d+\.xml")


class ImportFailed(ValueError):
    """The file cannot be read as an essay; the message says why and what to do."""


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{path.name} is neither UTF-8 nor CP949 text.")


def _read_docx(path: Path) -> str:
    import docx  # python-docx, imported only when a .docx is opened
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise ImportFailed(f"{path.name} is not a readable Word document ({exc}).") from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:  # forms often put the questions in a table
        for row in table.rows:
            for cell in row.cells:
                lines.extend(p.text for p in cell.paragraphs)
    return "\n".join(lines)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _hwpx_paragraphs(xml: bytes) -> list[str]:
    root = ElementTree.fromstring(xml)  # noqa: S314 (a zip member; entities are not expanded)
    lines: list[str] = []
    for paragraph in root.iter():
        if _local(paragraph.tag) != "p":
            continue
        parts = []
        for node in paragraph.iter():
            if _local(node.tag) == "t" and node.text:
                parts.append(node.text)
            elif _local(node.tag) in ("lineBreak", "tab"):
                parts.append("\n" if _local(node.tag) == "lineBreak" else "\t")
        lines.append("".join(parts))
    return lines


def _read_hwpx(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            sections = sorted(
                (n for n in archive.namelist() if _HWPX_SECTION.fullmatch(n)),
                key=lambda n: int(re.sub(r"\D", "", n)),
            )
            if not sections:
                raise ImportFailed(f"{path.name} has no text sections (Contents/section0.xml).")
            lines: list[str] = []
            for name in sections:
                if archive.getinfo(name).file_size > MAX_BYTES:
                    raise ImportFailed(f"{path.name} is too large to import.")
                lines += _hwpx_paragraphs(archive.read(name))
    except (zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise ImportFailed(f"{path.name} is not a readable HWPX document ({exc}).") from exc
    return "\n".join(lines)


def read_document(path: Path) -> str:
    """The document's text, NFC, with Windows line ends made plain; raises ``ImportFailed``."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFailed(f"{path.name}: only {', '.join(SUFFIXES[:-1])} files can be imported.")
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailed(f"{path.name} is too large to import.")
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as exc:
        raise ImportFailed(f"{path.name} cannot be opened ({exc.strerror}).") from exc
    if head == OLE_MAGIC or suffix == ".hwp":
        raise ImportFailed(
            f"{path.name} is an old binary Hangul (.hwp) or Word file. Open it in Hangul or Word "
            "and save it as HWPX or DOCX, then import that."
        )
    if suffix == ".docx":
        text = _read_docx(path)
    elif suffix == ".hwpx":
        text = _read_hwpx(path)
    else:
        text = _read_text(path)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

"""Plain text out of the files counselors receive: .txt, .md, .docx, .hwpx, .hwp and .pdf.

Each reader gives the document's body once, in order (``blocks.py``), and the layout step writes
it as the lines the splitter reads (``layout.py``); a PDF has lines rather than paragraphs and
its own mending (``pdf_mend.py``). Text files are read as UTF-8 (with or without a BOM), then as
CP949, the encoding of Korean Windows. A .docx or .hwpx is told apart by what its zip holds, an
HWP 5 .hwp by its OLE streams; an HWP 3 file or a .doc is refused with a message saying what to
do instead. Whatever is wrong with a file ends in one ``ImportFailed`` whose message (Korean or
English, as the UI) says what to do; nothing is saved before the whole file has been read.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Final

from desktop.importing.blocks import LeftOut, Progress, no_progress
from desktop.importing.docx_reader import left_out as docx_left_out
from desktop.importing.docx_reader import main_part, read_docx
from desktop.importing.errors import ImportFailed
from desktop.importing.hwpx_reader import read_hwpx, section_names
from desktop.importing.layout import layout_text
from desktop.importing.package import Package, damaged, too_large
from desktop.messages import say

__all__ = ["MAX_BYTES", "SUFFIXES", "ImportFailed", "read_document"]

OLE_MAGIC: Final = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .hwp 5, old .doc, encrypted .docx
HWP3_MAGIC: Final = b"HWP Document File V3"
PDF_MAGIC: Final = b"%PDF-"
MAX_BYTES: Final = 20_000_000
SUFFIXES: Final = (".txt", ".md", ".docx", ".hwpx", ".hwp", ".pdf")


def _read_text(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(
        say(
            f"{path.name} 파일은 UTF-8이나 CP949 텍스트가 아닙니다. 메모장 등에서 UTF-8로 "
            "저장한 뒤 가져오십시오.",
            f"{path.name} is neither UTF-8 nor CP949 text. Save it as UTF-8 (in Notepad, for "
            "instance) and import that.",
        )
    )


def _read_package(path: Path, progress: Progress, left_out: LeftOut) -> str:
    """A .docx or .hwpx, told apart by what the zip holds (a misnamed file still reads)."""
    with Package(path) as package:
        sections = section_names(package)
        if sections:
            return layout_text(read_hwpx(package, sections, progress, left_out))
        part = main_part(package)
        if part is None:
            raise ImportFailed(
                say(
                    f"{path.name} 파일에는 본문이 없습니다. Word(.docx)나 한글(.hwpx) 문서가 "
                    "맞는지 확인하십시오.",
                    f"{path.name} has no document body. Check that it is a Word (.docx) or "
                    "Hangul (.hwpx) document.",
                )
            )
        text = layout_text(read_docx(package, part))
        left_out += docx_left_out(package, part)
        progress(1, 1)  # one part
        return text


def _save_as(path: Path) -> ImportFailed:
    return ImportFailed(
        say(
            f"{path.name} 파일은 예전 한글(.hwp 3.0)이나 Word(.doc) 형식입니다. 한글이나 Word에서 "
            "열어 HWPX나 DOCX로 저장한 뒤 가져오십시오.",
            f"{path.name} is an old Hangul (.hwp 3.0) or Word (.doc) file. Open it in Hangul or "
            "Word and save it as HWPX or DOCX, then import that.",
        )
    )


def _read_ole(path: Path, progress: Progress, left_out: LeftOut) -> str:
    """An OLE compound file: a .hwp (HWP 5) is read; a .doc or an encrypted Office file is not."""
    import olefile  # olefile and the HWP reader, loaded only for a binary file

    from desktop.importing.hwp_reader import is_hwp, read_hwp

    try:
        with olefile.OleFileIO(str(path)) as ole:
            if is_hwp(ole):
                return layout_text(read_hwp(path, ole, progress, left_out))
            if ole.exists("EncryptedPackage"):  # Word keeps a password-protected .docx so
                raise ImportFailed(
                    say(
                        f"{path.name} 파일은 암호로 잠겨 있습니다. Word에서 암호를 풀어 저장한 뒤 "
                        "가져오십시오.",
                        f"{path.name} is protected by a password. Remove it in Word, save, and "
                        "import that.",
                    )
                )
    except ImportFailed:
        raise
    except Exception as exc:  # noqa: BLE001
        # olefile, zlib and the record walk read untrusted bytes and fail in many ways (OSError,
        # zlib.error, struct.error, ValueError, IndexError ...): one message, whatever the cause.
        raise damaged(path) from exc
    raise _save_as(path)


def read_document(
    path: Path, progress: Progress = no_progress, left_out: LeftOut | None = None
) -> str:
    """The document's text, NFC, with Windows line ends made plain; raises ``ImportFailed``.

    ``progress`` is told the parts read (a PDF's pages, a Hangul document's sections);
    ``left_out`` gets the text left out on purpose (headers, footers, notes, memos)."""
    left_out = [] if left_out is None else left_out
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ImportFailed(
            say(
                f"{path.name}: {', '.join(SUFFIXES)} 파일만 가져올 수 있습니다.",
                f"{path.name}: only {', '.join(SUFFIXES)} files can be imported.",
            )
        )
    try:
        if path.stat().st_size > MAX_BYTES:
            raise too_large(path)
        with path.open("rb") as handle:
            head = handle.read(len(HWP3_MAGIC))
    except OSError as exc:
        raise ImportFailed(
            say(
                f"{path.name} 파일을 열 수 없습니다 ({exc.strerror}).",
                f"{path.name} cannot be opened ({exc.strerror}).",
            )
        ) from exc
    if head.startswith(OLE_MAGIC):
        text = _read_ole(path, progress, left_out)
    elif head.startswith(HWP3_MAGIC):
        raise _save_as(path)
    elif suffix == ".hwp":
        raise damaged(path)
    elif head.startswith(PDF_MAGIC) or suffix == ".pdf":
        from desktop.importing.pdf_reader import read_pdf  # pypdf, loaded only for a PDF

        text = read_pdf(path, progress=progress, left_out=left_out)
    elif suffix in (".docx", ".hwpx"):
        text = _read_package(path, progress, left_out)
    else:
        text = _read_text(path)
        progress(1, 1)
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))

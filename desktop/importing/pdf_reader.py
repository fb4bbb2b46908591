"""The text of a PDF (an application a portal printed, an essay saved as PDF), with pdfminer.six.

pdfminer.six (MIT) rather than pypdf: mending the lines of a PDF back into paragraphs needs where
each line ends and how wide its first word is, which pdfminer's layout objects give per glyph
(pypdf's public API gives text and a start point), and pdfminer carries Adobe's Korean CMaps
(UniKS-UCS2-H, KSCms-UHC-H), which a PDF with a non-embedded Korean font needs to be read at
all. PyMuPDF is AGPL and cannot ship with the app.

A PDF has lines, not paragraphs; ``pdf_mend`` decides which line ends were only wraps. A PDF
with no text at all (a scan) is refused with a message saying so.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path
from typing import Final

from pdfminer.high_level import extract_pages
from pdfminer.layout import (
    LAParams,
    LTChar,
    LTComponent,
    LTFigure,
    LTImage,
    LTPage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from desktop.importing.errors import ImportFailed
from desktop.importing.package import damaged
from desktop.importing.pdf_mend import PdfLine, PdfPage, mend_pages
from desktop.messages import say

_TAIL_BYTES: Final = 4096  # some writers add a little after the final "%%EOF"
MAX_PAGES: Final = 60  # an application is a few pages; a book would take minutes to lay out
_UNMAPPED: Final = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a glyph without Unicode
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
# A white gap between glyphs wider than this (in ems) separates words even without a space glyph.
_WORD_GAP_EM: Final = 0.15


def _clean(text: str) -> str:
    # Some writers map the space glyph to a tab or to nothing at all (Qt among them), so both
    # read as a space here; other control characters never belong to an essay.
    return _CONTROL.sub(" ", _UNMAPPED.sub(" ", text))


def _line(line: LTTextLine, page: int, box: int) -> PdfLine | None:
    chars = [c for c in line if isinstance(c, LTChar)]
    inked = [c for c in chars if _clean(c.get_text()).strip()]
    if not inked:
        return None
    size = statistics.median(c.size for c in inked) or 1.0
    # The white spans between words: a space glyph, or a gap pdfminer reads as one.
    spans: list[float] = []
    first_word_end: float | None = None
    previous: LTChar | None = None
    blank_between = False
    for char in chars:
        if not _clean(char.get_text()).strip():
            blank_between = previous is not None
            continue
        if previous is not None:
            gap = char.x0 - previous.x1
            if blank_between or gap > _WORD_GAP_EM * size:
                spans.append(max(gap, 0.0))
                if first_word_end is None:
                    first_word_end = previous.x1
        previous, blank_between = char, False
    raw = _clean(line.get_text().rstrip("\n"))
    return PdfLine(
        text=" ".join(raw.split()),
        page=page,
        box=box,
        x0=inked[0].x0,
        x1=inked[-1].x1,
        top=line.y1,
        bottom=line.y0,
        size=size,
        spans=spans,
        first_char=inked[0].x1 - inked[0].x0,
        first_word=(first_word_end if first_word_end is not None else inked[-1].x1) - inked[0].x0,
        space_before=raw[:1].isspace(),
        space_after=raw[-1:].isspace(),
    )


class _Collector:
    def __init__(self) -> None:
        self.pages: list[PdfPage] = []
        self.images = 0
        self._box = 0

    def page(self, layout: LTPage) -> None:
        page = PdfPage(height=layout.height, lines=[])
        self.pages.append(page)
        self._walk(layout, page)

    def _walk(self, item: LTComponent, page: PdfPage) -> None:
        if isinstance(item, LTImage):
            self.images += 1
        elif isinstance(item, LTTextLine):
            line = _line(item, len(self.pages) - 1, self._box)
            if line is not None:
                page.lines.append(line)
        elif isinstance(item, LTTextBox):
            self._box += 1  # the lines of one box belong together; another box starts apart
            for text_line in item:
                self._walk(text_line, page)
            self._box += 1
        elif isinstance(item, LTPage | LTFigure):
            for child in item:
                self._walk(child, page)


def _too_many_pages(path: Path) -> ImportFailed:
    return ImportFailed(
        say(
            f"{path.name} 파일은 {MAX_PAGES}쪽이 넘어 가져올 수 없습니다. 자기소개서 부분만 PDF로 "
            "저장해 가져오십시오.",
            f"{path.name} has more than {MAX_PAGES} pages. Save only the essay's pages as a PDF "
            "and import that.",
        )
    )


def _is_complete(path: Path) -> bool:
    """False for a file cut short (a download that stopped): a PDF ends with "%%EOF", and
    pdfminer would otherwise read what it can find of a truncated one without a word."""
    with path.open("rb") as handle:
        handle.seek(max(0, path.stat().st_size - _TAIL_BYTES))
        return b"%%EOF" in handle.read()


def read_pdf(path: Path) -> str:
    if not _is_complete(path):
        raise damaged(path)
    collector = _Collector()
    # all_texts: lay out the text inside form XObjects too, which some writers use for a page.
    pages = extract_pages(path, laparams=LAParams(all_texts=True), maxpages=MAX_PAGES + 1)
    try:
        for index, layout in enumerate(pages):
            if index >= MAX_PAGES:
                raise _too_many_pages(path)
            collector.page(layout)
    except ImportFailed:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ImportFailed(
            say(
                f"{path.name} 파일은 암호로 잠겨 있습니다. 암호를 풀어 다시 저장한 뒤 "
                "가져오십시오.",
                f"{path.name} is protected by a password. Remove the password, save it again, "
                "and import that.",
            )
        ) from exc
    except Exception as exc:  # noqa: BLE001
        # pdfminer parses untrusted bytes and a damaged file can fail anywhere inside it
        # (its own PDFSyntaxError, but also KeyError, struct.error, RecursionError ...): the
        # user gets one message, whatever the cause.
        raise damaged(path) from exc
    if not any(page.lines for page in collector.pages):
        raise ImportFailed(
            say(
                f"{path.name} 파일에는 글자가 없고 그림만 있습니다(스캔한 문서로 보입니다). "
                "원본 파일을 받거나, 글자 인식(OCR)을 거친 PDF를 가져오십시오.",
                f"{path.name} has no text, only images (it looks scanned). Ask for the original "
                "file, or import a PDF that has been through text recognition (OCR).",
            )
            if collector.images
            else say(f"{path.name} 파일에는 글자가 없습니다.", f"{path.name} has no text.")
        )
    return mend_pages(collector.pages)

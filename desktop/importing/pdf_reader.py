"""The text of a PDF (an application a portal printed, an essay saved as PDF), with pdfminer.six.

pdfminer.six (MIT) rather than pypdf: mending the lines of a PDF back into paragraphs needs where
each line ends and how wide its first word is, which pdfminer's layout objects give per glyph
(pypdf's public API gives text and a start point), and pdfminer carries Adobe's Korean CMaps
(UniKS-UCS2-H, KSCms-UHC-H), which a PDF with a non-embedded Korean font needs to be read at
all. PyMuPDF is AGPL and cannot ship with the app.

A PDF has lines, not paragraphs; ``pdf_mend`` decides which line ends were only wraps. The
values of a filled-in form's fields are outside the page's text and are read too, where the
field is. A PDF with no text at all (a scan) is refused with a message saying so, and so is one
cut short (a download that stopped), which pdfminer would otherwise read in part without a word.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Final

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
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1
from pdfminer.psparser import PSLiteral
from pdfminer.utils import decode_text

from desktop.importing.blocks import LeftOut, Progress, no_progress
from desktop.importing.errors import ImportFailed
from desktop.importing.package import damaged
from desktop.importing.pdf_graphics import TextInterpreter
from desktop.importing.pdf_layout import Aggregator
from desktop.importing.pdf_mend import Join, PdfLine, PdfPage, mend_pages
from desktop.messages import say

_TAIL_BYTES: Final = 4096  # some writers add a little after the final "%%EOF"
MAX_PAGES: Final = 60  # an application is a few pages; a book would take minutes to lay out
_UNMAPPED: Final = re.compile(r"\(cid:\d+\)")  # pdfminer's text for a glyph without Unicode
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f]")
# A white gap between glyphs wider than this (in ems) separates words even without a space glyph.
_WORD_GAP_EM: Final = 0.15
# The Latin ligatures a typesetter (TeX, InDesign) puts in the PDF for "fi", "ffl" ...: the letters
# the writer typed, so that words and counts are theirs (NFKC of this block only; NFKC of all of
# the text would also change full-width forms and the like that a Korean writer typed).
_LIGATURES: Final = {
    code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)
}


def _clean(text: str) -> str:
    # Some writers map the space glyph to a tab or to nothing at all (Qt among them), so both
    # read as a space here; other control characters never belong to an essay.
    return _CONTROL.sub(" ", _UNMAPPED.sub(" ", text)).translate(_LIGATURES)


@lru_cache(maxsize=4096)
def _blank(glyph: str) -> bool:
    """True for a glyph's text that leaves no ink (a space, a control character)."""
    return not _clean(glyph).strip()


def _line(line: LTTextLine, page: int, box: int) -> PdfLine | None:
    chars = [c for c in line if isinstance(c, LTChar)]
    inked = [c for c in chars if not _blank(c.get_text())]
    if not inked:
        return None
    size = statistics.median(c.size for c in inked) or 1.0
    # The white spans between words: a space glyph, or a gap pdfminer reads as one.
    spans: list[float] = []
    first_word_end: float | None = None
    previous: LTChar | None = None
    blank_between = False
    for char in chars:
        if _blank(char.get_text()):
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

    def page(self, layout: LTPage, source: PDFPage) -> None:
        page = PdfPage(height=layout.height, lines=[])
        self.pages.append(page)
        self._walk(layout, page)
        for line in self._fields(source):
            # Where the field is on the page: before the first line that starts below its top.
            at = next((i for i, other in enumerate(page.lines) if other.top < line.top - 1), None)
            page.lines.insert(len(page.lines) if at is None else at, line)

    def _fields(self, source: PDFPage) -> list[PdfLine]:
        """The values typed into the page's form fields, which a filled-in PDF form keeps
        outside the page's text, one box each."""
        lines: list[PdfLine] = []
        for annotation in resolve1(source.annots) or []:
            widget = resolve1(annotation)
            if not isinstance(widget, dict) or _name(widget.get("Subtype")) != "Widget":
                continue
            kind, value = _inherited(widget, "FT"), _inherited(widget, "V")
            rect = resolve1(widget.get("Rect"))
            if _name(kind) not in ("Tx", "Ch") or not isinstance(value, bytes) or not rect:
                continue
            x0, y0, x1, y1 = (float(resolve1(v)) for v in rect)
            top = max(y0, y1)
            for row, text in enumerate(decode_text(value).splitlines()):
                if not text.strip():
                    continue
                self._box += 1
                size = 10.0
                lines.append(
                    PdfLine(
                        text=" ".join(_clean(text).split()),
                        page=len(self.pages) - 1,
                        box=self._box,
                        x0=min(x0, x1),
                        x1=max(x0, x1),
                        top=top - row * size,
                        bottom=top - (row + 1) * size,
                        size=size,
                        spans=[],
                        first_char=size,
                        first_word=max(x0, x1) - min(x0, x1),
                    )
                )
        return lines

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


def _name(value: object) -> str:
    value = resolve1(value)
    name = value.name if isinstance(value, PSLiteral) else ""
    return name if isinstance(name, str) else name.decode("latin-1")


def _inherited(field: dict[str, object], key: str) -> object:
    """A field's ``key``, from the field or the nearest parent that has it (PDF 12.7.4.1)."""
    seen = 0
    node: object = field
    while isinstance(node, dict) and seen < 32:
        if key in node:
            return resolve1(node[key])
        node, seen = resolve1(node.get("Parent")), seen + 1
    return None


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


def read_pdf(
    path: Path,
    *,
    joins: list[Join] | None = None,
    progress: Progress = no_progress,
    left_out: LeftOut | None = None,
) -> str:
    if not _is_complete(path):
        raise damaged(path)
    collector = _Collector()
    try:
        with path.open("rb") as handle:
            manager = PDFResourceManager()
            # all_texts: lay out the text inside form XObjects too, which some writers use.
            device = Aggregator(manager, laparams=LAParams(all_texts=True))
            interpreter = TextInterpreter(manager, device)
            pages = list(PDFPage.create_pages(PDFDocument(PDFParser(handle))))
            if len(pages) > MAX_PAGES:
                raise _too_many_pages(path)
            for index, page in enumerate(pages):
                interpreter.process_page(page)
                collector.page(device.get_result(), page)
                progress(index + 1, len(pages))
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
    return mend_pages(collector.pages, joins, left_out)

"""A report heading never ends a PDF page alone: it moves to the next page with its content."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage
from PySide6.QtCore import QLocale, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desktop.counsel.pdf import FONTS, ensure_gui, keep_headings_with_next

HEADING = "To improve"
FIRST_ITEM = "Quantify the result of the inventory project"


def _document(fillers: int) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(10)
    document.setDefaultFont(font)
    body = "".join(f"<p>Filler paragraph {i} of the report.</p>" for i in range(fillers))
    document.setHtml(f"{body}<h3>{HEADING}</h3><ul><li>{FIRST_ITEM}</li><li>More</li></ul>")
    return document


def _writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    return writer


def _pages(path: Path) -> list[str]:
    with path.open("rb") as handle:
        count = sum(1 for _ in PDFPage.get_pages(handle))
    return [" ".join(extract_text(str(path), page_numbers=[i]).split()) for i in range(count)]


def _page_of(pages: list[str], text: str) -> int:
    return next(i for i, page in enumerate(pages) if text in page)


@pytest.fixture
def english_locale() -> Iterator[None]:
    """Text extraction needs the Latin glyphs' Unicode mapping, which Qt leaves out of the PDF
    when a Korean default locale picks the CJK face for Latin text; a Korean UI test before
    this one may have set that default."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English))
    yield
    QLocale.setDefault(before)


def test_a_heading_at_the_bottom_of_a_page_moves_to_the_next(
    tmp_path: Path, english_locale: None
) -> None:
    ensure_gui()
    probe_path = tmp_path / "probe.pdf"
    fillers = next(
        n for n in range(20, 160) if keep_headings_with_next(_document(n), _writer(probe_path))
    )
    plain, kept = tmp_path / "plain.pdf", tmp_path / "kept.pdf"
    document = _document(fillers)
    writer = _writer(plain)
    document.print_(writer)
    del writer
    pages = _pages(plain)
    # The case is real: without the fix the heading ends a page and its first item starts the next.
    assert _page_of(pages, HEADING) + 1 == _page_of(pages, FIRST_ITEM)
    document = _document(fillers)
    writer = _writer(kept)
    assert keep_headings_with_next(document, writer) == 1
    document.print_(writer)
    del writer
    pages = _pages(kept)
    assert _page_of(pages, HEADING) == _page_of(pages, FIRST_ITEM)

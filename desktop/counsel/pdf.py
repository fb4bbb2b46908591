"""The feedback report as PDF: its HTML laid out by QTextDocument and printed by QPdfWriter.

Qt embeds (subsets of) the fonts it used, so Hangul shows on machines without a Korean font.
Works without a window: outside the GUI a QGuiApplication is made on the offscreen platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QApplication

from desktop.atomic import write_atomically
from desktop.counsel.report import Report, report_html

FONTS: Final = ["Noto Sans CJK KR", "Noto Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"]
_app: QApplication | None = None


def ensure_gui() -> None:
    """A Qt application for text layout, created offscreen when there is none.

    A QApplication, not a bare QGuiApplication: widgets made later in the same process (a test
    run, the self-test's window) need one, and Qt cannot upgrade the instance afterwards.
    """
    global _app
    if QGuiApplication.instance() is not None:
        return
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Without a display the offscreen platform warns about every font it cannot shape with.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")
    _app = QApplication(sys.argv[:1])


def write_report_pdf(report: Report, path: Path) -> None:
    """Write the report to ``path`` (A4); the file appears only once it is complete."""
    ensure_gui()
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONTS)
    font.setPointSize(10)
    document.setDefaultFont(font)
    document.setHtml(report_html(report))
    title = f"{report.label('title')} — {report.application.company}"

    def write(partial: Path) -> None:
        writer = QPdfWriter(str(partial))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(title)
        writer.setCreator("Jaso")
        keep_headings_with_next(document, writer)
        document.print_(writer)
        del writer  # flushes and closes the file
        if not partial.exists() or partial.stat().st_size == 0:
            raise OSError(f"the PDF could not be written to {path}")

    write_atomically(path, write)


def keep_headings_with_next(document: QTextDocument, writer: QPdfWriter) -> int:
    """Start a heading on a new page where it would end one alone, without what follows it
    (Qt's rich text has page-break-before/after but no keep-with-next). Lays out a copy the
    way ``QTextDocument.print`` does (the writer's page, 2 cm frame margins); returns how many
    breaks were added."""
    probe = document.clone()
    probe.documentLayout().setPaintDevice(writer)
    # print() sets 2 cm in screen units (qt_defaultDpi), scaled to the device when laid out.
    screen = QGuiApplication.primaryScreen()
    dpi_x = round(screen.logicalDotsPerInchX()) if screen else 100
    dpi_y = round(screen.logicalDotsPerInchY()) if screen else 100
    frame = probe.rootFrame().frameFormat()
    frame.setLeftMargin(int(2 / 2.54 * dpi_x))
    frame.setRightMargin(int(2 / 2.54 * dpi_x))
    frame.setTopMargin(int(2 / 2.54 * dpi_y))
    frame.setBottomMargin(int(2 / 2.54 * dpi_y))
    probe.rootFrame().setFrameFormat(frame)
    probe.setPageSize(QSizeF(writer.width(), writer.height()))
    page = probe.pageSize().height()
    layout = probe.documentLayout()
    added = 0
    changed = True
    while changed:  # a break moves what follows; a heading just above a moved one is next
        changed = False
        block = probe.begin()
        while block.isValid():
            following = block.next()
            policy = block.blockFormat().pageBreakPolicy()
            if (
                block.blockFormat().headingLevel() > 0
                and following.isValid()
                and not policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
            ):
                if _page_of_first_line(layout, following, page) > _page_of_first_line(
                    layout, block, page
                ):
                    for target in (probe, document):
                        cursor = QTextCursor(target.findBlockByNumber(block.blockNumber()))
                        moved = QTextBlockFormat()
                        moved.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                        cursor.mergeBlockFormat(moved)
                    added += 1
                    changed = True
                    break
            block = following
    return added


def _page_of_first_line(layout: QAbstractTextDocumentLayout, block: QTextBlock, page: float) -> int:
    """The page a block's first line is printed on (a line that would cross a page boundary is
    moved down inside its block, so the block's own top can be a page earlier)."""
    top = layout.blockBoundingRect(block).top()
    lines = block.layout()
    if lines is not None and lines.lineCount():
        top += lines.lineAt(0).position().y()
    return int(top // page)

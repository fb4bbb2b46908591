"""The feedback report as PDF: its HTML laid out by QTextDocument and printed by QPdfWriter.

Qt embeds (subsets of) the fonts it used, so Hangul shows on machines without a Korean font.
Works without a window: outside the GUI a QGuiApplication is made on the offscreen platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Final

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument
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
        document.print_(writer)
        del writer  # flushes and closes the file
        if not partial.exists() or partial.stat().st_size == 0:
            raise OSError(f"the PDF could not be written to {path}")

    write_atomically(path, write)

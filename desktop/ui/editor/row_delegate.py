"""List rows tall enough for the fonts their text is drawn in.

Qt sizes a multi-line row from its text layout, but draws it with a check that is stricter by
the difference between line heights: a Hangul line drawn in a CJK fallback font under a Latin UI
font (the English UI) is taller than the UI font's lines, and the row's last line was then elided
away ("다온은행 — 기업금융 RM…" with no status line under it). Every line is given the height of
the tallest one.
"""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QSize
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPalette,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

MATCH_BACKGROUND: Final = "#ffe58f"


def line_heights(text: str, option: QStyleOptionViewItem) -> list[float]:
    """The height of each line of ``text`` as the view lays it out (no wrapping)."""
    layout = QTextLayout(text.replace("\n", "\u2028"), option.font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.ManualWrap)
    layout.setTextOption(wrap)
    heights = []
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(1e6)
        heights.append(line.height())
    layout.endLayout()
    return heights


class EvenRowsDelegate(QStyledItemDelegate):
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        heights = line_heights(view.text, view)
        if len(heights) < 2:
            return size
        extra = max(heights) * len(heights) - sum(heights)
        return QSize(size.width(), size.height() + math.ceil(extra))


def match_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text`` (case-insensitive), as (start, length) pairs."""
    if not query:
        return []
    haystack, needle = text.casefold(), query.casefold()
    if len(haystack) != len(text):  # casefold changed lengths (ß → ss): find exact matches only
        haystack, needle = text, query
    spans = []
    at = haystack.find(needle)
    while at >= 0:
        spans.append((at, len(needle)))
        at = haystack.find(needle, at + len(needle))
    return spans


class HighlightDelegate(EvenRowsDelegate):
    """Rows with the search's matches highlighted (the search box's text, ``query``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.query = ""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        view = QStyleOptionViewItem(option)
        self.initStyleOption(view, index)
        text = view.text
        spans = match_spans(text, self.query)
        if not spans:
            super().paint(painter, option, index)
            return
        widget = view.widget
        style = widget.style() if widget is not None else QApplication.style()
        view.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, view, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, view, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)
        mark = QTextCharFormat()
        mark.setBackground(QColor(MATCH_BACKGROUND))
        mark.setForeground(QColor("#000000"))
        mark.setFontWeight(QFont.Weight.Bold)
        formats = []
        for start, length in spans:
            match = QTextLayout.FormatRange()
            match.start, match.length, match.format = start, length, mark
            formats.append(match)
        layout = QTextLayout(text.replace("\n", "\u2028"), view.font)
        wrap = QTextOption()
        wrap.setWrapMode(QTextOption.WrapMode.ManualWrap)
        layout.setTextOption(wrap)
        layout.setFormats(formats)
        layout.beginLayout()
        height = 0.0
        while (line := layout.createLine()).isValid():
            line.setLineWidth(1e6)
            line.setPosition(QPointF(0, height))
            height += line.height()
        layout.endLayout()
        selected = bool(view.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(view.palette.color(role))
        layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - height) / 2))
        painter.restore()

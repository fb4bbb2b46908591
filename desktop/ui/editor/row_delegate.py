"""List rows tall enough for the fonts their text is drawn in.

Qt sizes a multi-line row from its text layout, but draws it with a check that is stricter by
the difference between line heights: a Hangul line drawn in a CJK fallback font under a Latin UI
font (the English UI) is taller than the UI font's lines, and the row's last line was then elided
away ("다온은행 — 기업금융 RM…" with no status line under it). Every line is given the height of
the tallest one.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem


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

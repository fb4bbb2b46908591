"""A list as tall as its rows, inside a panel's one scroll area.

A list with its own scroll bar inside a scrolling panel makes two scroll areas: the wheel gets
caught by the inner one, and its rows hide behind a second bar. Fitted to its rows (recomputed
when its width changes the wrapping, or rows change), the list has nothing to scroll and the
wheel goes on to the panel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget
from shiboken6 import isValid


class FitToContents(QObject):
    """Keeps ``widget``'s height at its rows' (at least ``minimum`` pixels)."""

    def __init__(self, widget: QListWidget, minimum: int = 24) -> None:
        super().__init__(widget)
        self.widget = widget
        self.minimum = minimum
        widget.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setMinimumHeight(0)
        widget.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        widget.viewport().installEventFilter(self)
        model = widget.model()
        model.rowsInserted.connect(self.fit)
        model.rowsRemoved.connect(self.fit)
        model.modelReset.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        widget = self.widget
        if not isValid(widget):
            return  # rows removed while the list is being destroyed
        widget.doItemsLayout()  # rows laid out for the width the list has now
        last = widget.item(widget.count() - 1) if widget.count() else None
        rows = 0
        if last is not None:
            rows = widget.visualItemRect(last).bottom() + widget.verticalOffset() + 1
            rows += widget.spacing()
        height = max(self.minimum, rows + 2 * widget.frameWidth() + 2)
        if widget.height() != height or widget.minimumHeight() != height:
            widget.setFixedHeight(height)

"""An answer editor as tall as its text, between a minimum and a maximum.

Stacked in the questions' scroll area, each editor used to be a fixed box with its own scroll
bar: two scroll areas inside each other, a short answer in a tall empty box, a long one in a
small window. Now the page scrolls, and an editor scrolls itself only past the maximum (about one
screen), so a huge paste never lays out megabytes at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, QSizeF, Qt
from PySide6.QtWidgets import QPlainTextEdit


class AutoHeight(QObject):
    """Keeps ``edit``'s height at its text's, within ``minimum``..``maximum`` pixels."""

    def __init__(self, edit: QPlainTextEdit, minimum: int = 200) -> None:
        super().__init__(edit)
        self.edit = edit
        self.minimum = minimum
        # Until the page says how tall it is (ApplicationView), about one screen: an editor
        # thousands of pixels tall would lay out all of a huge paste at once.
        self.maximum = 600
        layout = edit.document().documentLayout()
        layout.documentSizeChanged.connect(self._on_layout_document_size_changed)
        self.fit()

    def set_maximum(self, pixels: int) -> None:
        self.maximum = max(self.minimum, pixels)
        self.fit()

    def content_height(self) -> int:
        # A plain-text layout measures its document in lines.
        lines = self.edit.document().documentLayout().documentSize().height()
        spacing = self.edit.fontMetrics().lineSpacing()
        margins = 2 * self.edit.document().documentMargin() + 2 * self.edit.frameWidth()
        return math.ceil(lines * spacing + margins) + 2

    def fit(self) -> None:
        wanted = self.content_height()
        height = min(max(wanted, self.minimum), self.maximum)
        if self.edit.minimumHeight() != height or self.edit.maximumHeight() != height:
            self.edit.setFixedHeight(height)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if wanted > self.maximum
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        if self.edit.verticalScrollBarPolicy() != policy:
            self.edit.setVerticalScrollBarPolicy(policy)

    def _on_layout_document_size_changed(self, _size: QSizeF) -> None:
        self.fit()

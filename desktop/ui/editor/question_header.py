"""A question's title (at most two lines, the rest on hover) and its buttons in a row below it.

Buttons beside a long title squeezed it into a narrow column (4–5 lines with English labels);
below it, the title has the editor's whole width.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

MAX_TITLE_LINES = 2


def elide_lines(text: str, font: QFont, width: int, lines: int = MAX_TITLE_LINES) -> str:
    """``text`` cut to what fits in ``lines`` lines of ``width`` pixels, ending in "…" when
    cut (wrapped where Qt wraps it, at word boundaries or anywhere in a long word)."""
    if width <= 0:
        return text
    flat = " ".join(text.split())
    layout = QTextLayout(flat, font)
    layout.beginLayout()
    ends: list[int] = []
    while len(ends) <= lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        ends.append(line.textStart() + line.textLength())
    layout.endLayout()
    if len(ends) <= lines:
        return flat
    head = flat[: ends[lines - 2]] if lines > 1 else ""
    last = QFontMetrics(font).elidedText(flat[len(head) :], Qt.TextElideMode.ElideRight, width)
    return head + last


class TitleLabel(QLabel):
    """A question's number and text in at most two lines; the whole text as the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.setFont(font)

    def set_title(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._fit()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = elide_lines(self._full, self.font(), self.contentsRect().width())
        if shown != self.text():
            self.setText(shown)


class QuestionHeader(QWidget):
    """The title, then a row of buttons: Review and Draft on the left, the rest on the right.

    Signals:
        review_clicked, draft_clicked, edit_clicked, history_clicked, delete_clicked:
            the button of that name was pressed.
        move_clicked(int): -1 for up, +1 for down.
    """

    review_clicked = Signal()
    draft_clicked = Signal()
    edit_clicked = Signal()
    history_clicked = Signal()
    delete_clicked = Signal()
    move_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TitleLabel()
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for key, label, tip in (
            ("review", self.tr("Review"), self.tr("Ask the model for a critique of this answer")),
            (
                "draft",
                self.tr("Draft…"),
                self.tr("Write a first draft from your keywords or notes"),
            ),
            (None, "", ""),
            ("edit", self.tr("Edit"), self.tr("Edit the question, its limit and counting rule")),
            ("history", self.tr("History"), self.tr("Earlier versions of this answer")),
            ("up", "↑", self.tr("Move up")),
            ("down", "↓", self.tr("Move down")),
            ("delete", self.tr("Delete"), self.tr("Move this question to the trash")),
        ):
            if key is None:
                row.addStretch(1)
                continue
            button = QToolButton()
            button.setText(label)
            button.setToolTip(tip)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["review"].clicked.connect(self.review_clicked)
        self.buttons["draft"].clicked.connect(self.draft_clicked)
        self.buttons["edit"].clicked.connect(self.edit_clicked)
        self.buttons["history"].clicked.connect(self.history_clicked)
        self.buttons["delete"].clicked.connect(self.delete_clicked)
        self.buttons["up"].clicked.connect(self._on_up_clicked)
        self.buttons["down"].clicked.connect(self._on_down_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addLayout(row)

    def set_title(self, number: int, text: str) -> None:
        self.title.set_title(f"{number}. {text}")

    def _on_up_clicked(self) -> None:
        self.move_clicked.emit(-1)

    def _on_down_clicked(self) -> None:
        self.move_clicked.emit(1)

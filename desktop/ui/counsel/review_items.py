"""Editing one critique item (a strength or an improvement) and one pinned comment."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from desktop.ui.labels import severity_label
from desktop.writing.flags import SEVERITIES


def _text_box(text: str, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


class ItemDialog(QDialog):
    """A strength (point, quote) or an improvement (issue, why, suggestion, severity, quote)."""

    def __init__(self, kind: str, item: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.item = dict(item)
        strength = kind == "strengths"
        self.setWindowTitle(self.tr("Strength") if strength else self.tr("Point to improve"))
        form = QFormLayout(self)
        self.fields: dict[str, QPlainTextEdit] = {}
        names = (
            [("point", self.tr("Point"))]
            if strength
            else [
                ("issue", self.tr("Issue")),
                ("why", self.tr("Why")),
                ("suggestion", self.tr("Suggestion")),
            ]
        )
        for key, label in names:
            self.fields[key] = _text_box(str(item.get(key, "")))
            form.addRow(label, self.fields[key])
        self.severity = QComboBox()
        for severity in SEVERITIES:
            self.severity.addItem(severity_label(severity), severity)
        self.severity.setCurrentIndex(max(0, self.severity.findData(item.get("severity", "major"))))
        if not strength:
            form.addRow(self.tr("Severity"), self.severity)
        self.quote = QLineEdit(str(item.get("quote", "")))
        self.quote.setPlaceholderText(self.tr("A passage copied from the answer (optional)"))
        form.addRow(self.tr("Quote"), self.quote)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(460, self.sizeHint().height())

    def _on_buttons_accepted(self) -> None:
        first = next(iter(self.fields.values()))
        if not first.toPlainText().strip():
            first.setFocus()
            return
        self.accept()

    def value(self) -> dict[str, Any]:
        item = dict(self.item)
        for key, box in self.fields.items():
            item[key] = box.toPlainText().strip()
        if self.kind == "improvements":
            item["severity"] = self.severity.currentData()
        item["quote"] = self.quote.text().strip()
        item.pop("start", None)  # the quote is found again when shown
        item.pop("end", None)
        return item


class CommentDialog(QDialog):
    """A comment on a quoted passage, optionally proposing replacement text for it."""

    def __init__(
        self, quote: str, propose: bool, parent: QWidget | None = None, body: str = ""
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Comment"))
        form = QFormLayout(self)
        shown = quote if len(quote) <= 160 else quote[:157] + "…"
        label = QLabel(f"«{shown}»")
        label.setWordWrap(True)
        form.addRow(self.tr("Passage"), label)
        self.body = _text_box(body, 4)
        form.addRow(self.tr("Comment"), self.body)
        self.propose = QCheckBox(self.tr("Propose replacement text"))
        self.propose.setChecked(propose)
        self.replacement = _text_box(quote, 3)
        self.replacement.setEnabled(propose)
        self.propose.toggled.connect(self.replacement.setEnabled)
        form.addRow(self.propose)
        form.addRow(self.tr("Replace with"), self.replacement)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, self.sizeHint().height())

    def _on_buttons_accepted(self) -> None:
        if not self.body.toPlainText().strip() and not self.propose.isChecked():
            self.body.setFocus()
            return
        self.accept()

    def values(self) -> tuple[str, str | None]:
        replacement = self.replacement.toPlainText() if self.propose.isChecked() else None
        return self.body.toPlainText().strip(), replacement

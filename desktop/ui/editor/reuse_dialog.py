"""Reuse an application for another company: new company and role, optional name replacement."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from desktop.store.records import ApplicationRecord


class ReuseDialog(QDialog):
    def __init__(self, source: ApplicationRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reuse for another company"))
        self.source = source
        self.company = QLineEdit()
        self.role = QLineEdit(source.role)
        occurrences = (
            sum(
                q.answer.count(source.company) + q.text.count(source.company)
                for q in source.questions
            )
            if source.company
            else 0
        )
        self.replace = QCheckBox(
            self.tr(
                "Replace “%1” with the new name (%n place(s)), fixing particles", "", occurrences
            ).replace("%1", source.company)
        )
        self.replace.setChecked(occurrences > 0)
        self.replace.setEnabled(occurrences > 0)
        note = QLabel(
            self.tr(
                "A wrong company name is the mistake recruiters rank most fatal. "
                "Read the copy through before you submit it."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("New company"), self.company)
        form.addRow(self.tr("Role"), self.role)
        form.addRow("", self.replace)
        form.addRow(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.company.textChanged.connect(self._on_company_text_changed)
        self.resize(480, 220)

    def _on_company_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()) and text.strip() != self.source.company)

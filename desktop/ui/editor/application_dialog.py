"""The dialog that creates or edits an application's details."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from desktop.store.records import ApplicationRecord
from desktop.ui.labels import career_label, lang_label, status_label


class ApplicationDialog(QDialog):
    """Company, role, career level, deadline, status, blind hiring, client, language, notes."""

    def __init__(self, record: ApplicationRecord | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit application") if record else self.tr("New application"))
        self.company = QLineEdit(record.company if record else "")
        self.role = QLineEdit(record.role if record else "")
        self.career = self._combo(
            ("entry", "experienced"), career_label, record.career_level if record else "entry"
        )
        self.has_deadline = QCheckBox(self.tr("Has a deadline"))
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        when = record.deadline if record and record.deadline else None
        self.has_deadline.setChecked(when is not None)
        self.deadline.setDate(
            QDate(when.year, when.month, when.day) if when else QDate.currentDate().addDays(14)
        )
        self.deadline.setEnabled(when is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.status = self._combo(
            ("draft", "submitted", "passed", "failed"),
            status_label,
            record.status if record else "draft",
        )
        self.blind = QCheckBox(self.tr("Blind hiring (no school, hometown, family or age)"))
        self.blind.setChecked(record.blind_hiring if record else False)
        self.client = QLineEdit(record.client_name if record else "")
        self.client.setPlaceholderText(self.tr("For counselors: whose application this is"))
        self.lang = self._combo(("ko", "en"), lang_label, record.lang if record else "ko")
        self.notes = QPlainTextEdit(record.notes if record else "")
        self.notes.setPlaceholderText(
            self.tr("Posting notes: duties, requirements, talent profile…")
        )

        form = QFormLayout(self)
        form.addRow(self.tr("Company"), self.company)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Career level"), self.career)
        form.addRow(self.has_deadline, self.deadline)
        form.addRow(self.tr("Status"), self.status)
        form.addRow("", self.blind)
        form.addRow(self.tr("Client"), self.client)
        form.addRow(self.tr("Essay language"), self.lang)
        form.addRow(self.tr("Posting notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(520, 480)

    @staticmethod
    def _combo(values: tuple[str, ...], label: Any, current: str) -> QComboBox:
        combo = QComboBox()
        for value in values:
            combo.addItem(label(value), value)
        combo.setCurrentIndex(max(0, values.index(current) if current in values else 0))
        return combo

    def _on_buttons_accepted(self) -> None:
        if not self.company.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Enter the company name."))
            return
        self.accept()

    def values(self) -> dict[str, Any]:
        """The entered fields, named as the store's ``update_application`` expects."""
        qdate = self.deadline.date()
        return {
            "company": self.company.text().strip(),
            "role": self.role.text().strip(),
            "career_level": self.career.currentData(),
            "deadline": date(qdate.year(), qdate.month(), qdate.day())
            if self.has_deadline.isChecked()
            else None,
            "status": self.status.currentData(),
            "blind_hiring": self.blind.isChecked(),
            "client_name": self.client.text().strip(),
            "lang": self.lang.currentData(),
            "notes": self.notes.toPlainText(),
        }

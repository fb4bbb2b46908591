"""The dialog that adds or edits a question: its text, limit and counting rule."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.store.records import QuestionRecord
from desktop.ui.editor.counter import profile_label
from desktop.writing.counting import DEFAULT_PROFILE, PROFILE_IDS
from desktop.writing.limits import parse_limit


class QuestionDialog(QDialog):
    """Question text; the limit and profile follow the text until the user sets them."""

    def __init__(self, record: QuestionRecord | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit question") if record else self.tr("Add question"))
        self.text = QPlainTextEdit(record.text if record else "")
        self.text.setPlaceholderText(
            self.tr(
                "Paste the question as the form states it, e.g. "
                "“지원동기를 기술해 주십시오. (700자 이내)”"
            )
        )
        self.limit = QSpinBox()
        self.limit.setRange(0, 100_000)
        self.limit.setSpecialValueText(self.tr("No limit"))
        self.limit.setValue(record.char_limit or 0 if record else 0)
        self.profile = QComboBox()
        for profile in PROFILE_IDS:
            self.profile.addItem(profile_label(profile), profile)
        self._select_profile(record.profile if record else DEFAULT_PROFILE)
        self.detected = QLabel()
        self._follow_text = record is None
        self.limit.valueChanged.connect(self._on_rule_edited)
        self.profile.activated.connect(self._on_rule_edited)
        self.text.textChanged.connect(self._on_text_text_changed)

        form = QFormLayout(self)
        form.addRow(self.tr("Question"), self.text)
        form.addRow(self.tr("Limit"), self.limit)
        form.addRow(self.tr("Counting rule"), self.profile)
        form.addRow("", self.detected)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, 320)

    def _select_profile(self, profile: str) -> None:
        self.profile.setCurrentIndex(max(0, self.profile.findData(profile)))

    def _on_rule_edited(self) -> None:
        if self.limit.hasFocus() or self.profile.hasFocus():
            self._follow_text = False

    def _on_text_text_changed(self) -> None:
        spec = parse_limit(self.text.toPlainText())
        if spec is None:
            self.detected.setText("")
            return
        self.detected.setText(
            self.tr("Found in the question: %1 %2")
            .replace("%1", f"{spec.value:,}")
            .replace("%2", profile_label(spec.profile))
        )
        if self._follow_text:
            self.limit.setValue(spec.value)
            self._select_profile(spec.profile)

    def _on_buttons_accepted(self) -> None:
        if not self.text.toPlainText().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Enter the question text."))
            return
        self.accept()

    def values(self) -> tuple[str, int | None, str]:
        """Question text, limit (None for no limit) and profile id."""
        limit = self.limit.value() or None
        return self.text.toPlainText().strip(), limit, str(self.profile.currentData())

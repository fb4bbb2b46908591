"""The selected application: its details and its questions, stacked, each with an editor."""

from __future__ import annotations

import html
import logging
from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.settings import Settings
from desktop.store import Database, StorageError
from desktop.store import questions as question_store
from desktop.store.applications import NewQuestion, get_application
from desktop.store.records import ApplicationRecord
from desktop.ui.history_dialog import HistoryDialog
from desktop.ui.labels import career_label, status_label
from desktop.ui.question_dialog import QuestionDialog
from desktop.ui.question_editor import QuestionEditor

log = logging.getLogger(__name__)


class ApplicationView(QWidget):
    """Shows one application and saves its answers.

    Signals:
        saved(datetime): an answer was written to the database.
        save_failed(str): an answer could not be written (the text stays in the editor).
        details_requested(): the user asked to edit the application's details.
    """

    saved = Signal(datetime)
    save_failed = Signal(str)
    details_requested = Signal()

    def __init__(self, db: Database, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.record: ApplicationRecord | None = None
        self.editors: list[QuestionEditor] = []

        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.details_button = QPushButton(self.tr("Edit details"))
        self.add_button = QPushButton(self.tr("Add question"))
        self.details_button.clicked.connect(self.details_requested)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.details_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)

        self.questions_box = QWidget()
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.questions_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.questions_box)
        self.empty = QLabel(
            self.tr("Select an application on the left, or create one with File ▸ New application.")
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty, 1)
        self.show_application(None)

    # Loading -------------------------------------------------------------------------------

    def show_application(self, application_id: int | None) -> None:
        """Show ``application_id`` (None for nothing), saving the one shown before."""
        self.flush()
        for editor in self.editors:
            editor.setParent(None)
            editor.deleteLater()
        self.editors = []
        self.record = None
        if application_id is not None:
            try:
                self.record = self.db.run(get_application, application_id=application_id)
            except StorageError as exc:
                QMessageBox.warning(self, self.tr("Could not open the application"), str(exc))
        has_record = self.record is not None
        for widget in (self.header, self.details_button, self.add_button, self.scroll):
            widget.setVisible(has_record)
        self.empty.setVisible(not has_record)
        if self.record is None:
            return
        self._show_header(self.record)
        for number, question in enumerate(self.record.questions, start=1):
            editor = QuestionEditor(
                question,
                number,
                self._save_answer,
                idle_ms=self.settings.autosave_idle_ms,
                max_wait_ms=self.settings.autosave_max_wait_ms,
            )
            editor.saved.connect(self._on_editor_saved)
            editor.save_failed.connect(self._on_editor_save_failed)
            editor.edit_requested.connect(self._on_editor_edit_requested)
            editor.history_requested.connect(self._on_editor_history_requested)
            editor.delete_requested.connect(self._on_editor_delete_requested)
            editor.move_requested.connect(self._on_editor_move_requested)
            self.questions_layout.insertWidget(self.questions_layout.count() - 1, editor)
            self.editors.append(editor)

    def reload(self) -> None:
        self.show_application(self.record.id if self.record else None)

    def _show_header(self, record: ApplicationRecord) -> None:
        facts = [career_label(record.career_level), status_label(record.status)]
        if record.deadline:
            days = (record.deadline - date.today()).days
            facts.insert(
                0,
                self.tr("Deadline %1").replace("%1", record.deadline.isoformat())
                + (f" (D-{days})" if days > 0 else ""),
            )
        if record.blind_hiring:
            facts.append(self.tr("Blind hiring"))
        if record.client_name:
            facts.append(self.tr("Client: %1").replace("%1", record.client_name))
        role = f" — {html.escape(record.role)}" if record.role else ""
        self.header.setText(
            f"<span style='font-size:16pt; font-weight:600'>{html.escape(record.company)}</span>"
            f"<span style='font-size:13pt'>{role}</span><br>{html.escape(' · '.join(facts))}"
        )

    # Saving --------------------------------------------------------------------------------

    def _save_answer(self, question_id: int, text: str) -> datetime:
        return self.db.run(question_store.save_answer, question_id=question_id, text=text)

    def flush(self) -> bool:
        """Save every editor with unsaved text; False if any save failed."""
        return all([editor.flush() for editor in self.editors])

    def has_unsaved(self) -> bool:
        return any(editor.dirty for editor in self.editors)

    def _on_editor_saved(self, _question_id: int, stamp: datetime) -> None:
        self.saved.emit(stamp)

    def _on_editor_save_failed(self, _question_id: int, message: str) -> None:
        self.save_failed.emit(message)

    # Question actions ----------------------------------------------------------------------

    def _editor(self, question_id: int) -> QuestionEditor:
        return next(e for e in self.editors if e.question_id == question_id)

    def _run(self, function: object, **kwargs: object) -> bool:
        try:
            self.db.run(function, **kwargs)  # type: ignore[arg-type]
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Could not save"), str(exc))
            return False
        return True

    def _on_add_button_clicked(self) -> None:
        if self.record is None:
            return
        dialog = QuestionDialog(parent=self)
        if dialog.exec():
            text, limit, profile = dialog.values()
            spec = NewQuestion(text, limit, profile)
            if self._run(question_store.add_question, application_id=self.record.id, spec=spec):
                self.reload()

    def _on_editor_edit_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        dialog = QuestionDialog(editor.question, parent=self)
        if dialog.exec():
            text, limit, profile = dialog.values()
            if self._run(
                question_store.update_question,
                question_id=question_id,
                text=text,
                char_limit=limit,
                profile=profile,
            ):
                self.reload()

    def _on_editor_history_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        editor.flush()
        revisions = self.db.run(question_store.list_revisions, question_id=question_id)
        dialog = HistoryDialog(revisions, editor.text(), parent=self)
        if dialog.exec() and dialog.chosen is not None:
            text = self.db.run(question_store.restore_revision, revision_id=dialog.chosen.id)
            editor.answer_edit.blockSignals(True)
            editor.set_answer(text)
            editor.answer_edit.blockSignals(False)
            editor.counter.set_text(text)

    def _on_editor_delete_requested(self, question_id: int) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete question"),
            self.tr(
                "Move this question and its answer to the trash? You can restore it from "
                "File ▸ Trash."
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._editor(question_id).flush()
            if self._run(question_store.trash_question, question_id=question_id):
                self.reload()

    def _on_editor_move_requested(self, question_id: int, offset: int) -> None:
        if self._run(question_store.move_question, question_id=question_id, offset=offset):
            self.reload()

"""Drafting from keywords: notes in, a draft streamed into a preview sized to the limit."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.backend import Backend
from desktop.engine.tasks.draft import draft
from desktop.engine.tasks.io import TaskIO
from desktop.ui.assist.refusal import Refused, analysis_html, cannot_draft, refusing
from desktop.ui.editor.counter import CounterLabel
from desktop.ui.editor.undo_steps import insert_as_step, replace_all_as_step
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.writing.analysis_notes import notes_checklist
from desktop.writing.essay import EssayRequest


def _draft_task(request: EssayRequest, notes: str, backend: Backend, io: TaskIO) -> str:
    return draft(backend, request, notes, io)


class DraftDialog(QDialog):
    """Accepted with ``draft`` holding the text to insert.

    ``can_draft`` is the model's qualification for drafts (None: not known): when it cannot
    draft, or its drafts fail the output gate, the dialog says so and shows what the notes hold
    for the question (``writing/analysis_notes``) instead of a draft.
    """

    def __init__(
        self,
        assistant: Assistant,
        request: EssayRequest,
        parent: QWidget | None = None,
        can_draft: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.can_draft = can_draft
        self.setWindowTitle(self.tr("Draft from keywords"))
        self.resize(640, 560)
        self.assistant = assistant
        self.request = request
        self.job: int | None = None
        self.draft = ""
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            self.tr(
                "Keywords or notes: what you did, your role, numbers, the result. The draft "
                "uses only these facts."
            )
        )
        self.notes.setMaximumHeight(140)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("The draft appears here."))
        self.counter = CounterLabel()
        self.counter.set_rule(request.limit, request.profile)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.analysis = QTextBrowser()
        self.analysis.hide()
        self.generate_button = QPushButton(
            self.tr("Check my notes") if can_draft is False else self.tr("Write draft")
        )
        self.stop_button = QPushButton(self.tr("Stop"))
        self.insert_button = QPushButton(self.tr("Insert"))
        self.discard_button = QPushButton(self.tr("Discard"))
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.insert_button.clicked.connect(self._on_insert_button_clicked)
        self.discard_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.generate_button, self.stop_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.insert_button, self.discard_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{request.question}</b>"))
        layout.addWidget(self.notes)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.analysis, 1)
        layout.addWidget(self.counter)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        self.generate_button.setEnabled(not busy)
        self.stop_button.setEnabled(busy)
        self.insert_button.setEnabled(not busy and bool(self.preview.toPlainText().strip()))

    def _on_generate_button_clicked(self) -> None:
        notes = self.notes.toPlainText().strip()
        if not notes:
            self.status.setText(self.tr("Write a few keywords or notes first."))
            return
        self.preview.clear()
        if self.can_draft is False:
            self._show_analysis(None)
            return
        self.analysis.hide()
        self.preview.show()
        self.counter.show()
        handlers = Handlers(
            on_text=self._on_job_text,
            on_finished=self._on_job_finished,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        task = refusing(partial(_draft_task, self.request, notes))
        self.job = self.assistant.run("draft", task, handlers)
        if self.job is None:
            self.status.setText(self.tr("No model is ready. Choose one under Model."))
            return
        self.status.setText(self.tr("Writing…"))
        self._set_busy(True)

    def _on_job_text(self, text: str) -> None:
        self.preview.moveCursor(self.preview.textCursor().MoveOperation.End)
        self.preview.insertPlainText(text)
        self.counter.set_text(self.preview.toPlainText())

    def _show_analysis(self, refused: Refused | None) -> None:
        """No draft: why, and the analysis of the notes against the question instead."""
        lines = notes_checklist(self.request, self.notes.toPlainText())
        self.analysis.setHtml(analysis_html(cannot_draft(refused), lines))
        self.preview.hide()
        self.counter.hide()
        self.analysis.show()
        self.status.setText("")
        self._set_busy(False)

    def _on_job_finished(self, result: object) -> None:
        self.job = None
        if isinstance(result, Refused):
            self._show_analysis(result)
            return
        self.analysis.hide()
        self.preview.show()
        self.counter.show()
        self.preview.setPlainText(str(result))
        self.counter.set_text(str(result))
        self.status.setText(
            self.tr("Cut to whole sentences within the limit. Rewrite it in your own words.")
        )
        self._set_busy(False)

    def _on_job_failed(self, message: str, _details: str) -> None:
        self.job = None
        self.status.setText(self.tr("The draft failed: %1").replace("%1", message))
        self._set_busy(False)

    def _on_job_cancelled(self) -> None:
        self.job = None
        self.status.setText(self.tr("Stopped."))
        self._set_busy(False)

    def _on_stop_button_clicked(self) -> None:
        self.assistant.cancel(self.job)

    def _on_insert_button_clicked(self) -> None:
        self.draft = self.preview.toPlainText().strip()
        self.accept()

    def reject(self) -> None:
        self.assistant.cancel(self.job)
        super().reject()


def draft_into(
    edit: QPlainTextEdit,
    assistant: Assistant,
    request: EssayRequest,
    parent: QWidget,
    can_draft: bool | None = None,
) -> tuple[str, str] | None:
    """Run the dialog; an inserted draft replaces an empty answer or follows the text.

    Returns the text before and the piece inserted, or None when nothing was inserted.
    """
    dialog = DraftDialog(assistant, request, parent=parent, can_draft=can_draft)
    if not dialog.exec() or not dialog.draft:
        return None
    before = edit.toPlainText()
    if before.strip():
        piece = ("" if before.endswith("\n") else "\n") + dialog.draft
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        insert_as_step(edit, piece)  # one undo step, not merged with the typing before
    else:
        piece = dialog.draft
        replace_all_as_step(edit, piece)
    return before, piece

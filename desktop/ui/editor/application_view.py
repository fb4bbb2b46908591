"""The selected application: its details and its questions, stacked, each with an editor."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import ParamSpec

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.qualification import DRAFT
from desktop.settings import Settings
from desktop.store import Database, StorageError
from desktop.store import questions as question_store
from desktop.store.applications import (
    get_application,
    other_application_answers,
    other_companies,
)
from desktop.store.critiques import (
    CritiqueRecord,
    list_ai_inserts,
    list_critiques,
    record_ai_insert,
)
from desktop.store.records import ApplicationRecord
from desktop.store.recovery import RecoveryFiles
from desktop.ui.assist.critique_queue import CritiqueQueue
from desktop.ui.assist.draft_dialog import draft_into
from desktop.ui.assist.suggestions import SuggestionController
from desktop.ui.editor.question_actions import QuestionActions
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.editor.welcome import NoQuestions, WelcomePage
from desktop.ui.labels import career_label, status_label
from desktop.ui.models.assistant import Assistant
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import CheckContext, Flag

log = logging.getLogger(__name__)
P = ParamSpec("P")


@dataclass(frozen=True)
class _NoApplication:
    """What a request says while no application is open."""

    company: str = ""
    role: str = ""
    lang: str = "ko"
    blind_hiring: bool = False


_NO_APPLICATION = _NoApplication()


class ApplicationView(QuestionActions):
    """Shows one application and saves its answers.

    Signals:
        saved(datetime): an answer was written to the database.
        save_failed(str): an answer could not be written (the text stays in the editor).
        details_requested(): the user asked to edit the application's details.
        active_editor_changed(object): the answer being edited (a QuestionEditor, or None).
        message(str): a short note for the status bar.
    """

    saved = Signal(datetime)
    save_failed = Signal(str)
    details_requested = Signal()
    active_editor_changed = Signal(object)
    message = Signal(str)

    def __init__(
        self,
        db: Database,
        settings: Settings,
        assistant: Assistant | None = None,
        critique_queue: CritiqueQueue | None = None,
        ui_lang: str = "ko",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.assistant = assistant
        self.ui_lang = ui_lang
        self.record: ApplicationRecord | None = None
        self.editors: list[QuestionEditor] = []
        self.suggestions: dict[int, SuggestionController] = {}
        self.active: QuestionEditor | None = None
        self.show_ai_text = False
        self._other_companies: tuple[str, ...] = ()
        self._other_applications: tuple[tuple[str, str], ...] = ()
        self.recovery: RecoveryFiles | None = None
        self.critique_queue = critique_queue  # shared with Batch review (the main window's)
        self.review_asked: set[int] = set()  # questions whose Review was pressed here
        if critique_queue is not None:
            critique_queue.findings = self.analyzer_findings

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
        self.no_questions = NoQuestions()
        self.no_questions.add_requested.connect(self._on_add_button_clicked)
        self.questions_layout.addWidget(self.no_questions)
        self.questions_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(self.questions_box)
        self.scroll_area.viewport().installEventFilter(self)
        self.welcome = WelcomePage()

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.welcome, 1)
        self.show_application(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        # the type first: while the window is torn down, events arrive after the attributes
        # are gone ("no attribute 'scroll_area'", printed by the frozen self-test)
        if event.type() == QEvent.Type.Resize:
            scroll = getattr(self, "scroll_area", None)
            if scroll is not None and watched is scroll.viewport():
                self._fit_editors()
        return super().eventFilter(watched, event)

    def _fit_editors(self) -> None:
        """An answer grows with its text up to about the visible height, then scrolls itself."""
        tallest = self.scroll_area.viewport().height() - 120
        for editor in self.editors:
            editor.auto_height.set_maximum(tallest)

    # Loading -------------------------------------------------------------------------------

    def show_application(self, application_id: int | None) -> None:
        """Show ``application_id`` (None for nothing), saving the one shown before."""
        self.flush()
        for controller in self.suggestions.values():
            controller.stop()
        self.suggestions = {}
        for editor in self.editors:
            editor.retire()
            editor.setParent(None)
            editor.deleteLater()
        self.editors = []
        self._set_active(None)
        self.record = None
        if application_id is not None:
            try:
                self.record = self.db.run(get_application, application_id=application_id)
            except StorageError as exc:
                QMessageBox.warning(self, self.tr("Could not open the application"), str(exc))
        has_record = self.record is not None
        for widget in (self.header, self.details_button, self.add_button, self.scroll_area):
            widget.setVisible(has_record)
        self.welcome.setVisible(not has_record)
        if self.record is None:
            return
        self.no_questions.setVisible(not self.record.questions)
        self._show_header(self.record)
        try:
            self._other_companies = tuple(
                self.db.run(other_companies, application_id=self.record.id)
            )
        except StorageError:
            self._other_companies = ()
        try:
            self._other_applications = tuple(
                self.db.run(other_application_answers, application_id=self.record.id)
            )
        except StorageError:
            self._other_applications = ()
        for number, question in enumerate(self.record.questions, start=1):
            editor = QuestionEditor(
                question,
                number,
                self._save_answer,
                idle_ms=self.settings.autosave_idle_ms,
                max_wait_ms=self.settings.autosave_max_wait_ms,
                context=self.check_context,
                recovery=self.recovery,
            )
            editor.saved.connect(self._on_editor_saved)
            editor.save_failed.connect(self._on_editor_save_failed)
            editor.edit_requested.connect(self._on_editor_edit_requested)
            editor.history_requested.connect(self._on_editor_history_requested)
            editor.delete_requested.connect(self._on_editor_delete_requested)
            editor.move_requested.connect(self._on_editor_move_requested)
            editor.review_requested.connect(self._on_editor_review_requested)
            editor.draft_requested.connect(self._on_editor_draft_requested)
            editor.activated.connect(self._on_editor_activated)
            editor.ai_pieces = self._load_ai_pieces(question.id)
            editor.show_ai_text = self.show_ai_text
            if self.assistant is not None:
                self._attach_suggestions(editor)
            self.questions_layout.insertWidget(self.questions_layout.count() - 1, editor)
            self.editors.append(editor)
        for editor in self.editors:
            editor.run_checks()
        self._fit_editors()

    # Writing help --------------------------------------------------------------------------

    def check_context(self, editor: QuestionEditor) -> CheckContext:
        return self.request_for(editor, "").check_context(
            self.ui_lang,
            other_answers=tuple(e.text() for e in self.editors if e is not editor),
            other_applications=self._other_applications,
        )

    def request_for(self, editor: QuestionEditor, text: str | None = None) -> EssayRequest:
        """What the model is told about ``editor``'s answer (``text``: only part of it)."""
        return EssayRequest.for_answer(
            self.record or _NO_APPLICATION,
            editor.question,
            editor.text() if text is None else text,
            other_companies=self._other_companies,
            analyzer_findings=tuple(editor.analyzer_flags) if text is None else (),
        )

    def _attach_suggestions(self, editor: QuestionEditor) -> None:
        assert self.assistant is not None
        controller = SuggestionController(
            editor.answer_edit,
            self.assistant,
            lambda text: self.request_for(editor, text),
            pause_ms=self.settings.suggest_pause_ms,
            auto=self.settings.suggest_auto,
            n=self.settings.suggest_count,
            ui_lang=self.ui_lang,
            parent=editor,
        )
        controller.params = replace(
            controller.params,
            temperature=self.settings.suggest_temperature,
            top_p=self.settings.suggest_top_p,
        )
        controller.ai_inserted.connect(
            lambda before, piece, e=editor: self._record_ai_insert(e, before, piece)
        )
        controller.unavailable.connect(self._on_suggestions_unavailable)
        self.suggestions[editor.question_id] = controller

    def _load_ai_pieces(self, question_id: int) -> list[str]:
        try:
            return list(self.db.run(list_ai_inserts, question_id=question_id))
        except StorageError:
            return []

    def _record_ai_insert(self, editor: QuestionEditor, before: str, piece: str) -> None:
        editor.note_ai_insert(piece)
        try:
            self.db.run(
                record_ai_insert, question_id=editor.question_id, before=before, inserted=piece
            )
        except StorageError as exc:
            log.error("could not record the AI insertion: %s", exc)

    def _on_suggestions_unavailable(self, state: str) -> None:
        if state == "loading":
            self.message.emit(self.tr("The model is still loading."))
        else:
            self.message.emit(self.tr("No model is ready. Choose one under Model."))

    def _set_active(self, editor: QuestionEditor | None) -> None:
        if editor is not self.active:
            self.active = editor
            self.active_editor_changed.emit(editor)

    def _on_editor_activated(self, question_id: int) -> None:
        self._set_active(self._editor(question_id))

    def critiques(self, question_id: int) -> list[CritiqueRecord]:
        try:
            return list(self.db.run(list_critiques, question_id=question_id))
        except StorageError:
            return []

    def review(self, editors: list[QuestionEditor]) -> None:
        """Queue critiques of the editors' answers, saved first, ahead of any batch."""
        if self.critique_queue is None or self.assistant is None:
            return
        editors = [e for e in editors if e.text().strip()]
        if not editors:
            self.message.emit(self.tr("There is no answer to review yet."))
            return
        # Without a ready model the queue gives the automatic analysis (or waits for a model
        # that is loading): Review always gives a review.
        saved = [e for e in editors if e.flush()]
        if len(saved) < len(editors):
            self.message.emit(self.tr("An answer could not be saved, so it was not reviewed."))
        ids = [e.question_id for e in saved]
        if ids and self.critique_queue.add(ids, first=True):
            self.review_asked.update(ids)
            if self.active not in saved:
                # The writing-help panel follows the active answer: with none (Review all
                # from the panel), it follows the first one reviewed, so its review shows.
                self._set_active(saved[0])

    def analyzer_findings(self, question_id: int, text: str) -> tuple[Flag, ...]:
        """The open editor's analyzer findings, when it shows ``text`` as it is (the queue
        adds them to the critique's prompt)."""
        editor = self._open_editor(question_id)
        if editor is None or editor.nfc_text() != text:
            return ()
        return tuple(editor.analyzer_flags)

    def review_active(self) -> None:
        if self.active is not None:
            self.review([self.active])

    def review_all(self) -> None:
        self.review(list(self.editors))

    def _on_editor_review_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        self._set_active(editor)
        self.review([editor])

    def _on_editor_draft_requested(self, question_id: int) -> None:
        editor = self._editor(question_id)
        self._set_active(editor)
        self.draft(editor)

    def draft_active(self) -> None:
        if self.active is not None:
            self.draft(self.active)

    def draft(self, editor: QuestionEditor) -> None:
        if self.assistant is None:
            return
        can_draft = self.assistant.can(DRAFT, "draft")
        inserted = draft_into(
            editor.answer_edit, self.assistant, self.request_for(editor), self, can_draft
        )
        if inserted is not None:
            self._record_ai_insert(editor, *inserted)

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

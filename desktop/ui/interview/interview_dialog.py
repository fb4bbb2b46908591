"""Interview practice for one application: questions from its answers, one at a time, with
0-2 feedback on each answer; sessions are saved and listed."""

from __future__ import annotations

import html
import logging
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.backend import Backend
from desktop.engine.tasks.interview import (
    EssayAnswer,
    InterviewQuestion,
    InterviewRequest,
    interview_questions,
)
from desktop.engine.tasks.interview_feedback import assess_answer
from desktop.engine.tasks.interview_schema import MAX_SCORE, RUBRIC
from desktop.engine.tasks.io import TaskIO
from desktop.store import Database, StorageError
from desktop.store.applications import get_application
from desktop.store.interviews import (
    InterviewItemRecord,
    InterviewSessionRecord,
    NewInterviewQuestion,
    create_session,
    get_session,
    list_sessions,
    save_practice_answer,
)
from desktop.ui.assist.refusal import Refused, analysis_html, cannot_give_feedback, refusing
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.writing.analysis_notes import practice_checklist

log = logging.getLogger(__name__)
QUESTIONS = 7


def _questions_task(request: InterviewRequest, backend: Backend, io: TaskIO) -> object:
    return interview_questions(backend, request, io, n=QUESTIONS, seed=None)


def _feedback_task(
    request: InterviewRequest, question: InterviewQuestion, spoken: str, ui_lang: str,
    backend: Backend, io: TaskIO,
) -> object:  # fmt: skip
    return assess_answer(backend, request, question, spoken, io, seed=None, ui_lang=ui_lang)


class InterviewDialog(QDialog):
    def __init__(
        self,
        db: Database,
        assistant: Assistant | None,
        application_id: int,
        ui_lang: str = "ko",
        parent: QWidget | None = None,
        can_give_feedback: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.can_give_feedback = can_give_feedback  # the model's qualification; None: unknown
        self.db = db
        self.assistant = assistant
        self.ui_lang = ui_lang
        record = db.run(get_application, application_id=application_id)
        self.application_id = application_id
        self.request = InterviewRequest(
            record.company,
            record.role,
            tuple(EssayAnswer(q.text, q.answer) for q in record.questions if q.answer.strip()),
            record.lang,
        )
        self.session: InterviewSessionRecord | None = None
        self.shown = -1  # the row whose question and answer are on screen
        self.job: int | None = None
        self.setWindowTitle(self.tr("Interview practice — %1").replace("%1", record.company))
        self.resize(980, 680)

        self.sessions = QComboBox()
        self.new_button = QPushButton(self.tr("New session"))
        self.new_button.clicked.connect(self.new_session)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Session:")))
        top.addWidget(self.sessions, 1)
        top.addWidget(self.new_button)

        self.questions = QListWidget()
        self.questions.setWordWrap(True)
        self.questions.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.questions.setSpacing(2)
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-size: 15px; font-weight: bold;")
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.source.setStyleSheet("color: #555;")
        self.answer = QPlainTextEdit()
        self.answer.setPlaceholderText(self.tr("Answer as you would say it in the interview…"))
        self.feedback_button = QPushButton(self.tr("Get feedback"))
        self.next_button = QPushButton(self.tr("Next question"))
        self.feedback = QTextBrowser()
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.feedback_button)
        buttons.addWidget(self.next_button)
        right = QWidget()
        column = QVBoxLayout(right)
        column.addWidget(self.question)
        column.addWidget(self.source)
        column.addWidget(self.answer, 2)
        column.addLayout(buttons)
        column.addWidget(self.feedback, 3)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.questions)
        splitter.addWidget(right)
        splitter.setSizes([300, 680])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.sessions.currentIndexChanged.connect(self._on_sessions_current_index_changed)
        self.questions.currentRowChanged.connect(self._on_questions_current_row_changed)
        self.feedback_button.clicked.connect(self.request_feedback)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self._load_sessions()
        if self.session is None and self.request.answers:
            self.new_session()
        self._update_buttons()

    # Sessions ------------------------------------------------------------------------------

    def _load_sessions(self, select: int | None = None) -> None:
        records = self.db.run(list_sessions, application_id=self.application_id)
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for record in records:
            self.sessions.addItem(self._session_label(record), record.id)
        self.sessions.blockSignals(False)
        index = self.sessions.findData(select) if select is not None else 0
        if records:
            self.sessions.setCurrentIndex(max(0, index))
            self._show_session(self.sessions.currentData())

    def _session_label(self, record: InterviewSessionRecord) -> str:
        got, possible = record.score
        label = self.tr("%1 · %2/%3 answered · %4/%5 points")
        for key, value in (
            ("%1", record.created_at.astimezone().strftime("%Y-%m-%d %H:%M")),
            ("%2", str(record.answered)), ("%3", str(len(record.items))),
            ("%4", str(got)), ("%5", str(possible)),
        ):  # fmt: skip
            label = label.replace(key, value)
        return label

    def new_session(self) -> None:
        if not self.request.answers:
            self.status.setText(self.tr("Write at least one answer before practising."))
            return
        if self.assistant is None or not self.assistant.ready:
            questions = interview_questions(None, self.request, TaskIO(), n=QUESTIONS)
            self._save_session(questions)
            self.status.setText(
                self.tr("No model is ready: these questions come from your essay alone.")
            )
            return
        handlers = Handlers(on_finished=self._on_questions_ready, on_failed=self._on_job_failed,
                            on_cancelled=self._on_job_cancelled)  # fmt: skip
        self.job = self.assistant.run("interview", partial(_questions_task, self.request), handlers)
        self.status.setText(self.tr("Drawing questions from your answers…"))
        self._update_buttons()

    def _on_questions_ready(self, result: object) -> None:
        self.job = None
        assert isinstance(result, list)
        self._save_session(result)
        self.status.setText("")

    def _save_session(self, questions: list[InterviewQuestion]) -> None:
        model = self.assistant.model_name if self.assistant and self.assistant.ready else ""
        try:
            session_id = self.db.run(
                create_session,
                application_id=self.application_id,
                questions=[NewInterviewQuestion(q.text, q.source, q.kind) for q in questions],
                model=model,
                lang=self.request.lang,
            )
        except StorageError as exc:
            self.status.setText(str(exc))
            return
        self._load_sessions(select=session_id)
        self._update_buttons()

    def _show_session(self, session_id: int) -> None:
        self.shown = -1
        self.session = self.db.run(get_session, session_id=session_id)
        self.questions.blockSignals(True)
        self.questions.clear()
        for number, item in enumerate(self.session.items, start=1):
            self.questions.addItem(self._item_label(number, item))
        self.questions.blockSignals(False)
        first_open = next(
            (i for i, item in enumerate(self.session.items) if item.feedback is None), 0
        )
        self.questions.blockSignals(True)
        self.questions.setCurrentRow(first_open)
        self.questions.blockSignals(False)
        self._show_item(first_open)

    @staticmethod
    def _item_label(number: int, item: InterviewItemRecord) -> str:
        mark = f"✓ {item.feedback.get('total', 0)}/8" if item.feedback else "·"
        return f"{number}. {mark}  {item.question}"

    # One question --------------------------------------------------------------------------

    def _current(self) -> InterviewItemRecord | None:
        if self.session is None or not 0 <= self.shown < len(self.session.items):
            return None
        return self.session.items[self.shown]

    def _show_item(self, row: int) -> None:
        self.shown = row
        item = self._current()
        self.feedback.clear()
        if item is None:
            self.question.setText("")
            self.source.setText("")
            self.answer.setPlainText("")
            return
        self.question.setText(f"{row + 1}. {item.question}")
        self.source.setText(
            self.tr("From your essay: “%1”").replace("%1", item.source) if item.source else ""
        )
        self.answer.setPlainText(item.answer)
        if item.feedback is not None:
            self.feedback.setHtml(self.feedback_html(item.feedback))
        self._update_buttons()

    def _store_answer(self, feedback: dict[str, Any] | None) -> bool:
        item = self._current()
        if item is None or self.session is None:
            return False
        text = self.answer.toPlainText()
        if feedback is None and text == item.answer:
            return True
        try:
            self.db.run(save_practice_answer, item_id=item.id, answer=text, feedback=feedback)
        except StorageError as exc:
            self.status.setText(str(exc))
            return False
        row = self.shown
        self.session = self.db.run(get_session, session_id=self.session.id)
        self.questions.item(row).setText(self._item_label(row + 1, self.session.items[row]))
        index = self.sessions.findData(self.session.id)
        self.sessions.setItemText(index, self._session_label(self.session))
        return True

    def request_feedback(self) -> None:
        item = self._current()
        spoken = self.answer.toPlainText().strip()
        if item is None or not spoken or not self._store_answer(None):
            return
        ready = self.assistant is not None and self.assistant.ready
        if self.assistant is None or not ready or self.can_give_feedback is False:
            self._show_analysis(None)  # without a model that can, the analysis is the feedback
            return
        question = InterviewQuestion(item.question, item.source, item.kind)
        handlers = Handlers(
            on_finished=partial(self._on_feedback_ready, item.id),
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        self.job = self.assistant.run(
            "interview-feedback",
            refusing(partial(_feedback_task, self.request, question, spoken, self.ui_lang)),
            handlers,
        )  # fmt: skip
        self.status.setText(self.tr("Listening to your answer…"))
        self._update_buttons()

    def _show_analysis(self, refused: Refused | None) -> None:
        """Why there is no model feedback, and the analysis of the answer on screen instead."""
        item = self._current()
        if item is None:
            return
        ready = self.assistant is not None and self.assistant.ready
        lines = practice_checklist(
            item.source, self.request.essay, self.answer.toPlainText(), self.request.lang
        )
        self.feedback.setHtml(analysis_html(cannot_give_feedback(refused, ready), lines))

    def _on_feedback_ready(self, item_id: int, result: object) -> None:
        self.job = None
        self.status.setText("")
        if isinstance(result, Refused):
            current = self._current()
            if current is not None and current.id == item_id:
                self._show_analysis(result)
            self._update_buttons()
            return
        assert isinstance(result, dict)
        current = self._current()
        if current is not None and current.id == item_id:
            self._store_answer(result)
            self.feedback.setHtml(self.feedback_html(result))
        else:  # the user moved on: store it against its own question
            self.db.run(save_practice_answer, item_id=item_id,
                        answer=self._answer_of(item_id), feedback=result)  # fmt: skip
        self._update_buttons()

    def _answer_of(self, item_id: int) -> str:
        assert self.session is not None
        return next(i.answer for i in self.session.items if i.id == item_id)

    def _on_job_failed(self, message: str, _details: str) -> None:
        self.job = None
        self.status.setText(self.tr("The model failed: %1").replace("%1", message))
        self._update_buttons()

    def _on_job_cancelled(self) -> None:
        self.job = None
        self.status.setText(self.tr("Stopped."))
        self._update_buttons()

    def feedback_html(self, data: dict[str, Any]) -> str:
        korean = self.ui_lang == "ko"
        capped_note = html.escape(self.tr("capped by the checks"))
        rows = []
        for rubric_id, ko, en, _meaning in RUBRIC:
            score = data["scores"][rubric_id]
            dots = "●" * score["score"] + "○" * (MAX_SCORE - score["score"])
            capped = f" <i>({capped_note})</i>" if score.get("capped_by") else ""
            rows.append(
                f"<tr><td><b>{ko if korean else en}</b></td><td style='color:#1565c0'>{dots}</td>"
                f"<td>{html.escape(score['rationale'])}{capped}</td></tr>"
            )
        removed = int(data.get("example_removed", 0))
        left_out = self.tr(
            "%n sentence(s) with facts not in your essay were left out.", "", removed
        )
        note = f"<p style='color:#777'>{html.escape(left_out)}</p>" if removed else ""
        total = self.tr("Total: %1 / 8").replace("%1", str(data.get("total", 0)))
        advice = self.tr("Advice")
        example = self.tr("Example answer")
        return (
            f"<h3>{html.escape(total)}</h3><table cellspacing='6'>{''.join(rows)}</table>"
            f"<h4>{html.escape(advice)}</h4><p>{html.escape(data['advice'])}</p>"
            f"<h4>{html.escape(example)}</h4>"
            f"<p>{html.escape(data['example_answer'])}</p>{note}"
        )

    # Signals -------------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = self.job is None
        ready = self.assistant is not None and self.assistant.ready
        self.new_button.setEnabled(idle)
        self.feedback_button.setEnabled(idle and self._current() is not None)
        self.feedback_button.setToolTip(
            "" if ready else self.tr("Without a model the feedback is the automatic analysis.")
        )
        self.next_button.setEnabled(self._current() is not None)

    def _on_sessions_current_index_changed(self, _index: int) -> None:
        self._store_answer(None)
        session_id = self.sessions.currentData()
        if session_id is not None:
            self._show_session(session_id)

    def _on_questions_current_row_changed(self, row: int) -> None:
        self._store_answer(None)
        self._show_item(row)

    def _on_next_button_clicked(self) -> None:
        if self.session is not None and self.shown + 1 < len(self.session.items):
            self.questions.setCurrentRow(self.shown + 1)

    def done(self, result: int) -> None:  # noqa: D102 (Qt override: keep the typed answer)
        self._store_answer(None)
        if self.assistant is not None:
            self.assistant.cancel(self.job)
        super().done(result)

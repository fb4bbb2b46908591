"""Continuation suggestions for one editor: the typing pause, the job, ghost text, candidates."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.engine.backend import Backend, SamplingParams
from desktop.engine.tasks.io import TaskIO
from desktop.engine.tasks.suggest import (
    DEFAULT_PARAMS,
    AttemptStarted,
    Candidate,
    join_piece,
    suggest,
)
from desktop.ui.editor.answer_edit import AnswerEdit
from desktop.ui.editor.undo_steps import insert_as_step
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.writing.essay import EssayRequest

RequestFactory = Callable[[str], EssayRequest]  # the text before the cursor -> the request


def _suggest_task(
    request: EssayRequest,
    n: int,
    ui_lang: str,
    backend: Backend,
    io: TaskIO,
    params: SamplingParams = DEFAULT_PARAMS,
) -> list[Candidate]:
    return suggest(backend, request, io, n=n, ui_lang=ui_lang, params=params)


class SuggestionController(QObject):
    """Asks for candidates after a typing pause (or Ctrl+Space) and shows them as ghost text.

    One job at a time: any edit cancels it (typing never waits for the model), and a new one
    starts after the next pause. Never while an input method is composing.

    Signals:
        candidates_changed: the candidate list or the current one changed.
        busy_changed(bool): a suggestion job started or ended.
        ai_inserted(str, str): the text before, and the piece inserted from a suggestion.
        unavailable(str): the user asked for suggestions but no model is ready.
    """

    candidates_changed = Signal()
    busy_changed = Signal(bool)
    ai_inserted = Signal(str, str)
    unavailable = Signal(str)

    def __init__(
        self,
        edit: AnswerEdit,
        assistant: Assistant,
        request_factory: RequestFactory,
        *,
        pause_ms: int = 600,
        auto: bool = True,
        n: int = 4,
        ui_lang: str = "ko",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.edit = edit
        self.assistant = assistant
        self._request_factory = request_factory
        self.auto = auto
        self.n = n
        self.ui_lang = ui_lang
        self.params = DEFAULT_PARAMS
        self.candidates: list[Candidate] = []
        self.current = 0
        self.job: int | None = None
        self._streaming = ""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(pause_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        edit.textChanged.connect(self._on_edit_text_changed)
        edit.cursorPositionChanged.connect(self._on_edit_cursor_position_changed)
        edit.composing_changed.connect(self._on_edit_composing_changed)
        edit.ghost_accepted.connect(self._on_edit_ghost_accepted)
        edit.ghost_dismissed.connect(self._on_edit_ghost_dismissed)
        edit.cycle_requested.connect(self._on_edit_cycle_requested)
        edit.suggest_requested.connect(self._on_edit_suggest_requested)
        edit.focus_lost.connect(self._on_edit_focus_lost)

    # Starting and stopping ---------------------------------------------------------------

    def request_now(self) -> None:
        """Start a suggestion job for the text before the cursor (Ctrl+Space or the button)."""
        self._timer.stop()
        if not self.assistant.ready:
            self.unavailable.emit(self.assistant.state)
            return
        self._start()

    def _start(self) -> None:
        self.stop()
        before = self.edit.textCursor()
        before.setPosition(0, before.MoveMode.KeepAnchor)
        text = before.selectedText().replace("\u2029", "\n")
        if not text.strip() or self.edit.composing:
            return
        request = self._request_factory(text)
        task = partial(_suggest_task, request, self.n, self.ui_lang, params=self.params)
        handlers = Handlers(
            on_text=self._on_job_text,
            on_event=self._on_job_event,
            on_finished=self._on_job_ended,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        self.job = self.assistant.run("suggest", task, handlers)
        if self.job is not None:
            self.busy_changed.emit(True)

    def stop(self) -> None:
        """Cancel the running job and drop the ghost text and candidates."""
        self._timer.stop()
        if self.job is not None:
            self.assistant.cancel(self.job)
            self.job = None
            self.busy_changed.emit(False)
        self._streaming = ""
        self.edit.clear_ghost()
        if self.candidates:
            self.candidates = []
            self.current = 0
            self.candidates_changed.emit()

    # Job output --------------------------------------------------------------------------

    def _on_job_text(self, text: str) -> None:
        self._streaming += text
        if not self.candidates:
            self.edit.set_ghost(self._streaming)

    def _on_job_event(self, event: object) -> None:
        if isinstance(event, AttemptStarted):
            self._streaming = ""
            if not self.candidates:
                self.edit.clear_ghost()
        elif isinstance(event, Candidate):
            self.candidates.append(event)
            if len(self.candidates) == 1:
                self.current = 0
                self.edit.set_ghost(event.text)
            self.candidates_changed.emit()

    def _on_job_ended(self, _result: object) -> None:
        self.job = None
        self.busy_changed.emit(False)

    def _on_job_failed(self, _message: str, _details: str) -> None:
        self._on_job_ended(None)

    def _on_job_cancelled(self) -> None:
        pass  # stop() already forgot the job

    # Editor events -----------------------------------------------------------------------

    def _on_edit_text_changed(self) -> None:
        if self.edit.accepting:
            return
        self.stop()
        if self.auto and not self.edit.composing and self.assistant.ready:
            if self.edit.can_show_ghost() and self.edit.toPlainText().strip():
                self._timer.start()

    def _on_edit_cursor_position_changed(self) -> None:
        if not self.edit.accepting and self.edit.ghost_text and not self.edit.can_show_ghost():
            self.edit.clear_ghost()

    def _on_edit_composing_changed(self, composing: bool) -> None:
        if composing:
            self.stop()

    def _on_edit_ghost_accepted(self, before: str, piece: str) -> None:
        self.ai_inserted.emit(before, piece)
        rest = self.edit.ghost_text
        if rest:
            current = self.candidates[self.current] if self.candidates else None
            self.candidates = [c for c in (current,) if c is not None]
            self.current = 0
        else:
            self.stop()
            self.candidates_changed.emit()
            if self.auto:
                self._timer.start()

    def _on_edit_ghost_dismissed(self) -> None:
        self.stop()

    def _on_edit_cycle_requested(self, delta: int) -> None:
        if len(self.candidates) > 1:
            self.current = (self.current + delta) % len(self.candidates)
            self.edit.set_ghost(self.candidates[self.current].text)
            self.candidates_changed.emit()

    def _on_timer_timeout(self) -> None:
        if self.assistant.ready and self.edit.can_show_ghost():
            self._start()

    def _on_edit_suggest_requested(self) -> None:
        self.request_now()

    def _on_edit_focus_lost(self) -> None:
        self._timer.stop()

    # The candidates panel ----------------------------------------------------------------

    def insert_candidate(self, index: int) -> None:
        """Insert candidate ``index`` at the cursor (a click in the candidates panel)."""
        if not 0 <= index < len(self.candidates):
            return
        cursor = self.edit.textCursor()
        cursor.clearSelection()
        before_cursor = self.edit.toPlainText()[: cursor.position()]
        piece = join_piece(before_cursor, self.candidates[index].text.lstrip(" "))
        before = self.edit.toPlainText()
        self.edit.clear_ghost()
        self.edit.accepting = True
        try:
            insert_as_step(self.edit, piece, cursor)
        finally:
            self.edit.accepting = False
        self.ai_inserted.emit(before, piece)
        self.stop()
        self.edit.setFocus()

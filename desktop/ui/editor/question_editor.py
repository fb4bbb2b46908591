"""One question of an application: its text, the answer editor, the counter, and autosave."""

from __future__ import annotations

import logging
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import cast

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from desktop.store.errors import StorageError
from desktop.store.records import QuestionRecord
from desktop.store.recovery import RecoveryFiles
from desktop.ui.editor.answer_edit import AnswerEdit, Mark
from desktop.ui.editor.auto_height import AutoHeight
from desktop.ui.editor.background_checks import (
    ChecksDone,
    analyze_in_background,
    check_in_background,
)
from desktop.ui.editor.counter import CounterLabel
from desktop.ui.editor.question_header import QuestionHeader
from desktop.ui.editor.undo_steps import insert_as_step, replace_all_as_step
from desktop.ui.labels import severity_label
from desktop.writing.checks import merge_flags, run_checks
from desktop.writing.flags import CheckContext, EditorOffsets, Flag

log = logging.getLogger(__name__)

SaveAnswer = Callable[[int, str], datetime]
ContextProvider = Callable[["QuestionEditor"], CheckContext]
_CHECKS_MS = 300
# Above this size the checks run in a worker process (a 1 MB answer takes over a second to
# check) and the counter waits for a pause in typing instead of recounting on every keystroke.
LARGE_TEXT_CHARS = 5_000
MAX_MARKS = 500  # underlines drawn; the checks panel still lists every finding


class QuestionEditor(QFrame):
    """Edits one answer and saves it about a second after the last keystroke.

    Saving also happens on focus loss, at the latest ``max_wait_ms`` after the first unsaved
    keystroke (so continuous typing is never more than one window from disk), and on ``flush``.
    A failed save keeps the text in the editor, reports the error and retries.

    Signals:
        saved(int, datetime): the answer of question id was written.
        save_failed(int, str): writing failed; the text stays in the editor.
        edit_requested(int), history_requested(int), delete_requested(int):
            the user asked to edit, see the history of, or delete question id.
        move_requested(int, int): the user asked to move question id by an offset.
        review_requested(int), draft_requested(int): the user asked for a critique or a draft.
        activated(int): the answer editor of question id got the keyboard focus.
        flags_changed(int): the offline checks of question id were re-run.
    """

    saved = Signal(int, datetime)
    save_failed = Signal(int, str)
    edit_requested = Signal(int)
    history_requested = Signal(int)
    delete_requested = Signal(int)
    move_requested = Signal(int, int)
    review_requested = Signal(int)
    draft_requested = Signal(int)
    activated = Signal(int)
    flags_changed = Signal(int)

    def __init__(
        self,
        question: QuestionRecord,
        number: int,
        save_answer: SaveAnswer,
        *,
        idle_ms: int = 1000,
        max_wait_ms: int = 3000,
        context: ContextProvider | None = None,
        recovery: RecoveryFiles | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.question = question
        self._save_answer = save_answer
        self._dirty = False
        self._restoring = False  # restore_text: a change the store already saved
        self._recovery = recovery
        self._in_recovery_file = False
        self._context = context
        self.flags: list[Flag] = []
        self.offsets = EditorOffsets("")
        self.ai_pieces: list[str] = []
        self.show_ai_text = False

        self.header = QuestionHeader()
        self.title = self.header.title
        self.header.review_clicked.connect(self._on_review_clicked)
        self.header.draft_clicked.connect(self._on_draft_clicked)
        self.header.edit_clicked.connect(self._on_edit_clicked)
        self.header.history_clicked.connect(self._on_history_clicked)
        self.header.delete_clicked.connect(self._on_delete_clicked)
        self.header.move_clicked.connect(self._on_header_move_clicked)

        self.answer_edit = AnswerEdit()
        self.answer_edit.setPlaceholderText(self.tr("Write your answer here…"))
        self.answer_edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        font = self.answer_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)  # body text for reading, not UI text
        self.answer_edit.setFont(font)
        self.auto_height = AutoHeight(self.answer_edit, minimum=200)
        self.answer_edit.setTabChangesFocus(False)
        self.counter = CounterLabel()
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.answer_edit)
        layout.addWidget(self.counter)

        self._idle_timer = self._timer(idle_ms)
        self._max_wait_timer = self._timer(max_wait_ms)
        # A failed save is retried at the autosave cadence, writing the recovery file each time,
        # so a crash while the disk is full loses no more than a normal autosave window.
        self._retry_timer = self._timer(max_wait_ms)
        self._retired = False
        self._checks_timer = QTimer(self)
        self._checks_timer.setSingleShot(True)
        self._checks_timer.setInterval(_CHECKS_MS)
        self._checks_timer.timeout.connect(self._on_checks_timer_timeout)
        self._checks_generation = 0
        self._checks_done = ChecksDone(self)
        self._checks_done.done.connect(self._on_checks_done)
        self._checks_done.analyzed.connect(self._on_checks_done_analyzed)
        # The analyzer's flags come from the check worker process, one request at a time.
        self._base_flags: list[Flag] = []
        self._analyzed: tuple[str, list[Flag]] = ("", [])
        self._analysis_busy = False
        self._analysis_outdated = False
        self._counter_timer = QTimer(self)
        self._counter_timer.setSingleShot(True)
        self._counter_timer.setInterval(_CHECKS_MS // 2)
        self._counter_timer.timeout.connect(self._on_counter_timer_timeout)
        self.set_question(question, number)
        self.answer_edit.setPlainText(question.answer)
        self.counter.set_text(question.answer)
        self.answer_edit.textChanged.connect(self._on_answer_edit_text_changed)
        self.answer_edit.focus_lost.connect(self._on_answer_edit_focus_lost)
        self.answer_edit.focus_gained.connect(self._on_answer_edit_focus_gained)
        self.answer_edit.fix_chosen.connect(self._on_answer_edit_fix_chosen)

    def _timer(self, interval_ms: int) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(self._on_timer_timeout)
        return timer

    @property
    def question_id(self) -> int:
        return self.question.id

    @property
    def dirty(self) -> bool:
        return self._dirty

    def set_question(self, question: QuestionRecord, number: int) -> None:
        """Show new question text, limit or profile (the answer text is left as typed)."""
        self.question = question
        self.header.set_title(number, question.text)
        self.counter.set_rule(question.char_limit, question.profile)
        self._checks_timer.start()

    def text(self) -> str:
        return self.answer_edit.toPlainText()

    def set_answer(self, text: str) -> None:
        """Replace the answer as one undoable edit; saved like typing."""
        replace_all_as_step(self.answer_edit, text)

    def restore_text(self, text: str) -> None:
        """Show ``text`` the store already saved (a restored revision): not marked unsaved, and
        all that follows the text (count, checks, critique marks, suggestions) follows it."""
        self._restoring = True
        try:
            self.answer_edit.setPlainText(text)
        finally:
            self._restoring = False
        self._checks_timer.stop()
        self._on_checks_timer_timeout()  # at once; large texts in the worker process

    def nfc_text(self) -> str:
        return unicodedata.normalize("NFC", self.text())

    def check_context(self) -> CheckContext:
        if self._context is None:
            return CheckContext(limit=self.question.char_limit, profile=self.question.profile)
        return self._context(self)

    def run_checks(self) -> None:
        """Re-run the offline checks now, on this thread, and underline what they find."""
        self._checks_timer.stop()
        self._checks_generation += 1  # a background check still running is now stale
        text = self.text()
        self._apply_checks(EditorOffsets(text), run_checks(text, self.check_context()))

    def retire(self) -> None:
        """Stop every timer before the editor is deleted: a check queued for it must not run on
        a text box already gone (CI saw "Internal C++ object (AnswerEdit) already deleted")."""
        for timer in self.findChildren(QTimer):
            timer.stop()
        self._retired = True

    def _alive(self) -> bool:
        return not self._retired and shiboken6.isValid(self.answer_edit)

    def _on_checks_timer_timeout(self) -> None:
        if not self._alive():
            return
        text = self.text()
        if len(text) <= LARGE_TEXT_CHARS:
            self.run_checks()
            return
        self._checks_generation += 1
        check_in_background(self._checks_done, self._checks_generation, text, self.check_context())

    def _on_checks_done(self, generation: int, result: object) -> None:
        if generation == self._checks_generation:
            offsets, flags = cast("tuple[EditorOffsets, list[Flag]]", result)
            self._apply_checks(offsets, flags)

    @property
    def analyzer_flags(self) -> list[Flag]:
        """The analyzer's flags for the text as it is now ([] until they arrive)."""
        text, flags = self._analyzed
        return flags if text == self.text() else []

    def _apply_checks(self, offsets: EditorOffsets, flags: list[Flag]) -> None:
        self._base_flags = flags
        self._show_flags(offsets, merge_flags(flags, self.analyzer_flags))
        self._request_analysis()

    def _request_analysis(self) -> None:
        if self.check_context().lang == "en":
            return
        if self._analysis_busy:
            self._analysis_outdated = True
            return
        self._analysis_busy = True
        self._analysis_outdated = False
        analyze_in_background(self._checks_done, self.text(), self.check_context())

    def _on_checks_done_analyzed(self, result: object) -> None:
        text, flags = cast("tuple[str, list[Flag] | None]", result)
        self._analysis_busy = False
        if flags is not None:
            self._analyzed = (text, flags)
        if text != self.text() or self._analysis_outdated:
            self._request_analysis()
            return
        shown = merge_flags(self._base_flags, flags or [])
        if shown != self.flags:
            self._show_flags(self.offsets, shown)

    def _show_flags(self, offsets: EditorOffsets, flags: list[Flag]) -> None:
        if not self._alive():
            return
        self.offsets = offsets
        self.flags = flags
        marks = [
            Mark(
                self.offsets.to_editor(flag.start),
                self.offsets.to_editor(flag.end),
                flag.severity,
                _tooltip(flag),
                flag.suggestion,
            )
            for flag in self.flags[:MAX_MARKS]
        ]
        self.answer_edit.set_marks(marks)
        self._update_highlights()
        self.flags_changed.emit(self.question.id)

    def _update_highlights(self) -> None:
        spans: list[tuple[int, int]] = []
        if self.show_ai_text and self.ai_pieces:
            offsets = EditorOffsets(self.text())
            for piece in self.ai_pieces:
                piece = unicodedata.normalize("NFC", piece.strip())
                at = offsets.nfc.find(piece) if piece else -1
                if at >= 0:
                    end = at + len(piece)
                    spans.append((offsets.to_editor(at), offsets.to_editor(end)))
        self.answer_edit.set_highlights(spans)

    def set_show_ai_text(self, show: bool) -> None:
        self.show_ai_text = show
        self._update_highlights()

    def set_comment_spans(self, spans: list[tuple[int, int]]) -> None:
        """Tint the commented spans (NFC offsets)."""
        offsets = EditorOffsets(self.text())
        self.answer_edit.set_comment_spans(
            [(offsets.to_editor(start), offsets.to_editor(end)) for start, end in spans]
        )

    def selected_nfc_span(self) -> tuple[int, int] | None:
        """The selection in NFC offsets, or None when nothing is selected."""
        cursor = self.answer_edit.textCursor()
        if not cursor.hasSelection():
            return None
        offsets = EditorOffsets(self.text())
        start = offsets.to_nfc(cursor.selectionStart())
        end = offsets.to_nfc(cursor.selectionEnd())
        return (start, end) if end > start else None

    def replace_nfc_span(self, start: int, end: int, text: str) -> None:
        """Replace a span (NFC offsets) as one undoable edit; saved like typing."""
        offsets = EditorOffsets(self.text())
        cursor = self.answer_edit.textCursor()
        cursor.setPosition(offsets.to_editor(start))
        cursor.setPosition(offsets.to_editor(end), cursor.MoveMode.KeepAnchor)
        insert_as_step(self.answer_edit, text, cursor)

    def apply_fix(self, flag: Flag) -> bool:
        """Put ``flag``'s correction in place of its span, as one undoable edit; False when
        the finding offers none or is no longer current (the text changed since the check)."""
        if not flag.suggestion or flag not in self.flags or self.offsets.nfc != self.nfc_text():
            return False
        self.replace_nfc_span(flag.start, flag.end, flag.suggestion)
        return True

    def _on_answer_edit_fix_chosen(self, mark: object) -> None:
        assert isinstance(mark, Mark)
        for flag in self.flags:
            if (
                flag.suggestion == mark.fix
                and self.offsets.to_editor(flag.start) == mark.start
                and self.offsets.to_editor(flag.end) == mark.end
            ):
                self.apply_fix(flag)
                return

    def select_nfc_span(self, start: int, end: int) -> None:
        """Select a span given in NFC offsets (a flag, a critique quote)."""
        offsets = EditorOffsets(self.text())
        self.answer_edit.select_span(offsets.to_editor(start), offsets.to_editor(end))

    def note_ai_insert(self, piece: str) -> None:
        """Remember text taken from the model so it can be shown highlighted."""
        self.ai_pieces.append(piece)
        self._update_highlights()

    def _on_counter_timer_timeout(self) -> None:
        self.counter.set_text(self.text())

    def _on_answer_edit_text_changed(self) -> None:
        if self.answer_edit.document().characterCount() > LARGE_TEXT_CHARS:
            self._counter_timer.start()
        else:
            self.counter.set_text(self.text())
        self._checks_timer.start()
        if self._restoring:
            return
        if not self._dirty:
            self._dirty = True
            self._max_wait_timer.start()
        self._idle_timer.start()

    def _on_answer_edit_focus_lost(self) -> None:
        self.flush()

    def _on_answer_edit_focus_gained(self) -> None:
        self.activated.emit(self.question.id)

    def _on_review_clicked(self) -> None:
        self.review_requested.emit(self.question.id)

    def _on_draft_clicked(self) -> None:
        self.draft_requested.emit(self.question.id)

    def _on_timer_timeout(self) -> None:
        self.flush()

    def flush(self) -> bool:
        """Save now if there are unsaved changes; returns False when saving failed."""
        if not self._dirty:
            return True
        for timer in (self._idle_timer, self._max_wait_timer, self._retry_timer):
            timer.stop()
        text = self.text()
        try:
            stamp = self._save_answer(self.question.id, text)
        except StorageError as exc:
            log.error("saving answer %d failed: %s", self.question.id, exc)
            kept = self._recovery.keep(self.question.id, text) if self._recovery else None
            self._in_recovery_file = kept is not None
            self._retry_timer.start()
            self.save_failed.emit(self.question.id, self._failure_message(exc, kept))
            return False
        self._dirty = False
        self.answer_edit.start_typing_step()
        if self._in_recovery_file and self._recovery is not None:
            self._recovery.forget(self.question.id)
            self._in_recovery_file = False
        self.saved.emit(self.question.id, stamp)
        return True

    def _failure_message(self, error: StorageError, kept: Path | None) -> str:
        causes = {
            "full": self.tr("The disk is full (or a file-size limit was reached)."),
            "readonly": self.tr("The data folder is read-only."),
            "locked": self.tr("The database is in use by another program."),
        }
        cause = causes.get(error.kind, str(error))
        if kept is None:
            where = self.tr(
                "Your text is kept only in this window and saving is retried: do not close Jaso."
            )
        else:
            where = self.tr("Your text is kept in %1 and saving is retried.").replace(
                "%1", str(kept)
            )
        return f"{cause} {where}"

    def _on_edit_clicked(self) -> None:
        self.edit_requested.emit(self.question.id)

    def _on_history_clicked(self) -> None:
        self.history_requested.emit(self.question.id)

    def _on_delete_clicked(self) -> None:
        self.delete_requested.emit(self.question.id)

    def _on_header_move_clicked(self, offset: int) -> None:
        self.move_requested.emit(self.question.id, offset)


def _tooltip(flag: Flag) -> str:
    tip = f"{severity_label(flag.severity)} · {flag.rule_id}\n{flag.message}"
    if flag.suggestion:
        tip += "\n→ " + flag.suggestion
    return tip

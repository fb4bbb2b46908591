"""Batch critiques through the model thread, one item at a time, the queue kept in SQLite.

Every step is written down before and after it runs, so a crash or a kill loses at most the item
that was being generated (it is queued again at the next start, see ``resume_at_start``).
"""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.engine.tasks.essay import EssayRequest
from desktop.review.requests import stored_request
from desktop.review.runner import EMPTY_ANSWER
from desktop.store import Database, StorageError
from desktop.store.batches import (
    BatchProgress,
    ClaimedItem,
    batch_progress,
    claim_next,
    complete_item,
    create_batch,
    fail_item,
    release_batch,
    requeue_item,
    set_batch_state,
    take_batch,
    unfinished_batch,
)
from desktop.store.errors import NotRunning
from desktop.store.owners import this_process
from desktop.ui.assistant import Assistant, Handlers
from desktop.ui.review_controller import critique_task


class BatchController(QObject):
    """Runs the current batch; pausing stops the running job and puts its item back first.

    Signals:
        progress_changed(object): the batch's BatchProgress, or None when there is no batch.
        critique_saved(int): a critique of question id was stored.
        message(str): a short status message.
    """

    progress_changed = Signal(object)
    critique_saved = Signal(int)
    message = Signal(str)

    def __init__(
        self, db: Database, assistant: Assistant, ui_lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.assistant = assistant
        self.ui_lang = ui_lang
        self.batch_id: int | None = None
        self.job: int | None = None
        self.current: tuple[ClaimedItem, EssayRequest, float] | None = None
        self.model: Path | None = None  # the critique's own default model, if the user set one
        self.owner = this_process()  # another app or `jaso review` leaves our batch alone
        assistant.state_changed.connect(self._on_assistant_state_changed)

    # Control -------------------------------------------------------------------------------

    def start(self, question_ids: list[int]) -> bool:
        """Queue critiques of the questions as a new batch (after any batch still running)."""
        progress = self._progress_or_none()
        if progress is not None and progress.state in ("running", "paused"):
            if progress.queued or progress.running:
                self.message.emit(self.tr("A batch is still running: pause or cancel it first."))
                return False
        try:
            self.batch_id = self.db.run(
                create_batch,
                question_ids=question_ids,
                model=self.assistant.model_name,
                owner=self.owner,
            )
        except (StorageError, ValueError) as exc:
            self.message.emit(str(exc))
            return False
        self._emit_progress()
        self._next()
        return True

    def resume_at_start(self) -> None:
        """Pick up the unfinished batch, unless another running process works through it; what
        a killed run left running is queued again."""
        try:
            batch = self.db.run(unfinished_batch, owner=self.owner)
            if batch is not None and self.db.run(take_batch, batch_id=batch, owner=self.owner):
                self.batch_id = batch
        except StorageError:
            return
        if self.batch_id is not None:
            self._emit_progress()
            self._next()

    def pause(self) -> None:
        self._set_state("paused")
        self.assistant.cancel(self.job)  # its item goes back to the queue when it stops

    def resume(self) -> None:
        self._set_state("running")
        self._next()

    def cancel(self) -> None:
        self._set_state("cancelled")
        self._release()
        self.assistant.cancel(self.job)

    def _release(self) -> None:
        if self.batch_id is not None:
            try:
                self.db.run(release_batch, batch_id=self.batch_id, owner=self.owner)
            except StorageError:
                pass  # a stale owner is taken over once its process is gone

    def _set_state(self, state: str) -> None:
        if self.batch_id is None:
            return
        try:
            self.db.run(set_batch_state, batch_id=self.batch_id, state=state)
        except StorageError as exc:
            self.message.emit(str(exc))
        self._emit_progress()

    # Running -------------------------------------------------------------------------------

    def _progress_or_none(self) -> BatchProgress | None:
        if self.batch_id is None:
            return None
        try:
            return self.db.run(batch_progress, batch_id=self.batch_id)
        except StorageError:
            return None

    def _emit_progress(self) -> None:
        self.progress_changed.emit(self._progress_or_none())

    def _on_assistant_state_changed(self, state: str, _detail: str) -> None:
        if self.batch_id is not None:
            self._emit_progress()  # the bar says when the batch waits for a model
        if state == "ready" and self.job is None:
            self._next()

    def _next(self) -> None:
        if self.job is not None or self.batch_id is None:
            return
        if self.assistant.state not in ("ready", "loading"):
            return  # picked up when a model is ready
        try:
            item = self.db.run(claim_next, batch_id=self.batch_id)
            if item is None:
                progress = self._progress_or_none()
                if progress is not None and progress.state == "done":
                    self._release()
                self.progress_changed.emit(progress)
                return
            _app, request = self.db.run(stored_request, question_id=item.question_id)
        except StorageError as exc:
            self.message.emit(str(exc))
            return
        if not request.text.strip():
            self._fail(item, EMPTY_ANSWER)
            return
        handlers = Handlers(
            on_finished=self._on_job_finished,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        self.current = (item, request, time.monotonic())
        self.job = self.assistant.run(
            "critique", partial(critique_task, request, self.ui_lang), handlers, self.model
        )
        if self.job is None:  # the model went away: back to the queue
            self.current = None
            self.db.run(requeue_item, item_id=item.id)
        self._emit_progress()

    def _fail(self, item: ClaimedItem, error: str) -> None:
        try:
            self.db.run(fail_item, item_id=item.id, error=error)
        except StorageError as exc:
            self.message.emit(str(exc))
        self._emit_progress()
        self._next()

    def _on_job_finished(self, result: object) -> None:
        assert self.current is not None and isinstance(result, dict)
        item, request, started = self.current
        self.job = self.current = None
        try:
            self.db.run(
                complete_item,
                item_id=item.id,
                text=request.text,
                data=result,
                seconds=time.monotonic() - started,
                model=self.assistant.model_name,
                lang=request.lang,
            )
        except NotRunning:
            pass  # cancelled while it ran: the result is dropped
        except StorageError as exc:
            self.message.emit(self.tr("The review could not be saved: %1").replace("%1", str(exc)))
            self._fail(item, str(exc))  # not left "running": the batch goes on without it
            return
        else:
            self.critique_saved.emit(item.question_id)
        self._emit_progress()
        self._next()

    def _on_job_failed(self, message: str, _details: str) -> None:
        assert self.current is not None
        item = self.current[0]
        self.job = self.current = None
        self._fail(item, message)

    def _on_job_cancelled(self) -> None:
        item = self.current[0] if self.current is not None else None
        self.job = self.current = None
        if item is not None:
            try:
                self.db.run(requeue_item, item_id=item.id)  # no-op once cancelled
            except StorageError:
                pass
        self._emit_progress()
        self._next()

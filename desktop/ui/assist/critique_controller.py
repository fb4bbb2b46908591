"""Critiques through the model, saved against the revision they reviewed; "Review all" in turn."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Signal

from desktop.engine.backend import Backend
from desktop.engine.tasks.critique import critique
from desktop.engine.tasks.essay import EssayRequest
from desktop.engine.tasks.io import TaskIO
from desktop.store import Database, StorageError
from desktop.store.critiques import save_critique
from desktop.ui.models.assistant import Assistant, Handlers


def critique_task(
    request: EssayRequest, ui_lang: str, backend: Backend, io: TaskIO
) -> dict[str, Any]:
    return critique(backend, request, io, seed=None, ui_lang=ui_lang)


class CritiqueController(QObject):
    """Runs one critique at a time; queued questions follow when it ends.

    Signals:
        critique_saved(int): a critique of question id was stored.
        message(str): a short status message (no model, a failure, the queue's progress).
        busy_changed(bool): reviewing started or the queue ran out.
    """

    critique_saved = Signal(int)
    message = Signal(str)
    busy_changed = Signal(bool)

    def __init__(
        self, db: Database, assistant: Assistant, ui_lang: str, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.assistant = assistant
        self.ui_lang = ui_lang
        self.queue: list[tuple[int, EssayRequest]] = []
        self.job: int | None = None
        self.current: tuple[int, EssayRequest] | None = None
        self.done = 0
        self.total = 0

    def critique(self, items: list[tuple[int, EssayRequest]]) -> None:
        """Queue critiques of ``(question id, request)`` pairs; empty answers are skipped."""
        items = [(qid, req) for qid, req in items if req.text.strip()]
        if not items:
            self.message.emit(self.tr("There is no answer to review yet."))
            return
        if not self.assistant.ready:
            self.message.emit(self.tr("No model is ready. Choose one under Model."))
            return
        queued = {qid for qid, _ in self.queue}
        fresh = [(qid, req) for qid, req in items if qid not in queued]
        self.queue += fresh
        self.total += len(fresh)
        if self.job is None:
            self.busy_changed.emit(True)
            self._next()

    def stop(self) -> None:
        self.queue.clear()
        self.assistant.cancel(self.job)

    def _next(self) -> None:
        if not self.queue:
            self.job = None
            self.current = None
            self.done = self.total = 0
            self.busy_changed.emit(False)
            return
        self.current = self.queue.pop(0)
        question_id, request = self.current
        handlers = Handlers(
            on_finished=self._on_job_finished,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        self.job = self.assistant.run(
            "critique", partial(critique_task, request, self.ui_lang), handlers
        )
        if self.job is None:
            self.queue.clear()
            self._next()
            return
        if self.total > 1:
            self.message.emit(
                self.tr("Reviewing %1 of %2…")
                .replace("%1", str(self.done + 1))
                .replace("%2", str(self.total))
            )

    def _on_job_finished(self, result: object) -> None:
        assert self.current is not None and isinstance(result, dict)
        question_id, request = self.current
        try:
            self.db.run(
                save_critique,
                question_id=question_id,
                text=request.text,
                data=result,
                model=self.assistant.model_name,
                lang=request.lang,
            )
        except StorageError as exc:
            self.message.emit(self.tr("The review could not be saved: %1").replace("%1", str(exc)))
        else:
            self.critique_saved.emit(question_id)
        self.done += 1
        self._next()

    def _on_job_failed(self, message: str, _details: str) -> None:
        self.message.emit(self.tr("The review failed: %1").replace("%1", message))
        self.done += 1
        self._next()

    def _on_job_cancelled(self) -> None:
        self.queue.clear()
        self._next()

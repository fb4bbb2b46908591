"""Every critique goes through one queue, kept in SQLite: Review, Review all and Batch review.

Each critique is an item of a persistent batch this process owns (``store/batches.py``, the same
queue ``jaso review`` uses), so what Review all queued resumes after a crash like a counselor's
batch. A writer's Review goes ahead of what is still queued; a batch goes to the end. One job
works through the queue: a local model critiques one item at a time, a server several
at once (``critique_pool``). The GUI thread claims each item when the job has a free slot and
stores each result, so every step is written down before and after it runs; a crash or a kill
loses at most the items being generated (queued again at the next start, ``resume_at_start``).
"""

from __future__ import annotations

import queue
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.counsel.requests import stored_request
from desktop.counsel.runner import DEFAULT_PARALLEL, empty_answer
from desktop.engine.backend import Backend
from desktop.engine.tasks.critique import analysis_only
from desktop.engine.tasks.critique_pool import Done, Preview, Work, run_pool, slots_for
from desktop.engine.tasks.io import TaskIO
from desktop.store import Database, StorageError
from desktop.store.batches import (
    BatchProgress,
    ClaimedItem,
    add_to_batch,
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
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.writing.flags import Flag


class CritiqueQueue(QObject):
    """Runs the current batch; pausing stops the running job and puts its item back first.

    The model of each job is chosen when it starts (``Assistant.run``), from the settings of
    that moment.

    Signals:
        progress_changed(object): the batch's BatchProgress, or None when there is no batch.
        critique_saved(int): a critique of question id was stored.
        critique_preview(int, object): question id, the CritiqueData shown while the model
            writes its part (the automatic analysis; the stored critique replaces it).
        phase_changed(int, str, int, int): question id whose critique runs alone, its phase
            ("prompt", "qualify", "scoring", "writing"), done, total.
        message(str): a short status message.
    """

    progress_changed = Signal(object)
    critique_saved = Signal(int)
    critique_preview = Signal(int, object)
    phase_changed = Signal(int, str, int, int)
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
        self.in_flight: dict[int, ClaimedItem] = {}  # claimed items whose critique runs
        self.feed: queue.SimpleQueue[Work | None] = queue.SimpleQueue()
        self.parallel = DEFAULT_PARALLEL  # critiques in flight against a server (a setting)
        self.owner = this_process()  # another app or `jaso review` leaves our batch alone
        # (question id, text) -> the analyzer's findings an open editor has for that text
        self.findings: Callable[[int, str], tuple[Flag, ...]] | None = None
        assistant.job_progress.connect(self._on_assistant_job_progress)
        assistant.state_changed.connect(self._on_assistant_state_changed)

    # Control -------------------------------------------------------------------------------

    def add(self, question_ids: list[int], *, first: bool = False) -> bool:
        """Queue critiques of the questions: in the open batch (ahead of what waits there with
        ``first``), or as a new batch when there is none. False when nothing could be queued."""
        if not question_ids:
            return False
        progress = self._progress_or_none()
        try:
            if progress is not None and progress.state in ("running", "paused"):
                self._add_to_open_batch(progress, question_ids, first)
            else:
                self._new_batch(question_ids)
        except (StorageError, ValueError) as exc:
            self.message.emit(str(exc))
            return False
        self._emit_progress()
        self._next()
        return True

    def _add_to_open_batch(
        self, progress: BatchProgress, question_ids: list[int], first: bool
    ) -> None:
        try:
            self.db.run(
                add_to_batch, batch_id=progress.batch_id, question_ids=question_ids, first=first
            )
        except NotRunning:  # it ended in between
            self._new_batch(question_ids)
            return
        if progress.state == "paused":
            self.message.emit(self.tr("Queued; the reviews are paused: press Resume."))

    def _new_batch(self, question_ids: list[int]) -> None:
        self.batch_id = self.db.run(
            create_batch,
            question_ids=question_ids,
            model=self.assistant.model_name,
            owner=self.owner,
        )

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

    def _claim(self) -> Work | None:
        """The next queued item as work (empty answers fail on the way), or None."""
        assert self.batch_id is not None
        while True:
            try:
                item = self.db.run(claim_next, batch_id=self.batch_id)  # None unless running
                if item is None:
                    return None
                _app, request = self.db.run(stored_request, question_id=item.question_id)
            except StorageError as exc:
                self.message.emit(str(exc))
                return None
            if request.text.strip():
                if self.findings is not None:
                    found = self.findings(item.question_id, request.text)
                    request = replace(request, analyzer_findings=found)
                self.in_flight[item.id] = item
                return Work(item.id, request)
            self._fail(item.id, empty_answer())

    def _next(self) -> None:
        """Start a job that works through the queue (several critiques at once on a server)."""
        if self.job is not None or self.batch_id is None:
            return
        if self.assistant.state not in ("ready", "loading"):
            # No model (none chosen, or it failed to load): the automatic analysis, here.
            QTimer.singleShot(0, self, self._analyse_one)
            return
        work = self._claim()
        if work is None:
            self._ran_out()
            return
        self.feed = queue.SimpleQueue()
        self.feed.put(work)
        handlers = Handlers(
            on_event=self._on_job_event,
            on_finished=self._on_job_finished,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
        )
        task = partial(pool_task, self.feed, self.parallel, self.ui_lang)
        self.job = self.assistant.run("critique", task, handlers)
        if self.job is None:  # the model went away: back to the queue
            self._requeue_in_flight()
        self._emit_progress()

    def _ran_out(self) -> None:
        """Nothing left to claim: a finished batch is let go; the progress says where it is."""
        progress = self._progress_or_none()
        if progress is not None and progress.state == "done":
            self._release()
        self.progress_changed.emit(progress)

    def _analyse_one(self) -> None:
        """Without a model, one queued item's critique is the automatic analysis (a tenth of a
        second on this thread); the next follows from the event loop, so typing goes on."""
        if self.job is not None or self.batch_id is None:
            return
        if self.assistant.state in ("ready", "loading"):
            self._next()  # a model arrived meanwhile: it takes the rest
            return
        work = self._claim()
        if work is None:
            self._ran_out()
            return
        started = time.perf_counter()
        result = analysis_only(work.request, self.ui_lang)
        seconds = time.perf_counter() - started
        self._store(Done(work.key, result, seconds=seconds, request=work.request))
        QTimer.singleShot(0, self, self._analyse_one)

    def _fail(self, item_id: int, error: str, *, why: str | None = None) -> None:
        """Mark the item failed with ``error`` and say so (``why``: the sentence to show)."""
        self.in_flight.pop(item_id, None)
        try:
            self.db.run(fail_item, item_id=item_id, error=error)
        except StorageError as exc:
            self.message.emit(str(exc))
        else:
            self.message.emit(why or self.tr("The review failed: %1").replace("%1", error))
        self._emit_progress()

    def _on_job_event(self, event: object) -> None:
        if isinstance(event, NeedWork):
            if not self.assistant.runs_chosen_model("critique"):
                self.feed.put(None)  # another model was chosen: the next job loads it
            else:
                self.feed.put(self._claim())  # None ends the job once the rest are done
        elif isinstance(event, Done):
            self._store(event)
        elif isinstance(event, Preview):
            item = self.in_flight.get(event.key)
            if item is not None:
                self.critique_preview.emit(item.question_id, event.data)

    def _on_assistant_job_progress(self, job_id: int, phase: str, done: int, total: int) -> None:
        """The phase of the critique running alone (several at once report no progress)."""
        if job_id == self.job and len(self.in_flight) == 1:
            item = next(iter(self.in_flight.values()))
            self.phase_changed.emit(item.question_id, phase, done, total)

    def _store(self, done: Done) -> None:
        item = self.in_flight.pop(done.key, None)
        if item is None:
            return
        if done.result is None:
            self._fail(item.id, done.error)
            return
        try:
            self.db.run(
                complete_item,
                item_id=item.id,
                text=done.request.text,
                data=done.result,
                seconds=done.seconds,
                model=self.assistant.model_name,
                lang=done.request.lang,
            )
        except NotRunning:
            pass  # cancelled while it ran: the result is dropped
        except StorageError as exc:
            why = self.tr("The review could not be saved: %1").replace("%1", str(exc))
            self._fail(item.id, str(exc), why=why)  # not left "running": the batch goes on
            return
        else:
            self.critique_saved.emit(item.question_id)
        self._emit_progress()

    def _requeue_in_flight(self) -> None:
        for item_id in list(self.in_flight):
            try:
                self.db.run(requeue_item, item_id=item_id)  # no-op once cancelled
            except StorageError:
                pass
        self.in_flight.clear()

    def _on_job_finished(self, _result: object) -> None:
        self.job = None
        self._requeue_in_flight()  # nothing should be left; never leave an item "running"
        self._emit_progress()
        self._next()

    def _on_job_failed(self, message: str, _details: str) -> None:
        self.job = None
        for item_id in list(self.in_flight):
            self._fail(item_id, message)
        self._next()

    def _on_job_cancelled(self) -> None:
        self.job = None
        self._requeue_in_flight()
        self._emit_progress()
        self._next()


@dataclass(frozen=True)
class NeedWork:
    """The pool has a free slot: the GUI thread answers with a Work, or None for no more."""


def pool_task(
    feed: queue.SimpleQueue[Work | None],
    parallel: int,
    ui_lang: str,
    backend: Backend,
    io: TaskIO,
) -> int:
    """Runs on the model thread: critiques from ``feed`` with as many slots as the backend
    allows (``parallel`` against a server), each result sent back as a ``Done`` event."""
    asked = False

    def take(timeout: float) -> Work | None | bool:
        nonlocal asked
        if not asked:
            try:
                return feed.get_nowait()  # the first item comes with the job
            except queue.Empty:
                io.on_event(NeedWork())  # claimed only now: never more than the free slots
                asked = True
        try:
            work = feed.get(timeout=max(timeout, 0.05))
        except queue.Empty:
            return False
        asked = False
        return work

    slots = slots_for(backend, parallel)
    return run_pool(backend, take, io.on_event, io, slots=slots, seed=None, ui_lang=ui_lang)

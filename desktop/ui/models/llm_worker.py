"""The model thread: one long-lived QThread owns the backend; the GUI talks to it by jobs.

``LlmWorker`` lives on the thread and is a thin adapter over the engine's plain-Python API.
``LlmClient`` lives on the GUI thread: it hands out job ids, sets cancel events directly (a
queued "cancel" slot could not run while the thread is busy generating), and batches streamed
text into the UI on a ~30 ms timer. Every job ends in exactly one of finished / failed /
cancelled.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from desktop.engine.backend import (
    Backend,
    LoadOptions,
    Progress,
)
from desktop.engine.errors import EngineError, GenerationCancelled, NotLoaded
from desktop.engine.tasks.io import TaskIO

log = logging.getLogger(__name__)

BackendFactory = Callable[[str], Backend]
FLUSH_MS = 30


@dataclass(frozen=True)
class LoadJob:
    backend: str
    options: LoadOptions


@dataclass(frozen=True)
class TaskJob:
    """An engine task (suggest, draft, critique) run with the loaded backend.

    ``run`` gets the backend and a ``TaskIO`` wired to the worker's signals; its return value
    is the job's result.
    """

    run: Callable[[Backend, TaskIO], object]
    label: str = ""


Job = LoadJob | TaskJob


class JobTable:
    """Jobs waiting for the model thread, shared by client and worker under a lock.

    Only job ids cross threads in signals; the job and its cancel event are taken from here.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, tuple[Job, threading.Event]] = {}

    def put(self, job_id: int, job: Job, cancel: threading.Event) -> None:
        with self._lock:
            self._jobs[job_id] = (job, cancel)

    def take(self, job_id: int) -> tuple[Job, threading.Event] | None:
        with self._lock:
            return self._jobs.pop(job_id, None)


class LlmWorker(QObject):
    """Runs jobs on the model thread. Never touches a widget.

    Signals:
        chunk_produced(int, str): text decoded for job id.
        progress_changed(int, str, int, int): job id, phase (``Progress.phase``), done, total.
        event_produced(int, object): a finished part of a task's result (a candidate).
        job_finished(int, object): job id and its result (a task's, or a load's model info).
        job_failed(int, str, str): job id, a short message, copyable details.
        job_cancelled(int): job id ended by its cancel event.
    """

    chunk_produced = Signal(int, str)
    event_produced = Signal(int, object)
    progress_changed = Signal(int, str, int, int)
    job_finished = Signal(int, object)
    job_failed = Signal(int, str, str)
    job_cancelled = Signal(int)

    def __init__(self, backend_factory: BackendFactory, jobs: JobTable) -> None:
        super().__init__()
        self._factory = backend_factory
        self._jobs = jobs
        self.backend: Backend | None = None

    @Slot(int)
    def _on_client_job_requested(self, job_id: int) -> None:
        taken = self._jobs.take(job_id)
        if taken is None:
            return
        job, cancel = taken
        if cancel.is_set():
            self.job_cancelled.emit(job_id)
            return
        try:
            if isinstance(job, LoadJob):
                result: object = self._load(job)
            elif isinstance(job, TaskJob):
                result = self._task(job_id, job, cancel)
            else:
                raise TypeError(f"unknown job {job!r}")
        except GenerationCancelled:
            self.job_cancelled.emit(job_id)
        except EngineError as exc:
            log.warning("job %d failed: %s (%s)", job_id, exc, exc.details)
            self.job_failed.emit(job_id, str(exc), exc.details or str(exc))
        except Exception as exc:  # noqa: BLE001 (the job boundary: nothing may escape)
            log.exception("job %d crashed", job_id)
            self.job_failed.emit(job_id, f"Unexpected error: {exc}", traceback.format_exc())
        else:
            self.job_finished.emit(job_id, result)

    def _load(self, job: LoadJob) -> dict[str, object]:
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        backend = self._factory(job.backend)
        started = time.perf_counter()
        backend.load(job.options)
        self.backend = backend
        return {
            "backend": job.backend,
            "n_ctx": backend.n_ctx,
            "seconds": time.perf_counter() - started,
        }

    def _task(self, job_id: int, job: TaskJob, cancel: threading.Event) -> object:
        backend = self.backend
        if backend is None:
            raise NotLoaded("No model is loaded. Choose one in the model settings.")

        def on_text(text: str) -> None:
            if text:
                self.chunk_produced.emit(job_id, text)

        def on_event(event: object) -> None:
            self.event_produced.emit(job_id, event)

        def on_progress(update: Progress) -> None:
            self.progress_changed.emit(job_id, update.phase, update.done, update.total)

        result = job.run(backend, TaskIO(cancel, on_text, on_event, on_progress))
        if cancel.is_set():
            raise GenerationCancelled("Cancelled.")
        return result

    @Slot()
    def _on_client_shutdown_requested(self) -> None:
        if self.backend is not None:
            self.backend.close()
            self.backend = None
        thread = self.thread()
        thread.quit()


class LlmClient(QObject):
    """The GUI side of the model thread.

    Signals:
        text_ready(int, str): batched text for job id (every ~30 ms while it streams).
        event_ready(int, object): a finished part of a task, after the text streamed before it.
        progress_changed(int, str, int, int): as LlmWorker's.
        job_finished(int, object), job_failed(int, str, str), job_cancelled(int): the job's end;
            any text of the job is delivered through text_ready before it.
    """

    job_requested = Signal(int)
    shutdown_requested = Signal()
    text_ready = Signal(int, str)
    event_ready = Signal(int, object)
    progress_changed = Signal(int, str, int, int)
    job_finished = Signal(int, object)
    job_failed = Signal(int, str, str)
    job_cancelled = Signal(int)

    def __init__(self, backend_factory: BackendFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._cancels: dict[int, threading.Event] = {}
        self._pending: dict[int, list[str]] = {}
        self.model_thread = QThread()
        self.model_thread.setObjectName("model-thread")
        self._jobs = JobTable()
        self.worker = LlmWorker(backend_factory, self._jobs)
        self.worker.moveToThread(self.model_thread)
        self.job_requested.connect(self.worker._on_client_job_requested)
        self.shutdown_requested.connect(self.worker._on_client_shutdown_requested)
        self.worker.chunk_produced.connect(self._on_worker_chunk_produced)
        self.worker.event_produced.connect(self._on_worker_event_produced)
        self.worker.progress_changed.connect(self.progress_changed)
        self.worker.job_finished.connect(self._on_worker_job_finished)
        self.worker.job_failed.connect(self._on_worker_job_failed)
        self.worker.job_cancelled.connect(self._on_worker_job_cancelled)
        self.model_thread.finished.connect(self.worker.deleteLater)
        self._flush_timer = QTimer(self)
        self._flush_timer.setInterval(FLUSH_MS)
        self._flush_timer.timeout.connect(self._on_flush_timer_timeout)
        self.model_thread.start()

    def submit(self, job: Job) -> int:
        job_id = next(self._ids)
        self._cancels[job_id] = threading.Event()
        self._jobs.put(job_id, job, self._cancels[job_id])
        self.job_requested.emit(job_id)
        return job_id

    def load(self, backend: str, options: LoadOptions) -> int:
        return self.submit(LoadJob(backend, options))

    def cancel(self, job_id: int) -> None:
        """Stop a job; takes effect within one token or one prompt batch."""
        event = self._cancels.get(job_id)
        if event is not None:
            event.set()

    def active_jobs(self) -> list[int]:
        return list(self._cancels)

    def _on_worker_chunk_produced(self, job_id: int, text: str) -> None:
        self._pending.setdefault(job_id, []).append(text)
        if not self._flush_timer.isActive():
            self._flush_timer.start()

    def _on_worker_event_produced(self, job_id: int, event: object) -> None:
        self._flush(job_id)
        self.event_ready.emit(job_id, event)

    def _flush(self, job_id: int) -> None:
        parts = self._pending.pop(job_id, None)
        if parts:
            self.text_ready.emit(job_id, "".join(parts))

    def _on_flush_timer_timeout(self) -> None:
        for job_id in list(self._pending):
            self._flush(job_id)
        self._flush_timer.stop()

    def _end(self, job_id: int) -> None:
        self._flush(job_id)
        self._cancels.pop(job_id, None)

    def _on_worker_job_finished(self, job_id: int, result: object) -> None:
        self._end(job_id)
        self.job_finished.emit(job_id, result)

    def _on_worker_job_failed(self, job_id: int, message: str, details: str) -> None:
        self._end(job_id)
        self.job_failed.emit(job_id, message, details)

    def _on_worker_job_cancelled(self, job_id: int) -> None:
        self._end(job_id)
        self.job_cancelled.emit(job_id)

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Cancel everything, close the backend on its own thread, and join the thread."""
        if not self.model_thread.isRunning():
            return True
        for event in self._cancels.values():
            event.set()
        self.shutdown_requested.emit()
        return bool(self.model_thread.wait(timeout_ms))

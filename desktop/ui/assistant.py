"""The model as the editors see it: its state, and tasks routed to their owners by job id."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.engine.backend import Backend, LoadOptions
from desktop.engine.tasks.io import TaskIO
from desktop.ui.llm_worker import LlmClient, TaskJob

log = logging.getLogger(__name__)


def _nothing(*_args: object) -> None:
    return None


@dataclass
class Handlers:
    """What to do with one job's output; every callback runs on the GUI thread."""

    on_text: Callable[[str], None] = _nothing
    on_event: Callable[[object], None] = _nothing
    on_finished: Callable[[object], None] = _nothing
    on_failed: Callable[[str, str], None] = _nothing
    on_cancelled: Callable[[], None] = _nothing


class Assistant(QObject):
    """Owns the model client on the GUI side.

    States: ``none`` (no model chosen), ``loading``, ``ready``, ``failed``.

    Signals:
        state_changed(str, str): the new state and a detail (model name or error message).
        job_started(int, str): a task's job id and its label.
        job_progress(int, str, int, int): job id, phase ("prompt"/"tokens"), done, total.
        job_ended(int): the job finished, failed or was cancelled.
        job_failed(int, str, str): job id, a short message, copyable details.
    """

    state_changed = Signal(str, str)
    job_started = Signal(int, str)
    job_progress = Signal(int, str, int, int)
    job_ended = Signal(int)
    job_failed = Signal(int, str, str)

    def __init__(self, client: LlmClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.state = "none"
        self.model_name = ""
        self.model_path: Path | None = None
        self._backend_name = "llama_cpp"
        self._load_options: dict[str, object] = {}
        self._load_job: int | None = None
        self._handlers: dict[int, Handlers] = {}
        client.text_ready.connect(self._on_client_text_ready)
        client.event_ready.connect(self._on_client_event_ready)
        client.progress_changed.connect(self._on_client_progress_changed)
        client.job_finished.connect(self._on_client_job_finished)
        client.job_failed.connect(self._on_client_job_failed)
        client.job_cancelled.connect(self._on_client_job_cancelled)

    @property
    def ready(self) -> bool:
        return self.state == "ready"

    def load(self, backend: str, path: Path, n_ctx: int = 4096, **options: object) -> None:
        """Load a model in the background; jobs queued after this run on it."""
        self.model_name = path.name
        self.model_path = path
        self._backend_name = backend
        self._load_options = {"n_ctx": n_ctx, **options}
        self._set_state("loading", path.name)
        self._load_job = self.client.load(
            backend,
            LoadOptions(path, **self._load_options),  # type: ignore[arg-type]
        )

    def run(
        self,
        label: str,
        task: Callable[[Backend, TaskIO], object],
        handlers: Handlers,
        model: Path | None = None,
    ) -> int | None:
        """Queue ``task`` for the model thread; None (and nothing queued) without a model.

        With ``model`` (a task's own default, such as a larger model for critiques), that model
        is loaded first when another one is loaded; the worker runs jobs in order.
        """
        if model is not None and self.state in ("ready", "loading") and model != self.model_path:
            self.load(self._backend_name, model, **self._load_options)  # type: ignore[arg-type]
        if self.state not in ("ready", "loading"):
            return None
        job_id = self.client.submit(TaskJob(task, label))
        self._handlers[job_id] = handlers
        self.job_started.emit(job_id, label)
        return job_id

    def cancel(self, job_id: int | None) -> None:
        if job_id is not None:
            self.client.cancel(job_id)

    def _set_state(self, state: str, detail: str) -> None:
        self.state = state
        self.state_changed.emit(state, detail)

    def _on_client_text_ready(self, job_id: int, text: str) -> None:
        if job_id in self._handlers:
            self._handlers[job_id].on_text(text)

    def _on_client_event_ready(self, job_id: int, event: object) -> None:
        if job_id in self._handlers:
            self._handlers[job_id].on_event(event)

    def _on_client_progress_changed(self, job_id: int, phase: str, done: int, total: int) -> None:
        if job_id in self._handlers:
            self.job_progress.emit(job_id, phase, done, total)

    def _on_client_job_finished(self, job_id: int, result: object) -> None:
        if job_id == self._load_job:
            self._load_job = None
            self._set_state("ready", self.model_name)
            return
        handlers = self._handlers.pop(job_id, None)
        if handlers is not None:
            self.job_ended.emit(job_id)
            handlers.on_finished(result)

    def _on_client_job_failed(self, job_id: int, message: str, details: str) -> None:
        if job_id == self._load_job:
            self._load_job = None
            log.warning("model load failed: %s", details)
            self._set_state("failed", message)
            self.job_failed.emit(job_id, message, details)
            return
        handlers = self._handlers.pop(job_id, None)
        if handlers is not None:
            self.job_ended.emit(job_id)
            self.job_failed.emit(job_id, message, details)
            handlers.on_failed(message, details)

    def _on_client_job_cancelled(self, job_id: int) -> None:
        handlers = self._handlers.pop(job_id, None)
        if handlers is not None:
            self.job_ended.emit(job_id)
            handlers.on_cancelled()

    def shutdown(self) -> bool:
        return self.client.shutdown()

"""The model as the editors see it: its state, and tasks routed to their owners by job id."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.engine.backend import Backend
from desktop.engine.qualification import Qualification, QualificationCache, with_qualification
from desktop.engine.tasks.io import TaskIO
from desktop.model_choice import ModelChoice, choose_model
from desktop.settings import Settings
from desktop.ui.models.llm_worker import LlmClient, TaskJob

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
    """Owns the model client on the GUI side, and the choice of model for each job.

    Once it follows the app's settings (``follow``), each job runs on the model the settings name
    for its task when the job is queued (``desktop/model_choice.py``): a critique loads the
    critique model, and the next suggestion loads the default model back. Without settings (or
    without a model in them) jobs run on whatever ``load`` loaded.

    States: ``none`` (no model chosen), ``loading``, ``ready``, ``failed``.

    Signals:
        state_changed(str, str): the new state and a detail (model name or error message).
        job_started(int, str): a task's job id and its label.
        job_progress(int, str, int, int): job id, phase (``Progress.phase``), done, total.
        job_ended(int): the job finished, failed or was cancelled.
        job_failed(int, str, str): job id, a short message, copyable details.
        qualified(object): a model's ``Qualification`` was measured (the first judging job on
            a model file runs the qualification set first).
    """

    state_changed = Signal(str, str)
    job_started = Signal(int, str)
    job_progress = Signal(int, str, int, int)
    job_ended = Signal(int)
    job_failed = Signal(int, str, str)
    qualified = Signal(object)

    # Jobs that judge text: run only with what the model qualified for (engine/qualification).
    JUDGING = ("critique", "draft", "interview-feedback")

    def __init__(
        self,
        client: LlmClient,
        parent: QObject | None = None,
        qualifications: QualificationCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.qualifications = qualifications
        self.state = "none"
        self.model_name = ""
        self.model_path: Path | None = None
        self.settings: Settings | None = None
        self._choice: ModelChoice | None = None
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

    def follow(self, settings: Settings) -> None:
        """Choose each job's model from ``settings`` (the app's live object) from now on."""
        self.settings = settings

    def load_default(self) -> None:
        """Load the default model the settings name, in the background (state "none" without)."""
        choice = choose_model(self.settings, "suggest") if self.settings else None
        if choice is None:
            self._choice = None
            self._set_state("none", "")
            return
        self._load(choice)

    def load(self, backend: str, path: Path, n_ctx: int = 4096, **options: object) -> None:
        """Load a model in the background; jobs queued after this run on it."""
        self._load(ModelChoice(backend, path, n_ctx, tuple(sorted(options.items()))))

    def _load(self, choice: ModelChoice) -> None:
        self._choice = choice
        self.model_name = choice.path.name
        self.model_path = choice.path
        self._set_state("loading", choice.path.name)
        self._load_job = self.client.load(choice.backend, choice.load_options())

    def run(
        self, label: str, task: Callable[[Backend, TaskIO], object], handlers: Handlers
    ) -> int | None:
        """Queue ``task`` for the model thread; None (and nothing queued) without a model.

        ``label`` names the task ("suggest", "critique", …): when the settings name another
        model for it than the one loaded, that one is loaded first (the worker runs jobs in
        order), also after a failed load of a different model.
        """
        choice = choose_model(self.settings, label) if self.settings else None
        usable = ("ready", "loading", "failed")
        if choice is not None and choice != self._choice and self.state in usable:
            self._load(choice)
        if self.state not in ("ready", "loading"):
            return None
        model = self._model_key(label)
        if label in self.JUDGING and self.qualifications is not None and model is not None:
            task = with_qualification(task, self.qualifications, model)
        job_id = self.client.submit(TaskJob(task, label))
        self._handlers[job_id] = handlers
        self.job_started.emit(job_id, label)
        return job_id

    def runs_chosen_model(self, label: str) -> bool:
        """Whether jobs queued now for ``label`` run on the model the settings name for it (a
        running batch ends its job when the user chose another, so the next item loads that)."""
        choice = choose_model(self.settings, label) if self.settings else None
        return choice is None or choice == self._choice

    def _model_key(self, label: str) -> Path | str | None:
        """What identifies the model ``label`` runs on: its file, or a server's address and
        model name."""
        choice = (choose_model(self.settings, label) if self.settings else None) or self._choice
        if choice is None:
            return None
        if choice.backend == "openai":
            return f"openai:{dict(choice.options).get('base_url', '')}:{choice.path}"
        return choice.path

    def verdict(self, label: str = "critique") -> Qualification | None:
        """The measured abilities of the model ``label`` runs on; None until measured."""
        model = self._model_key(label)
        if self.qualifications is None or model is None:
            return None
        return self.qualifications.get(model)

    def can(self, task: str, label: str = "critique") -> bool | None:
        """Whether that model qualified for ``task`` ("critique_ko", "draft"…); None: unknown."""
        verdict = self.verdict(label)
        return None if verdict is None else verdict.can(task)

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
        if isinstance(event, Qualification):
            self.qualified.emit(event)
            return
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

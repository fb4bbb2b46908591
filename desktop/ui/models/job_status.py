"""Progress of long model jobs in the status bar: prompt reading, then writing; Stop; errors."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QPushButton, QWidget

from desktop.ui.models.assistant import Assistant

SHOW_AFTER_MS = 600


class JobStatus(QWidget):
    """Appears when a job has run for ``SHOW_AFTER_MS`` (short jobs never flash).

    Jobs labelled one of ``shown_elsewhere`` are left to the control that started them (the
    critique queue's bar, with its own Pause and Cancel), so one job never has two sets of
    controls in the status bar.
    """

    def __init__(
        self,
        assistant: Assistant,
        parent: QWidget | None = None,
        *,
        shown_elsewhere: tuple[str, ...] = (),
    ) -> None:
        super().__init__(parent)
        self.assistant = assistant
        self.shown_elsewhere = shown_elsewhere
        self._elsewhere: set[int] = set()
        self.jobs: dict[int, str] = {}  # running jobs and their labels, oldest first
        self._label = ""
        self._details = ""
        self.text = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.details_button = QPushButton(self.tr("Details…"))
        self.details_button.clicked.connect(self._on_details_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.text, self.bar, self.stop_button, self.details_button):
            layout.addWidget(widget)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._on_show_timer_timeout)
        assistant.job_started.connect(self._on_assistant_job_started)
        assistant.job_progress.connect(self._on_assistant_job_progress)
        assistant.job_ended.connect(self._on_assistant_job_ended)
        assistant.job_failed.connect(self._on_assistant_job_failed)
        self.hide()

    def _label_for(self, label: str) -> str:
        return {
            "suggest": self.tr("Suggesting"),
            "critique": self.tr("Reviewing"),
            "draft": self.tr("Drafting"),
        }.get(label, label)

    @property
    def job(self) -> int | None:
        """The job shown: the newest still running."""
        return next(reversed(self.jobs), None)

    def _on_assistant_job_started(self, job_id: int, label: str) -> None:
        if label in self.shown_elsewhere:
            self._elsewhere.add(job_id)
            return
        self.jobs[job_id] = self._label_for(label)
        self._show_job()
        self._show_timer.start()

    def _show_job(self) -> None:
        job = self.job
        if job is None:
            return
        self._label = self.jobs[job]
        self.text.setText(self._label + "…")
        self.bar.setRange(0, 0)
        self.bar.show()
        self.stop_button.show()
        self.details_button.hide()

    def _on_show_timer_timeout(self) -> None:
        if self.job is not None:
            self.show()

    def _on_assistant_job_progress(self, job_id: int, phase: str, done: int, total: int) -> None:
        if job_id != self.job:
            return
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(min(done, total))
        if phase == "qualify":  # the first judging job on a model file (engine/qualification)
            what = self.tr("checking what this model can do (once per model)")
            self.text.setText(f"{self._label}: {what} {done + 1}/{total}")
            return
        what = self.tr("reading the prompt") if phase == "prompt" else self.tr("writing")
        self.text.setText(f"{self._label}: {what} {done:,}/{total:,}")

    def _on_assistant_job_ended(self, job_id: int) -> None:
        self.jobs.pop(job_id, None)
        if self.jobs:
            self._show_job()
        else:
            self._show_timer.stop()
            self.hide()

    def _on_assistant_job_failed(self, job_id: int, message: str, details: str) -> None:
        if job_id in self._elsewhere:  # (job_failed follows job_ended)
            return  # the queue lists its failed answers itself
        self._details = details
        self.text.setText(self.tr("Failed: %1").replace("%1", message))
        self.bar.hide()
        self.stop_button.hide()
        self.details_button.show()
        self.show()

    def _on_stop_button_clicked(self) -> None:
        self.assistant.cancel(self.job)

    def _on_details_button_clicked(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Jaso", self.text.text(), parent=self)
        box.setDetailedText(self._details)
        box.exec()
        self.hide()

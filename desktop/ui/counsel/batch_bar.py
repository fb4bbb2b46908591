"""The critique queue's progress in the status bar: done of total, time left, pause, cancel,
failures."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from desktop.counsel.runner import duration_text
from desktop.store import StorageError
from desktop.store.batches import BatchProgress, batch_failures
from desktop.ui.assist.critique_queue import CritiqueQueue


class BatchBar(QWidget):
    """Hidden when there is no batch, and a while after one ended with nothing failed."""

    HIDE_AFTER_MS = 8000

    def __init__(self, controller: CritiqueQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.progress: BatchProgress | None = None
        self.label = QLabel()
        self.phase = QLabel()  # what the model is at on the item running alone
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(180)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.failures_button = QPushButton()
        self.close_button = QPushButton(self.tr("Hide"))
        self.pause_button.clicked.connect(self._on_pause_button_clicked)
        self.cancel_button.clicked.connect(self._on_cancel_button_clicked)
        self.failures_button.clicked.connect(self._on_failures_button_clicked)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.label,
            self.phase,
            self.bar,
            self.pause_button,
            self.cancel_button,
            self.failures_button,
            self.close_button,
        ):
            layout.addWidget(widget)
        self.hide_timer = QTimer(self)
        self.hide_timer.setSingleShot(True)
        self.hide_timer.setInterval(self.HIDE_AFTER_MS)
        self.hide_timer.timeout.connect(self.hide)
        controller.progress_changed.connect(self.show_progress)
        controller.phase_changed.connect(self._on_controller_phase_changed)
        controller.critique_saved.connect(self._on_controller_critique_saved)
        self.hide()

    def _on_controller_phase_changed(
        self, _question_id: int, phase: str, _done: int, _total: int
    ) -> None:
        self.phase.setText(
            {
                "qualify": self.tr("· measuring the model"),
                "prompt": self.tr("· reading"),
                "scoring": self.tr("· scoring"),
            }.get(phase, self.tr("· writing"))
        )

    def _on_controller_critique_saved(self, _question_id: int) -> None:
        self.phase.clear()

    def show_progress(self, progress: BatchProgress | None) -> None:
        self.progress = progress
        if progress is None:
            self.hide()
            return
        self.bar.setRange(0, max(1, progress.total))
        self.bar.setValue(progress.finished)
        self.bar.setFormat(f"{progress.finished}/{progress.total}")
        active = progress.state in ("running", "paused") and bool(
            progress.queued or progress.running
        )
        if progress.state == "paused":
            text = self.tr("Reviews paused")
        elif progress.state == "cancelled":
            text = self.tr("Reviews cancelled")
        elif not active:
            text = self.tr("Reviews done")
        elif self.controller.assistant.state not in ("ready", "loading"):
            text = self.tr("Reviews wait for a model (Model ▸ Models…)")
        else:
            text = self.tr("Reviewing · about %1 left").replace(
                "%1", "…" if progress.eta_seconds is None else duration_text(progress.eta_seconds)
            )
        self.label.setText(text)
        if not active:
            self.phase.clear()
        self.pause_button.setText(
            self.tr("Resume") if progress.state == "paused" else self.tr("Pause")
        )
        self.pause_button.setVisible(active)
        self.cancel_button.setVisible(active)
        self.close_button.setVisible(not active)
        self.failures_button.setVisible(progress.failed > 0)
        self.failures_button.setText(self.tr("%n failed", "", progress.failed))
        self.show()
        if progress.state == "done" and not active and progress.failed == 0:
            self.hide_timer.start()  # a Review of one answer leaves no bar behind
        else:
            self.hide_timer.stop()

    def _on_pause_button_clicked(self) -> None:
        if self.progress is not None and self.progress.state == "paused":
            self.controller.resume()
        else:
            self.controller.pause()

    def _on_cancel_button_clicked(self) -> None:
        self.controller.cancel()

    def _on_failures_button_clicked(self) -> None:
        if self.progress is None:
            return
        try:
            failures = self.controller.db.run(batch_failures, batch_id=self.progress.batch_id)
        except StorageError as exc:
            QMessageBox.warning(self, self.tr("Batch review"), str(exc))
            return
        lines = [f"• {f.company} — {f.question[:50]}: {f.error}" for f in failures]
        QMessageBox.information(
            self,
            self.tr("Batch review"),
            self.tr("These answers were not reviewed:") + "\n\n" + "\n".join(lines),
        )

"""A model download on its own thread (not the model thread), reporting through signals."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from desktop.engine.downloads import Download, DownloadError, DownloadProgress, DownloadStopped
from desktop.engine.errors import EngineError
from desktop.engine.gguf_check import validate_in_subprocess


class DownloadThread(QThread):
    """Runs one ``Download`` and validates the file in a subprocess when it is complete.

    Signals:
        progressed(float, float, float, float): bytes done, total (-1 unknown), bytes/s, ETA s
            (-1 unknown).
        completed(str): the model file, downloaded and valid.
        failed(str, str): a short message and details.
        stopped(str): paused or cancelled (the message says which).
    """

    progressed = Signal(float, float, float, float)
    completed = Signal(str)
    failed = Signal(str, str)
    stopped = Signal(str)

    def __init__(self, download: Download) -> None:
        super().__init__()
        self.download = download

    def _report(self, update: DownloadProgress) -> None:
        total = float(update.total) if update.total is not None else -1.0
        eta = update.eta_s if update.eta_s is not None else -1.0
        self.progressed.emit(float(update.done), total, update.speed, eta)

    def run(self) -> None:
        try:
            path = self.download.run(self._report)
            try:
                validate_in_subprocess(path)
            except EngineError:
                path.unlink(missing_ok=True)
                raise
        except DownloadStopped as exc:
            self.stopped.emit(str(exc))
        except (DownloadError, EngineError) as exc:
            self.failed.emit(str(exc), exc.details)
        else:
            self.completed.emit(str(path))

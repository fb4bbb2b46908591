"""Reading files to import in a separate process, with their progress and a cancel.

A thread is not enough: pdfminer lays out a page in pure Python holding the GIL, and the Korean
analyzer that decides a PDF's line joins takes seconds and ~300 MB to load (the GUI process
never loads it; see ``writing/korean.py``). One spawned process serves one "Import essays":
started before the file dialog opens, it sets the analyzer up while the user chooses, then
reads each chosen file and sends back its progress (parts read of all) and the preview's text
or the reader's message. Cancel ends the process, wherever it is; the next file gets a new one.
``close`` ends it after the last file.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.importing.errors import ImportFailed
from desktop.importing.reading_process import serve
from desktop.messages import language, say

_POLL_MS = 50
_SHOW_AFTER_MS = 600


class ImportReader(QObject):
    """Reads ``path`` in another process.

    Signals:
        progressed(int, int): parts read, of all.
        finished(str, list): the text for the preview, and what the reader left out on
            purpose: (kind, text) pairs, kind one of "header", "footer", "note", "comment",
            "page".
        failed(str): the reader's message (a damaged file, a scan, a password).
    """

    progressed = Signal(int, int)
    finished = Signal(str, list)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path()
        self._process: BaseProcess | None = None
        self._pipe: Connection | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.running = False
        self._outcome: tuple[str, str, list[tuple[str, str]]] | None = None
        self._loop = QEventLoop(self)
        self._dialog: QProgressDialog | None = None
        self.progressed.connect(self._on_self_progressed)
        self.finished.connect(self._on_self_finished)
        self.failed.connect(self._on_self_failed)

    def start(self) -> None:
        """Start the reading process now (it sets the analyzer up), if it is not running."""
        if self._process is not None and self._process.is_alive():
            return
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe()
        self._process = context.Process(
            target=serve, args=(child, language()), name="jaso-import", daemon=True
        )
        self._process.start()
        child.close()  # the parent keeps only its end, so an ended child reads as EOF

    def close(self) -> None:
        """End the reading process (after the last file, or at once while it reads)."""
        process, pipe = self._process, self._pipe
        self._process = self._pipe = None
        self._stop()
        if process is None or pipe is None:
            return
        try:
            pipe.send(None)
        except OSError:
            pass
        process.join(1)
        if process.is_alive():
            process.terminate()
            process.join(5)
        pipe.close()

    def read(self, path: Path, parent: QWidget) -> tuple[str, list[tuple[str, str]]] | None:
        """The preview's text of ``path`` and what was left out, read while a progress dialog
        with Cancel shows (after a moment); None when the user cancels. Raises ImportFailed."""
        self.path, self._outcome = path, None
        self.start()
        assert self._pipe is not None
        self._pipe.send(path)
        self.running = True
        self._timer.start()
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.tr("Import essays"))
        dialog.setLabelText(self.tr("Reading %1…").replace("%1", self.path.name))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setRange(0, 0)  # busy until the reader says how many parts there are
        dialog.setMinimumDuration(_SHOW_AFTER_MS)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog = dialog
        dialog.canceled.connect(self.cancel)
        if self.running:
            self._loop.exec()
        self._dialog = None
        dialog.reset()
        dialog.deleteLater()
        if self._outcome is None:
            return None
        kind, text, left_out = self._outcome
        if kind == "failed":
            raise ImportFailed(text)
        return text, left_out

    def _on_self_progressed(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setRange(0, total)
            self._dialog.setValue(done)

    def _on_self_finished(self, text: str, left_out: list[tuple[str, str]]) -> None:
        self._outcome = ("done", text, left_out)
        self._loop.quit()

    def _on_self_failed(self, text: str) -> None:
        self._outcome = ("failed", text, [])
        self._loop.quit()

    def cancel(self) -> None:
        """End the reading now; no signal follows, and ``read`` returns None."""
        self._loop.quit()
        if self.running:
            self.close()

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        if self._pipe is None:
            return
        try:
            while self._pipe.poll():
                message = self._pipe.recv()
                if message[0] == "progress":
                    self.progressed.emit(message[1], message[2])
                    continue
                self._stop()
                if message[0] == "done":
                    self.finished.emit(message[1], [tuple(pair) for pair in message[2]])
                else:
                    self.failed.emit(message[1])
                return
        except (EOFError, OSError):  # the process died without a word (killed, out of memory)
            self.close()
            self.failed.emit(
                say(
                    f"{self.path.name} 파일을 읽던 중 읽기 프로세스가 끝나 버렸습니다.",
                    f"The process reading {self.path.name} ended before it finished.",
                )
            )

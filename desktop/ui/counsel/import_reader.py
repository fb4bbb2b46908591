"""Reading a file to import in a separate process, with its progress and a cancel.

A thread is not enough: pdfminer lays out a page in pure Python holding the GIL, and the Korean
analyzer that decides a PDF's line joins takes seconds and ~300 MB to load (the GUI process
never loads it; see ``writing/korean.py``). A spawned process reads one file and sends back its
progress (parts read of all, as the reader counts them) and then the preview's text or the
reader's message; cancelling ends the process, wherever it is.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop.importing.errors import ImportFailed
from desktop.importing.reading_process import read_into
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

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        context = multiprocessing.get_context("spawn")
        self._pipe, child = context.Pipe(duplex=False)
        self._process = context.Process(
            target=read_into, args=(path, child, language()), name="jaso-import", daemon=True
        )
        self._child = child
        self._timer = QTimer(self)
        self._timer.setInterval(_POLL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self.running = False
        self._outcome: tuple[str, str, list[tuple[str, str]]] | None = None
        self._loop = QEventLoop(self)
        self._dialog: QProgressDialog | None = None

    def read(self, parent: QWidget) -> tuple[str, list[tuple[str, str]]] | None:
        """The preview's text and what was left out, read while a progress dialog with Cancel
        shows (after a moment); None when the user cancels. Raises ImportFailed."""
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(self.tr("Import essays"))
        dialog.setLabelText(self.tr("Reading %1…").replace("%1", self.path.name))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setRange(0, 0)  # busy until the reader says how many parts there are
        dialog.setMinimumDuration(_SHOW_AFTER_MS)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog = dialog
        self.progressed.connect(self._on_self_progressed)
        self.finished.connect(self._on_self_finished)
        self.failed.connect(self._on_self_failed)
        dialog.canceled.connect(self.cancel)
        self.start()
        self._loop.exec()
        dialog.reset()
        dialog.deleteLater()
        self.deleteLater()
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

    def start(self) -> None:
        self._process.start()
        self._child.close()  # the parent keeps only its end, so an ended child reads as EOF
        self.running = True
        self._timer.start()

    def cancel(self) -> None:
        """End the reading now; no signal follows, and ``read`` returns None."""
        self._loop.quit()
        if self.running:
            self._stop()
            self._process.terminate()
            self._process.join(5)

    def _stop(self) -> None:
        self.running = False
        self._timer.stop()

    def _on_timer_timeout(self) -> None:
        try:
            while self._pipe.poll():
                message = self._pipe.recv()
                if message[0] == "progress":
                    self.progressed.emit(message[1], message[2])
                    continue
                self._stop()
                self._process.join(5)
                if message[0] == "done":
                    self.finished.emit(message[1], [tuple(pair) for pair in message[2]])
                else:
                    self.failed.emit(message[1])
                return
        except (EOFError, OSError):  # the process died without a word (killed, out of memory)
            self._stop()
            self.failed.emit(
                say(
                    f"{self.path.name} 파일을 읽던 중 읽기 프로세스가 끝나 버렸습니다.",
                    f"The process reading {self.path.name} ended before it finished.",
                )
            )

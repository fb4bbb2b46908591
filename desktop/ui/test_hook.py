"""A typing robot for crash tests: types a file's text into the first answer, logging progress.

Enabled only by ``JASO_TEST_TYPE_FILE``; each typed character appends "<unix time> <count>" to
``JASO_TEST_TYPE_LOG`` (flushed, so a SIGKILL loses nothing already logged).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QObject, QTimer

from desktop.ui.main_window import MainWindow


class TypingRobot(QObject):
    def __init__(self, window: MainWindow, text: str, log_path: Path, interval_ms: int) -> None:
        super().__init__(window)
        self.window = window
        self.text = text
        self.typed = 0
        self.log: TextIO = log_path.open("a", encoding="utf-8", buffering=1)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        self.timer.start()

    def _on_timer_timeout(self) -> None:
        editors = self.window.view.editors
        if not editors or self.typed >= len(self.text):
            self.timer.stop()
            return
        edit = editors[0].answer_edit
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        edit.insertPlainText(self.text[self.typed])
        self.typed += 1
        self.log.write(f"{time.time():.3f} {self.typed}\n")


def maybe_start(window: MainWindow) -> TypingRobot | None:
    source = os.environ.get("JASO_TEST_TYPE_FILE")
    if not source:
        return None
    robot = TypingRobot(
        window,
        Path(source).read_text(encoding="utf-8"),
        Path(os.environ.get("JASO_TEST_TYPE_LOG", source + ".log")),
        int(os.environ.get("JASO_TEST_TYPE_INTERVAL_MS", "15")),
    )
    robot.start()
    return robot

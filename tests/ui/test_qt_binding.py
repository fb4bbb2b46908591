"""Guards against Qt binding regressions that would crash a long session.

PySide6 6.12.0 decremented the reference count of ``True`` on every ``Signal.emit``: after
enough streamed tokens the interpreter aborts ("bool_dealloc"). pyproject excludes it; this test
catches any release with the same defect.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    text = Signal(int, str)


def test_signal_emit_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.text.connect(lambda job, _text: received.append(job))

    def emit_many() -> None:
        for i in range(500):
            emitter.text.emit(i, "가")

    before = sys.getrefcount(True), sys.getrefcount(False)
    emit_many()
    worker = threading.Thread(target=emit_many)
    worker.start()
    worker.join()
    after = sys.getrefcount(True), sys.getrefcount(False)
    assert len(received) >= 500
    assert after[0] >= before[0] - 50 and after[1] >= before[1] - 50, (before, after)

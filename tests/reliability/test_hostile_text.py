"""Hostile text: huge pastes, endless lines, RTL, combining marks, ZWJ emoji, NUL bytes.
Counts must be right, and the editor must not stall the GUI thread for over 100 ms."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import questions as qs
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.writing.counting import count_all, normalize
from tests.reliability.conftest import FULL, Ledger
from tests.ui.conftest import type_text

SENTENCE = "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석했습니다. "
STALL_MS = 100.0

CASES = {
    "1 MB paste": (SENTENCE * 20 + "\n") * 800,
    "100,000-character line": "가" * 100_000,
    "RTL (Arabic, Hebrew) mixed with Hangul": "مرحبا بالعالم שלום עולם 안녕하세요 " * 200,
    "combining marks": ("e\u0301\u0302\u0303 " * 5000),
    "emoji ZWJ sequences": "👨\u200d👩\u200d👧\u200d👦 🏳️\u200d🌈 👍🏽 " * 2000,
    "NUL bytes": ("가\x00나\x00 " * 10_000),
}
EXPECTED_CHARS = {
    "1 MB paste": (len(SENTENCE) * 20 + 1) * 800,
    "100,000-character line": 100_000,
    "RTL (Arabic, Hebrew) mixed with Hangul": len("مرحبا بالعالم שלום עולם 안녕하세요 ") * 200,
    "combining marks": 2 * 5000,  # "é̂̃" is one character, then a space
    "emoji ZWJ sequences": 6 * 2000,  # three emoji and three spaces
    "NUL bytes": 5 * 10_000,
}


class Heartbeat:
    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.gaps.append(self.clock.nsecsElapsed() / 1e6)
        self.clock.restart()

    def __enter__(self) -> Heartbeat:
        self.gaps = []
        self.clock.start()
        self.timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.timer.stop()

    @property
    def worst(self) -> float:
        return max(self.gaps[1:], default=0.0)


def test_counts_of_hostile_text() -> None:
    for name, text in CASES.items():
        counts = count_all(text)
        assert counts["chars_incl_spaces"] == EXPECTED_CHARS[name], name
        assert counts["bytes_utf8"] == len(normalize(text).encode("utf-8")), name


KNOWN_STALLS = {
    # Qt lays out a whole paragraph on every edit: a 100,000-character line costs about 400 ms
    # per keystroke on this machine (QTextLayout, not our code).
    "100,000-character line": "Qt relayouts the whole 100k-character paragraph per keystroke",
    # Traced: the counter's scan for invisible characters (~0.4 s, now line by line) and its
    # whitespace count are gone; what is left is the autosave, where SQLite's full-text index
    # re-reads the old and the new megabyte (~85 ms of a ~115 ms save, bench/counter_bench.py
    # has the counter's part).
    "1 MB paste": "the autosave re-indexes the 1 MB answer for search (FTS5), ~85 ms",
}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(reason=KNOWN_STALLS[name], strict=True)]
            if name in KNOWN_STALLS and FULL
            else [],
        )
        for name in CASES
    ],
)
def test_no_gui_stall_while_typing_into_hostile_text(
    name: str, qtbot: QtBot, tmp_path: Path, ledger: Ledger
) -> None:
    text = CASES[name]
    db = Database(tmp_path / "jaso.sqlite3")
    app_id = db.run(apps.create_application, company="한빛물류", questions=[apps.NewQuestion("q")])
    question = db.run(apps.get_application, application_id=app_id).questions[0]

    def save(question_id: int, answer: str) -> object:
        return db.run(qs.save_answer, question_id=question_id, text=answer)

    try:
        editor = QuestionEditor(question, 1, save, idle_ms=300, max_wait_ms=1000)  # type: ignore[arg-type]
        qtbot.addWidget(editor)
        editor.show()
        edit = editor.answer_edit
        started = time.perf_counter()
        edit.insertPlainText(text)  # the paste itself: one Qt layout of the whole text
        paste_ms = (time.perf_counter() - started) * 1000
        with Heartbeat() as beat:
            for _ in range(10):
                type_text(edit, "가")
                qtbot.wait(40)
            qtbot.wait(1500)  # autosave, counter and the background checks settle
        assert editor.counter.text().startswith(f"{EXPECTED_CHARS[name] + 10:,}")
        assert db.run(qs.get_question, question_id=question.id).answer == editor.text()
        editor.close()
        QApplication.processEvents()
    finally:
        db.close()
    ledger.record(
        "hostile text",
        f"typing 10 characters into: {name}",
        1,
        int(beat.worst <= STALL_MS),
        "none (saved text equals the editor's)",
        f"worst GUI gap {beat.worst:.0f} ms (target {STALL_MS:.0f}); paste {paste_ms:.0f} ms"
        + (f"; known: {KNOWN_STALLS[name]}" if name in KNOWN_STALLS else ""),
    )
    # Timing is judged in the full run only (make reliability, a quiet machine); in make test
    # the figures are recorded and the text must be right, but a busy CI box may be slow.
    if FULL:
        assert beat.worst <= STALL_MS, f"{beat.worst:.0f} ms"

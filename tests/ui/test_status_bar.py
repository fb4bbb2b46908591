"""The status bar: one set of controls per job."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.store import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.models.job_status import JobStatus
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend


@pytest.fixture
def slow(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> Iterator[MainWindow]:
    win = window_with_model(qtbot, db, paths, FakeBackend(delay=1.5))
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    yield win
    assert win.assistant is not None and win.assistant.shutdown()


def _visible_buttons(win: MainWindow) -> list[str]:
    return [b.text() for b in win.statusBar().findChildren(QPushButton) if b.isVisibleTo(win)]


def test_a_review_has_one_set_of_controls(qtbot: QtBot, slow: MainWindow) -> None:
    status = slow.findChild(JobStatus)
    assert status is not None
    slow.view.review_all()
    qtbot.waitUntil(lambda: slow.batch_bar.isVisible(), timeout=5000)
    qtbot.wait(900)  # past the job status's delay: it would have shown by now
    assert not status.isVisible()
    buttons = _visible_buttons(slow)
    assert slow.batch_bar.cancel_button.text() in buttons
    assert status.stop_button.text() not in buttons

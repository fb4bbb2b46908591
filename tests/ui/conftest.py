from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths, app_paths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store.samples import import_applications
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.llm_worker import LlmClient
from tests.conftest import SAMPLES
from tests.ui.fakes import FakeBackend, fake_factory


@pytest.fixture
def paths(jaso_home: Path) -> AppPaths:
    result = app_paths()
    result.ensure()
    return result


@pytest.fixture
def db(paths: AppPaths) -> Iterator[Database]:
    database = Database(paths.database)
    yield database
    database.close()


@pytest.fixture
def sample_ids(db: Database) -> list[int]:
    return db.run(import_applications, data=json.loads(SAMPLES.read_text(encoding="utf-8")))


@pytest.fixture
def window(qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]) -> MainWindow:
    settings = Settings(autosave_idle_ms=300, autosave_max_wait_ms=1000)
    win = MainWindow(db, settings, paths)
    qtbot.addWidget(win)
    win.show()
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    return win


def when_modal(action: Callable[[QWidget], None]) -> None:
    """Run ``action`` on the next modal dialog once it is shown (dialogs block in exec())."""

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        action(modal)

    QTimer.singleShot(0, poll)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` the way an input method delivers Hangul: one commit per character."""
    from PySide6.QtGui import QInputMethodEvent

    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget.focusProxy() or widget, event)


def window_with_model(
    qtbot: QtBot,
    db: Database,
    paths: AppPaths,
    backend: FakeBackend,
    settings: Settings | None = None,
    load: Callable[[MainWindow], None] | None = None,
) -> MainWindow:
    """A shown main window whose assistant runs ``backend``, once its model is ready (``load``
    loads it; by default a fake file name)."""
    assistant = Assistant(LlmClient(fake_factory(backend)))
    win = MainWindow(db, settings or Settings(), paths, assistant, "ko")
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(
        assistant.state_changed, timeout=5000, check_params_cb=lambda s, _d: s == "ready"
    ):
        if load is None:
            assistant.load("fake", Path("fake.gguf"))
        else:
            load(win)
    return win

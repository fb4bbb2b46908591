"""Which model each task runs on: read from the settings when the job starts (the fake backend
records the model loaded at each call; the settings name real files in the models folder)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import applications as apps
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text, window_with_model
from tests.ui.fakes import FakeBackend


def _model(paths: AppPaths, name: str) -> Path:
    path = paths.models_dir / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"GGUF")  # the fake backend never reads it; the choice checks it exists
    return path


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def win(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int], backend: FakeBackend
) -> Iterator[MainWindow]:
    settings = Settings(
        suggest_pause_ms=150,
        suggest_count=2,
        model_path=str(_model(paths, "writer.gguf")),
        critique_model_path=str(_model(paths, "critic.gguf")),
    )
    window = window_with_model(qtbot, db, paths, backend, settings, MainWindow.load_model)
    window.reload_list(select_id=sample_ids[0])
    window.view.show_application(sample_ids[0])
    yield window
    assert window.assistant is not None and window.assistant.shutdown()


def _focus(qtbot: QtBot, window: MainWindow) -> QuestionEditor:
    editor: QuestionEditor = window.view.editors[0]
    window.activateWindow()
    edit = editor.answer_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    qtbot.waitUntil(lambda: window.view.active is editor, timeout=2000)
    return editor


def _critique(qtbot: QtBot, window: MainWindow) -> None:
    assert window.view.critique_queue is not None
    _focus(qtbot, window)
    with qtbot.waitSignal(window.view.critique_queue.critique_saved, timeout=10000):
        window.assist.critique.review_button.click()


def _ghost_text(qtbot: QtBot, window: MainWindow) -> None:
    edit = _focus(qtbot, window).answer_edit
    type_text(edit, " 저는")
    qtbot.waitUntil(lambda: edit.ghost_text != "", timeout=10000)


def _models(backend: FakeBackend, kind: str) -> list[str]:
    return [path.name if path else "" for k, path in backend.ran_on if k == kind]


def test_ghost_text_after_a_critique_runs_on_the_suggestion_model(
    qtbot: QtBot, win: MainWindow, backend: FakeBackend
) -> None:
    _critique(qtbot, win)
    backend.ran_on.clear()
    _ghost_text(qtbot, win)
    assert _models(backend, "text") and set(_models(backend, "text")) == {"writer.gguf"}
    assert win.assistant is not None and win.assistant.model_name == "writer.gguf"


def test_a_critique_model_chosen_in_the_manager_is_used_by_the_next_critique(
    qtbot: QtBot, win: MainWindow, backend: FakeBackend, paths: AppPaths
) -> None:
    _critique(qtbot, win)
    assert set(_models(backend, "structured")) == {"critic.gguf"}
    # What the model manager's "Use for critiques" does to the shared settings; no restart.
    win.settings.critique_model_path = str(_model(paths, "sharper-critic.gguf"))
    backend.ran_on.clear()
    _critique(qtbot, win)
    assert set(_models(backend, "structured")) == {"sharper-critic.gguf"}


def test_a_removed_critique_model_falls_back_to_the_default_model(
    qtbot: QtBot, win: MainWindow, backend: FakeBackend
) -> None:
    Path(win.settings.critique_model_path).unlink()  # deleted from the models folder
    _critique(qtbot, win)
    assert set(_models(backend, "structured")) == {"writer.gguf"}


def test_batch_review_reads_the_critique_model_when_each_item_starts(
    qtbot: QtBot, win: MainWindow, backend: FakeBackend, paths: AppPaths
) -> None:
    win.settings.critique_model_path = str(_model(paths, "batch-critic.gguf"))
    batches = win.critique_queue
    assert batches is not None
    ids = [editor.question_id for editor in win.view.editors if editor.text().strip()]
    assert batches.add(ids)
    qtbot.waitUntil(
        lambda: (p := batches._progress_or_none()) is not None and p.done == len(ids),  # noqa: SLF001
        timeout=20_000,
    )
    assert set(_models(backend, "structured")) == {"batch-critic.gguf"}


def test_a_model_chosen_while_a_batch_runs_takes_the_items_not_yet_started(
    qtbot: QtBot, win: MainWindow, backend: FakeBackend, paths: AppPaths, db: Database
) -> None:
    """The running job does not claim the next item on the old model: it ends, and the next job
    loads the one now chosen (CI once reviewed a second click inside the first click's job)."""
    batches = win.critique_queue
    assert batches is not None
    ids = [editor.question_id for editor in win.view.editors if editor.text().strip()]
    assert ids
    other = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("문항 (500자)", answer="입고 기록을 분석했습니다.")],
    )
    ids += [q.id for q in db.run(apps.get_application, application_id=other).questions]
    backend.gate = threading.Event()  # the first critique waits here
    assert batches.add(ids)
    qtbot.waitUntil(lambda: bool(_models(backend, "structured")), timeout=10_000)
    win.settings.critique_model_path = str(_model(paths, "sharper-critic.gguf"))
    backend.gate.set()
    qtbot.waitUntil(
        lambda: (p := batches._progress_or_none()) is not None and p.done == len(ids),  # noqa: SLF001
        timeout=20_000,
    )
    models = _models(backend, "structured")
    assert models[0] == "critic.gguf"
    assert set(models[1:]) == {"sharper-critic.gguf"}

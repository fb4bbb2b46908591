"""The first start: the starter model is joined in the background, chosen and loaded, once."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.app import _start_with_starter
from desktop.engine.packaged_models import STARTER_FILE
from desktop.paths import AppPaths
from desktop.settings import Settings, load_settings
from desktop.starter import install_starter, wants_starter
from desktop.store import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.llm_worker import LlmClient
from tests.ui.fakes import FakeBackend, fake_factory


@pytest.fixture
def starter_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JASO_NO_STARTER", raising=False)


def test_a_first_start_installs_chooses_and_loads_the_starter(
    qtbot: QtBot, db: Database, paths: AppPaths, starter_on: None
) -> None:
    settings = Settings()
    backend = FakeBackend()
    assistant = Assistant(LlmClient(fake_factory(backend)))
    window = MainWindow(db, settings, paths, assistant, "ko")
    qtbot.addWidget(window)
    states: list[str] = []
    assistant.state_changed.connect(lambda state, _detail: states.append(state))
    handle = _start_with_starter(paths, settings, window)
    assert handle is not None  # nothing chosen yet: the starter is joined in the background
    qtbot.waitUntil(lambda: assistant.ready, timeout=60_000)
    model = paths.models_dir / STARTER_FILE
    assert model.stat().st_size > 200_000_000
    assert settings.model_path == str(model) and settings.starter_offered
    saved = load_settings(paths.settings_file)
    assert saved.model_path == str(model) and saved.starter_offered
    assert "ready" in states
    assert assistant.shutdown()
    # Once only: removed or replaced, it is not given again.
    model.unlink()
    settings.model_path = ""
    assert not wants_starter(settings)
    assert _start_with_starter(paths, settings, window) is None


def test_a_chosen_model_is_kept_and_the_switch_turns_it_off(
    paths: AppPaths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("JASO_NO_STARTER", raising=False)
    assert not wants_starter(Settings(model_path="/models/mine.gguf"))
    monkeypatch.setenv("JASO_NO_STARTER", "1")
    assert not wants_starter(Settings())


def test_a_full_disk_starts_without_the_starter(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, starter_on: None
) -> None:
    import desktop.starter as starter

    def no_space(_folder: Path) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(starter, "assemble_starter", no_space)
    settings = Settings()
    assert install_starter(paths, settings) is None
    assert settings.starter_offered and not settings.model_path

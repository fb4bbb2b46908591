"""The engine's messages reach a Korean window in Korean: the real llama.cpp backend refusing
a missing model file, shown in the status bar."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.engine.backend import create_backend
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.job_status import JobStatus
from desktop.ui.models.llm_worker import LlmClient


@pytest.fixture
def korean_app(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")


def test_a_missing_model_is_reported_in_korean(
    qtbot: QtBot, korean_app: None, db: Database, paths: AppPaths
) -> None:
    missing = paths.models_dir / "없는-모델.gguf"
    assistant = Assistant(LlmClient(create_backend))
    window = MainWindow(db, Settings(model_path=str(missing)), paths, assistant, "ko")
    qtbot.addWidget(window)
    window.show()
    try:
        with qtbot.waitSignal(
            assistant.state_changed, timeout=20_000, check_params_cb=lambda s, _d: s == "failed"
        ) as failed:
            window.load_model()
        detail = failed.args[1]
        assert "없습니다" in detail and str(missing) in detail
        state = window.model_state
        assert state.text() == "모델 오류: 없는-모델.gguf" and state.toolTip() == detail
        # The reason is said once: by the job status beside it, which has Details….
        assert window.findChild(JobStatus).text.text().endswith(detail)
    finally:
        assert assistant.shutdown()

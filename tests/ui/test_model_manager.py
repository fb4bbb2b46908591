"""The model manager with a local hub server and an in-memory keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.engine.catalog import find_entry
from desktop.engine.testmodel import TestModel, build_test_model
from desktop.paths import AppPaths
from desktop.secrets import HUB_TOKEN, SecretStore
from desktop.settings import Settings, save_settings
from desktop.ui.models.model_manager import ModelManagerDialog
from tests.engine.hub_server import Hub, HubFile, serve
from tests.test_secrets import MemoryKeyring
from tests.ui.conftest import when_modal


@pytest.fixture(scope="module")
def tiny_model() -> TestModel:
    return build_test_model("tiny")


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    with serve() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


@pytest.fixture
def dialog(qtbot: QtBot, paths: AppPaths) -> ModelManagerDialog:
    manager = ModelManagerDialog(Settings(), paths.models_dir, SecretStore(MemoryKeyring()))
    qtbot.addWidget(manager)
    manager.show()
    return manager


def test_import_use_and_remove(
    qtbot: QtBot, dialog: ModelManagerDialog, tiny_model: TestModel, tmp_path: Path
) -> None:
    assert dialog.import_file(tiny_model.gguf("q8_0"), copy=False)
    assert dialog.installed_table.rowCount() == 1
    assert dialog.installed_table.item(0, 1).text() == "llama"
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\x00" * 10)
    closed: list[str] = []
    when_modal(lambda box: (closed.append(box.text()), box.close()))  # type: ignore[attr-defined]
    assert not dialog.import_file(bad, copy=True)
    assert closed and dialog.installed_table.rowCount() == 1
    dialog.installed_table.selectRow(0)
    dialog.suggest_button.click()
    assert dialog.changed and dialog.settings.model_path == str(tiny_model.gguf("q8_0").resolve())
    assert dialog.installed_table.item(0, 3).text() == "Q8_0"
    assert "suggestions" in dialog.installed_table.item(0, 7).text()
    dialog.installed_table.selectRow(0)
    when_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())  # type: ignore[attr-defined]
    dialog.remove_button.click()
    assert dialog.installed_table.rowCount() == 0 and dialog.settings.model_path == ""
    assert tiny_model.gguf("q8_0").exists()  # registered elsewhere: forgotten, not deleted


def test_download_with_progress_lands_in_the_installed_list(
    qtbot: QtBot, dialog: ModelManagerDialog, hub: Hub, tiny_model: TestModel
) -> None:
    entry = find_entry("qwen2.5-0.5b-instruct-q4_k_m")
    assert entry is not None
    data = tiny_model.gguf("q8_0").read_bytes()
    hub.add(entry.repo, entry.file, HubFile(data, rate=len(data) * 2))
    dialog.start_download(entry)
    assert dialog.pause_button.isEnabled() and not dialog.download_button.isEnabled()
    qtbot.waitUntil(lambda: "MB/s" in dialog.progress_text.text(), timeout=10_000)
    qtbot.waitUntil(lambda: dialog.download_thread is None, timeout=20_000)
    assert "Downloaded and checked" in dialog.progress_text.text()
    names = [
        dialog.installed_table.item(r, 0).text() for r in range(dialog.installed_table.rowCount())
    ]
    assert names == ["Qwen2.5 0.5B Instruct"]


def test_secrets_never_reach_files(
    qtbot: QtBot, dialog: ModelManagerDialog, paths: AppPaths, jaso_home: Path
) -> None:
    secret = "hf_ThisMustNeverBeOnDisk123"
    dialog.token.setText(secret)
    dialog.token_button.click()
    qtbot.waitUntil(lambda: "saved" in dialog.keyring_state.text(), timeout=5000)
    assert dialog.secrets.get(HUB_TOKEN) == secret
    from desktop.app import setup_logging

    setup_logging(paths)  # the app's own log file, as in a running app
    save_settings(dialog.settings, paths.settings_file)
    import logging

    logging.getLogger("desktop").warning("settings saved")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert (paths.log_dir / "jaso.log").exists()
    leaked = [
        str(path)
        for path in jaso_home.rglob("*")
        if path.is_file() and secret.encode() in path.read_bytes()
    ]
    assert leaked == []
    assert dialog.token.text() == ""  # not kept in the widget either
    for handler in list(logging.getLogger().handlers):
        if str(jaso_home) in str(getattr(handler, "baseFilename", "")):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_settings_choose_a_server_and_keep_its_key_in_the_keyring(
    qtbot: QtBot, paths: AppPaths, jaso_home: Path
) -> None:
    from desktop.secrets import REMOTE_API_KEY
    from desktop.ui.settings_dialog import SettingsDialog

    secrets = SecretStore(MemoryKeyring())
    settings = Settings()
    dialog = SettingsDialog(settings, secrets=secrets)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert not model.url.isEnabled()
    model.backend.setCurrentIndex(model.backend.findData("openai"))
    assert model.url.isEnabled() and not model.gpu_layers.isEnabled()
    model.url.setText("http://127.0.0.1:8000/v1")
    model.remote_model.setText("qwen2.5-1.5b-instruct")
    model.api_key.setText("sk-NeverOnDisk-42")
    dialog.apply_to(settings)
    assert (settings.model_backend, settings.remote_url, settings.model_path) == (
        "openai",
        "http://127.0.0.1:8000/v1",
        "qwen2.5-1.5b-instruct",
    )
    qtbot.waitUntil(lambda: secrets.get(REMOTE_API_KEY) == "sk-NeverOnDisk-42", timeout=5000)
    save_settings(settings, paths.settings_file)
    assert b"sk-NeverOnDisk-42" not in paths.settings_file.read_bytes()
    model.backend.setCurrentIndex(model.backend.findData("llama_cpp_gpu"))
    model.gpu_layers.setValue(20)
    dialog.apply_to(settings)
    assert (settings.model_backend, settings.n_gpu_layers, settings.model_path) == (
        "llama_cpp",
        20,
        "",
    )

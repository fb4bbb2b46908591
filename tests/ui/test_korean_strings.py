"""The main flows in a Korean UI show no English: every visible string that has Latin words and
no Hangul is a name, a number, a path or a format (tests/ui/visible_text.py says which)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from keyring.backends import fail
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.paths import AppPaths
from desktop.secrets import SecretStore
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import questions as qs
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend
from tests.ui.visible_text import english_only, menu_texts, texts


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.fixture
def win(
    qtbot: QtBot, korean: None, db: Database, paths: AppPaths, sample_ids: list[int]
) -> Iterator[MainWindow]:
    window = window_with_model(qtbot, db, paths, FakeBackend(), Settings())
    window.reload_list(select_id=sample_ids[0])
    window.view.show_application(sample_ids[0])
    yield window
    assert window.assistant is not None and window.assistant.shutdown()


def _english(widget: QWidget) -> list[str]:
    return sorted({t for t in texts(widget) if english_only(t)})


def test_the_guard_catches_english() -> None:
    assert english_only("No usable keyring (keyring.backends.fail.Keyring); secrets cannot be")
    assert english_only("Look in:")
    assert not english_only("다음에서 찾기:")
    assert not english_only("gemma-3-270m-Q8_0.gguf")
    assert not english_only("/home/user/김민수-다온은행-첨삭.pdf")
    assert not english_only("912 / 1,000자 (공백 포함)")
    assert not english_only("PDF")


def test_the_main_window_and_its_panels(qtbot: QtBot, win: MainWindow) -> None:
    editor = win.view.editors[0]
    win.view._set_active(editor)  # noqa: SLF001
    found: set[str] = set()
    for index in range(win.assist.count()):
        win.assist.setCurrentIndex(index)
        found.update(_english(win))
    for action in win.menuBar().actions():
        if action.menu() is not None:
            found.update(t for t in menu_texts(action.menu()) if english_only(t))
    found.update(t for t in texts(editor.answer_edit.context_menu(editor.rect().center()))
                 if english_only(t))  # fmt: skip
    assert sorted(found) == [], "\n".join(sorted(found))


def test_the_dialogs(qtbot: QtBot, win: MainWindow, paths: AppPaths) -> None:
    from desktop.ui.counsel.batch_dialog import BatchDialog
    from desktop.ui.editor.application_dialog import ApplicationDialog
    from desktop.ui.editor.history_dialog import HistoryDialog
    from desktop.ui.editor.question_dialog import QuestionDialog
    from desktop.ui.editor.reuse_dialog import ReuseDialog
    from desktop.ui.editor.trash_dialog import TrashDialog
    from desktop.ui.models.model_manager import ModelManagerDialog
    from desktop.ui.settings_dialog import SettingsDialog

    record = win.view.record
    assert record is not None
    question = record.questions[0]
    revisions = win.db.run(qs.list_revisions, question_id=question.id)
    no_keyring = SecretStore(backend=fail.Keyring())
    dialogs: list[QWidget] = [
        ApplicationDialog(record, parent=win),
        QuestionDialog(question, parent=win),
        HistoryDialog(revisions, question.answer, parent=win),
        ReuseDialog(record, parent=win),
        TrashDialog(lambda: [], lambda _item: None, lambda _item: None, win),
        SettingsDialog(win.settings, win, secrets=no_keyring),
        ModelManagerDialog(win.settings, paths.models_dir, secrets=no_keyring, parent=win),
        BatchDialog([record], {record.id: len(record.questions)}, parent=win),
        QMessageBox(
            QMessageBox.Icon.Question,
            "Jaso",
            "질문",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            win,
        ),  # fmt: skip
    ]
    from desktop.ui.assist.draft_dialog import DraftDialog
    from desktop.ui.interview.interview_dialog import InterviewDialog

    assert win.assistant is not None
    dialogs.append(InterviewDialog(win.db, win.assistant, record.id, "ko", parent=win))
    editor = win.view.editors[0]
    dialogs.append(DraftDialog(win.assistant, win.view.request_for(editor), parent=win))
    files = QFileDialog(win)
    files.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialogs.append(files)
    found: dict[str, list[str]] = {}
    for dialog in dialogs:
        dialog.show()
        english = _english(dialog)
        if english:
            found[type(dialog).__name__] = english
        dialog.close()
    assert found == {}


def test_standard_buttons_speak_korean(qtbot: QtBot, korean: None) -> None:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    labels = {b.text().replace("&", "") for b in box.buttons()}
    assert labels == {"확인", "취소"}


def test_proposed_file_names_are_in_the_ui_language(
    win: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store import applications as apps

    app_id = db.run(
        apps.create_application,
        company="다온은행",
        client_name="김민수",
        questions=[apps.NewQuestion("지원 동기", answer="고객을 돕고 싶습니다.")],
    )
    win.open_application(app_id)
    proposed: list[str] = []

    def ask(_parent: QWidget, _title: str, start: str, _filters: str) -> tuple[str, str]:
        proposed.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    win.counsel_menu.export_report()
    assert proposed and proposed[0].endswith("김민수-다온은행-첨삭.pdf")

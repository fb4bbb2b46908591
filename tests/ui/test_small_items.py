"""Small things a writer notices: Review all's end state, menu mnemonics, the counter's tooltip."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.paths import AppPaths
from desktop.store import Database
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.llm_worker import LlmClient
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend, fake_factory


@pytest.fixture
def helped(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> Iterator[MainWindow]:
    win = window_with_model(qtbot, db, paths, FakeBackend())
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    yield win
    assert win.assistant is not None and win.assistant.shutdown()


def test_review_all_ends_on_the_review_of_an_answer(qtbot: QtBot, helped: MainWindow) -> None:
    panel = helped.assist.critique
    helped.assist.setCurrentWidget(panel)
    assert helped.view.active is None
    # With no answer chosen the panel does not point at its greyed-out Review button.
    assert not panel.review_button.isEnabled()
    assert panel.review_button.text() not in panel.empty.text()
    panel.review_all_button.click()
    first = helped.view.editors[0]
    qtbot.waitUntil(lambda: panel.body.isVisible(), timeout=5000)
    assert panel.editor is first and not panel.empty.isVisible()
    assert helped.assist.currentWidget() is panel


def _menus(win: MainWindow) -> Iterator[QMenu]:
    pending = [a.menu() for a in win.menuBar().actions() if a.menu() is not None]
    while pending:
        menu = pending.pop()
        assert isinstance(menu, QMenu)
        yield menu
        pending.extend(a.menu() for a in menu.actions() if a.menu() is not None)


def _mnemonic(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


@pytest.fixture(params=["ko", "en"])
def ui_lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The UI language, with its translations installed as the app does at start."""
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English))


def test_every_menu_has_unique_mnemonics(
    qtbot: QtBot, db: Database, paths: AppPaths, ui_lang: str
) -> None:
    from desktop.settings import Settings

    assistant = Assistant(LlmClient(fake_factory(FakeBackend())))
    win = MainWindow(db, Settings(), paths, assistant, ui_lang)
    qtbot.addWidget(win)
    bar = [_mnemonic(a.text()) for a in win.menuBar().actions()]
    assert len([m for m in bar if m]) == len(set(m for m in bar if m)), bar
    walked = 0
    for menu in _menus(win):
        letters = [_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator()]
        taken = [m for m in letters if m]
        assert len(taken) == len(set(taken)), (menu.title(), [a.text() for a in menu.actions()])
        walked += 1
    assert walked >= 4  # File, Model, Counselor, Help
    assert assistant.shutdown()


def test_the_counter_colour_stays_off_its_tooltip(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> None:
    from desktop.settings import Settings

    win = MainWindow(db, Settings(), paths)
    qtbot.addWidget(win)
    win.view.show_application(sample_ids[0])
    editor = win.view.editors[0]
    editor.answer_edit.setPlainText("짧은 답")
    counter = editor.counter
    assert counter.property("status") == "under"
    sheet = counter.styleSheet()
    assert "#answerCounter" in sheet  # the rule names the label, not every QLabel (its tooltip)

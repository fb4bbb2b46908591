"""Undo you can trust: each way of taking text from the model (or a counselor, or a check) is one
undo step of its own, never merged with the typing before it or after it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import comments as cm
from desktop.store import questions as qs
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text, when_modal, window_with_model
from tests.ui.fakes import FakeBackend

TYPED = " 저는 물류센터에서"


@pytest.fixture
def helped(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> Iterator[MainWindow]:
    settings = Settings(suggest_pause_ms=150, suggest_count=3)
    win = window_with_model(qtbot, db, paths, FakeBackend(), settings)
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    yield win
    assert win.assistant is not None and win.assistant.shutdown()


def _typed(qtbot: QtBot, win: MainWindow, how: str) -> QuestionEditor:
    """The first answer with TYPED typed at its end, by key presses (each character merges
    into one undo command in Qt) or by an input method's commits."""
    editor = win.view.editors[0]
    win.activateWindow()
    editor.answer_edit.setFocus()
    editor.answer_edit.moveCursor(editor.answer_edit.textCursor().MoveOperation.End)
    qtbot.waitUntil(lambda: win.view.active is editor, timeout=2000)
    if how == "keys":
        press_keys(editor.answer_edit, TYPED)
    else:
        type_text(editor.answer_edit, TYPED)
    return editor


def press_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` as key presses carrying each character (how a keyboard without an input
    method, or xdotool, types; QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def _undo_once(qtbot: QtBot, editor: QuestionEditor) -> None:
    qtbot.keyClick(editor.answer_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _ghost(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    controller = win.view.suggestions[editor.question_id]
    qtbot.waitUntil(lambda: len(controller.candidates) == 3, timeout=5000)


def _accept_tab(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    _ghost(qtbot, win, editor)
    qtbot.keyClick(editor.answer_edit, Qt.Key.Key_Tab)


def _accept_word(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    _ghost(qtbot, win, editor)
    qtbot.keyClick(editor.answer_edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)


def _accept_candidate(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    _ghost(qtbot, win, editor)
    panel = win.assist.candidates
    win.assist.setCurrentWidget(panel)
    item = panel.list.item(1)
    qtbot.mouseClick(
        panel.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.list.visualItemRect(item).center(),
    )


def _accept_draft(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    from desktop.ui.assist.draft_dialog import DraftDialog

    def drive(dialog: QWidget) -> None:
        assert isinstance(dialog, DraftDialog)
        dialog.notes.setPlainText("물류센터 아르바이트")
        dialog.generate_button.click()
        qtbot.waitUntil(lambda: dialog.insert_button.isEnabled(), timeout=5000)
        dialog.insert_button.click()

    when_modal(drive)
    editor.draft_requested.emit(editor.question_id)


def _accept_proposal(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    assert editor.flush()  # a comment is pinned to the stored answer
    text = editor.nfc_text()
    start = text.index(TYPED.strip())
    win.view.db.run(
        cm.add_comment,
        question_id=editor.question_id,
        start=start,
        end=start + len(TYPED.strip()),
        body="더 구체적으로",
        replacement="저는 인천 물류센터에서",
    )
    comments = win.assist.comments
    comments.set_editor(editor)
    comments.list.setCurrentRow(0)
    comments.accept_button.click()


def _accept_fix(qtbot: QtBot, win: MainWindow, editor: QuestionEditor) -> None:
    type_text(editor.answer_edit, " 되요")
    editor.run_checks()
    panel = win.assist.checks
    panel.set_editor(editor)
    rows = [panel.list.item(i) for i in range(panel.list.count())]
    row = next(r for r in rows if "돼요" in r.text())
    panel.list.setCurrentItem(row)
    assert panel.apply_button.isEnabled()
    panel.apply_button.click()


ACCEPTS: dict[str, Callable[[QtBot, MainWindow, QuestionEditor], None]] = {
    "whole ghost text (Tab)": _accept_tab,
    "one word (Ctrl+Right)": _accept_word,
    "a candidate from the list": _accept_candidate,
    "a draft": _accept_draft,
    "a counselor's proposal": _accept_proposal,
    "a finding's correction": _accept_fix,
}


@pytest.mark.parametrize("how", ["keys", "input method"])
@pytest.mark.parametrize("kind", list(ACCEPTS))
def test_one_undo_takes_back_only_what_was_accepted(
    qtbot: QtBot, helped: MainWindow, kind: str, how: str
) -> None:
    editor = _typed(qtbot, helped, how)
    typed = editor.text()
    accept = ACCEPTS[kind]
    before: list[str] = []
    if kind == "a finding's correction":  # the finding is in text typed for it
        _accept_fix(qtbot, helped, editor)
        # what was there just before the correction: the typed text with the flagged word
        before.append(typed + " 되요")
    else:
        before.append(typed)
        accept(qtbot, helped, editor)
    accepted = editor.text()
    assert accepted != before[0], "nothing was accepted"
    _undo_once(qtbot, editor)
    assert editor.text() == before[0]  # only the accepted text is gone
    editor.answer_edit.redo()
    assert editor.text() == accepted


def test_typing_after_an_accept_is_a_step_of_its_own(qtbot: QtBot, helped: MainWindow) -> None:
    editor = _typed(qtbot, helped, "keys")
    _accept_tab(qtbot, helped, editor)
    accepted = editor.text()
    press_keys(editor.answer_edit, " 끝")
    _undo_once(qtbot, editor)
    assert editor.text() == accepted


def test_one_undo_never_takes_back_more_than_was_typed_since_the_last_save(
    qtbot: QtBot, helped: MainWindow
) -> None:
    editor = _typed(qtbot, helped, "keys")
    assert editor.flush()
    saved = editor.text()
    press_keys(editor.answer_edit, " 그리고 더")
    _undo_once(qtbot, editor)
    assert editor.text() == saved


def test_a_draft_into_an_empty_answer_is_undone_to_the_empty_answer(
    qtbot: QtBot, helped: MainWindow
) -> None:
    editor = _typed(qtbot, helped, "keys")
    editor.answer_edit.selectAll()
    press_keys(editor.answer_edit, " ")  # the answer is now one space: nothing to keep
    _accept_draft(qtbot, helped, editor)
    assert editor.text().startswith("후보")
    _undo_once(qtbot, editor)  # setPlainText would have cleared the undo history
    assert editor.text() == " "


def test_undo_to_an_empty_answer_leaves_the_text_one_click_away_in_history(
    qtbot: QtBot, helped: MainWindow
) -> None:
    from desktop.ui.editor.history_dialog import HistoryDialog

    db = helped.view.db
    editor = helped.view.editors[0]
    editor.answer_edit.setPlainText("")  # a fresh answer: undo can go back to nothing
    assert editor.flush()
    _typed(qtbot, helped, "keys")
    assert editor.flush()
    _accept_tab(qtbot, helped, editor)
    full = editor.text()
    assert editor.flush()
    while editor.answer_edit.document().isUndoAvailable():
        _undo_once(qtbot, editor)
    assert editor.text() == ""
    assert editor.flush()
    assert db.run(qs.get_question, question_id=editor.question_id).answer == ""

    def restore_full(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        row = next(i for i, r in enumerate(dialog.revisions) if r.text == full)
        dialog.list.setCurrentRow(row)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(restore_full)
    editor.history_requested.emit(editor.question_id)
    assert editor.text() == full
    assert db.run(qs.get_question, question_id=editor.question_id).answer == full


def test_the_answer_menu_offers_the_correction_on_top_as_one_undoable_edit(
    qtbot: QtBot, helped: MainWindow
) -> None:
    editor = _typed(qtbot, helped, "input method")
    type_text(editor.answer_edit, " 되요")
    editor.run_checks()
    before = editor.text()
    edit = editor.answer_edit
    mark = next(m for m in edit.marks() if m.fix == "돼요")
    cursor = edit.textCursor()
    cursor.setPosition(mark.start + 1)
    menu = edit.context_menu(edit.cursorRect(cursor).center())
    actions = [a for a in menu.actions() if not a.isSeparator()]
    fixes = [a for a in actions if "돼요" in a.text()]
    assert fixes and actions[: len(fixes)] == fixes  # the corrections on top
    assert fixes[0].text() == edit.tr("Replace with “%1”").replace("%1", "돼요")
    standard = edit.createStandardContextMenu()
    assert [a.text() for a in actions[len(fixes) :]] == [
        a.text() for a in standard.actions() if not a.isSeparator()
    ]  # then Qt's own actions, in their order
    actions[0].trigger()
    assert editor.text() == before[: -len("되요")] + "돼요"
    _undo_once(qtbot, editor)
    assert editor.text() == before

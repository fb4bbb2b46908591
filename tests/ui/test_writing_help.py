"""Ghost text, candidates, checks and critiques in the editor, with a fake backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QListWidget
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import questions as qs
from desktop.store.critiques import list_ai_inserts, list_critiques
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant, Handlers
from desktop.ui.models.llm_worker import LlmClient
from tests.ui.conftest import type_text, window_with_model
from tests.ui.fakes import FakeBackend, fake_factory

PAUSE_MS = 150


def _make_window(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int], backend: FakeBackend
) -> MainWindow:
    settings = Settings(suggest_pause_ms=PAUSE_MS, suggest_count=3)
    win = window_with_model(qtbot, db, paths, backend, settings)
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    return win


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend()


@pytest.fixture
def helped(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int], backend: FakeBackend
) -> Iterator[MainWindow]:
    win = _make_window(qtbot, db, paths, sample_ids, backend)
    yield win
    assert win.assistant is not None and win.assistant.shutdown()


def _focus_end(qtbot: QtBot, win: MainWindow, index: int = 0) -> QuestionEditor:
    editor = win.view.editors[index]
    win.activateWindow()
    editor.answer_edit.setFocus()
    editor.answer_edit.moveCursor(editor.answer_edit.textCursor().MoveOperation.End)
    qtbot.waitUntil(lambda: win.view.active is editor, timeout=2000)
    return editor


def _click(qtbot: QtBot, widget: QListWidget, row: int) -> None:
    item = widget.item(row)
    widget.scrollToItem(item)
    qtbot.mouseClick(
        widget.viewport(), Qt.MouseButton.LeftButton, pos=widget.visualItemRect(item).center()
    )


def test_ghost_text_appears_after_a_pause_and_tab_inserts_it(
    qtbot: QtBot, helped: MainWindow, db: Database
) -> None:
    editor = _focus_end(qtbot, helped)
    edit = editor.answer_edit
    type_text(edit, " 저는")
    qtbot.waitUntil(lambda: edit.ghost_text != "", timeout=3000)
    controller = helped.view.suggestions[editor.question_id]
    qtbot.waitUntil(lambda: len(controller.candidates) == 3, timeout=3000)
    ghost = edit.ghost_text
    assert ghost == controller.candidates[0].text and ghost.endswith("문장입니다.")
    before = editor.text()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert editor.text() == before + ghost
    assert edit.ghost_text == ""
    assert db.run(list_ai_inserts, question_id=editor.question_id) == [ghost]
    reasons = [r.reason for r in db.run(qs.list_revisions, question_id=editor.question_id)]
    assert "before-AI-insert" in reasons
    helped.show_ai_action.trigger()  # highlight the text taken from the model
    assert edit.extraSelections()[0].cursor.selectedText() == ghost.strip()


def test_cycle_word_accept_and_escape(qtbot: QtBot, helped: MainWindow) -> None:
    editor = _focus_end(qtbot, helped)
    edit = editor.answer_edit
    controller = helped.view.suggestions[editor.question_id]
    qtbot.keyClick(edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(controller.candidates) == 3, timeout=3000)
    first = edit.ghost_text
    qtbot.keyClick(edit, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.AltModifier)
    assert edit.ghost_text == controller.candidates[1].text != first
    before = editor.text()
    qtbot.keyClick(edit, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == before + " 후보 "  # one word (어절) and its space
    assert edit.ghost_text == controller.candidates[0].text[len(" 후보 ") :]
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.ghost_text == ""


def test_typing_cancels_the_running_job(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> None:
    win = _make_window(qtbot, db, paths, sample_ids, FakeBackend(delay=0.3))
    assert win.assistant is not None
    try:
        editor = _focus_end(qtbot, win)
        with qtbot.waitSignal(win.assistant.job_started, timeout=3000) as started:
            type_text(editor.answer_edit, "가")
        job_id = started.args[0]
        with qtbot.waitSignal(
            win.assistant.client.job_cancelled,
            timeout=3000,
            check_params_cb=lambda cancelled: cancelled == job_id,
        ):
            type_text(editor.answer_edit, "나")
        assert editor.answer_edit.ghost_text == ""
    finally:
        assert win.assistant.shutdown()


def test_input_method_composition_suppresses_suggestions(
    qtbot: QtBot, helped: MainWindow, backend: FakeBackend
) -> None:
    editor = _focus_end(qtbot, helped)
    edit = editor.answer_edit
    type_text(edit, " 저")
    preedit = QInputMethodEvent("ㄴ", [])
    QApplication.sendEvent(edit, preedit)  # composing the next syllable
    assert edit.composing
    calls = len(backend.calls)
    qtbot.wait(PAUSE_MS * 4)
    assert len(backend.calls) == calls and edit.ghost_text == ""
    edit.set_ghost(" 억지")  # even if ghost text were there, Tab belongs to the input method
    assert edit.ghost_text == ""
    text = editor.text()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not editor.text().startswith(text + " 억지")
    commit = QInputMethodEvent()
    commit.setCommitString("는")
    QApplication.sendEvent(edit, commit)
    assert not edit.composing
    qtbot.waitUntil(lambda: edit.ghost_text != "", timeout=3000)  # suggestions resume


def test_candidate_click_inserts_at_the_cursor(qtbot: QtBot, helped: MainWindow) -> None:
    editor = _focus_end(qtbot, helped)
    edit = editor.answer_edit
    controller = helped.view.suggestions[editor.question_id]
    controller.request_now()
    qtbot.waitUntil(lambda: len(controller.candidates) == 3, timeout=3000)
    panel = helped.assist.candidates
    helped.assist.setCurrentWidget(panel)
    assert panel.list.count() == 3
    assert "+" in panel.list.item(1).text()  # the character cost is shown
    cursor = edit.textCursor()
    cursor.setPosition(10)
    edit.setTextCursor(cursor)
    before = editor.text()
    chosen = controller.candidates[1].text
    _click(qtbot, panel.list, 1)
    inserted = editor.text()
    assert inserted.startswith(before[:10]) and inserted.endswith(before[10:])
    assert chosen.strip() in inserted[10 : 10 + len(chosen) + 1]


def test_critique_item_click_selects_its_quote(
    qtbot: QtBot, helped: MainWindow, db: Database
) -> None:
    editor = _focus_end(qtbot, helped)
    panel = helped.assist.critique
    assert helped.view.critique_queue is not None
    with qtbot.waitSignal(helped.view.critique_queue.critique_saved, timeout=5000):
        panel.review_button.click()
    stored = db.run(list_critiques, question_id=editor.question_id)
    assert len(stored) == 1 and stored[0].reviewed_text == editor.text()
    # The scores are the automatic analysis's (the model's prose is added on top).
    assert panel.bars["evidence"].value() == stored[0].data["scores"]["evidence"]["score"]
    assert stored[0].data["source"] == "model+analysis"
    assert not panel.stale.isVisibleTo(panel)
    quote = stored[0].data["strengths"][0]["quote"]
    assert stored[0].data["strengths"][0]["start"] is not None
    assert stored[0].data["improvements"][0]["start"] is None  # not in the answer: no anchor
    _click(qtbot, panel.strengths, 0)
    assert editor.answer_edit.textCursor().selectedText() == quote
    type_text(editor.answer_edit, "추가")
    editor.run_checks()
    assert panel.stale.isVisibleTo(panel)


def test_checks_underline_list_and_select(qtbot: QtBot, helped: MainWindow) -> None:
    editor = _focus_end(qtbot, helped)
    editor.answer_edit.setPlainText("저는 역활을 맡았습니다. 연락처 010-1234-5678")
    editor.run_checks()
    rules = {flag.rule_id for flag in editor.flags}
    assert {"KO.SPELL", "PII.CONTACT"} <= rules
    assert len(editor.answer_edit.marks()) == len(editor.flags)
    panel = helped.assist.checks
    assert panel.list.count() == len(editor.flags)
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert "010-1234-5678" in texts[0]  # critical findings first
    row = next(i for i, text in enumerate(texts) if "«역활»" in text)
    _click(qtbot, panel.list, row)
    assert editor.answer_edit.textCursor().selectedText() == "역활"


def test_a_failed_model_load_is_reported(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> None:
    assistant = Assistant(LlmClient(fake_factory(FakeBackend(fail_load=True))))
    win = MainWindow(db, Settings(), paths, assistant, "en")
    qtbot.addWidget(win)
    try:
        with qtbot.waitSignal(
            assistant.state_changed, timeout=5000, check_params_cb=lambda s, _d: s == "failed"
        ):
            assistant.load("fake", Path("bad.gguf"))
        assert "failed" in win.model_state.text()
        assert (
            assistant.run(
                "suggest",
                lambda b, io: None,
                Handlers(),
            )
            is None
        )
    finally:
        assert assistant.shutdown()


def test_draft_dialog_streams_a_preview_and_inserts_it(
    qtbot: QtBot, helped: MainWindow, db: Database
) -> None:
    from desktop.ui.assist.draft_dialog import DraftDialog
    from tests.ui.conftest import when_modal

    editor = helped.view.editors[0]
    editor.answer_edit.setPlainText("")
    seen: list[str] = []

    def drive(dialog: object) -> None:
        assert isinstance(dialog, DraftDialog)
        dialog.notes.setPlainText("물류센터 아르바이트, 오차율 개선")
        dialog.generate_button.click()
        qtbot.waitUntil(lambda: dialog.insert_button.isEnabled(), timeout=5000)
        seen.append(dialog.preview.toPlainText())
        dialog.insert_button.click()

    when_modal(drive)
    editor.draft_requested.emit(editor.question_id)
    assert seen and seen[0].startswith("후보")
    assert editor.text() == seen[0]
    assert db.run(list_ai_inserts, question_id=editor.question_id) == [seen[0]]


def test_a_failed_job_shows_a_message_with_details(qtbot: QtBot, helped: MainWindow) -> None:
    from desktop.engine.errors import EngineError
    from desktop.ui.models.job_status import JobStatus

    def broken(_backend: object, _io: object) -> None:
        raise EngineError("The model ran out of context.", "trace: 4096 tokens")

    status = helped.findChild(JobStatus)
    assert helped.assistant is not None and status is not None
    with qtbot.waitSignal(helped.assistant.job_failed, timeout=3000):
        helped.assistant.run("draft", broken, Handlers())
    assert status.isVisible()
    assert "ran out of context" in status.text.text()
    assert status.details_button.isVisible() and status._details == "trace: 4096 tokens"  # noqa: SLF001

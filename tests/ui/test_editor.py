from __future__ import annotations

import json
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem, QWidget
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database, StorageError
from desktop.store import critiques as cs
from desktop.store import questions as qs
from desktop.store.applications import get_application, list_applications
from desktop.store.records import QuestionRecord
from desktop.store.recovery import RecoveryFiles
from desktop.ui.editor.history_dialog import HistoryDialog
from desktop.ui.editor.question_editor import QuestionEditor
from desktop.ui.editor.reuse_dialog import ReuseDialog
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text, when_modal
from tests.ui.fakes import critique_json


def _answer(db: Database, question_id: int) -> str:
    return db.run(qs.get_question, question_id=question_id).answer


def test_typing_updates_the_counter(qtbot: QtBot, window: MainWindow) -> None:
    editor = window.view.editors[0]
    assert editor.counter.text() == "288 / 1,000 chars (incl. spaces)"
    assert editor.counter.property("status") == "under"
    editor.answer_edit.moveCursor(editor.answer_edit.textCursor().MoveOperation.End)
    type_text(editor.answer_edit, " 감사합니다")
    assert editor.counter.text() == "294 / 1,000 chars (incl. spaces)"
    assert "bytes (Hangul = 2)" in editor.counter.toolTip()
    editor.answer_edit.setPlainText("가" * 1001)
    assert editor.counter.property("status") == "over"
    assert "c62828" in editor.counter.styleSheet()


def test_autosave_after_a_pause(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    editor = window.view.editors[0]
    type_text(editor.answer_edit, "추가")
    assert editor.dirty
    expected = editor.text()
    qtbot.waitUntil(lambda: _answer(db, editor.question_id) == expected, timeout=3000)
    assert not editor.dirty
    assert window.save_state.text().startswith("Saved")


def test_continuous_typing_is_saved_within_the_max_wait(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    editor = window.view.editors[0]
    start = editor.text()
    for _ in range(15):  # keeps the idle timer from ever firing
        type_text(editor.answer_edit, "가")
        qtbot.wait(100)
    assert _answer(db, editor.question_id) != start


def test_focus_loss_saves_at_once(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    editor = window.view.editors[0]
    editor.answer_edit.setFocus()
    type_text(editor.answer_edit, "포커스")
    window.list_panel.search.setFocus()
    qtbot.waitUntil(lambda: not editor.dirty, timeout=1000)
    assert _answer(db, editor.question_id) == editor.text()


def test_close_flushes_unsaved_text(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    editor = window.view.editors[0]
    qid = editor.question_id
    editor.answer_edit.setPlainText("닫기 전에 쓴 글")
    window.close()
    assert _answer(db, qid) == "닫기 전에 쓴 글"
    assert window.settings.window_geometry


def test_history_restore(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    editor = window.view.editors[0]
    original = editor.text()
    editor.answer_edit.setPlainText("완전히 새로 쓴 답변")
    assert editor.flush()

    def restore_oldest(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    db.run(
        qs.add_revision,
        question_id=editor.question_id,
        text=original,
        reason="manual",
        at=datetime(2020, 1, 1).astimezone(),
    )
    when_modal(restore_oldest)
    editor.history_requested.emit(editor.question_id)
    assert editor.text() == original
    assert _answer(db, editor.question_id) == original
    assert not editor.dirty


def test_history_restore_refreshes_the_checks_and_the_stale_critique_mark(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    editor = window.view.editors[0]
    qid = editor.question_id
    current = editor.text()
    older = "연락처는 010-1234-5678입니다. " + current
    db.run(qs.add_revision, question_id=qid, text=older, reason="manual",
           at=datetime(2020, 1, 1).astimezone())  # fmt: skip
    db.run(cs.save_critique, question_id=qid, text=current, data=json.loads(critique_json(current)))
    window.activateWindow()
    editor.answer_edit.setFocus()
    qtbot.waitUntil(lambda: window.view.active is editor, timeout=2000)
    window.assist.critique_stored(qid)
    panel = window.assist.critique
    editor.run_checks()
    assert not panel.stale.isVisibleTo(panel)
    assert "PII.CONTACT" not in [flag.rule_id for flag in editor.flags]

    def restore_oldest(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    when_modal(restore_oldest)
    editor.history_requested.emit(qid)
    assert editor.text() == older and not editor.dirty
    # The checks see the restored text, and the critique (of the newer text) is marked stale.
    qtbot.waitUntil(lambda: "PII.CONTACT" in [flag.rule_id for flag in editor.flags], timeout=5000)
    assert panel.stale.isVisibleTo(panel)


def test_reuse_for_another_company(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ReuseDialog)
        assert dialog.replace.isChecked()
        dialog.company.setText("다온은행")
        dialog.accept()

    when_modal(fill)
    window.reuse_application()
    assert window.view.record is not None and window.view.record.company == "다온은행"
    assert window.view.editors[0].text().count("다온은행") == 1
    companies = [a.company for a in db.run(list_applications)]
    assert companies.count("한빛물류") == 2 and "다온은행" in companies
    assert window.list_panel.selected_id() == window.view.record.id


def test_search_filters_the_list(qtbot: QtBot, window: MainWindow) -> None:
    window.list_panel.search.setText("예방정비")
    qtbot.waitUntil(lambda: window.list_panel.list.count() == 1, timeout=2000)
    assert "한결에너지공사" in window.list_panel.list.item(0).text()


def test_list_rows_have_room_for_every_line(qtbot: QtBot, window: MainWindow) -> None:
    # Under a Latin UI font Hangul falls back to a taller CJK font; the row must still hold
    # the status line under the title instead of eliding it away.
    from desktop.ui.editor.row_delegate import line_heights

    view = window.list_panel.list
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.initFrom(view)
    checked = 0
    for row in range(view.count()):
        index = view.model().index(row, 0)
        text = str(index.data())
        if "\n" not in text:
            continue
        heights = line_heights(text, option)
        assert len(heights) == text.count("\n") + 1
        assert view.sizeHintForRow(row) >= max(heights) * len(heights), text
        assert delegate.sizeHint(option, index).height() == view.sizeHintForRow(row)
        checked += 1
    assert checked >= 5


def test_failed_save_keeps_text_in_a_recovery_file_and_retries(
    qtbot: QtBot, tmp_path: Path
) -> None:
    attempts: list[str] = []

    def flaky_save(question_id: int, text: str) -> datetime:
        attempts.append(text)
        if len(attempts) == 1:
            raise StorageError("database or disk is full", "full")
        return datetime.now().astimezone()

    recovery = RecoveryFiles([tmp_path / "recovery"])
    question = QuestionRecord(1, 1, 0, "q (100자)", 100, "chars_incl_spaces", "", datetime.now())
    editor = QuestionEditor(question, 1, flaky_save, idle_ms=200, recovery=recovery)
    qtbot.addWidget(editor)
    editor._retry_timer.setInterval(100)
    with qtbot.waitSignal(editor.save_failed, timeout=2000) as failed:
        type_text(editor.answer_edit, "지켜야 할 글")
    assert failed.args[0] == 1
    assert "disk is full" in failed.args[1] and str(tmp_path / "recovery") in failed.args[1]
    assert [p.text for p in recovery.pending()] == ["지켜야 할 글"]
    assert editor.dirty and editor.text() == "지켜야 할 글"
    with qtbot.waitSignal(editor.saved, timeout=2000):
        pass
    assert attempts == ["지켜야 할 글", "지켜야 할 글"]
    assert not editor.dirty
    assert recovery.pending() == [], "a saved answer leaves no recovery file"


def test_failed_save_without_any_recovery_folder_says_the_text_is_only_in_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    def no_save(question_id: int, text: str) -> datetime:
        raise StorageError("attempt to write a readonly database", "readonly")

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    question = QuestionRecord(1, 1, 0, "q (100자)", 100, "chars_incl_spaces", "", datetime.now())
    editor = QuestionEditor(
        question, 1, no_save, idle_ms=100, recovery=RecoveryFiles([blocker / "recovery"])
    )
    qtbot.addWidget(editor)
    with qtbot.waitSignal(editor.save_failed, timeout=2000) as failed:
        type_text(editor.answer_edit, "글")
    assert "read-only" in failed.args[1] and "do not close" in failed.args[1]


def test_new_application_appears_in_list(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    from desktop.ui.editor.application_dialog import ApplicationDialog

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ApplicationDialog)
        dialog.company.setText("누리바이오")
        dialog.role.setText("QC")
        dialog.accept()

    when_modal(fill)
    window.new_application()
    record = window.view.record
    assert record is not None and (record.company, record.role) == ("누리바이오", "QC")
    assert db.run(get_application, application_id=record.id).questions == ()


def test_text_left_in_a_recovery_file_is_restored_at_start(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> None:
    question = db.run(get_application, application_id=sample_ids[0]).questions[0]
    recovery = RecoveryFiles.for_data_dir(paths.data_dir)
    recovery.keep(question.id, question.answer + " 디스크가 가득 찬 뒤에 쓴 문장.")
    win = MainWindow(db, Settings(), paths)
    qtbot.addWidget(win)
    restored = db.run(get_application, application_id=sample_ids[0]).questions[0]
    assert restored.answer.endswith("디스크가 가득 찬 뒤에 쓴 문장.")
    assert recovery.pending() == []
    assert "1" in win.statusBar().currentMessage()
    history = [r.text for r in db.run(qs.list_revisions, question_id=question.id)]
    assert question.answer in history


def test_the_editor_and_the_batch_queue_tell_the_model_the_same(
    window: MainWindow, db: Database
) -> None:
    from desktop.counsel.requests import stored_request

    for editor in window.view.editors:
        editor.answer_edit.setPlainText(unicodedata.normalize("NFD", "한글 자모로 풀어 쓴 답변"))
        assert editor.flush()
        from_editor = replace(window.view.request_for(editor), analyzer_findings=())
        _app, from_store = db.run(stored_request, question_id=editor.question_id)
        assert from_editor == from_store
        assert from_store.text == unicodedata.normalize("NFC", from_store.text)

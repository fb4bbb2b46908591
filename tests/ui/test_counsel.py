"""Counselor work in the app: import with a corrected split, client groups, review mode,
pinned comments and proposals, and the batch queue (the model is the fake at the engine edge)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import comments as cm
from desktop.store import critiques as cs
from desktop.store.batches import answered_questions, batch_failures
from desktop.store.reviews import final_critique
from desktop.ui.counsel.import_dialog import ImportDialog
from desktop.ui.counsel.review_items import CommentDialog, ItemDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.models.assistant import Assistant
from desktop.ui.models.llm_worker import LlmClient
from tests.ui.fakes import BROKEN_ESCAPE, FakeBackend, critique_json, fake_factory

RAW = """회사: 다온은행
성명: 이하늘

지원 동기를 쓰십시오. (500자)
고객의 자산 관리를 돕고 싶습니다.
성장 과정
부모님의 가게에서 장부를 정리했습니다.
"""


def _window(
    qtbot: QtBot, db: Database, paths: AppPaths, backend: FakeBackend | None = None
) -> MainWindow:
    assistant = Assistant(LlmClient(fake_factory(backend))) if backend else None
    win = MainWindow(db, Settings(autosave_idle_ms=200, autosave_max_wait_ms=800), paths,
                     assistant, "ko")  # fmt: skip
    qtbot.addWidget(win)
    win.show()
    if assistant is not None:
        with qtbot.waitSignal(
            assistant.state_changed, timeout=5000, check_params_cb=lambda s, _d: s == "ready"
        ):
            assistant.load("fake", Path("fake.gguf"))
    return win


@pytest.fixture
def plain(qtbot: QtBot, db: Database, paths: AppPaths) -> MainWindow:
    return _window(qtbot, db, paths)


@pytest.fixture
def backend() -> FakeBackend:
    return FakeBackend(delay=0.05, fail_on="실패하는 답변")


@pytest.fixture
def helped(
    qtbot: QtBot, db: Database, paths: AppPaths, backend: FakeBackend
) -> Iterator[MainWindow]:
    win = _window(qtbot, db, paths, backend)
    yield win
    assert win.assistant is not None and win.assistant.shutdown()


def test_import_preview_follows_the_corrected_split_and_groups_by_client(
    qtbot: QtBot, plain: MainWindow, db: Database
) -> None:
    dialog = ImportDialog(db, RAW, "memo.txt", plain)
    qtbot.addWidget(dialog)
    # "성장 과정" reads as an answer line: one question, both answers run together.
    assert dialog.preview.topLevelItemCount() == 1
    assert (dialog.company.text(), dialog.client.text()) == ("다온은행", "이하늘")
    dialog.text.setPlainText(RAW.replace("성장 과정", "## 성장 과정"))
    dialog.update_preview()
    assert dialog.preview.topLevelItemCount() == 2
    assert dialog.preview.topLevelItem(0).text(1) == "19/500"
    dialog.client.setText("이하늘 (2기)")
    dialog._on_buttons_accepted()  # noqa: SLF001
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_id is not None
    app = db.run(apps.get_application, application_id=dialog.saved_id)
    assert (app.company, app.client_name, app.lang) == ("다온은행", "이하늘 (2기)", "ko")
    assert [(q.text, q.char_limit, q.answer) for q in app.questions] == [
        ("지원 동기를 쓰십시오. (500자)", 500, "고객의 자산 관리를 돕고 싶습니다."),
        ("성장 과정", None, "부모님의 가게에서 장부를 정리했습니다."),
    ]
    db.run(apps.create_application, company="한빛물류", client_name="김지원")
    db.run(apps.create_application, company="혼자 쓰는 지원서")
    plain.reload_list()
    rows = [plain.list_panel.list.item(i).text() for i in range(plain.list_panel.list.count())]
    assert [r for r in rows if "\n" not in r] == ["김지원", "이하늘 (2기)", "No client"]
    panel = plain.list_panel
    assert panel.client.isVisible()
    panel.client.setCurrentIndex(panel.client.findData("김지원"))
    plain.reload_list()
    assert [panel.list.item(i).text().split()[0] for i in range(panel.list.count())] == ["한빛물류"]


def _answer_with_critique(db: Database) -> tuple[int, int]:
    answer = "물류센터에서 재고 오차율을 낮췄습니다. 바코드 재검수를 도입했습니다."
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        client_name="김지원",
        questions=[apps.NewQuestion("지원 동기 (500자)", answer=answer)],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id

    db.run(cs.save_critique, question_id=qid, text=answer, data=json.loads(critique_json(answer)))
    return app_id, qid


def test_review_mode_edits_the_critique_and_approves_it(
    qtbot: QtBot, plain: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id, qid = _answer_with_critique(db)
    plain.reload_list(select_id=app_id)
    plain.view.show_application(app_id)
    plain.view._set_active(plain.view.editors[0])  # noqa: SLF001
    panel = plain.assist.review_panel
    assert panel.record is not None and "AI" in panel.status.text()
    improvements = panel.items.topLevelItem(1)
    improvements.child(0).setCheckState(0, Qt.CheckState.Unchecked)  # reject the model's point
    panel.spins["evidence"].setValue(2)

    def fill(dialog: ItemDialog) -> int:
        dialog.fields["issue"].setPlainText("역할이 드러나지 않습니다")
        dialog.fields["why"].setPlainText("누가 도입했는지 없습니다")
        dialog.fields["suggestion"].setPlainText("직접 맡은 일을 쓰세요")
        dialog.quote.setText("바코드 재검수를")
        return 1

    monkeypatch.setattr(ItemDialog, "exec", lambda self: fill(self))
    panel.add_improvement.click()
    assert "저장되지 않은" in panel.status.text() or "Unsaved" in panel.status.text()
    panel.approve_button.click()
    [record] = db.run(cs.list_critiques, question_id=qid)
    assert record.approved_at is not None and record.review is not None
    final = final_critique(record)
    assert [i["issue"] for i in final["improvements"]] == ["역할이 드러나지 않습니다"]
    assert final["improvements"][0]["origin"] == "counselor"
    assert final["scores"]["evidence"]["score"] == 2
    assert [i["state"] for i in final["strengths"]] == ["accepted"]  # pending settled
    # The writer's Review tab now shows the approved review, quotes anchored.
    writer = plain.assist.critique.improvements
    texts = [writer.item(i).text() for i in range(writer.count())]
    assert len(texts) == 1 and "역할이 드러나지 않습니다" in texts[0]
    assert "not found" not in texts[0]


def test_comments_follow_edits_and_the_writer_accepts_a_proposal(
    qtbot: QtBot, plain: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_id, qid = _answer_with_critique(db)
    plain.reload_list(select_id=app_id)
    plain.view.show_application(app_id)
    editor = plain.view.editors[0]
    plain.view._set_active(editor)  # noqa: SLF001
    comments = plain.assist.comments
    text = editor.nfc_text()
    start = text.index("낮췄습니다")
    editor.select_nfc_span(start, start + len("낮췄습니다"))

    def propose(dialog: CommentDialog) -> int:
        dialog.body.setPlainText("더 구체적인 동사로")
        dialog.replacement.setPlainText("0.8%로 줄였습니다")
        return 1

    monkeypatch.setattr(CommentDialog, "exec", lambda self: propose(self))
    comments.propose_button.click()
    [comment] = db.run(cm.list_comments, question_id=qid)
    assert comment.quote == "낮췄습니다" and comment.replacement == "0.8%로 줄였습니다"
    # The writer edits before the passage: the pin moves with it.
    cursor = editor.answer_edit.textCursor()
    cursor.setPosition(0)
    cursor.insertText("작년 여름 ")
    comments.refresh()
    span = comments.spans[comment.id]
    assert span is not None and editor.nfc_text()[span[0] : span[1]] == "낮췄습니다"
    assert editor.answer_edit.extraSelections()  # tinted in the answer
    comments.list.setCurrentRow(0)
    assert comments.accept_button.isEnabled()
    comments.accept_button.click()
    assert "재고 오차율을 0.8%로 줄였습니다." in editor.text()
    assert editor.text().startswith("작년 여름 ")
    assert db.run(cm.list_comments, question_id=qid)[0].state == "accepted"
    qtbot.waitUntil(
        lambda: (
            "0.8%로 줄였습니다"
            in db.run(apps.get_application, application_id=app_id).questions[0].answer
        ),
        timeout=3000,
    )
    editor.answer_edit.undo()
    assert "낮췄습니다" in editor.text()


def test_batch_reviews_every_answer_lists_failures_and_pauses(
    qtbot: QtBot, helped: MainWindow, db: Database
) -> None:
    ids = []
    for company, answer in (
        ("한빛물류", "오차율을 낮췄습니다."),
        ("다온은행", "실패하는 답변입니다."),
    ):
        ids.append(
            db.run(
                apps.create_application,
                company=company,
                client_name="김지원",
                questions=[
                    apps.NewQuestion("지원 동기", answer=answer),
                    apps.NewQuestion("빈 문항"),
                    apps.NewQuestion("포부", answer="데이터로 일하겠습니다."),
                ],
            )
        )  # fmt: skip
    controller = helped.critique_queue
    assert controller is not None
    answered = db.run(answered_questions)
    assert [len(answered[i]) for i in ids] == [2, 2]  # the empty question is not queued
    assert controller.add([q for i in ids for q in answered[i]])
    bar = helped.batch_bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.bar.value() >= 1, timeout=5000)
    controller.pause()  # the running job is stopped and its item queued again
    qtbot.waitUntil(lambda: controller.job is None, timeout=5000)
    progress = controller._progress_or_none()  # noqa: SLF001
    assert progress is not None and progress.state == "paused" and progress.running == 0
    assert progress.queued >= 1
    assert bar.pause_button.text() in ("재개", "Resume")
    controller.resume()
    qtbot.waitUntil(
        lambda: (p := controller._progress_or_none()) is not None and p.queued + p.running == 0,  # noqa: SLF001
        timeout=10_000,
    )
    progress = controller._progress_or_none()  # noqa: SLF001
    assert progress is not None and (progress.done, progress.failed) == (3, 1)
    [failure] = db.run(batch_failures, batch_id=progress.batch_id)
    assert failure.company == "다온은행" and "memory" in failure.error
    assert bar.failures_button.isVisible() and not bar.pause_button.isVisible()


def test_a_critique_with_an_escaped_lone_surrogate_is_stored_and_the_batch_ends(
    qtbot: QtBot, helped: MainWindow, db: Database
) -> None:
    # It used to fail in SQLite's UTF-8 encoder, was taken for a cancelled result and dropped:
    # the item stayed "running" in a batch marked done.
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("지원 동기", answer=f"{BROKEN_ESCAPE}가 섞인 답변입니다.")],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    controller = helped.critique_queue
    assert controller is not None and controller.add([qid])
    qtbot.waitUntil(lambda: controller._progress_or_none().state == "done", timeout=5000)  # noqa: SLF001
    progress = controller._progress_or_none()  # noqa: SLF001
    assert (progress.done, progress.running, progress.failed) == (1, 0, 0)
    [critique] = db.run(cs.list_critiques, question_id=qid)
    # The model's summary (its lone surrogate replaced) follows the automatic analysis's.
    assert critique.data["source"] == "model+analysis"
    assert "근거는 좋지만" in critique.data["summary"]
    assert "\udc80" not in critique.data["summary"]


def test_an_unfinished_batch_waits_for_a_model_then_resumes_at_start(
    qtbot: QtBot, db: Database, paths: AppPaths, backend: FakeBackend
) -> None:
    from desktop.store.batches import claim_next, create_batch

    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("지원 동기", answer="오차율을 낮췄습니다.")],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    batch = db.run(create_batch, question_ids=[qid])
    assert db.run(claim_next, batch_id=batch) is not None  # then the app was killed
    assistant = Assistant(LlmClient(fake_factory(backend)))
    win = MainWindow(db, Settings(), paths, assistant, "en")
    qtbot.addWidget(win)
    try:
        assert win.batch_bar.isVisible() or win.batch_bar.progress is not None
        assert "wait for a model" in win.batch_bar.label.text()
        assistant.load("fake", Path("fake.gguf"))
        qtbot.waitUntil(lambda: len(db.run(cs.list_critiques, question_id=qid)) == 1, timeout=5000)
        assert "done" in win.batch_bar.label.text()
    finally:
        assert assistant.shutdown()


def test_a_batch_jaso_review_is_running_is_left_to_it_at_start(
    qtbot: QtBot, db: Database, paths: AppPaths, backend: FakeBackend
) -> None:
    import socket
    import subprocess
    import sys

    from desktop.store.batches import batch_progress, claim_next, create_batch

    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("지원 동기", answer="오차율을 낮췄습니다.")] * 2,
    )
    qids = [q.id for q in db.run(apps.get_application, application_id=app_id).questions]
    cli = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        owner = f"{socket.gethostname()}:{cli.pid}:cli"
        batch = db.run(create_batch, question_ids=qids, owner=owner)
        assert db.run(claim_next, batch_id=batch) is not None  # the CLI is writing this one
        assistant = Assistant(LlmClient(fake_factory(backend)))
        assistant.load("fake", Path("fake.gguf"))
        win = MainWindow(db, Settings(), paths, assistant, "en")
        qtbot.addWidget(win)
        try:
            qtbot.waitUntil(lambda: assistant.ready, timeout=5000)
            qtbot.wait(300)
            assert win.critique_queue is not None and win.critique_queue.batch_id is None
            progress = db.run(batch_progress, batch_id=batch)
            assert (progress.running, progress.queued, progress.done) == (1, 1, 0)
        finally:
            assert assistant.shutdown()
    finally:
        cli.kill()
        cli.wait()


def test_the_menu_exports_the_open_application_with_its_unsaved_text(
    qtbot: QtBot, plain: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog

    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        client_name="김지원",
        questions=[apps.NewQuestion("지원 동기 (500자)", answer="오차율을 낮췄습니다.")],
    )
    plain.reload_list(select_id=app_id)
    plain.view.show_application(app_id)
    editor = plain.view.editors[0]
    editor.answer_edit.moveCursor(editor.answer_edit.textCursor().MoveOperation.End)
    editor.answer_edit.insertPlainText(" 바코드 재검수를 도입했습니다.")
    asked: list[str] = []

    def save_as(_parent: object, _title: str, start: str, _filters: str) -> tuple[str, str]:
        asked.append(Path(start).name)
        name = "essay" if "feedback" not in start else "report"  # no suffix: the filter adds it
        return str(tmp_path / name), "Word (*.docx)" if name == "essay" else "HTML (*.html)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    plain.counsel_menu.export_essay()
    plain.counsel_menu.export_report()
    assert asked == ["김지원-한빛물류.txt", "김지원-한빛물류-feedback.pdf"]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(tmp_path / "essay.docx")).paragraphs)
    assert "바코드 재검수를 도입했습니다." in text  # the typed text was saved first
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "한빛물류" in html and "지원 동기 (500자)" in html
    assert "report.html" in plain.statusBar().currentMessage()

"""Review, Review all and Batch review share one queue kept in SQLite (ui/assist/critique_queue).

What Review all queued survives a crash like a counselor's batch; a writer's Review goes ahead of
what a batch still has queued; one ``critique_saved`` signal reaches the Review tab.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Sequence

import pytest
from pytestqt.qtbot import QtBot
from sqlmodel import Session, col, select, update

from desktop.messages import language, set_language
from desktop.paths import AppPaths
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.store.batches import batch_failures
from desktop.store.questions import save_answer
from desktop.store.tables import Batch, BatchItem
from desktop.ui.assist.critique_queue import CritiqueQueue
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend

WindowFor = Callable[[FakeBackend], MainWindow]


def _application(db: Database, company: str, answers: Sequence[str]) -> int:
    return db.run(
        apps.create_application,
        company=company,
        questions=[apps.NewQuestion(f"문항 {i} (500자)", answer=a) for i, a in enumerate(answers)],
    )


def _two_answers(db: Database, win: MainWindow) -> tuple[MainWindow, CritiqueQueue, list[int]]:
    """An application with two answers, open in ``win``: the window, its queue, the ids."""
    app_id = _application(db, "한빛물류", ["입고 기록을 분석했습니다.", "장부를 정리했습니다."])
    assert win.critique_queue is not None
    win.view.show_application(app_id)
    return win, win.critique_queue, [e.question_id for e in win.view.editors]


def _items(db: Database) -> list[tuple[int, str]]:
    """(question id, state) of every queued critique, in queue order."""

    def read(session: Session) -> list[tuple[int, str]]:
        rows = session.exec(select(BatchItem).order_by(col(BatchItem.position))).all()
        return [(row.question_id, row.state) for row in rows]

    return db.run(read)


def _owner_gone(db: Database) -> None:
    """What a SIGKILL leaves in the store: the batch's owner no longer runs."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()

    def write(session: Session) -> None:
        session.exec(update(Batch).values(owner=f"{socket.gethostname()}:{gone.pid}:killed"))

    db.run(write)


@pytest.fixture
def windows(qtbot: QtBot, db: Database, paths: AppPaths) -> Iterator[WindowFor]:
    """Main windows on the test's database, each running a backend; shut down at the end."""
    made: list[MainWindow] = []

    def make(backend: FakeBackend) -> MainWindow:
        made.append(window_with_model(qtbot, db, paths, backend))
        return made[-1]

    yield make
    for win in reversed(made):
        assert win.assistant is not None and win.assistant.shutdown()


@pytest.fixture
def gated() -> Iterator[FakeBackend]:
    """Critiques wait for ``gate``; the answers are recorded in the order they were reviewed."""
    backend = FakeBackend(gate=threading.Event())
    yield backend
    assert backend.gate is not None
    backend.gate.set()


def test_review_all_is_kept_in_the_store_and_resumes_after_a_crash(
    qtbot: QtBot, db: Database, windows: WindowFor, gated: FakeBackend
) -> None:
    app_id = _application(db, "한빛물류", ["입고 기록을 분석했습니다.", "", "장부를 정리했습니다."])
    first = windows(gated)
    first.view.show_application(app_id)
    answered = [e.question_id for e in first.view.editors if e.text().strip()]
    first.view.review_all()
    # Before any critique ends, the whole queue is in the file: one running, the rest queued.
    qtbot.waitUntil(lambda: [s for _q, s in _items(db)] == ["running", "queued"], timeout=5000)
    assert [q for q, _s in _items(db)] == answered
    _owner_gone(db)

    windows(FakeBackend())  # the app started again
    qtbot.waitUntil(lambda: [s for _q, s in _items(db)] == ["done", "done"], timeout=10_000)
    for question_id in answered:
        assert len(db.run(cs.list_critiques, question_id=question_id)) == 1


def test_a_review_goes_ahead_of_what_a_batch_still_has_queued(
    qtbot: QtBot, db: Database, windows: WindowFor, gated: FakeBackend
) -> None:
    batch_app = _application(db, "한빛물류", [f"물류 기록 {i}건을 분석했습니다." for i in range(3)])
    own_app = _application(db, "가온전자", ["회로 설계 동아리에서 회장을 맡았습니다."])
    win = windows(gated)
    queue = win.critique_queue
    assert queue is not None
    batch_ids = db.run(apps.get_application, application_id=batch_app).questions
    assert queue.add([q.id for q in batch_ids])  # a counselor's batch: to the end
    qtbot.waitUntil(lambda: _items(db)[0][1] == "running", timeout=5000)
    win.view.show_application(own_app)
    editor = win.view.editors[0]
    with qtbot.waitSignals([queue.critique_saved] * 4, timeout=10_000):
        editor.review_requested.emit(editor.question_id)  # its Review button
        assert _items(db)[0] == (editor.question_id, "queued")  # next, not last
        assert gated.gate is not None
        gated.gate.set()
    texts = [q.answer for q in batch_ids]
    assert gated.reviewed == [texts[0], editor.text(), texts[1], texts[2]]
    # The writer asked for this one: the Review tab shows it.
    assert win.assist.currentWidget() is win.assist.critique
    assert win.assist.critique.review_button.isEnabled()


def test_a_review_while_the_reviews_are_paused_waits_for_resume(
    qtbot: QtBot, db: Database, windows: WindowFor, gated: FakeBackend
) -> None:
    win, queue, (first, second) = _two_answers(db, windows(gated))
    assert queue.add([second])
    qtbot.waitUntil(lambda: _items(db) == [(second, "running")], timeout=5000)
    queue.pause()  # the running critique goes back to the queue
    qtbot.waitUntil(lambda: _items(db) == [(second, "queued")], timeout=5000)
    messages: list[str] = []
    queue.message.connect(messages.append)
    win.view.review([win.view.editors[0]])
    assert any("press Resume" in m for m in messages), messages  # untranslated in tests
    assert gated.gate is not None
    gated.gate.set()
    qtbot.wait(300)
    assert _items(db) == [(first, "queued"), (second, "queued")]
    queue.resume()
    qtbot.waitUntil(lambda: [s for _q, s in _items(db)] == ["done", "done"], timeout=5000)
    assert len(db.run(cs.list_critiques, question_id=first)) == 1


def test_the_bar_goes_away_after_a_review_but_stays_for_a_failure(
    qtbot: QtBot, db: Database, windows: WindowFor
) -> None:
    app_id = _application(db, "한빛물류", ["입고 기록을 분석했습니다.", "실패하는 답변입니다."])
    win = windows(FakeBackend(fail_on="실패하는 답변"))
    bar = win.batch_bar
    bar.hide_timer.setInterval(200)
    win.view.show_application(app_id)
    good, bad = win.view.editors
    win.view.review([good])
    qtbot.waitUntil(lambda: bar.progress is not None and bar.progress.state == "done")
    assert bar.isVisible()
    qtbot.waitUntil(lambda: not bar.isVisible(), timeout=3000)
    win.view.review([bad])
    qtbot.waitUntil(lambda: bar.progress is not None and bar.progress.failed == 1)
    qtbot.wait(400)
    assert bar.isVisible() and bar.failures_button.isVisible()


@pytest.fixture
def korean() -> Iterator[None]:
    """What the app does at start with a Korean UI: ``say`` speaks Korean."""
    before = language()
    set_language("ko")
    yield
    set_language(before)


@pytest.mark.usefixtures("korean")
def test_an_answer_emptied_while_queued_fails_with_a_reason_in_the_ui_language(
    qtbot: QtBot, db: Database, windows: WindowFor, gated: FakeBackend
) -> None:
    _win, queue, ids = _two_answers(db, windows(gated))
    assert queue.add(ids)
    qtbot.waitUntil(lambda: _items(db)[0][1] == "running", timeout=5000)
    db.run(save_answer, question_id=ids[1], text="  ")
    assert gated.gate is not None
    gated.gate.set()
    qtbot.waitUntil(lambda: [s for _q, s in _items(db)] == ["done", "failed"], timeout=5000)
    assert queue.batch_id is not None
    [failure] = db.run(batch_failures, batch_id=queue.batch_id)
    assert failure.error == "답변이 비어 있습니다."


def test_review_without_any_model_gives_the_automatic_analysis(
    qtbot: QtBot, db: Database, paths: AppPaths
) -> None:
    """No model chosen at all: Review and Review all still give a review, the analysis, stored
    like a model's and shown in the Review tab (issue 26: Review always gives a critique)."""
    from desktop.settings import Settings
    from desktop.ui.models.assistant import Assistant
    from desktop.ui.models.llm_worker import LlmClient
    from tests.ui.fakes import fake_factory

    assistant = Assistant(LlmClient(fake_factory(FakeBackend())))  # nothing loaded: "none"
    win = MainWindow(db, Settings(), paths, assistant, "ko")
    qtbot.addWidget(win)
    win.show()
    try:
        _win, _queue, ids = _two_answers(db, win)
        win.view.review_all()
        qtbot.waitUntil(lambda: [s for _q, s in _items(db)] == ["done", "done"], timeout=10_000)
        for question_id in ids:
            (record,) = db.run(cs.list_critiques, question_id=question_id)
            assert record.data["source"] == "analysis"
            assert record.data["improvements"] or record.data["strengths"]
    finally:
        assert win.assistant is not None and win.assistant.shutdown()


def test_review_shows_the_analysis_while_the_model_writes_then_the_model_review(
    qtbot: QtBot, db: Database, windows: WindowFor, gated: FakeBackend
) -> None:
    """The first items are on screen before the model has written a token: the automatic
    analysis, under a line saying the model is at work; the stored review then replaces both."""
    win, queue, ids = _two_answers(db, windows(gated))
    editor = win.view.editors[0]
    win.activateWindow()
    editor.answer_edit.setFocus()
    qtbot.waitUntil(lambda: win.view.active is editor, timeout=2000)
    panel = win.assist.critique
    win.assist.critique.review_button.click()
    qtbot.waitUntil(lambda: not panel.working.isHidden(), timeout=10_000)
    assert panel.source.source == "analysis"
    assert panel.improvements.count() > 0  # something to read at once
    assert not gated.reviewed  # the model has not answered yet
    assert gated.gate is not None
    with qtbot.waitSignal(queue.critique_saved, timeout=10_000):
        gated.gate.set()
    qtbot.waitUntil(panel.working.isHidden, timeout=5000)
    assert panel.source.source == "model+analysis"
    assert ids[0] == editor.question_id

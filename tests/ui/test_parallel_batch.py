"""Batch review against a server keeps several critiques in flight; the queue's guarantees hold.

One critique per answer, a pause puts every running item back, a failure fails only its own
item. (Throughput through llama.cpp's own server: bench/batch_review_bench.py.)
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.store.batches import answered_questions
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend, ServerFake


def _questions(db: Database, n: int, failing: int | None = None) -> list[int]:
    answers = [
        "실패하는 답변입니다." if i == failing else f"물류 기록 {i}건을 분석했습니다."
        for i in range(n)
    ]
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion(f"문항 {i}", answer=a) for i, a in enumerate(answers)],
    )
    return db.run(answered_questions)[app_id]


@pytest.fixture
def server() -> ServerFake:
    return ServerFake(delay=0.3, fail_on="실패하는 답변")


@pytest.fixture
def win(qtbot: QtBot, db: Database, paths: AppPaths, server: ServerFake) -> Iterator[MainWindow]:
    window = window_with_model(qtbot, db, paths, server, Settings(remote_parallel=3))
    yield window
    assert window.assistant is not None and window.assistant.shutdown()


def test_several_critiques_run_at_once_and_each_answer_gets_one(
    qtbot: QtBot, win: MainWindow, db: Database, server: ServerFake
) -> None:
    controller = win.critique_queue
    assert controller is not None and controller.parallel == 3
    ids = _questions(db, 7, failing=4)
    assert controller.add(ids)
    qtbot.waitUntil(lambda: controller._progress_or_none().state == "done", timeout=20_000)  # noqa: SLF001
    progress = controller._progress_or_none()  # noqa: SLF001
    assert (progress.done, progress.failed, progress.running, progress.queued) == (6, 1, 0, 0)
    assert server.most_at_once == 3  # the setting, never more
    for qid in ids:
        stored = db.run(cs.list_critiques, question_id=qid)
        assert len(stored) == (0 if qid == ids[4] else 1)


def test_a_paused_parallel_batch_puts_every_running_item_back(
    qtbot: QtBot, win: MainWindow, db: Database, server: ServerFake
) -> None:
    controller = win.critique_queue
    assert controller is not None
    ids = _questions(db, 6)
    assert controller.add(ids)
    qtbot.waitUntil(lambda: server.active == 3, timeout=5000)
    assert controller._progress_or_none().running == 3  # noqa: SLF001
    controller.pause()
    qtbot.waitUntil(lambda: controller.job is None, timeout=5000)
    progress = controller._progress_or_none()  # noqa: SLF001
    assert progress.state == "paused" and progress.running == 0
    assert progress.queued + progress.done == 6 and not controller.in_flight
    controller.resume()
    qtbot.waitUntil(lambda: controller._progress_or_none().state == "done", timeout=20_000)  # noqa: SLF001
    assert controller._progress_or_none().done == 6  # noqa: SLF001
    assert [len(db.run(cs.list_critiques, question_id=q)) for q in ids] == [1] * 6


def test_a_local_model_gets_one_at_a_time(qtbot: QtBot, db: Database, paths: AppPaths) -> None:
    local = FakeBackend(delay=0.05)
    window = window_with_model(qtbot, db, paths, local, Settings(remote_parallel=3))
    controller = window.critique_queue
    assert controller is not None
    ids = _questions(db, 3)
    active: list[int] = []
    original = local.stream

    def counting(*args: object, **kwargs: object) -> Iterator[object]:
        active.append(1)
        assert len(active) == 1
        try:
            yield from original(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            active.pop()

    local.stream = counting  # type: ignore[method-assign]
    assert controller.add(ids)
    qtbot.waitUntil(lambda: controller._progress_or_none().state == "done", timeout=10_000)  # noqa: SLF001
    assert controller._progress_or_none().done == 3  # noqa: SLF001
    assert window.assistant is not None and window.assistant.shutdown()

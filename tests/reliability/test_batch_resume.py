"""SIGKILL the real app in the middle of a batch review (the real llama.cpp tiny model), start it
again: the batch resumes, every answer gets exactly one critique, nothing is lost or doubled."""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from desktop.engine.qualification import (
    CRITIQUE_KO,
    Qualification,
    QualificationCache,
    TaskResult,
    load_set,
)
from desktop.engine.testmodel import build_test_model
from desktop.paths import app_paths
from desktop.settings import Settings, save_settings
from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application, get_application
from desktop.store.batches import create_batch
from tests.reliability.app_run import start_app, stderr_file, stop, wait_until
from tests.reliability.conftest import Ledger

ANSWERS = (
    "물류센터 아르바이트 당시 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다.",
    "동아리 회계를 맡아 엑셀 장부를 정리하고 분기마다 보고했습니다.",
    "고객 문의 데이터를 분류해 응답 시간을 하루에서 네 시간으로 줄였습니다.",
)


def _prepare(home: Path) -> None:
    paths = app_paths(home)
    paths.ensure()
    db = Database(paths.database)
    ids = []
    for number, answer in enumerate(ANSWERS):
        app_id = db.run(
            create_application,
            company=f"회사{number}",
            client_name="김지원",
            questions=[NewQuestion("지원 동기 (500자)", answer=answer)],
        )
        ids.append(db.run(get_application, application_id=app_id).questions[0].id)
    db.run(create_batch, question_ids=ids, model="model-q8_0.gguf")
    db.close()
    model = build_test_model("tiny").gguf("q8_0")
    # The random-weight model fails the qualification set, and the batch would then be the
    # automatic analysis, done in an instant: measured as able to critique, it writes each
    # critique with the model, so the kill lands in the middle of one.
    QualificationCache(paths.qualifications).put(
        model, Qualification({CRITIQUE_KO: TaskResult(True, "ok")}, load_set()["version"])
    )
    save_settings(
        Settings(model_path=str(model), model_backend="llama_cpp", n_ctx=2048),
        paths.settings_file,
    )


def _batch_state(home: Path) -> str:
    conn = sqlite3.connect(app_paths(home).database, timeout=5)
    try:
        return str(conn.execute("SELECT state FROM batch").fetchone()[0])
    finally:
        conn.close()


def _states(home: Path) -> tuple[list[str], int, str]:
    conn = sqlite3.connect(app_paths(home).database, timeout=5)
    try:
        states = [row[0] for row in conn.execute("SELECT state FROM batch_item ORDER BY position")]
        critiques = int(conn.execute("SELECT count(*) FROM critique").fetchone()[0])
        integrity = str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()
    return states, critiques, integrity


@pytest.mark.timeout(600)
def test_batch_resumes_after_the_app_is_killed(tmp_path: Path, ledger: Ledger) -> None:
    home = tmp_path / "home"
    _prepare(home)
    proc = start_app(home)
    try:
        # Kill it while the second answer is being generated: one done, one running. A
        # constrained critique on the tiny model can take well under a second, so kill at once.
        wait_until(
            lambda: _states(home)[0][:2] == ["done", "running"],
            proc,
            home,
            240,
            "item 2 running",
            lambda: _states(home),
        )
        proc.send_signal(signal.SIGKILL)
    finally:
        stop(proc)
    states, critiques, integrity = _states(home)
    # Whichever item the kill landed in (almost always the second, still marked running), the
    # store agrees with itself: one critique per finished item, and the batch was cut short.
    assert integrity == "ok", integrity
    assert critiques == states.count("done") and critiques < 3, (states, critiques)

    started = time.monotonic()
    proc = start_app(home)
    try:
        # The batch itself is marked done when the worker next asks for an item, a moment
        # after the last item is: wait for both.
        wait_until(
            lambda: _states(home)[0] == ["done"] * 3 and _batch_state(home) == "done",
            proc,
            home,
            240,
            "the batch to end",
            lambda: _states(home),
        )
    finally:
        stop(proc)
    states, critiques, integrity = _states(home)
    conn = sqlite3.connect(app_paths(home).database)
    try:
        per_question = [
            row[0] for row in conn.execute("SELECT count(*) FROM critique GROUP BY question_id")
        ]
        (batch_state,) = conn.execute("SELECT state FROM batch").fetchone()
    finally:
        conn.close()
    ok = integrity == "ok" and critiques == 3 and per_question == [1, 1, 1]
    ledger.record(
        "crashes",
        "SIGKILL of the real app mid-batch (tiny GGUF), then a restart",
        1,
        int(ok),
        "none" if ok else f"{critiques} critiques for 3 answers",
        f"resumed and finished 2 items in {time.monotonic() - started:.0f} s",
        lost_n=0 if ok else 1,
    )
    assert ok, (
        states,
        critiques,
        per_question,
        stderr_file(home).read_text(errors="replace")[-2000:],
    )
    assert batch_state == "done"

"""SIGKILL the real app while it types; the database must be intact and lose at most one
autosave window of text."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.paths import app_paths
from desktop.settings import Settings, save_settings
from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application
from tests.reliability.conftest import Ledger, count

RUNS = count(20, 100)
IDLE_MS = 500
MAX_WAIT_MS = 1000
TYPE_INTERVAL_MS = 10
# A save is one SQLite transaction with fsync; allow for it and for scheduling on a busy machine.
SLACK_S = 0.75
SCRIPT = (
    "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석했습니다. "
    "Barcode re-checks cut the error rate to 0.8% in three months. "
) * 20


def _prepare(home: Path) -> int:
    paths = app_paths(home)
    paths.ensure()
    db = Database(paths.database)
    app_id = db.run(
        create_application, company="한빛물류", questions=[NewQuestion("지원동기 (3,000자)")]
    )
    db.close()
    save_settings(
        Settings(
            autosave_idle_ms=IDLE_MS, autosave_max_wait_ms=MAX_WAIT_MS, last_application_id=app_id
        ),
        paths.settings_file,
    )
    return app_id


def _typed_at(log: Path, moment: float) -> int:
    typed = 0
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and float(parts[0]) <= moment:
            typed = int(parts[1])
    return typed


@pytest.mark.slow
@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_while_typing(run: int, tmp_path: Path, ledger: Ledger) -> None:
    rng = random.Random(run)
    home = tmp_path / "home"
    _prepare(home)
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    log = tmp_path / "typed.log"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "JASO_TEST_TYPE_FILE": str(script),
        "JASO_TEST_TYPE_LOG": str(log),
        "JASO_TEST_TYPE_INTERVAL_MS": str(TYPE_INTERVAL_MS),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--home", str(home)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not (log.exists() and log.stat().st_size) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            time.sleep(0.02)
        assert log.exists(), "the app never started typing"
        time.sleep(rng.uniform(0.3, 3.0))
        killed_at = time.time()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
        if proc.stderr:
            proc.stderr.close()

    database = app_paths(home).database
    conn = sqlite3.connect(database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        (answer,) = conn.execute("SELECT answer FROM question").fetchone()
    finally:
        conn.close()
    typed_total = _typed_at(log, killed_at)
    must_have = _typed_at(log, killed_at - MAX_WAIT_MS / 1000 - SLACK_S)
    survived = integrity == "ok" and SCRIPT.startswith(answer) and must_have <= len(answer)
    ledger.record(
        "crashes",
        f"SIGKILL of the real app while it types (autosave window {MAX_WAIT_MS} ms)",
        1,
        int(survived),
        f"{typed_total - len(answer)} characters",
        "integrity ok" if integrity == "ok" else f"integrity: {integrity}",
        lost_n=typed_total - len(answer),
    )
    assert integrity == "ok"
    assert SCRIPT.startswith(answer), "saved text is not what was typed"
    assert must_have <= len(answer) <= typed_total, json.dumps(
        {"saved": len(answer), "must_have": must_have, "typed": typed_total}
    )

"""SIGKILL the real app while it types; the database must be intact and lose at most one
autosave window of text."""

from __future__ import annotations

import json
import random
import signal
import time
from pathlib import Path

import pytest

from tests.reliability.app_run import (
    SCRIPT,
    prepare_home,
    saved_answer,
    start_app,
    stop,
    typed_at,
    wait_until,
)
from tests.reliability.conftest import Ledger, count

RUNS = count(20, 100)
IDLE_MS = 500
MAX_WAIT_MS = 1000
TYPE_INTERVAL_MS = 10
# A save is one SQLite transaction with fsync; allow for it and for scheduling on a busy machine.
SLACK_S = 0.75


@pytest.mark.slow
@pytest.mark.parametrize("run", range(RUNS))
def test_sigkill_while_typing(run: int, tmp_path: Path, ledger: Ledger) -> None:
    rng = random.Random(run)
    home = tmp_path / "home"
    prepare_home(home, IDLE_MS, MAX_WAIT_MS)
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    log = tmp_path / "typed.log"
    proc = start_app(home, script=script, log=log, interval_ms=TYPE_INTERVAL_MS)
    try:
        wait_until(lambda: log.exists() and log.stat().st_size > 0, proc, home, 30, "typing")
        time.sleep(rng.uniform(0.3, 3.0))
        killed_at = time.time()
        proc.send_signal(signal.SIGKILL)
    finally:
        stop(proc)

    integrity, answer = saved_answer(home)
    typed_total = typed_at(log, killed_at)
    must_have = typed_at(log, killed_at - MAX_WAIT_MS / 1000 - SLACK_S)
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

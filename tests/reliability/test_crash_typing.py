"""SIGKILL the real app while it types, restart it on the same home, and again, many times: the
database stays intact, each kill loses at most one autosave window of text, and the text
accumulates across the restarts (nothing saved before a kill is lost after it)."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from dataclasses import dataclass
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

CYCLES = count(10, 100)
IDLE_MS = 300
MAX_WAIT_MS = 600  # short windows: more saves, and so more to lose, per second typed
TYPE_INTERVAL_MS = 10
# A save is one SQLite transaction with fsync; allow for it and for scheduling on a busy machine.
SLACK_S = 0.75
# Numbered sentences, so that every prefix of the text is distinct: long enough for the full run.
TEXT = "".join(f"[{n}] {SCRIPT[: len(SCRIPT) // 20]}" for n in range(400))
# About one cycle in five kills the app while it starts (opening the database, its daily
# backup, the window), before or just as the robot begins to type.
DURING_START = 0.2


@dataclass
class Cycle:
    saved_before: int
    typed: int  # characters the robot had typed in this cycle when it was killed
    must_have: int  # of those, typed before the last autosave window
    saved_after: int


def _typed(log: Path, moment: float) -> int:
    return typed_at(log, moment) if log.exists() else 0


def _kill_at_a_random_moment(
    proc: subprocess.Popen[bytes], home: Path, log: Path, rng: random.Random
) -> float:
    if rng.random() < DURING_START:
        time.sleep(rng.uniform(0.05, 1.5))
    else:
        wait_until(lambda: log.exists() and log.stat().st_size > 0, proc, home, 60, "typing")
        time.sleep(rng.uniform(0.3, 2.2))
    killed_at = time.time()
    proc.send_signal(signal.SIGKILL)
    return killed_at


@pytest.mark.slow
def test_sigkill_restart_sigkill_on_one_home(tmp_path: Path, ledger: Ledger) -> None:
    rng = random.Random(20261120)
    home = tmp_path / "home"
    prepare_home(home, IDLE_MS, MAX_WAIT_MS)
    cycles: list[Cycle] = []
    saved = ""
    for cycle in range(CYCLES):
        # The robot appends to what the editor opened with: the rest of TEXT after what is saved.
        script = tmp_path / f"script{cycle}.txt"
        script.write_text(TEXT[len(saved) :], encoding="utf-8")
        log = tmp_path / f"typed{cycle}.log"
        proc = start_app(home, script=script, log=log, interval_ms=TYPE_INTERVAL_MS)
        try:
            killed_at = _kill_at_a_random_moment(proc, home, log, rng)
        finally:
            stop(proc)
        integrity, answer = saved_answer(home)
        done = Cycle(
            saved_before=len(saved),
            typed=_typed(log, killed_at),
            must_have=_typed(log, killed_at - MAX_WAIT_MS / 1000 - SLACK_S),
            saved_after=len(answer),
        )
        cycles.append(done)
        where = json.dumps({"cycle": cycle, **done.__dict__})
        assert integrity == "ok", f"{where}: {integrity}"
        assert TEXT.startswith(answer), f"{where}: the saved text is not what was typed"
        assert answer.startswith(saved), f"{where}: text saved before the restart was lost"
        assert (
            done.saved_before + done.must_have <= len(answer) <= done.saved_before + done.typed
        ), where
        saved = answer
    lost = [c.saved_before + c.typed - c.saved_after for c in cycles]
    grew = sum(1 for c in cycles if c.saved_after > c.saved_before)
    ledger.record(
        "crashes",
        f"SIGKILL of the real app while it types, restarted on the same home, {CYCLES} times "
        f"(autosave window {MAX_WAIT_MS} ms)",
        CYCLES,
        CYCLES,
        f"at most {max(lost)} characters per kill",
        f"integrity ok after every kill; {len(saved):,} characters accumulated over "
        f"{sum(c.typed for c in cycles):,} typed; the saved text grew in {grew} cycles; "
        f"{sum(1 for c in cycles if c.typed == 0)} kills landed before typing began",
        lost_n=max(lost),
    )
    # The loop must have exercised what it claims: text saved, restarts resuming from it.
    assert grew >= CYCLES // 3

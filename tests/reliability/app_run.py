"""Running the real app in a subprocess with the typing robot, and reading what it saved."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.paths import app_paths
from desktop.settings import Settings, save_settings
from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application

SCRIPT = (
    "물류센터 아르바이트 당시 재고 오차율이 3.5%였고, 입고 기록 1,200건을 분석했습니다. "
    "Barcode re-checks cut the error rate to 0.8% in three months. "
) * 20


def prepare_home(home: Path, idle_ms: int, max_wait_ms: int) -> int:
    """A data home with one application of one empty question, opened at start."""
    paths = app_paths(home)
    paths.ensure()
    db = Database(paths.database)
    app_id = db.run(
        create_application, company="한빛물류", questions=[NewQuestion("지원동기 (3,000자)")]
    )
    db.close()
    save_settings(
        Settings(
            autosave_idle_ms=idle_ms, autosave_max_wait_ms=max_wait_ms, last_application_id=app_id
        ),
        paths.settings_file,
    )
    return app_id


def start_app(
    home: Path,
    *,
    script: Path | None = None,
    log: Path | None = None,
    interval_ms: int = 10,
    prefix: tuple[str, ...] = (),
    **popen: Any,
) -> subprocess.Popen[bytes]:
    """The real app (offscreen); with ``script`` the typing robot types it, logging to ``log``.

    Its stderr goes to ``stderr_file(home)`` (a pipe nobody reads could block it).
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **popen.pop("env", {})}
    if script is not None and log is not None:
        env |= {
            "JASO_TEST_TYPE_FILE": str(script),
            "JASO_TEST_TYPE_LOG": str(log),
            "JASO_TEST_TYPE_INTERVAL_MS": str(interval_ms),
        }
    return subprocess.Popen(
        [*prefix, sys.executable, "-m", "desktop", "--home", str(home)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=stderr_file(home).open("ab"),
        **popen,
    )


def stderr_file(home: Path) -> Path:
    return home.with_name(home.name + "-stderr.txt")


def typed_at(log: Path, moment: float) -> int:
    """How many characters the robot had typed at unix time ``moment``."""
    typed = 0
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2 and float(parts[0]) <= moment:
            typed = int(parts[1])
    return typed


def saved_answer(home: Path) -> tuple[str, str]:
    """(integrity check result, the first answer) read from the app's database file."""
    conn = sqlite3.connect(app_paths(home).database)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        (answer,) = conn.execute("SELECT answer FROM question").fetchone()
    finally:
        conn.close()
    return str(integrity), str(answer)


def wait_until(
    condition: Callable[[], bool],
    proc: subprocess.Popen[bytes],
    home: Path,
    timeout: float,
    what: str,
    status: Callable[[], object] | None = None,
) -> None:
    """Poll ``condition``; ``status`` describes what was seen when it times out."""
    deadline = time.monotonic() + timeout
    while not condition():
        if proc.poll() is not None:
            err = stderr_file(home).read_text(encoding="utf-8", errors="replace")
            raise AssertionError(f"the app exited while waiting for {what}: {err[-2000:]}")
        if time.monotonic() > deadline:
            seen = f" (last seen: {status()})" if status is not None else ""
            raise AssertionError(f"timed out waiting for {what}{seen}")
        time.sleep(0.05)


def stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(timeout=10)

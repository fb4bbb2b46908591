"""The store under damage: a corrupt file, and SIGKILL during a migration or a backup."""

from __future__ import annotations

import hashlib
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.store import Database
from desktop.store import applications as apps
from desktop.store.backup import (
    create_backup,
    daily_backup,
    list_backups,
    recover_from_backup,
)
from desktop.store.errors import StoreDamaged
from desktop.store.schema import LATEST_VERSION
from tests.reliability.conftest import Ledger, count

FIXTURES = Path(__file__).resolve().parent.parent / "store" / "fixtures"


def _filled(path: Path, applications: int) -> None:
    db = Database(path)
    try:
        for index in range(applications):
            db.run(
                apps.create_application,
                company=f"회사{index}",
                questions=[apps.NewQuestion("지원동기 (500자)", answer="물류센터 오차율 " * 20)],
            )
    finally:
        db.close()


@pytest.mark.parametrize("damage", ["truncated", "random bytes"])
def test_damaged_database_is_kept_and_the_newest_backup_restored(
    damage: str, tmp_path: Path, ledger: Ledger
) -> None:
    path = tmp_path / "jaso.sqlite3"
    _filled(path, 5)
    create_backup(path, tmp_path / "backups", label="20261120-daily")
    data = path.read_bytes()
    if damage == "truncated":
        broken = data[: len(data) // 3]
    else:
        rng = random.Random(3)
        broken = bytes(rng.randrange(256) for _ in range(len(data)))
    path.write_bytes(broken)
    with pytest.raises(StoreDamaged):
        Database(path)
    assert path.read_bytes() == broken  # refused, not touched
    backup, aside = recover_from_backup(path, tmp_path / "backups")
    assert aside.read_bytes() == broken  # the damaged file is kept under a new name
    db = Database(path)
    try:
        assert len(db.run(apps.list_applications)) == 5
        assert db.integrity_check() == "ok"
    finally:
        db.close()
    ledger.record(
        "crashes",
        "damaged database file (truncated, random bytes): refused, kept, newest backup restored",
        1,
        1,
        "what was typed after the backup (the damaged file is kept for recovery)",
        f"restored {backup.name}",
    )


def _kill_during(code: str, wait_s: float) -> None:
    process = subprocess.Popen([sys.executable, "-c", code])
    time.sleep(wait_s)
    process.send_signal(signal.SIGKILL)
    process.wait(10)


def _seed_v1(path: Path, rows: int) -> int:
    """A version-1 database of one application with ``rows`` answers; returns the row count."""
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    answers = [
        (i + 2, 1, i, f"문항 {i}", 500, "chars_incl_spaces", "입고 검수 데이터 " * 40, "2026-11-01")
        for i in range(rows)
    ]
    conn.executemany("INSERT INTO question VALUES (?,?,?,?,?,?,?,?)", answers)
    conn.commit()
    conn.close()
    return rows + 1


def test_sigkill_during_migration(tmp_path: Path, ledger: Ledger) -> None:
    runs = count(4, 25)
    seed = tmp_path / "seed-v1.sqlite3"
    expected = _seed_v1(seed, 20_000)
    migrated_ok = 0
    rng = random.Random(5)
    for run in range(runs):
        path = tmp_path / f"m{run}.sqlite3"
        shutil.copyfile(seed, path)
        code = f"from desktop.store import Database; Database({str(path)!r}).close()"
        _kill_during(code, rng.uniform(0.2, 2.0))
        db = Database(path)  # finishes (or redoes) the migration
        try:
            count_rows = len(db.run(apps.get_application, application_id=1).questions)
            if db.integrity_check() == "ok" and count_rows == expected:
                migrated_ok += 1
        finally:
            db.close()
    ledger.record(
        "crashes",
        f"SIGKILL during a migration (v1 -> v{LATEST_VERSION}, 20,000 answers)",
        runs,
        migrated_ok,
        "none",
        "reopened: migration completed, integrity ok, every row there",
    )
    assert migrated_ok == runs


# The app's daily backup in a child whose SQLite backup copies a few pages per step, logging
# "<remaining> <total>" pages after each step and pausing a little, so that the test can see a
# backup under way and kill it there. Only the step size differs from the app's own copy (one
# step): the write to a ".partial" file and the rename into place are the app's code.
SLOW_BACKUP = """
import sqlite3, sys, time
from datetime import date
from pathlib import Path
import desktop.store.backup as backup

db, folder, day, progress = sys.argv[1:5]
log = open(progress, "a", buffering=1)

def step(status, remaining, total):
    log.write(f"{remaining} {total}\\n")
    time.sleep(0.03)

class SlowSource:
    def __init__(self, conn):
        self.conn = conn
    def backup(self, target):
        self.conn.backup(target, pages=8, progress=step)
    def close(self):
        self.conn.close()

class SlowSqlite:
    Error = sqlite3.Error
    @staticmethod
    def connect(database, **kwargs):
        conn = sqlite3.connect(database, **kwargs)
        return SlowSource(conn) if kwargs.get("uri") else conn

backup.sqlite3 = SlowSqlite
backup.daily_backup(Path(db), Path(folder), keep=3, today=date.fromisoformat(day))
log.write("done\\n")
"""


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _last_progress(progress: Path) -> tuple[int, int] | None:
    lines = progress.read_text(encoding="utf-8").split() if progress.exists() else []
    if len(lines) < 2 or lines[-1] == "done":
        return None
    return int(lines[-2]), int(lines[-1])


def test_sigkill_during_a_backup_keeps_the_earlier_ones(tmp_path: Path, ledger: Ledger) -> None:
    """Each run kills the daily backup while it is shown to be copying (pages left to copy, its
    partial file present), then restarts as the app does: the earlier backups are unchanged and
    intact, the cut one is never listed, the database is fine, and the next backup works."""
    runs = count(3, 25)
    path = tmp_path / "jaso.sqlite3"
    expected = _seed_v1(path, 2_000)
    Database(path).close()  # migrated to the current schema, as the app keeps it
    backups = tmp_path / "backups"
    first_day = date(2026, 11, 1)
    for day in (first_day, first_day + timedelta(days=1)):
        daily_backup(path, backups, keep=3, today=day)
    rng = random.Random(6)
    cut_at: list[str] = []
    for run in range(runs):
        day = first_day + timedelta(days=2 + run)
        earlier = {b: _digest(b) for b in list_backups(backups)}
        assert len(earlier) >= 2
        partial = backups / f"jaso-{day:%Y%m%d}-daily.partial"
        progress = tmp_path / f"progress{run}.txt"
        args = [str(path), str(backups), day.isoformat(), str(progress)]
        process = subprocess.Popen([sys.executable, "-c", SLOW_BACKUP, *args])
        try:
            deadline = time.monotonic() + 60
            while _last_progress(progress) is None or not partial.exists():
                assert process.poll() is None, "the backup ended before it could be cut"
                assert time.monotonic() < deadline, "no backup under way"
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 1.2))
            process.send_signal(signal.SIGKILL)
        finally:
            process.kill()
            process.wait(10)
        # Killed mid-backup: pages were still to copy and the partial file was never renamed.
        last = _last_progress(progress)
        assert last is not None and 0 < last[0] < last[1], f"not cut mid-backup: {last}"
        assert partial.exists()
        cut_at.append(f"{last[1] - last[0]}/{last[1]}")
        # The earlier backups are exactly as they were, intact, and the only ones listed.
        assert {b: _digest(b) for b in list_backups(backups)} == earlier
        assert all(_backup_intact(b, expected) for b in earlier)
        # Restart as the app does: open the database, then today's backup.
        db = Database(path)
        try:
            assert db.integrity_check() == "ok"
            assert len(db.run(apps.get_application, application_id=1).questions) == expected
        finally:
            db.close()
        made = daily_backup(path, backups, keep=3, today=day)
        assert made is not None and _backup_intact(made, expected)
        assert not partial.exists()
        assert list_backups(backups)[0] == made
    ledger.record(
        "crashes",
        "SIGKILL during a backup (shown under way: pages left to copy, partial file present)",
        runs,
        runs,
        "none (a cut backup is never listed; earlier backups and the database are untouched)",
        f"cut after {', '.join(cut_at)} pages copied; the restart's backup replaced it",
    )


def _backup_intact(path: Path, expected: int) -> bool:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok and conn.execute("SELECT count(*) FROM question").fetchone()[0] == expected
    finally:
        conn.close()

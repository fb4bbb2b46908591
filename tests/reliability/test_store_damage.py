"""The store under damage: a corrupt file, and SIGKILL during a migration or a backup."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.store import Database
from desktop.store import applications as apps
from desktop.store.backup import create_backup, list_backups, recover_from_backup
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


def test_sigkill_during_migration_and_backup(tmp_path: Path, ledger: Ledger) -> None:
    runs = count(4, 25)
    seed = tmp_path / "seed-v1.sqlite3"
    conn = sqlite3.connect(seed)
    conn.executescript((FIXTURES / "schema_v1.sql").read_text(encoding="utf-8"))
    rows = [
        (i + 2, 1, i, f"문항 {i}", 500, "chars_incl_spaces", "입고 검수 데이터 " * 40, "2026-11-01")
        for i in range(20_000)
    ]
    conn.executemany("INSERT INTO question VALUES (?,?,?,?,?,?,?,?)", rows)
    conn.commit()
    conn.close()
    expected = 20_001
    migrated_ok = backups_ok = 0
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
        backups = tmp_path / f"backups{run}"
        code = (
            "from pathlib import Path; from desktop.store.backup import create_backup; "
            f"create_backup(Path({str(path)!r}), Path({str(backups)!r}))"
        )
        _kill_during(code, rng.uniform(0.05, 0.6))
        listed = list_backups(backups)
        if all(_backup_intact(b, expected) for b in listed):
            backups_ok += 1
    ledger.record(
        "crashes",
        f"SIGKILL during a migration (v1 -> v{LATEST_VERSION}, 20,000 answers)",
        runs,
        migrated_ok,
        "none",
        "reopened: migration completed, integrity ok, every row there",
    )
    ledger.record(
        "crashes",
        "SIGKILL during a backup",
        runs,
        backups_ok,
        "none (a cut backup is never listed; the database is untouched)",
    )
    assert migrated_ok == runs and backups_ok == runs


def _backup_intact(path: Path, expected: int) -> bool:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return ok and conn.execute("SELECT count(*) FROM question").fetchone()[0] == expected
    finally:
        conn.close()

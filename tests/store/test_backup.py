from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from desktop.store import Database
from desktop.store.applications import create_application, list_applications
from desktop.store.backup import create_backup, daily_backup, list_backups, restore_backup


def test_daily_backup_once_a_day_keeping_n(tmp_path: Path) -> None:
    db = Database(tmp_path / "jaso.sqlite3")
    db.run(create_application, company="한빛물류")
    backups = tmp_path / "backups"
    start = date(2026, 11, 1)
    for day in range(10):
        made = daily_backup(db.path, backups, keep=3, today=start + timedelta(days=day))
        assert made is not None
        assert daily_backup(db.path, backups, keep=3, today=start + timedelta(days=day)) is None
    names = [p.name for p in list_backups(backups)]
    assert names == [f"jaso-2026111{d}-daily.sqlite3" for d in (0,)] + [
        f"jaso-2026110{d}-daily.sqlite3" for d in (9, 8)
    ]
    db.close()


def test_backup_and_restore_round_trip(tmp_path: Path) -> None:
    db = Database(tmp_path / "jaso.sqlite3")
    db.run(create_application, company="before")
    backup = create_backup(db.path, tmp_path / "backups")
    db.run(create_application, company="after")
    db.close()
    restore_backup(backup, db.path)
    reopened = Database(db.path)
    assert [a.company for a in reopened.run(list_applications)] == ["before"]
    assert reopened.integrity_check() == "ok"
    reopened.close()

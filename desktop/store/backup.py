"""Rolling backups with SQLite's online backup API (consistent even while the app writes)."""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import date, datetime
from pathlib import Path

from desktop.messages import say
from desktop.store.errors import StorageError

log = logging.getLogger(__name__)

_PREFIX = "jaso-"
_SUFFIX = ".sqlite3"


def _copy(source: Path, destination: Path) -> None:
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(destination)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def create_backup(db_path: Path, backup_dir: Path, label: str | None = None) -> Path:
    """Copy the database into ``backup_dir``; returns the backup's path."""
    stamp = label or datetime.now().strftime("%Y%m%d-%H%M%S")
    final = backup_dir / f"{_PREFIX}{stamp}{_SUFFIX}"
    partial = final.with_suffix(".partial")
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        _copy(db_path, partial)
        partial.replace(final)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StorageError(
            say(
                f"{backup_dir} 폴더로 백업하지 못했습니다: {exc}",
                f"Backup to {backup_dir} failed: {exc}",
            )
        ) from exc
    return final


def list_backups(backup_dir: Path) -> list[Path]:
    """Backups, newest first."""
    if not backup_dir.is_dir():
        return []
    found = [p for p in backup_dir.glob(f"{_PREFIX}*{_SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def daily_backup(
    db_path: Path, backup_dir: Path, keep: int, today: date | None = None
) -> Path | None:
    """Make today's backup unless one exists, then keep only the newest ``keep`` daily ones."""
    if not db_path.exists():
        return None
    day = (today or date.today()).strftime("%Y%m%d")
    existing = [p for p in list_backups(backup_dir) if p.name.startswith(f"{_PREFIX}{day}")]
    made = None if existing else create_backup(db_path, backup_dir, label=f"{day}-daily")
    daily = [p for p in list_backups(backup_dir) if p.name.endswith(f"-daily{_SUFFIX}")]
    for old in daily[keep:]:
        try:
            old.unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(
                say(
                    f"오래된 백업을 지우지 못했습니다({old}): {exc}",
                    f"Could not remove the old backup {old}: {exc}",
                )
            ) from exc
        log.info("removed old backup %s", old)
    return made


def restore_backup(backup: Path, db_path: Path) -> None:
    """Replace the database's contents with ``backup`` (the app's engine must be closed)."""
    try:
        _copy(backup, db_path)
    except sqlite3.Error as exc:
        raise StorageError(
            say(
                f"백업을 복원하지 못했습니다({backup.name}): {exc}",
                f"Could not restore {backup.name}: {exc}",
            )
        ) from exc


def _intact(path: Path) -> bool:
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok")
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def recover_from_backup(db_path: Path, backup_dir: Path) -> tuple[Path, Path]:
    """Set a damaged database aside and restore the newest intact backup in its place.

    The damaged file (and its -wal/-shm) is renamed, never overwritten or deleted, so nothing in
    it is lost for good. Returns the backup used and where the damaged file now is.
    """
    backup = next((b for b in list_backups(backup_dir) if _intact(b)), None)
    if backup is None:
        raise StorageError(
            say("복원할 수 있는 온전한 백업이 없습니다.", "There is no intact backup to restore.")
        )
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    try:
        db_path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = db_path.with_name(db_path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
        _copy(backup, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(
            say(
                f"백업 {backup.name} 복원에 실패했습니다: {exc}",
                f"Restoring {backup.name} failed: {exc}",
            )
        ) from exc
    log.warning("damaged database moved to %s; restored %s", aside, backup)
    return backup, aside

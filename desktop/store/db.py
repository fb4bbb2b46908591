"""Opening the database: version check (read-only first), migrations, connection pragmas."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

from desktop.store.errors import StorageError, StoreDamaged, StoreTooNew
from desktop.store.schema import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

T = TypeVar("T")


def read_user_version(path: Path) -> int:
    """The schema version of the database at ``path``, read without modifying it (0 if absent)."""
    if not path.exists() or path.stat().st_size == 0:
        return 0
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA user_version").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(
            f"The database file {path} is damaged or is not a Jaso database ({exc}). "
            "It was left untouched; restore a backup or move the file aside."
        ) from exc
    return int(row[0])


def _configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=5000")


def migrate(path: Path, *, target: int = LATEST_VERSION) -> int:
    """Bring the database at ``path`` to ``target``; returns the version it started from.

    A database newer than this app is refused before anything is written to it.
    """
    start = read_user_version(path)
    if start > LATEST_VERSION:
        raise StoreTooNew(
            f"This database was created by a newer version of Jaso (schema {start}; this app "
            f"understands up to {LATEST_VERSION}). Update Jaso to open it. "
            "The file was not changed."
        )
    if start >= target:
        return start
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        _configure(conn)
        for version in range(start + 1, target + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in MIGRATIONS[version]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            log.info("database %s migrated to schema %d", path, version)
    except sqlite3.Error as exc:
        raise StorageError(f"Could not prepare the database {path}: {exc}") from exc
    finally:
        conn.close()
    return start


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy's pysqlite driver opens its own transactions; pragmas must run outside one.
    _configure(dbapi_conn)


def create_db_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 5}
    )
    event.listen(engine, "connect", _on_connect)
    return engine


class Database:
    """The app's SQLite database: migrated on open, short sessions per unit of work."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.started_from_version = migrate(path)
        self.engine = create_db_engine(path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error.

        Driver errors (disk full, read-only file, locked database) become ``StorageError``.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise StorageError(f"Could not write to the database: {exc.orig}") from exc
            except BaseException:
                session.rollback()
                raise

    def run(self, function: Callable[..., T], /, **kwargs: Any) -> T:
        """Call a repository function with a fresh session: ``db.run(get_application, ...)``."""
        with self.session() as session:
            return function(session=session, **kwargs)

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())

    def close(self) -> None:
        self.engine.dispose()

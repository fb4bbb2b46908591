"""Opening the database: version check (read-only first), migrations, connection pragmas."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

from desktop.messages import say
from desktop.store.errors import StorageError, StoreDamaged, StoreTooNew
from desktop.store.schema import LATEST_VERSION, MIGRATIONS

log = logging.getLogger(__name__)

T = TypeVar("T")
P = ParamSpec("P")


SQLITE_MAGIC = b"SQLite format 3\x00"


def writable(path: Path) -> bool:
    """Whether the database at ``path`` and its folder (WAL and lock files) can be written."""
    folder_ok = os.access(path.parent, os.W_OK | os.X_OK)
    return folder_ok and (not path.exists() or os.access(path, os.W_OK))


def _read_only_uri(path: Path) -> str:
    # immutable=1: a WAL database in a folder we cannot write has no -shm to share, so SQLite
    # must be told nobody else writes it; otherwise it refuses to read at all.
    return f"{path.resolve().as_uri()}?mode=ro&immutable=1"


def storage_kind(error: BaseException | None) -> str:
    """Classify a driver error for the user: "full", "readonly", "locked" or "other"."""
    text = str(error).lower()
    if "full" in text or "disk i/o error" in text or "file too large" in text:
        return "full"
    if "readonly" in text or "read-only" in text:
        return "readonly"
    if "locked" in text or "busy" in text:
        return "locked"
    return "other"


def read_user_version(path: Path) -> int:
    """The schema version of the database at ``path``, read without modifying it (0 if absent).

    A read-only file is not a damaged one: it is read as immutable, and only a file that fails
    then, or lacks the SQLite header, is reported as damaged.
    """
    if not path.exists() or path.stat().st_size == 0:
        return 0
    uri = f"{path.resolve().as_uri()}?mode=ro" if writable(path) else _read_only_uri(path)
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            row = conn.execute("PRAGMA user_version").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StoreDamaged(
            say(
                f"데이터베이스 파일이 손상되었거나 Jaso 데이터베이스가 아닙니다({path}: {exc}). "
                "파일은 그대로 두었습니다. 백업을 복원하거나 파일을 다른 곳으로 옮기세요.",
                f"The database file {path} is damaged or is not a Jaso database ({exc}). "
                "It was left untouched; restore a backup or move the file aside.",
            )
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
            say(
                f"이 데이터베이스는 더 새로운 버전의 Jaso가 만들었습니다(스키마 {start}, 이 앱은 "
                f"{LATEST_VERSION}까지 읽습니다). Jaso를 업데이트한 뒤 여세요. "
                "파일은 바꾸지 않았습니다.",
                f"This database was created by a newer version of Jaso (schema {start}; this app "
                f"understands up to {LATEST_VERSION}). Update Jaso to open it. "
                "The file was not changed.",
            )
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
        raise StorageError(
            say(
                f"데이터베이스를 준비하지 못했습니다({path}): {exc}",
                f"Could not prepare the database {path}: {exc}",
            ),
            storage_kind(exc),
        ) from exc
    finally:
        conn.close()
    return start


def _on_connect(dbapi_conn: Any, _record: Any) -> None:
    # SQLAlchemy's pysqlite driver opens its own transactions; pragmas must run outside one.
    _configure(dbapi_conn)


def _on_connect_read_only(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def create_db_engine(path: Path, *, read_only: bool = False) -> Engine:
    if read_only:
        url = f"sqlite:///{_read_only_uri(path).replace('file://', 'file:')}&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5})
    event.listen(engine, "connect", _on_connect_read_only if read_only else _on_connect)
    return engine


class Database:
    """The app's SQLite database: migrated on open, short sessions per unit of work.

    A database in a folder that cannot be written (a read-only home, a write-protected stick)
    opens read-only: reading works, every write raises ``StorageError`` of kind "readonly", and
    the first write after the folder becomes writable again reopens it read-write.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.read_only = path.exists() and not writable(path)
        if self.read_only:
            self.started_from_version = read_user_version(path)
            self._check_read_only_version()
            self.engine = create_db_engine(path, read_only=True)
            log.warning("database %s is read-only", path)
        else:
            self.started_from_version = migrate(path)
            self.engine = create_db_engine(path)

    def _check_read_only_version(self) -> None:
        if self.started_from_version > LATEST_VERSION:
            migrate(self.path)  # raises StoreTooNew with its message
        if self.started_from_version < LATEST_VERSION:
            raise StorageError(
                say(
                    f"데이터베이스를 업그레이드해야 하는데 폴더가 읽기 전용입니다({self.path}). "
                    "폴더에 쓰기 권한을 준 뒤 Jaso를 다시 시작하세요.",
                    f"The database {self.path} needs an upgrade, but its folder is read-only. "
                    "Make the folder writable and start Jaso again.",
                ),
                "readonly",
            )

    def _reopen_if_writable(self) -> None:
        if not self.read_only or not writable(self.path):
            return
        self.engine.dispose()
        self.engine = create_db_engine(self.path)
        self.read_only = False
        log.info("database %s is writable again", self.path)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error.

        Driver errors (disk full, read-only file, locked database) and text SQLite cannot encode
        (a lone surrogate) become ``StorageError``.
        """
        self._reopen_if_writable()
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                raise StorageError(
                    say(
                        f"데이터베이스에 쓰지 못했습니다: {exc.orig}",
                        f"Could not write to the database: {exc.orig}",
                    ),
                    storage_kind(exc.orig),
                ) from exc
            except UnicodeEncodeError as exc:  # a lone surrogate: the driver cannot write it
                session.rollback()
                raise StorageError(
                    say(
                        f"데이터베이스에 쓰지 못했습니다. 글에 깨진 문자가 있습니다({exc}).",
                        "Could not write to the database: the text holds a broken character "
                        f"({exc})",
                    )
                ) from exc
            except BaseException:
                session.rollback()
                raise

    def run(
        self, function: Callable[Concatenate[Session, P], T], /, *args: P.args, **kwargs: P.kwargs
    ) -> T:
        """Call a repository function with a fresh session: ``db.run(get_application, ...)``.

        Repository functions take the session first, so mypy checks the other arguments.
        """
        with self.session() as session:
            return function(session, *args, **kwargs)

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())

    def close(self) -> None:
        self.engine.dispose()

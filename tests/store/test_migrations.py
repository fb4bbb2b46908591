from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from desktop.store import (
    Database,
    StoreDamaged,
    StoreTooNew,
    tables,  # noqa: F401  (registers the tables in the metadata)
)
from desktop.store.applications import get_application
from desktop.store.questions import list_revisions, save_answer
from desktop.store.schema import LATEST_VERSION
from desktop.store.search import search

FIXTURES = Path(__file__).parent / "fixtures"


def _load_fixture(version: int, path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / f"schema_v{version}.sql").read_text(encoding="utf-8"))
    conn.close()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_every_earlier_version_has_a_fixture() -> None:
    assert sorted(FIXTURES.glob("schema_v*.sql")) == [
        FIXTURES / f"schema_v{v}.sql" for v in range(1, LATEST_VERSION)
    ]


@pytest.mark.parametrize("version", range(1, LATEST_VERSION))
def test_migrates_each_earlier_schema_keeping_data(version: int, tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _load_fixture(version, path)
    assert _user_version(path) == version
    db = Database(path)
    try:
        assert db.started_from_version == version
        assert _user_version(path) == LATEST_VERSION
        app = db.run(get_application, application_id=1)
        assert app.company == "한빛물류"
        assert app.lang == "ko"
        assert app.questions[0].answer == "물류센터에서 오차율을 낮춘 경험이 있습니다."
        # The search index covers rows written before it existed, and rows written after.
        assert [h.question_id for h in db.run(search, query="오차율")] == [1]
        old_answer = app.questions[0].answer
        revisions = db.run(list_revisions, question_id=1)
        held = any(r.text == old_answer for r in revisions)
        db.run(save_answer, question_id=1, text="풀필먼트 센터의 입고 검수")
        assert [h.question_id for h in db.run(search, query="입고 검수")] == [1]
        after = db.run(list_revisions, question_id=1)
        # The new text is a revision; an old answer no revision held is kept as one first.
        assert len(after) == len(revisions) + (1 if held else 2)
        assert any(r.text == old_answer for r in after)
        assert db.integrity_check() == "ok"
    finally:
        db.close()


def test_tables_match_the_migrated_schema(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    Database(path).close()
    conn = sqlite3.connect(path)
    for table in SQLModel.metadata.sorted_tables:
        columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table.name})")}
        assert columns == {c.name for c in table.columns}, table.name
    conn.close()


def test_wal_and_full_sync(tmp_path: Path) -> None:
    db = Database(tmp_path / "x.sqlite3")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE future_thing (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = _digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreTooNew, match="newer version of Jaso"):
        Database(path)
    assert _digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings  # no -wal/-shm created


def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    before = _digest(path)
    with pytest.raises(StoreDamaged, match="damaged"):
        Database(path)
    assert _digest(path) == before


def test_a_batch_from_before_owners_is_resumed_by_whoever_starts(tmp_path: Path) -> None:
    from desktop.store.batches import batch_progress, take_batch, unfinished_batch
    from desktop.store.owners import this_process

    path = tmp_path / "v6.sqlite3"
    _load_fixture(6, path)  # batch 1 with its only item left "running" by a killed app
    db = Database(path)
    try:
        me = this_process()
        assert db.run(unfinished_batch, owner=me) == 1
        assert db.run(take_batch, batch_id=1, owner=me)
        assert db.run(batch_progress, batch_id=1).queued == 1
    finally:
        db.close()

"""Recovery files for text the database could not take, and what a read-only or full store says."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop.store import Database
from desktop.store.applications import NewQuestion, create_application, get_application
from desktop.store.db import storage_kind
from desktop.store.questions import list_revisions, save_answer
from desktop.store.recovery import RecoveryFiles, fallback_dir, restore_pending


def test_keep_falls_back_to_the_next_folder_and_forget_clears_all(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    files = RecoveryFiles([blocker / "recovery", tmp_path / "fallback"])
    kept = files.keep(7, "첫 글")
    assert kept == tmp_path / "fallback" / "answer-7.json"
    assert json.loads(kept.read_text(encoding="utf-8"))["text"] == "첫 글"
    assert [(p.question_id, p.text) for p in files.pending()] == [(7, "첫 글")]
    files.forget(7)
    assert files.pending() == []


def test_keep_returns_none_when_no_folder_accepts(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    assert RecoveryFiles([blocker / "a", blocker / "b"]).keep(1, "x") is None


def test_pending_takes_the_newest_text_and_skips_unreadable_files(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    RecoveryFiles([second]).keep(3, "older")
    RecoveryFiles([first]).keep(3, "newer")
    (first / "answer-9.json").write_text("{not json", encoding="utf-8")
    pending = RecoveryFiles([first, second]).pending()
    assert [(p.question_id, p.text) for p in pending] == [(3, "newer")]


def test_fallback_dir_is_per_user_and_per_data_folder(tmp_path: Path) -> None:
    a = fallback_dir(tmp_path / "a", 1000)
    assert a != fallback_dir(tmp_path / "b", 1000)
    assert a != fallback_dir(tmp_path / "a", 1001)
    assert "1000" in a.name


def test_restore_pending_writes_the_text_back_and_keeps_the_old_one(
    tmp_path: Path, db: Database
) -> None:
    app_id = db.run(
        create_application, company="한빛물류", questions=[NewQuestion("q1"), NewQuestion("q2")]
    )
    q1, q2 = (q.id for q in db.run(get_application, application_id=app_id).questions)
    db.run(save_answer, question_id=q1, text="저장된 글")
    files = RecoveryFiles([tmp_path / "recovery"])
    files.keep(q1, "저장된 글에 이어 쓴 글")
    files.keep(q2, "")  # same as the database: settled without a change
    files.keep(9999, "a deleted question")
    restored = db.run(restore_pending, files=files)
    assert restored.changed == [q1]
    assert sorted(restored.settled) == sorted([q1, q2])
    answers = {q.id: q.answer for q in db.run(get_application, application_id=app_id).questions}
    assert answers[q1] == "저장된 글에 이어 쓴 글"
    texts = [r.text for r in db.run(list_revisions, question_id=q1)]
    assert "저장된 글" in texts, "the replaced text stays in the history"


def test_a_full_database_is_reported_as_full(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "small.sqlite3")
    conn.execute("CREATE TABLE t (b BLOB)")
    conn.execute("PRAGMA max_page_count = 8")
    with pytest.raises(sqlite3.OperationalError) as caught:
        conn.execute("INSERT INTO t VALUES (zeroblob(100000))")
    conn.close()
    assert storage_kind(caught.value) == "full"
    assert storage_kind(sqlite3.OperationalError("attempt to write a readonly database")) == (
        "readonly"
    )
    assert storage_kind(sqlite3.OperationalError("database is locked")) == "locked"
    assert storage_kind(sqlite3.OperationalError("no such table: x")) == "other"

"""Rows by id: a missing or trashed one is a NotFound that names it, in the UI's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlmodel import Session

from desktop.messages import language, set_language
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import questions as qs
from desktop.store.errors import NotFound
from desktop.store.rows import MISSING, live_row
from desktop.store.tables import Application, Batch, Question


@pytest.fixture(params=["ko", "en"])
def lang(request: pytest.FixtureRequest) -> Iterator[str]:
    before = language()
    set_language(request.param)
    yield request.param
    set_language(before)


def _get(db: Database, table: type[Application | Question | Batch], row_id: int) -> object:
    def read(session: Session) -> object:
        return live_row(session, table, row_id)

    return db.run(read)


def test_a_live_row_is_returned(db: Database) -> None:
    app_id = db.run(apps.create_application, company="한빛물류")
    row = _get(db, Application, app_id)
    assert isinstance(row, Application) and row.company == "한빛물류"


def test_a_missing_row_is_named_in_the_ui_language(db: Database, lang: str) -> None:
    said = r"일괄 검토\(41\)를 찾을 수 없습니다" if lang == "ko" else "batch 41 not found"
    with pytest.raises(NotFound, match=said):
        _get(db, Batch, 41)


def test_a_trashed_row_counts_as_missing(db: Database) -> None:
    app_id = db.run(
        apps.create_application, company="한빛물류", questions=[apps.NewQuestion("지원 동기")]
    )
    question_id = db.run(apps.get_application, application_id=app_id).questions[0].id
    db.run(qs.trash_question, question_id=question_id)
    with pytest.raises(NotFound, match=f"question {question_id} not found"):
        _get(db, Question, question_id)


def test_every_message_names_the_id_in_both_languages() -> None:
    for ko, en in MISSING.values():
        assert "({id})" in ko and "{id}" in en and ko.isascii() is False

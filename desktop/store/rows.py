"""A row by its id, or the ``NotFound`` that says which one, in both languages."""

from __future__ import annotations

from typing import Final, TypeVar

from sqlmodel import Session, SQLModel

from desktop.messages import say
from desktop.store.errors import NotFound
from desktop.store.tables import (
    Application,
    Batch,
    BatchItem,
    Comment,
    Critique,
    InterviewItem,
    InterviewSession,
    Question,
    Revision,
)

T = TypeVar("T", bound=SQLModel)

_GONE: Final = " 이미 삭제되었을 수 있습니다."
# (Korean, English) for each table; {id} is the row's id.
MISSING: Final[dict[type[SQLModel], tuple[str, str]]] = {
    Application: ("지원서({id})를 찾을 수 없습니다." + _GONE, "application {id} not found"),
    Question: ("문항({id})을 찾을 수 없습니다." + _GONE, "question {id} not found"),
    Comment: ("코멘트({id})를 찾을 수 없습니다." + _GONE, "comment {id} not found"),
    Revision: ("수정 기록({id})을 찾을 수 없습니다.", "revision {id} not found"),
    Critique: ("첨삭 결과({id})를 찾을 수 없습니다.", "critique {id} not found"),
    Batch: ("일괄 검토({id})를 찾을 수 없습니다.", "batch {id} not found"),
    BatchItem: ("일괄 검토 항목({id})을 찾을 수 없습니다.", "batch item {id} not found"),
    InterviewSession: ("면접 연습({id})을 찾을 수 없습니다.", "interview session {id} not found"),
    InterviewItem: ("면접 질문({id})을 찾을 수 없습니다.", "interview question {id} not found"),
}


def live_row(session: Session, table: type[T], row_id: int) -> T:
    """The row of ``table`` with ``row_id``; ``NotFound`` when there is none or it is in the
    trash (a ``deleted_at`` is set)."""
    row = session.get(table, row_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        ko, en = MISSING.get(
            table, ("{id}번 기록을 찾을 수 없습니다.", f"{table.__name__} {{id}} not found")
        )
        raise NotFound(say(ko.format(id=row_id), en.format(id=row_id)))
    return row

"""Interview practice sessions: the questions drawn for an application, answers and feedback."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select

from desktop.store.applications import live_application, now
from desktop.store.rows import live_row
from desktop.store.tables import InterviewItem, InterviewSession


@dataclass(frozen=True)
class NewInterviewQuestion:
    text: str
    source: str = ""
    kind: str = "model"


@dataclass(frozen=True)
class InterviewItemRecord:
    id: int
    position: int
    question: str
    source: str
    kind: str
    answer: str
    feedback: dict[str, Any] | None
    answered_at: datetime | None


@dataclass(frozen=True)
class InterviewSessionRecord:
    id: int
    application_id: int
    model: str
    lang: str
    created_at: datetime
    items: tuple[InterviewItemRecord, ...]

    @property
    def answered(self) -> int:
        return sum(1 for item in self.items if item.feedback is not None)

    @property
    def score(self) -> tuple[int, int]:
        """Points earned and possible over the answered questions (0-2 on four criteria)."""
        done = [item.feedback for item in self.items if item.feedback is not None]
        return sum(int(f.get("total", 0)) for f in done), 8 * len(done)


def _item(row: InterviewItem) -> InterviewItemRecord:
    assert row.id is not None
    return InterviewItemRecord(
        row.id,
        row.position,
        row.question,
        row.source,
        row.kind,
        row.answer,
        json.loads(row.feedback) if row.feedback else None,
        row.answered_at,
    )


def create_session(
    session: Session,
    *,
    application_id: int,
    questions: list[NewInterviewQuestion],
    model: str = "",
    lang: str = "ko",
) -> int:
    live_application(session, application_id)  # NotFound for a missing or trashed one
    row = InterviewSession(application_id=application_id, model=model, lang=lang, created_at=now())
    session.add(row)
    session.flush()
    assert row.id is not None
    for position, question in enumerate(questions):
        session.add(
            InterviewItem(
                session_id=row.id,
                position=position,
                question=question.text,
                source=question.source,
                kind=question.kind,
            )
        )
    return row.id


def get_session(session: Session, *, session_id: int) -> InterviewSessionRecord:
    row = live_row(session, InterviewSession, session_id)
    items = session.exec(
        select(InterviewItem)
        .where(InterviewItem.session_id == session_id)
        .order_by(col(InterviewItem.position))
    ).all()
    assert row.id is not None
    return InterviewSessionRecord(
        row.id, row.application_id, row.model, row.lang, row.created_at,
        tuple(_item(i) for i in items),
    )  # fmt: skip


def list_sessions(session: Session, *, application_id: int) -> list[InterviewSessionRecord]:
    """The application's sessions, newest first."""
    ids = session.exec(
        select(InterviewSession.id)
        .where(InterviewSession.application_id == application_id)
        .order_by(col(InterviewSession.created_at).desc(), col(InterviewSession.id).desc())
    ).all()
    return [get_session(session=session, session_id=i) for i in ids if i is not None]


def save_practice_answer(
    session: Session, *, item_id: int, answer: str, feedback: dict[str, Any] | None
) -> None:
    """Store the user's answer to one question, with the feedback once it is there."""
    row = live_row(session, InterviewItem, item_id)
    row.answer = answer
    row.feedback = json.dumps(feedback, ensure_ascii=False) if feedback is not None else ""
    row.answered_at = now()
    session.add(row)


def delete_session(session: Session, *, session_id: int) -> None:
    row = live_row(session, InterviewSession, session_id)
    for item in session.exec(select(InterviewItem).where(InterviewItem.session_id == session_id)):
        session.delete(item)
    session.delete(row)

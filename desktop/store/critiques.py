"""Critiques, each stored against the revision it reviewed, and text taken from the model."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.critique_types import CritiqueData, as_critique
from desktop.store.applications import now
from desktop.store.questions import add_revision, live_question
from desktop.store.rows import live_row
from desktop.store.tables import AiInsert, Critique, Revision


@dataclass(frozen=True)
class CritiqueRecord:
    id: int
    question_id: int
    revision_id: int
    reviewed_text: str
    data: CritiqueData
    model: str
    lang: str
    created_at: datetime
    review: CritiqueData | None = None  # the counselor's edit, see reviews.py
    approved_at: datetime | None = None

    def is_stale(self, current_text: str) -> bool:
        """True when the answer has changed since it was reviewed."""
        return current_text != self.reviewed_text


def _record(row: Critique, revision: Revision) -> CritiqueRecord:
    assert row.id is not None
    return CritiqueRecord(
        id=row.id,
        question_id=row.question_id,
        revision_id=row.revision_id,
        reviewed_text=revision.text,
        data=as_critique(json.loads(row.data)),
        model=row.model,
        lang=row.lang,
        created_at=row.created_at,
        review=as_critique(json.loads(row.review)) if row.review else None,
        approved_at=row.approved_at,
    )


def save_critique(
    session: Session,
    *,
    question_id: int,
    text: str,
    data: CritiqueData,
    model: str = "",
    lang: str = "ko",
) -> CritiqueRecord:
    """Store ``data`` as the critique of ``text``, which is kept as a "reviewed" revision.

    The reviewed text gets its own revision because autosave revisions are extended in place.
    """
    live_question(session, question_id)  # NotFound for a missing or trashed one
    stamp = now()
    revision_id = add_revision(
        session=session, question_id=question_id, text=text, reason="reviewed", at=stamp
    )
    row = Critique(
        question_id=question_id,
        revision_id=revision_id,
        model=model,
        lang=lang,
        data=json.dumps(data, ensure_ascii=False),
        created_at=stamp,
    )
    session.add(row)
    session.flush()
    revision = session.get(Revision, revision_id)
    assert revision is not None
    return _record(row, revision)


def get_critique(session: Session, *, critique_id: int) -> CritiqueRecord:
    row = live_row(session, Critique, critique_id)
    revision = session.get(Revision, row.revision_id)
    assert revision is not None
    return _record(row, revision)


def list_critiques(session: Session, *, question_id: int) -> list[CritiqueRecord]:
    """The question's critiques, newest first."""
    statement = (
        select(Critique, Revision)
        .join(Revision, col(Revision.id) == col(Critique.revision_id))
        .where(Critique.question_id == question_id)
        .order_by(col(Critique.created_at).desc(), col(Critique.id).desc())
    )
    return [_record(row, revision) for row, revision in session.exec(statement)]


def record_ai_insert(session: Session, *, question_id: int, before: str, inserted: str) -> int:
    """Keep the text before an AI insertion as a revision, and the inserted text itself."""
    stamp = now()
    revision_id = add_revision(
        session=session, question_id=question_id, text=before, reason="before-AI-insert", at=stamp
    )
    row = AiInsert(
        question_id=question_id, revision_id=revision_id, text=inserted, created_at=stamp
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def list_ai_inserts(session: Session, *, question_id: int) -> list[str]:
    """Every piece of text the user took from the model for this question, oldest first."""
    statement = (
        select(AiInsert.text).where(AiInsert.question_id == question_id).order_by(col(AiInsert.id))
    )
    return list(session.exec(statement))

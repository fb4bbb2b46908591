"""Questions, answers and their revisions."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Final

from sqlmodel import Session, col, func, select

from desktop.store.applications import (
    NewQuestion,
    live_application,
    live_questions,
    new_question_row,
    now,
)
from desktop.store.records import QuestionRecord, RevisionRecord
from desktop.store.rows import live_row
from desktop.store.tables import REVISION_REASONS, Question, Revision
from desktop.writing.counting import PROFILE_IDS
from desktop.writing.text import without_lone_surrogates

# Autosaves within this span extend one revision instead of adding a new one, so history stays
# readable (one entry per editing burst, not one per second).
AUTOSAVE_REVISION_SPAN: Final = timedelta(minutes=5)


def live_question(session: Session, question_id: int) -> Question:
    return live_row(session, Question, question_id)


def get_question(session: Session, *, question_id: int) -> QuestionRecord:
    return QuestionRecord.of(live_question(session, question_id))


def add_question(session: Session, *, application_id: int, spec: NewQuestion) -> int:
    live_application(session, application_id)  # NotFound for a missing or trashed one
    last = session.exec(
        select(func.max(Question.position)).where(Question.application_id == application_id)
    ).one()
    row = new_question_row(application_id, (last if last is not None else -1) + 1, spec)
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def update_question(
    session: Session,
    *,
    question_id: int,
    text: str,
    char_limit: int | None,
    profile: str,
) -> None:
    if profile not in PROFILE_IDS:
        raise ValueError(f"unknown count profile {profile!r}")
    if char_limit is not None and char_limit <= 0:
        raise ValueError("the limit must be positive")
    question = live_question(session, question_id)
    question.text = text
    question.char_limit = char_limit
    question.profile = profile
    question.updated_at = now()
    session.add(question)


def move_question(session: Session, *, question_id: int, offset: int) -> None:
    """Move a question ``offset`` places up (negative) or down within its application."""
    question = live_question(session, question_id)
    siblings = live_questions(session, question.application_id)
    index = next(i for i, q in enumerate(siblings) if q.id == question_id)
    target = max(0, min(len(siblings) - 1, index + offset))
    siblings.insert(target, siblings.pop(index))
    for position, sibling in enumerate(siblings):
        sibling.position = position
        session.add(sibling)


def trash_question(session: Session, *, question_id: int) -> None:
    question = live_question(session, question_id)
    question.deleted_at = now()
    session.add(question)


def _latest_revision(session: Session, question_id: int) -> Revision | None:
    statement = (
        select(Revision)
        .where(Revision.question_id == question_id)
        .order_by(col(Revision.updated_at).desc(), col(Revision.id).desc())
        .limit(1)
    )
    return session.exec(statement).first()


def add_revision(
    session: Session, *, question_id: int, text: str, reason: str, at: datetime | None = None
) -> int:
    if reason not in REVISION_REASONS:
        raise ValueError(f"unknown revision reason {reason!r}")
    stamp = at or now()
    row = Revision(
        question_id=question_id, text=text, reason=reason, created_at=stamp, updated_at=stamp
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def _in_history(session: Session, question_id: int, text: str) -> bool:
    statement = select(Revision.id).where(
        Revision.question_id == question_id, Revision.text == text
    )
    return session.exec(statement.limit(1)).first() is not None


def _loses_text(old: str, new: str) -> bool:
    """Whether ``new`` drops most of ``old`` (an emptied answer, a large deletion or an undo
    past a big insertion): then the revision holding ``old`` is kept, not extended."""
    if not old.strip():
        return False
    return not new.strip() or len(new) < len(old) // 2


def save_answer(
    session: Session,
    *,
    question_id: int,
    text: str,
    reason: str = "autosave",
    at: datetime | None = None,
) -> datetime:
    """Store ``text`` as the answer and record it in the history; returns the save time.

    Autosaves within ``AUTOSAVE_REVISION_SPAN`` extend the latest autosave revision, except
    when that would drop most of its text: a non-empty answer is never replaced (by an empty
    one or a much shorter one) without a revision that still holds it.
    A lone surrogate, which UTF-8 cannot hold, is stored as U+FFFD rather than failing the save.
    """
    text = without_lone_surrogates(text)
    stamp = at or now()
    question = live_question(session, question_id)
    latest = _latest_revision(session, question_id)
    if (
        question.answer.strip()
        and question.answer != text
        and not _in_history(session, question_id, question.answer)
    ):
        # The stored answer is in no revision (imported, or stored before revisions existed):
        # keep it before it is replaced, so History can bring it back.
        add_revision(
            session=session,
            question_id=question_id,
            text=question.answer,
            reason="manual",
            at=stamp,
        )
        latest = _latest_revision(session, question_id)
    question.answer = text
    question.updated_at = stamp
    session.add(question)
    if latest is not None and latest.text == text:
        return stamp
    if (
        reason == "autosave"
        and latest is not None
        and latest.reason == "autosave"
        and stamp - latest.created_at < AUTOSAVE_REVISION_SPAN
        and not _loses_text(latest.text, text)
    ):
        latest.text = text
        latest.updated_at = stamp
        session.add(latest)
    else:
        add_revision(session=session, question_id=question_id, text=text, reason=reason, at=stamp)
    return stamp


def list_revisions(session: Session, *, question_id: int) -> list[RevisionRecord]:
    """The question's revisions, newest first."""
    statement = (
        select(Revision)
        .where(Revision.question_id == question_id)
        .order_by(col(Revision.updated_at).desc(), col(Revision.id).desc())
    )
    return [RevisionRecord.of(r) for r in session.exec(statement)]


def restore_revision(session: Session, *, revision_id: int) -> str:
    """Make a revision's text the answer again; the text it replaces stays in the history."""
    revision = live_row(session, Revision, revision_id)
    question = live_question(session, revision.question_id)
    latest = _latest_revision(session, question.id or 0)
    if question.answer and (latest is None or latest.text != question.answer):
        add_revision(
            session=session,
            question_id=revision.question_id,
            text=question.answer,
            reason="manual",
        )
    save_answer(
        session=session, question_id=revision.question_id, text=revision.text, reason="restore"
    )
    return revision.text

"""Comments pinned to a span of an answer, some proposing a replacement for it.

A comment keeps the quote it was made on; when the answer changes, the span is found again by the
quote (``relocate``) and the new offsets are stored. A comment whose quote is gone is "detached":
it is still listed, without a span.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.store.applications import now
from desktop.store.questions import live_question
from desktop.store.rows import live_row
from desktop.store.tables import COMMENT_STATES, Comment
from desktop.writing.anchors import relocate


@dataclass(frozen=True)
class CommentRecord:
    id: int
    question_id: int
    start: int | None  # None: the quoted passage is no longer in the answer
    end: int | None
    quote: str
    body: str
    replacement: str | None
    state: str
    created_at: datetime

    @property
    def is_proposal(self) -> bool:
        return self.replacement is not None


def add_comment(
    session: Session,
    *,
    question_id: int,
    start: int,
    end: int,
    body: str,
    replacement: str | None = None,
) -> int:
    """Pin ``body`` to ``start:end`` of the question's current (NFC) answer."""
    question = live_question(session, question_id)
    text = unicodedata.normalize("NFC", question.answer)
    if not 0 <= start < end <= len(text):
        raise ValueError("a comment needs a non-empty span inside the answer")
    if not body.strip() and replacement is None:
        raise ValueError("a comment needs a text or a replacement")
    stamp = now()
    row = Comment(
        question_id=question_id,
        span_start=start,
        span_end=end,
        quote=text[start:end],
        body=body.strip(),
        replacement=unicodedata.normalize("NFC", replacement) if replacement is not None else None,
        created_at=stamp,
        updated_at=stamp,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def list_comments(session: Session, *, question_id: int) -> list[CommentRecord]:
    """The question's comments in text order (detached ones last), re-anchored to its answer."""
    text = unicodedata.normalize("NFC", live_question(session, question_id).answer)
    rows = session.exec(
        select(Comment).where(Comment.question_id == question_id).order_by(col(Comment.id))
    ).all()
    records = []
    for row in rows:
        assert row.id is not None
        span = relocate(text, row.span_start, row.span_end, row.quote)
        if span is not None and span != (row.span_start, row.span_end):
            row.span_start, row.span_end = span
            session.add(row)
        records.append(
            CommentRecord(
                id=row.id,
                question_id=row.question_id,
                start=span[0] if span else None,
                end=span[1] if span else None,
                quote=row.quote,
                body=row.body,
                replacement=row.replacement,
                state=row.state,
                created_at=row.created_at,
            )
        )
    session.flush()
    return sorted(records, key=lambda r: (r.start is None, r.start or 0, r.id))


def _comment(session: Session, comment_id: int) -> Comment:
    return live_row(session, Comment, comment_id)


def set_comment_state(session: Session, *, comment_id: int, state: str) -> None:
    if state not in COMMENT_STATES:
        raise ValueError(f"state must be one of {COMMENT_STATES}")
    row = _comment(session, comment_id)
    row.state = state
    row.updated_at = now()
    session.add(row)
    session.flush()


def delete_comment(session: Session, *, comment_id: int) -> None:
    session.delete(_comment(session, comment_id))
    session.flush()


def apply_replacement(text: str, comment: CommentRecord) -> str:
    """``text`` with the proposal's span replaced; ValueError when it cannot be applied."""
    if comment.replacement is None:
        raise ValueError("this comment proposes no replacement")
    span = relocate(text, comment.start or 0, comment.end or 0, comment.quote)
    if span is None:
        raise ValueError("the passage is no longer in the answer")
    return text[: span[0]] + comment.replacement + text[span[1] :]

"""The counselor's review of an AI critique: a draft to accept, reject, edit and add to.

A review is the critique's JSON with a ``state`` on every strength and improvement ("pending",
"accepted", "rejected") and an ``origin`` ("model", or "counselor" for items they added); scores
and the summary are edited in place. Approving it settles pending items as accepted. The model's
own output stays untouched in ``critique.data``.
"""

from __future__ import annotations

import copy
import json
from typing import Final

from sqlmodel import Session, col, select

from desktop.critique_types import ITEM_KEYS, CritiqueData, items_of
from desktop.store.applications import now
from desktop.store.clients import consenting_clients
from desktop.store.critiques import CritiqueRecord, get_critique
from desktop.store.rows import live_row
from desktop.store.tables import Application, Critique, Question

ITEM_STATES: Final = ("pending", "accepted", "rejected")


def review_draft(data: CritiqueData) -> CritiqueData:
    """A fresh review of the model's critique: every item pending."""
    review = copy.deepcopy(data)
    for _key, item in items_of(review):
        item.setdefault("state", "pending")
        item.setdefault("origin", "model")
    return review


def current_review(record: CritiqueRecord) -> CritiqueData:
    """The saved review of the critique, or a fresh draft of it."""
    return copy.deepcopy(record.review) if record.review else review_draft(record.data)


def _check(review: CritiqueData) -> None:
    for key in ITEM_KEYS:
        items = review.get(key)
        if not isinstance(items, list):
            raise ValueError(f"a review needs a list of {key}")
        for item in items:
            if item.get("state") not in ITEM_STATES:
                raise ValueError(f"an item's state must be one of {ITEM_STATES}")
    for name, score in review.get("scores", {}).items():
        value = score.get("score")
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise ValueError(f"the score of {name} must be 1 to 5")


def save_review(
    session: Session, *, critique_id: int, review: CritiqueData, approve: bool = False
) -> CritiqueRecord:
    """Store the counselor's review; ``approve`` settles pending items and stamps it approved."""
    row = live_row(session, Critique, critique_id)
    review = copy.deepcopy(review)
    _check(review)
    if approve:
        for _key, item in items_of(review):
            if item.get("state") == "pending":
                item["state"] = "accepted"
    row.review = json.dumps(review, ensure_ascii=False)
    row.approved_at = now() if approve else None
    session.add(row)
    session.flush()
    return get_critique(session=session, critique_id=critique_id)


def final_critique(record: CritiqueRecord) -> CritiqueData:
    """What the writer gets: the review without rejected items, or the model's critique."""
    result = current_review(record)
    result["strengths"] = [i for i in result.get("strengths", []) if i.get("state") != "rejected"]
    result["improvements"] = [
        i for i in result.get("improvements", []) if i.get("state") != "rejected"
    ]
    return result


def latest_critiques(session: Session, *, application_id: int) -> dict[int, CritiqueRecord]:
    """The newest critique of each live question of the application, by question id."""
    statement = (
        select(Critique.id, Critique.question_id)
        .join(Question, col(Question.id) == col(Critique.question_id))
        .where(Question.application_id == application_id, col(Question.deleted_at).is_(None))
        .order_by(col(Critique.created_at), col(Critique.id))
    )
    newest: dict[int, int] = {}
    for critique_id, question_id in session.exec(statement):
        assert critique_id is not None
        newest[question_id] = critique_id
    return {qid: get_critique(session=session, critique_id=cid) for qid, cid in newest.items()}


def approved_critique_ids(session: Session, *, consenting_only: bool = True) -> list[int]:
    """Approved critiques of live applications (of consenting clients), oldest first."""
    statement = (
        select(Critique.id, Application.client_name)
        .join(Question, col(Question.id) == col(Critique.question_id))
        .join(Application, col(Application.id) == col(Question.application_id))
        .where(
            col(Critique.approved_at).is_not(None),
            col(Question.deleted_at).is_(None),
            col(Application.deleted_at).is_(None),
        )
        .order_by(col(Critique.id))
    )
    allowed = consenting_clients(session=session)
    return [
        cid
        for cid, client in session.exec(statement)
        if cid is not None and (not consenting_only or client in allowed)
    ]

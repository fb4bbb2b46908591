"""What the model is told about a stored answer: the request built from the application."""

from __future__ import annotations

from sqlmodel import Session

from desktop.store.applications import get_application, other_companies
from desktop.store.questions import get_question
from desktop.store.records import ApplicationRecord
from desktop.writing.essay import EssayRequest


def stored_request(
    session: Session, *, question_id: int, text: str | None = None
) -> tuple[ApplicationRecord, EssayRequest]:
    """The question's application and the request for its answer (or for ``text``, an earlier
    version of it), read in one session."""
    question = get_question(session=session, question_id=question_id)
    app = get_application(session=session, application_id=question.application_id)
    request = EssayRequest.for_answer(
        app,
        question,
        question.answer if text is None else text,
        other_companies=tuple(other_companies(session=session, application_id=app.id)),
    )
    return app, request

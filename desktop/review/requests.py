"""What the model is told about a stored answer: the request built from the application."""

from __future__ import annotations

import unicodedata

from desktop.engine.tasks.essay import EssayRequest
from desktop.store.records import ApplicationRecord, QuestionRecord


def essay_request(
    app: ApplicationRecord, question: QuestionRecord, other_companies: tuple[str, ...] = ()
) -> EssayRequest:
    return EssayRequest(
        text=unicodedata.normalize("NFC", question.answer),
        question=question.text,
        company=app.company,
        role=app.role,
        limit=question.char_limit,
        profile=question.profile,
        lang=app.lang,
        other_companies=other_companies,
        blind_hiring=app.blind_hiring,
    )

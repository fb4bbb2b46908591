"""Storing an imported (and corrected) application."""

from __future__ import annotations

from sqlmodel import Session

from desktop.importing.split import ImportedApplication, guess_lang
from desktop.store.applications import NewQuestion, create_application


def save_imported(
    session: Session, *, app: ImportedApplication, client_name: str | None = None
) -> int:
    """A new application from ``app``; ``client_name`` overrides the one the document named."""
    questions = [
        NewQuestion(q.text, char_limit=q.limit, profile=q.profile, answer=q.answer)
        for q in app.questions
    ]
    return create_application(
        session,
        company=app.company.strip(),
        role=app.role.strip(),
        client_name=(client_name if client_name is not None else app.client_name).strip(),
        notes=app.notes.strip(),
        lang=guess_lang(app),
        questions=questions,
    )

"""The trash: deleted applications and questions, restorable until purged."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.messages import say
from desktop.store.errors import NotFound
from desktop.store.records import TrashItem, application_title
from desktop.store.tables import Application, Question


def list_trash(session: Session) -> list[TrashItem]:
    """Trashed applications, and trashed questions of applications still alive; newest first."""
    items: list[TrashItem] = []
    for app in session.exec(select(Application).where(col(Application.deleted_at).is_not(None))):
        assert app.id is not None and app.deleted_at is not None
        title = application_title(app.company, app.role)
        items.append(TrashItem("application", app.id, title, app.deleted_at))
    statement = (
        select(Question, Application)
        .join(Application, col(Application.id) == col(Question.application_id))
        .where(col(Question.deleted_at).is_not(None), col(Application.deleted_at).is_(None))
    )
    for question, app in session.exec(statement):
        assert question.id is not None and question.deleted_at is not None
        first_line = question.text.strip().splitlines()[0] if question.text.strip() else ""
        items.append(
            TrashItem(
                "question", question.id, f"{app.company}: {first_line[:60]}", question.deleted_at
            )
        )
    items.sort(key=lambda item: item.deleted_at, reverse=True)
    return items


def _trashed(session: Session, kind: str, item_id: int) -> Application | Question:
    row: Application | Question | None = (
        session.get(Application, item_id)
        if kind == "application"
        else session.get(Question, item_id)
    )
    if row is None or row.deleted_at is None:
        raise NotFound(
            say(
                f"휴지통에 {kind} {item_id} 항목이 없습니다.",
                f"{kind} {item_id} is not in the trash",
            )
        )
    return row


def restore_from_trash(session: Session, *, kind: str, item_id: int) -> None:
    row = _trashed(session, kind, item_id)
    row.deleted_at = None
    session.add(row)


def purge(session: Session, *, kind: str, item_id: int) -> None:
    """Delete for good (questions and revisions go with their application)."""
    session.delete(_trashed(session, kind, item_id))


def empty_trash(session: Session) -> int:
    items = list_trash(session=session)
    for item in items:
        purge(session=session, kind=item.kind, item_id=item.id)
    return len(items)

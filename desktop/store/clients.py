"""Clients, by the name their applications carry: the names in use and training consent."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.store.applications import now
from desktop.store.tables import Application, Client


def client_names(session: Session) -> list[str]:
    """Every client name on a live application, sorted."""
    statement = (
        select(Application.client_name)
        .where(col(Application.deleted_at).is_(None), Application.client_name != "")
        .distinct()
    )
    return sorted(session.exec(statement))


def set_training_consent(session: Session, *, name: str, consent: bool) -> None:
    name = name.strip()
    if not name:
        raise ValueError("consent belongs to a named client")
    row = session.get(Client, name) or Client(name=name, updated_at=now())
    row.training_consent = consent
    row.updated_at = now()
    session.add(row)
    session.flush()


def has_training_consent(session: Session, *, name: str) -> bool:
    row = session.get(Client, name.strip()) if name.strip() else None
    return bool(row and row.training_consent)


def consenting_clients(session: Session) -> set[str]:
    statement = select(Client.name).where(col(Client.training_consent).is_(True))
    return set(session.exec(statement))

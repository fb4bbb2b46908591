"""Plain, immutable data objects handed to the UI instead of live ORM rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.store.tables import Application, Question, Revision


@dataclass(frozen=True)
class QuestionRecord:
    id: int
    application_id: int
    position: int
    text: str
    char_limit: int | None
    profile: str
    answer: str
    updated_at: datetime

    @classmethod
    def of(cls, row: Question) -> QuestionRecord:
        assert row.id is not None
        return cls(
            id=row.id,
            application_id=row.application_id,
            position=row.position,
            text=row.text,
            char_limit=row.char_limit,
            profile=row.profile,
            answer=row.answer,
            updated_at=row.updated_at,
        )


def application_title(company: str, role: str) -> str:
    """How an application is named in lists and reports: "company — role"."""
    return f"{company} — {role}" if role else company


@dataclass(frozen=True)
class ApplicationRecord:
    id: int
    company: str
    role: str
    career_level: str
    deadline: date | None
    status: str
    notes: str
    blind_hiring: bool
    client_name: str
    lang: str
    created_at: datetime
    updated_at: datetime
    questions: tuple[QuestionRecord, ...] = field(default=())

    @property
    def title(self) -> str:
        return application_title(self.company, self.role)

    @classmethod
    def of(cls, row: Application, questions: tuple[QuestionRecord, ...] = ()) -> ApplicationRecord:
        assert row.id is not None
        return cls(
            id=row.id,
            company=row.company,
            role=row.role,
            career_level=row.career_level,
            deadline=row.deadline,
            status=row.status,
            notes=row.notes,
            blind_hiring=row.blind_hiring,
            client_name=row.client_name,
            lang=row.lang,
            created_at=row.created_at,
            updated_at=row.updated_at,
            questions=questions,
        )


@dataclass(frozen=True)
class RevisionRecord:
    id: int
    question_id: int
    text: str
    reason: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, row: Revision) -> RevisionRecord:
        assert row.id is not None
        return cls(
            id=row.id,
            question_id=row.question_id,
            text=row.text,
            reason=row.reason,
            created_at=row.created_at,
            updated_at=row.updated_at,
        )


@dataclass(frozen=True)
class TrashItem:
    """An application or a single question in the trash."""

    kind: str  # "application" | "question"
    id: int
    title: str
    deleted_at: datetime


@dataclass(frozen=True)
class SearchHit:
    application_id: int
    question_id: int | None
    snippet: str

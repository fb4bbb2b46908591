"""Applications: create, read, list, update, reuse for another company, trash."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlmodel import Session, col, select

from desktop.store.records import ApplicationRecord, QuestionRecord
from desktop.store.rows import live_row
from desktop.store.tables import CAREER_LEVELS, STATUSES, Application, Question
from desktop.writing.counting import DEFAULT_PROFILE
from desktop.writing.josa import replace_name
from desktop.writing.limits import parse_limit

EDITABLE_FIELDS = frozenset(
    {
        "company",
        "role",
        "career_level",
        "deadline",
        "status",
        "notes",
        "blind_hiring",
        "client_name",
        "lang",
    }
)


def now() -> datetime:
    """The current time in UTC (stored as such; the UI shows local time)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass(frozen=True)
class NewQuestion:
    text: str
    char_limit: int | None = None
    profile: str | None = None
    answer: str = ""


def _validate(changes: Mapping[str, Any]) -> None:
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"unknown application fields: {sorted(unknown)}")
    if "status" in changes and changes["status"] not in STATUSES:
        raise ValueError(f"status must be one of {STATUSES}")
    if "career_level" in changes and changes["career_level"] not in CAREER_LEVELS:
        raise ValueError(f"career_level must be one of {CAREER_LEVELS}")
    if "lang" in changes and changes["lang"] not in ("ko", "en"):
        raise ValueError("lang must be 'ko' or 'en'")
    deadline = changes.get("deadline")
    if deadline is not None and not isinstance(deadline, date):
        raise ValueError("deadline must be a date")


def new_question_row(application_id: int, position: int, spec: NewQuestion) -> Question:
    """A question row; the limit and profile are read from its text when not given."""
    parsed = parse_limit(spec.text)
    limit = spec.char_limit if spec.char_limit is not None else (parsed.value if parsed else None)
    profile = spec.profile or (parsed.profile if parsed else DEFAULT_PROFILE)
    return Question(
        application_id=application_id,
        position=position,
        text=spec.text,
        char_limit=limit,
        profile=profile,
        answer=spec.answer,
        updated_at=now(),
    )


def create_application(
    session: Session, /, *, company: str, questions: Iterable[NewQuestion] = (), **fields: Any
) -> int:
    _validate(fields)
    stamp = now()
    app = Application(company=company, created_at=stamp, updated_at=stamp, **fields)
    session.add(app)
    session.flush()
    assert app.id is not None
    for position, spec in enumerate(questions):
        session.add(new_question_row(app.id, position, spec))
    session.flush()
    return app.id


def live_application(session: Session, application_id: int) -> Application:
    return live_row(session, Application, application_id)


def live_questions(session: Session, application_id: int) -> list[Question]:
    statement = (
        select(Question)
        .where(Question.application_id == application_id, col(Question.deleted_at).is_(None))
        .order_by(col(Question.position), col(Question.id))
    )
    return list(session.exec(statement))


def get_application(session: Session, *, application_id: int) -> ApplicationRecord:
    app = live_application(session, application_id)
    questions = tuple(QuestionRecord.of(q) for q in live_questions(session, application_id))
    return ApplicationRecord.of(app, questions)


def list_applications(
    session: Session, *, status: str | None = None, ids: Iterable[int] | None = None
) -> list[ApplicationRecord]:
    """Applications not in the trash, by deadline (none last), then company."""
    statement = select(Application).where(col(Application.deleted_at).is_(None))
    if status:
        statement = statement.where(Application.status == status)
    if ids is not None:
        statement = statement.where(col(Application.id).in_(list(ids)))
    statement = statement.order_by(
        col(Application.deadline).is_(None), col(Application.deadline), col(Application.company)
    )
    return [ApplicationRecord.of(app) for app in session.exec(statement)]


def other_companies(session: Session, *, application_id: int) -> list[str]:
    """Companies of the writer's other applications (a name from one in another is fatal).

    With a client name, only that client's applications count: a counselor's other clients are
    other writers.
    """
    app = live_application(session, application_id)
    own = app.company.strip()
    statement = (
        select(Application.company)
        .where(col(Application.deleted_at).is_(None), Application.id != application_id)
        .distinct()
    )
    if app.client_name:
        statement = statement.where(Application.client_name == app.client_name)
    return sorted({c.strip() for c in session.exec(statement) if c.strip() and c.strip() != own})


def other_application_answers(
    session: Session, *, application_id: int, limit: int = 200
) -> list[tuple[str, str]]:
    """``(label, answer)`` of the writer's other applications' answers, newest first, for
    REUSE.CROSS; the label is "company · role". Same client rule as ``other_companies``."""
    app = live_application(session, application_id)
    statement = (
        select(Application.company, Application.role, Question.answer)
        .join(Question, col(Question.application_id) == Application.id)
        .where(
            col(Application.deleted_at).is_(None),
            col(Question.deleted_at).is_(None),
            Application.id != application_id,
            Question.answer != "",
        )
        .order_by(col(Question.updated_at).desc())
        .limit(limit)
    )
    if app.client_name:
        statement = statement.where(Application.client_name == app.client_name)
    return [
        (" · ".join(part for part in (company.strip(), role.strip()) if part), answer)
        for company, role, answer in session.exec(statement)
    ]


def update_application(session: Session, /, *, application_id: int, **changes: Any) -> None:
    _validate(changes)
    app = live_application(session, application_id)
    for name, value in changes.items():
        setattr(app, name, value)
    app.updated_at = now()
    session.add(app)


def trash_application(session: Session, *, application_id: int) -> None:
    app = live_application(session, application_id)
    app.deleted_at = now()
    session.add(app)


def reuse_application(
    session: Session,
    *,
    application_id: int,
    company: str,
    role: str | None = None,
    replace_company_name: bool = True,
) -> int:
    """Copy an application and its answers for another company; returns the new id.

    With ``replace_company_name`` the old company's name is replaced in question texts and
    answers, with the particle after it fixed ("한빛물류를" -> "다온은행을"): a wrong company name
    is the mistake HR managers rank most fatal.
    """
    source = get_application(session=session, application_id=application_id)
    old = source.company

    def adapt(text: str) -> str:
        if replace_company_name and old and company:
            return replace_name(text, old, company)[0]
        return text

    return create_application(
        session,
        company=company,
        role=source.role if role is None else role,
        career_level=source.career_level,
        notes=source.notes,
        blind_hiring=source.blind_hiring,
        client_name=source.client_name,
        lang=source.lang,
        questions=[
            NewQuestion(adapt(q.text), q.char_limit, q.profile, adapt(q.answer))
            for q in source.questions
        ],
    )

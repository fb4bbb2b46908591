"""SQLModel tables mirroring the migrated schema (schema.py creates them, not create_all)."""

from __future__ import annotations

from datetime import date, datetime

from sqlmodel import Field, SQLModel

STATUSES = ("draft", "submitted", "passed", "failed")
CAREER_LEVELS = ("entry", "experienced")
REVISION_REASONS = ("autosave", "manual", "before-AI-insert", "restore", "reviewed")


class Application(SQLModel, table=True):
    __tablename__ = "application"

    id: int | None = Field(default=None, primary_key=True)
    company: str = ""
    role: str = ""
    career_level: str = "entry"
    deadline: date | None = None
    status: str = "draft"
    notes: str = ""
    blind_hiring: bool = False
    client_name: str = ""
    lang: str = "ko"
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None


class Question(SQLModel, table=True):
    __tablename__ = "question"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    position: int = 0
    text: str = ""
    char_limit: int | None = None
    profile: str = "chars_incl_spaces"
    answer: str = ""
    updated_at: datetime
    deleted_at: datetime | None = None


class Revision(SQLModel, table=True):
    __tablename__ = "revision"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id")
    text: str
    reason: str
    created_at: datetime
    updated_at: datetime


class Critique(SQLModel, table=True):
    __tablename__ = "critique"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id")
    revision_id: int = Field(foreign_key="revision.id")
    model: str = ""
    lang: str = "ko"
    data: str
    created_at: datetime
    review: str = ""
    approved_at: datetime | None = None


class AiInsert(SQLModel, table=True):
    __tablename__ = "ai_insert"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id")
    revision_id: int = Field(foreign_key="revision.id")
    text: str
    created_at: datetime


class InterviewSession(SQLModel, table=True):
    __tablename__ = "interview_session"

    id: int | None = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id")
    model: str = ""
    lang: str = "ko"
    created_at: datetime


class InterviewItem(SQLModel, table=True):
    __tablename__ = "interview_item"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="interview_session.id")
    position: int
    question: str
    source: str = ""
    kind: str = "model"
    answer: str = ""
    feedback: str = ""
    answered_at: datetime | None = None


COMMENT_STATES = ("open", "accepted", "rejected", "resolved")
BATCH_STATES = ("running", "paused", "cancelled", "done")
BATCH_ITEM_STATES = ("queued", "running", "done", "failed", "cancelled")


class Comment(SQLModel, table=True):
    __tablename__ = "comment"

    id: int | None = Field(default=None, primary_key=True)
    question_id: int = Field(foreign_key="question.id")
    span_start: int
    span_end: int
    quote: str
    body: str = ""
    replacement: str | None = None
    state: str = "open"
    created_at: datetime
    updated_at: datetime


class Client(SQLModel, table=True):
    __tablename__ = "client"

    name: str = Field(primary_key=True)
    training_consent: bool = False
    updated_at: datetime


class Batch(SQLModel, table=True):
    __tablename__ = "batch"

    id: int | None = Field(default=None, primary_key=True)
    state: str = "running"
    model: str = ""
    created_at: datetime
    finished_at: datetime | None = None
    owner: str = ""  # the process working through it: host:pid:token (see store/owners.py)


class BatchItem(SQLModel, table=True):
    __tablename__ = "batch_item"

    id: int | None = Field(default=None, primary_key=True)
    batch_id: int = Field(foreign_key="batch.id")
    position: int
    question_id: int = Field(foreign_key="question.id")
    state: str = "queued"
    error: str = ""
    critique_id: int | None = Field(default=None, foreign_key="critique.id")
    seconds: float | None = None
    started_at: datetime | None = None
    finished_at: datetime | None = None

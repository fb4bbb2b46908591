"""Import applications from the JSON format of ``resources/samples/applications.json``."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from desktop.store.applications import NewQuestion, create_application
from desktop.writing.counting import PROFILE_IDS


class SampleFormatError(ValueError):
    """The file is not in the applications JSON format."""


def _question(raw: Any) -> NewQuestion:
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise SampleFormatError("each question needs a 'text' string")
    limit = raw.get("limit")
    profile = raw.get("profile")
    if limit is not None and (not isinstance(limit, int) or limit <= 0):
        raise SampleFormatError(f"bad limit {limit!r}")
    if profile is not None and profile not in PROFILE_IDS:
        raise SampleFormatError(f"unknown profile {profile!r}")
    answer = raw.get("answer", "")
    return NewQuestion(raw["text"], limit, profile, answer if isinstance(answer, str) else "")


def import_applications(session: Session, *, data: Any) -> list[int]:
    """Create every application in ``data``; all or nothing (the caller's session rolls back)."""
    if not isinstance(data, dict) or not isinstance(data.get("applications"), list):
        raise SampleFormatError("expected an object with an 'applications' list")
    created: list[int] = []
    for raw in data["applications"]:
        if not isinstance(raw, dict) or not isinstance(raw.get("company"), str):
            raise SampleFormatError("each application needs a 'company' string")
        created.append(
            create_application(
                session,
                company=raw["company"],
                role=str(raw.get("role", "")),
                lang="en" if raw.get("lang") == "en" else "ko",
                blind_hiring=bool(raw.get("blind_hiring", False)),
                client_name=str(raw.get("client_name", "")),
                notes=str(raw.get("notes", "")),
                questions=[_question(q) for q in raw.get("questions", [])],
            )
        )
    return created

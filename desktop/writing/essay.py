"""What every task is told about the answer: the text, the question, the company and the limit;
and ``jaso check``, which checks a request with the same context a critique gets."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.writing import korean
from desktop.writing.checks import run_checks
from desktop.writing.counting import DEFAULT_PROFILE, LimitStatus, count, count_all
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.limits import parse_limit
from desktop.writing.request import validate_request
from desktop.writing.text import clean


class Application(Protocol):
    """What a request needs of an application (the store's ``ApplicationRecord``)."""

    @property
    def company(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def lang(self) -> str: ...
    @property
    def blind_hiring(self) -> bool: ...


class Question(Protocol):
    """What a request needs of a question (the store's ``QuestionRecord``)."""

    @property
    def text(self) -> str: ...
    @property
    def char_limit(self) -> int | None: ...
    @property
    def profile(self) -> str: ...


@dataclass(frozen=True)
class _Given:
    """An application and its question as a JSON request gives them (both protocols)."""

    company: str
    role: str
    lang: str
    blind_hiring: bool
    text: str  # the question
    char_limit: int | None
    profile: str


@dataclass(frozen=True)
class EssayRequest:
    text: str
    question: str = ""
    company: str = ""
    role: str = ""
    limit: int | None = None
    profile: str = DEFAULT_PROFILE
    lang: str = "ko"
    other_companies: tuple[str, ...] = field(default_factory=tuple)
    blind_hiring: bool = False
    # The Korean analyzer's flags, computed where it is loaded (the editor's check worker): the
    # critique adds them to its own findings.
    analyzer_findings: tuple[Flag, ...] = field(default_factory=tuple)

    @classmethod
    def for_answer(
        cls,
        application: Application,
        question: Question,
        text: str,
        other_companies: tuple[str, ...] = (),
        analyzer_findings: tuple[Flag, ...] = (),
    ) -> EssayRequest:
        """The request for ``text`` answering ``question`` of ``application``: the one way the
        editor, the critique queues and ``jaso review`` build it (the text NFC here, once)."""
        return cls(
            text=unicodedata.normalize("NFC", text),
            question=question.text,
            company=application.company,
            role=application.role,
            limit=question.char_limit,
            profile=question.profile,
            lang=application.lang,
            other_companies=other_companies,
            blind_hiring=application.blind_hiring,
            analyzer_findings=analyzer_findings,
        )

    @classmethod
    def from_json(cls, raw: Any) -> EssayRequest:
        """From a ``jaso suggest/critique/check`` request; raises ``RequestError`` on bad
        fields. A limit written in the question ("(500자)") counts when none is given."""
        req = validate_request(raw)
        parsed = parse_limit(req.get("question") or "")
        given = _Given(
            company=req.get("company") or "",
            role=req.get("role") or "",
            lang=req.get("lang") or "ko",
            blind_hiring=bool(req.get("blind_hiring")),
            text=req.get("question") or "",
            char_limit=req.get("limit") or (parsed.value if parsed else None),
            profile=req.get("profile") or (parsed.profile if parsed else DEFAULT_PROFILE),
        )
        others = tuple(req.get("other_companies") or ())
        return cls.for_answer(given, given, clean(req["text"]), other_companies=others)

    @property
    def used(self) -> int:
        return count(self.text, self.profile)

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else self.limit - self.used

    def check_context(
        self,
        ui_lang: str | None = None,
        other_answers: tuple[str, ...] = (),
        other_applications: tuple[tuple[str, str], ...] = (),
    ) -> CheckContext:
        """What the offline checks know: this request, plus the application's other answers
        and the user's other applications where the caller has them."""
        return CheckContext(
            lang=self.lang,
            ui_lang=ui_lang or self.lang,
            company=self.company,
            role=self.role,
            other_companies=self.other_companies,
            limit=self.limit,
            profile=self.profile,
            blind_hiring=self.blind_hiring,
            question=self.question,
            other_answers=other_answers,
            other_applications=other_applications,
        )

    def source_text(self, *extra: str) -> str:
        """Everything the user wrote or was asked: what a suggestion may draw facts from."""
        return "\n".join([self.text, self.question, self.company, self.role, *extra])

    def limit_line(self) -> str:
        if self.limit is None:
            return ""
        unit = "words" if self.profile == "words" else ("자" if self.lang == "ko" else "chars")
        return f"{self.used:,}/{self.limit:,}{unit}"


def check(raw: Any) -> dict[str, Any]:
    """``jaso check``: counts under every profile, the limit status and the offline flags, with
    the context ``from_json`` gives every task; offsets are into the text as sent."""
    req = validate_request(raw)
    request = EssayRequest.from_json(req)
    text: str = req["text"]
    counts = count_all(text)
    limit_json: dict[str, Any] | None = None
    if request.limit is not None:
        status = LimitStatus(
            value=request.limit, profile=request.profile, used=counts[request.profile]
        )
        limit_json = {
            "value": status.value,
            "profile": status.profile,
            "used": status.used,
            "remaining": status.remaining,
            "status": status.status,
        }
    if request.lang == "ko" and req.get("analyzer", True):
        korean.load()  # seconds the first time; without kiwipiepy the checks run without it
    others = tuple((item["name"], item["text"]) for item in req.get("other_applications") or ())
    context = request.check_context(other_applications=others)
    flags = [flag.to_json() for flag in run_checks(text, context)]
    return {"counts": counts, "limit": limit_json, "flags": flags}

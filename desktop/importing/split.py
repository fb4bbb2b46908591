"""Splitting an imported document into an application: details, then question / answer blocks.

A question starts at a numbered line ("1.", "2)", "①", "[문항 1]", "Q3."), a Markdown heading, or
a line that states a length limit ("(700자 이내)"); its answer runs to the next question. A
heading's text is taken as written ("## 1. 지원 동기" asks "1. 지원 동기"), since that is how
``render_document`` writes every question back, even one without text ("##"). Lines
like "회사: 한빛물류" before the first question fill the application's details. The counselor
corrects the result in a preview before anything is saved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from desktop.writing.counting import DEFAULT_PROFILE
from desktop.writing.limits import parse_limit

MAX_HEADER: Final = 300
# "[문항 1]", "문항 2.", "Q3": always a question. "1.", "2)", "①": only when the line also reads
# as a question or states a limit, since answers have numbered lists too.
_MARKED: Final = re.compile(
    r"^\s*(?:\[\s*(?:문항|질문|Q)?\s*\d{1,2}\s*\]|(?:문항|질문|Q)\s*\.?\s*\d{1,2}(?!\d))",
    re.IGNORECASE,
)
_NUMBERED: Final = re.compile(r"^\s*(?:\d{1,2}\s*[.)]|[①-⑳])\s*")
# "## " before a question; a bare "##" is a question without text (how one is written back).
_HEADING: Final = re.compile(r"^\s*#{1,6}(?:\s+|$)")
_QUESTION_END: Final = re.compile(r"(?:[?？)]|시오\.?|세요\.?|니까\.?)\s*$")
_DETAIL: Final = re.compile(r"^\s*(?P<key>[^:：]{1,12})\s*[:：]\s*(?P<value>\S.*?)\s*$")
_KEYS: Final = {
    "company": ("회사", "회사명", "기업", "기업명", "지원회사", "지원 회사", "company"),
    "role": (
        "직무",
        "지원직무",
        "직군",
        "포지션",
        "지원분야",
        "모집분야",
        "지원부문",
        "role",
        "position",
    ),
    "client_name": ("이름", "성명", "지원자", "내담자", "name", "client", "applicant"),
}
# Keys compared without spaces, since forms space labels out to align them ("성    명").
_FIELD_OF: Final = {
    re.sub(r"\s+", "", key).casefold(): name for name, keys in _KEYS.items() for key in keys
}
_ASKS: Final = re.compile(r"(?:[?？]|시오\.?|세요\.?|니까\.?|바랍니다\.?)\s*$")
# Labels that name a usual essay question in a form's table, compared without spaces.
_TOPICS: Final = (
    "성장과정",
    "성장배경",
    "지원동기",
    "지원이유",
    "입사후포부",
    "장단점",
    "직무역량",
    "핵심역량",
    "생활신조",
    "자기소개",
    "자기pr",
)
_MAX_TOPIC_LABEL: Final = 40


@dataclass
class ImportedQuestion:
    text: str
    answer: str
    limit: int | None = None
    profile: str = DEFAULT_PROFILE


@dataclass
class ImportedApplication:
    company: str = ""
    role: str = ""
    client_name: str = ""
    notes: str = ""  # text before the first question that is not a detail (a title, a note)
    questions: list[ImportedQuestion] = field(default_factory=list)


def is_question_line(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADER:
        return False
    if _MARKED.match(stripped) or _HEADING.match(stripped):
        return True
    asks = bool(_QUESTION_END.search(stripped))
    if _NUMBERED.match(stripped):
        return asks or parse_limit(stripped) is not None
    return asks and parse_limit(stripped) is not None


def reads_as_question(label: str) -> bool:
    """True for a form's label that asks for an answer beside or below it: a question line, a
    line that asks ("…기술하십시오", "…?"), states a limit, or names a usual essay question
    ("성장과정", "지원동기"). Wider than ``is_question_line``, so only for a label the layout
    already set apart (a table cell, a paragraph above an answer box)."""
    line = label.strip()
    if not line or len(line) > MAX_HEADER or "\n" in line:
        return False
    if is_question_line(line) or _ASKS.search(line) or parse_limit(line) is not None:
        return True
    compact = re.sub(r"\s+", "", line).casefold()
    return len(compact) <= _MAX_TOPIC_LABEL and any(topic in compact for topic in _TOPICS)


def detail_field(label: str) -> str | None:
    """``"company"``, ``"role"`` or ``"client_name"`` for a label like "지원 회사" or "성 명:"."""
    return _FIELD_OF.get(re.sub(r"\s+", "", label).rstrip(":：").casefold())


def _question(header: str, body: list[str]) -> ImportedQuestion:
    if _HEADING.match(header):
        # A heading's text stands as written: it is how render_document writes a question back.
        text = _HEADING.sub("", header, count=1).strip()
    else:
        # The number is the portal's, not part of the question: "[문항 1] 지원 동기" is "지원 동기".
        text = _NUMBERED.sub("", _MARKED.sub("", header.strip(), count=1), count=1)
        text = text.lstrip(" \t.:)]").strip()
    spec = parse_limit(text)
    answer = "\n".join(body).strip()
    if spec is None:
        return ImportedQuestion(text, answer)
    return ImportedQuestion(text, answer, spec.value, spec.profile)


def _detail(line: str) -> tuple[str, str] | None:
    match = _DETAIL.match(line)
    if not match:
        return None
    field_name = detail_field(match.group("key"))
    return None if field_name is None else (field_name, match.group("value"))


def split_document(text: str) -> ImportedApplication:
    """The application found in ``text``; one unnamed question when no question line is."""
    result = ImportedApplication()
    header: str | None = None
    body: list[str] = []
    preface: list[str] = []
    for line in text.split("\n"):
        if is_question_line(line) and not (header is None and _detail(line)):
            if header is not None:
                result.questions.append(_question(header, body))
            header, body = line, []
        elif header is None:
            detail = _detail(line)
            if detail is not None and not getattr(result, detail[0]):
                setattr(result, detail[0], detail[1])
            else:
                preface.append(line)
        else:
            body.append(line)
    if header is not None:
        result.questions.append(_question(header, body))
    rest = "\n".join(preface).strip()
    if not result.questions and rest:
        result.questions.append(ImportedQuestion("", rest))
    else:
        result.notes = rest
    return result


def render_document(app: ImportedApplication) -> str:
    """``app`` written back in the form the splitter reads without guessing (for the preview).

    Details as "회사: …" lines, the notes, then each question as a "## " heading and its answer:
    ``split_document(render_document(app))`` gives ``app`` back.
    """
    lines = [
        f"{key}: {value}"
        for key, value in (("회사", app.company), ("직무", app.role), ("성명", app.client_name))
        if value.strip()
    ]
    if app.notes.strip():
        lines += ["", app.notes.strip()]
    for question in app.questions:
        lines += ["", f"## {question.text}".rstrip(), question.answer.strip()]
    return "\n".join(lines).strip() + "\n"


_HANGUL: Final = re.compile(r"[가-힣]")
_LATIN: Final = re.compile(r"[A-Za-z]")


def guess_lang(app: ImportedApplication) -> str:
    """ "ko" when the answers are mostly Hangul, else "en" (a syllable counts as two letters)."""
    text = "\n".join(q.text + "\n" + q.answer for q in app.questions)
    return "ko" if 2 * len(_HANGUL.findall(text)) >= len(_LATIN.findall(text)) else "en"

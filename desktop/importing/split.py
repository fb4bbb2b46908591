"""Splitting an imported document into an application: details, then question / answer blocks.

A question starts at a numbered line ("1.", "2)", "①", "[문항 1]", "Q3."), a Markdown heading, or
a line that states a length limit ("(700자 이내)"); its answer runs to the next question. Lines
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
_HEADING: Final = re.compile(r"^\s*#{1,6}\s+")
_QUESTION_END: Final = re.compile(r"(?:[?？)]|시오\.?|세요\.?|니까\.?)\s*$")
_DETAIL: Final = re.compile(r"^\s*(?P<key>[^:：]{1,12})\s*[:：]\s*(?P<value>.+?)\s*$")
_KEYS: Final = {
    "company": ("회사", "회사명", "기업", "기업명", "지원회사", "지원 회사", "company"),
    "role": ("직무", "지원직무", "지원 직무", "직군", "포지션", "role", "position"),
    "client_name": ("이름", "성명", "지원자", "내담자", "name", "client", "applicant"),
}


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


def _question(header: str, body: list[str]) -> ImportedQuestion:
    # The number is the portal's, not part of the question: "[문항 1] 지원 동기" is "지원 동기".
    text = _HEADING.sub("", header)
    text = _NUMBERED.sub("", _MARKED.sub("", text, count=1), count=1).lstrip(" \t.:)]").strip()
    spec = parse_limit(text)
    answer = "\n".join(body).strip()
    if spec is None:
        return ImportedQuestion(text, answer)
    return ImportedQuestion(text, answer, spec.value, spec.profile)


def _detail(line: str) -> tuple[str, str] | None:
    match = _DETAIL.match(line)
    if not match:
        return None
    key = match.group("key").strip().casefold()
    for name, keys in _KEYS.items():
        if key in keys:
            return name, match.group("value")
    return None


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

"""GEN.FABRICATION: numbers and names in AI text that the user never wrote.

Suggestions are the user's raw material: a number, date or name the model made up is the most
dangerous thing in them (an interviewer will ask about it), so each one is marked.
"""

from __future__ import annotations

from typing import Final

import regex

from desktop.writing.flags import CheckContext, Flag

_NUMBER: Final = regex.compile(r"\d+(?:[.,]\d+)*")
_LATIN_NAME: Final = regex.compile(
    r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z0-9&.+-]*[A-Za-z0-9]|[A-Z])(?![A-Za-z0-9])"
)
_ORGANIZATION: Final = regex.compile(
    r"[가-힣A-Za-z0-9]{2,}(?:대학교|대학|회사|기업|그룹|은행|공사|공단|센터|연구소|재단|협회|㈜)"
)
_COMMON_CAPITALIZED: Final = {"I", "A", "The", "In", "At", "As", "My", "We", "It", "This", "When"}


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", "") for m in _NUMBER.finditer(text)}


def fabrication_flags(generated: str, source: str, context: CheckContext) -> list[Flag]:
    """Flags on ``generated`` for each number or name absent from ``source``.

    ``source`` is everything the user gave: the answer, the question, company, role and notes.
    """
    known_numbers = _numbers(source)
    known_text = source.casefold()
    flags = []
    for match in _NUMBER.finditer(generated):
        if match.group().replace(",", "") not in known_numbers:
            message = context.say(
                "사용자가 쓰지 않은 숫자 '{x}'입니다. 사실인지 확인하세요.",
                "'{x}' is a number you did not write; check it is true.",
                x=match.group(),
            )
            flags.append(Flag("GEN.FABRICATION", "major", match.start(), match.end(), message))
    names = list(_ORGANIZATION.finditer(generated)) + list(_LATIN_NAME.finditer(generated))
    for match in names:
        word = match.group()
        if word in _COMMON_CAPITALIZED or word.casefold() in known_text:
            continue
        message = context.say(
            "사용자가 쓰지 않은 이름 '{x}'입니다. 사실인지 확인하세요.",
            "'{x}' is a name you did not write; check it is true.",
            x=word,
        )
        flags.append(Flag("GEN.FABRICATION", "major", match.start(), match.end(), message))
    return sorted(flags, key=lambda f: f.start)

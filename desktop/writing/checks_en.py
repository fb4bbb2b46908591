"""English cover-letter rules (EN.*)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import regex

from desktop.writing.english_spelling import spelling
from desktop.writing.flags import CheckContext, Flag, matches
from desktop.writing.wordlists import phrase_regex

Rule = Callable[[str, CheckContext], list[Flag]]

TYPICAL_WORDS: Final = (250, 400)

_SALUTATION: Final = regex.compile(
    r"to whom it may concern|dear sir(?: or |/)madam|dear sirs?\b", regex.IGNORECASE
)
_CONTRACTION: Final = regex.compile(
    r"\b(?:I|you|we|they|he|she|it|that|there|what|let)['’](?:m|re|ve|d|ll|s)\b"
    r"|\b(?:do|does|did|can|won|is|are|was|were|could|would|should|have|has|had|must)n['’]t\b",
    regex.IGNORECASE,
)


def _word_count(text: str, context: CheckContext) -> list[Flag]:
    if context.limit is not None:
        return []  # LEN.OVER / LEN.UNDER judge against the question's own limit
    words = len(text.split())
    low, high = TYPICAL_WORDS
    if low <= words <= high:
        return []
    message = context.say(
        "{n}단어입니다. 커버레터는 보통 {low}–{high}단어입니다.",
        "{n} words; cover letters usually run {low}–{high} words.",
        n=words,
        low=low,
        high=high,
    )
    return [Flag("EN.WORD_COUNT", "minor", len(text), len(text), message)]


def _salutation(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "관례적인 인사말입니다. 담당자 이름이나 'Dear Hiring Team'을 쓰세요.",
        "An outdated salutation; address a person or 'Dear Hiring Team'.",
    )
    return matches(_SALUTATION, text, "EN.SALUTATION", "major", message)


def _contraction(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "축약형은 격식 있는 글에서 풀어 씁니다.",
        "Write contractions out in a formal letter.",
    )
    return matches(_CONTRACTION, text, "EN.CONTRACTION", "minor", message)


def _cliche(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "상투적인 표현입니다. 구체적인 사례로 바꾸세요.",
        "A stock phrase; show it with an example instead.",
    )
    cliches = phrase_regex("en_cliches.txt", ignore_case=True)
    return matches(cliches, text, "EN.CLICHE", "minor", message)


RULES: Final[list[Rule]] = [_word_count, _salutation, _contraction, _cliche, spelling]

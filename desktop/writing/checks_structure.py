"""Checks no portal has: unanswered sub-asks, a weak opening, text reused from another
application, and phrasing typical of machine-written essays."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Final

import regex

from desktop.writing.flags import HINT, CheckContext, Flag
from desktop.writing.sentences import paragraph_spans, sentence_spans
from desktop.writing.subasks import addressed, sub_asks
from desktop.writing.wordlists import lines, phrase_pattern

Rule = Callable[[str, CheckContext], list[Flag]]

# Q.SUBASK ----------------------------------------------------------------------------------

SUBASK_MIN_CHARS: Final = 150  # a draft shorter than this is still being started


def _subask(text: str, context: CheckContext) -> list[Flag]:
    asks = sub_asks(context.question)
    if len(asks) < 2 or len(regex.sub(r"\s+", "", text)) < SUBASK_MIN_CHARS:
        return []
    flags = []
    for ask in asks:
        if not ask.typed or addressed(ask, text):
            continue
        message = context.say(
            "문항이 묻는 '{ask}'에 대한 내용이 보이지 않습니다.",
            "The question asks for '{ask}'; the answer does not seem to address it.",
            ask=ask.text,
        )
        # Cue words cannot tell whether an answer addresses an ask: on real essays most such
        # flags were wrong (bench/rule_precision.py), so this stays a hint.
        flags.append(Flag("Q.SUBASK", HINT, len(text), len(text), message, ref=ask.text))
    return flags


# STRUCT.LEAD -------------------------------------------------------------------------------

# Openings that put the background before the point: childhood, family, birth, greetings,
# mottos and sayings.
_WEAK_OPENING: Final = regex.compile(
    r"어릴\s?적|어렸을\s?때|어린\s?시절|유년\s?시절|유년기|초등학(?:교|생)\s?(?:때|시절)"
    r"|중학(?:교|생)\s?(?:때|시절)|태어나|태어났|출생|화목한|가정에서|가정의|부모님|아버지|어머니"
    r"|할머니|할아버지|형제|외동|장남|장녀|막내|안녕하(?:십니까|세요)|좌우명|가훈|속담"
    r"|라는\s?말이\s?있|라는\s?말처럼|이라는\s?말처럼|명언"
    r"|^\s*(?:I was born|Growing up|Ever since I was (?:a child|young)|As a child|My name is)",
    regex.IGNORECASE,
)
_HEADLINE: Final = regex.compile(r"\s*[\[【<«\"“『「]")


# Questions that ask for the background itself: 성장과정 is told in order, a motto is stated.
_ASKS_BACKGROUND: Final = regex.compile(
    r"성장\s?(?:과정|배경|환경|기|스토리)|살아\s?온|가정\s?환경|가치관|모토|좌우명|가훈"
)
LEAD_CHARS: Final = 30  # the cue must come early: the opening, not a later clause


def _lead(text: str, context: CheckContext) -> list[Flag]:
    if _HEADLINE.match(text) or _ASKS_BACKGROUND.search(context.question):
        return []  # a [headline] states the point
    spans = sentence_spans(text)
    if not spans:
        return []
    start, end = spans[0]
    if not _WEAK_OPENING.search(text[start : min(end, start + LEAD_CHARS)]):
        return []
    message = context.say(
        "첫 문장이 배경(성장 과정, 가족, 인사말, 명언)으로 시작합니다. 핵심을 먼저 쓰세요(두괄식).",
        "The opening starts with background (childhood, family, a greeting or a saying); "
        "state your point first.",
    )
    return [Flag("STRUCT.LEAD", HINT, start, end, message)]


# REUSE.CROSS -------------------------------------------------------------------------------

SHINGLE: Final = 5
REUSE_MIN_CHARS: Final = 40
REUSE_NEAR: Final = 0.6  # share of a paragraph's shingles found in one paragraph elsewhere
_NOISE: Final = regex.compile(r"[\s\p{P}\p{S}]+")


def shingles(text: str) -> set[str]:
    core = _NOISE.sub("", text.casefold())
    return {core[i : i + SHINGLE] for i in range(len(core) - SHINGLE + 1)}


def _reuse(text: str, context: CheckContext) -> list[Flag]:
    if not context.other_applications:
        return []
    elsewhere = [
        (label, shingles(answer[low:high]))
        for label, answer in context.other_applications
        for low, high in paragraph_spans(answer)
        if len(_NOISE.sub("", answer[low:high])) >= REUSE_MIN_CHARS
    ]
    flags = []
    for start, end in paragraph_spans(text):
        own = shingles(text[start:end])
        if len(_NOISE.sub("", text[start:end])) < REUSE_MIN_CHARS or not own:
            continue
        best = max(
            ((len(own & other) / min(len(own), len(other)), label) for label, other in elsewhere
             if other),
            default=(0.0, ""),
        )  # fmt: skip
        if best[0] < REUSE_NEAR:
            continue
        message = context.say(
            "이 문단은 '{other}' 지원서의 답변과 거의 같습니다. 회사 이름과 내용이 이 지원서에 "
            "맞는지 확인하세요.",
            "This paragraph is nearly the same as one in your '{other}' application; check that "
            "the company name and details fit this one.",
            other=best[1],
        )
        flags.append(Flag("REUSE.CROSS", "minor", start, end, message, ref=best[1]))
    return flags


# STYLE.MACHINE -----------------------------------------------------------------------------


@cache
def machine_phrases(lang: str) -> tuple[tuple[str, regex.Pattern[str]], ...]:
    """``(id, pattern)`` of each listed phrase for ``lang``."""
    found = []
    for line in lines("machine_phrases.tsv"):
        phrase_id, phrase_lang, phrase = (line.split("\t") + ["", ""])[:3]
        if phrase_lang == lang and phrase:
            flags = regex.IGNORECASE if lang == "en" else 0
            boundary = r"\b" if lang == "en" else ""
            pattern = regex.compile(boundary + phrase_pattern(phrase) + boundary, flags)
            found.append((phrase_id, pattern))
    return tuple(found)


def _machine(text: str, context: CheckContext) -> list[Flag]:
    flags = []
    for phrase_id, pattern in machine_phrases("en" if context.lang == "en" else "ko"):
        for match in pattern.finditer(text):
            message = context.say(
                "기계가 쓴 자기소개서에 흔한 표현입니다. 자신의 말로 구체적으로 쓰세요.",
                "Phrasing typical of machine-written essays; say it in your own words.",
            )
            flags.append(
                Flag("STYLE.MACHINE", HINT, match.start(), match.end(), message, ref=phrase_id)
            )
    return flags


RULES: Final[list[Rule]] = [_subask, _lead, _reuse, _machine]

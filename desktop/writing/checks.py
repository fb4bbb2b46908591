"""Offline checks (DOMAIN.md §4): every rule finds spans in the NFC text, no model involved.

``run_checks`` is the entry point; the rules about length, characters and contact details are
here, company names in ``checks_company``, the language and style rules in ``checks_style``,
``checks_usage`` and ``checks_en``, the analyzer's in ``checks_korean``.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Callable
from typing import Final

import regex

from desktop.writing import (
    checks_company,
    checks_en,
    checks_korean,
    checks_structure,
    checks_style,
    checks_usage,
)
from desktop.writing.counting import (
    UNDER_FILL_RATIO,
    count,
    find_invisible,
    graphemes,
    has_mixed_line_endings,
)
from desktop.writing.flags import CheckContext, Flag, drop_overlaps, matches
from desktop.writing.masks import mask_spans

Rule = Callable[[str, CheckContext], list[Flag]]


def run_checks(text: str, context: CheckContext) -> list[Flag]:
    """Every rule's flags for ``text``, offsets into its NFC form, sorted by position."""
    nfc = unicodedata.normalize("NFC", text)
    if not nfc.strip():
        return []
    flags = _unicode(text, nfc, context)
    rules: list[Rule] = [_length, _jamo, _contact, *checks_company.RULES]
    rules += checks_en.RULES if context.lang == "en" else checks_style.KOREAN_RULES
    rules += [] if context.lang == "en" else [*checks_usage.RULES, checks_korean.unspaced]
    rules += checks_style.SHARED_RULES + checks_structure.RULES
    for rule in rules:
        flags += rule(nfc, context)
    flags += checks_korean.analyzer_rules(nfc, context)  # only where the analyzer is loaded
    return drop_overlaps(_prefer_curated(one_per_error(nfc, flags)))


def analyzer_checks(text: str, context: CheckContext) -> list[Flag]:
    """The analyzer's flags for ``text`` (loading it in this process if needed; seconds the
    first time), or [] without it: what the editor's check worker runs beside ``run_checks``."""
    from desktop.writing import korean

    nfc = unicodedata.normalize("NFC", text)
    if context.lang == "en" or not nfc.strip() or korean.load() is None:
        return []
    return checks_korean.analyzer_rules(nfc, context)


def merge_flags(flags: list[Flag], more: list[Flag]) -> list[Flag]:
    """``flags`` of ``run_checks`` with ``more`` (the analyzer's, computed elsewhere) added."""
    return drop_overlaps(_prefer_curated(flags + more))


# Where the curated list and the analyzer find the same word, the list's message is kept; a
# spacing finding inside a typo's word is left to the typo's suggestion.
_YIELDS_TO: Final = {
    "KO.TYPO": ("KO.SPELL", "KO.LOANWORD", "KO.GRAMMAR"),
    "KO.SPACING": ("KO.SPELL", "KO.TYPO", "KO.GRAMMAR"),
}


# When two rules find the same mistake (their corrections give the same text), the first of
# these keeps it: one mistake, one finding.
_FIRST_TO_CORRECT: Final = (
    "KO.GRAMMAR",
    "KO.SPELL",
    "KO.LOANWORD",
    "KO.JOSA",
    "KO.TYPO",
    "KO.SPACING",
)


def one_per_error(text: str, flags: list[Flag]) -> list[Flag]:
    """``flags`` less those whose correction another rule's overlapping flag already makes:
    applied to ``text``, both give the same words (되요 → 돼요 from the list and from the
    grammar rule, 안되요 → 안 돼요 over the whole word or its part)."""
    rank = {rule_id: at for at, rule_id in enumerate(_FIRST_TO_CORRECT)}
    fixing = sorted((f for f in flags if f.suggestion and f.rule_id in rank), key=lambda f: f.start)
    dropped: set[int] = set()
    for at, flag in enumerate(fixing):
        for other in fixing[at + 1 :]:
            if other.start >= flag.end:
                break
            if other.rule_id == flag.rule_id or id(other) in dropped or id(flag) in dropped:
                continue
            low, high = min(flag.start, other.start), max(flag.end, other.end)
            if _fixed(text, flag, low, high) == _fixed(text, other, low, high):
                later = flag if rank[flag.rule_id] > rank[other.rule_id] else other
                dropped.add(id(later))
    return [flag for flag in flags if id(flag) not in dropped]


def _fixed(text: str, flag: Flag, low: int, high: int) -> str:
    return text[low : flag.start] + flag.suggestion + text[flag.end : high]


def _prefer_curated(flags: list[Flag]) -> list[Flag]:
    """``flags`` less those that overlap a flag of a rule they yield to (``_YIELDS_TO``).

    Sorted spans and a running maximum of their ends answer "does any stronger flag overlap
    this one" in O(log n): a 1 MB answer has tens of thousands of flags, and comparing every
    pair kept the check worker busy for minutes."""
    spans: dict[str, tuple[list[int], list[int]]] = {}
    for rule_id in {r for stronger in _YIELDS_TO.values() for r in stronger}:
        ordered = sorted((f.start, f.end) for f in flags if f.rule_id == rule_id)
        starts = [start for start, _end in ordered]
        reach = list(itertools.accumulate((end for _start, end in ordered), max))
        spans[rule_id] = (starts, reach)

    def overlapped(flag: Flag, rule_id: str) -> bool:
        starts, reach = spans[rule_id]
        before = bisect.bisect_left(starts, flag.end)  # the spans that start before flag ends
        return before > 0 and reach[before - 1] > flag.start

    return [
        flag
        for flag in flags
        if not any(overlapped(flag, rule_id) for rule_id in _YIELDS_TO.get(flag.rule_id, ()))
    ]


# Length ------------------------------------------------------------------------------------


def _first_over(text: str, limit: int, profile: str) -> int:
    """The offset of the first character past ``limit`` (binary search on prefix counts)."""
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        if count(text[: middle + 1], profile) > limit:
            high = middle
        else:
            low = middle + 1
    return low


def _length(text: str, context: CheckContext) -> list[Flag]:
    if context.limit is None:
        return []
    used = count(text, context.profile)
    if used > context.limit:
        start = _first_over(text, context.limit, context.profile)
        message = context.say(
            "제한보다 {n:,} 넘습니다 ({used:,}/{limit:,}).",
            "{n:,} over the limit ({used:,}/{limit:,}).",
            n=used - context.limit,
            used=used,
            limit=context.limit,
        )
        return [Flag("LEN.OVER", "critical", start, len(text), message)]
    fill = used / context.limit
    if fill < UNDER_FILL_RATIO:
        message = context.say(
            "분량이 제한의 {pct:.0%}입니다. 80–90%를 채우는 것이 좋습니다.",
            "Only {pct:.0%} of the limit is used; aim for 80–90%.",
            pct=fill,
        )
        severity = "major" if fill < 0.5 else "minor"
        return [Flag("LEN.UNDER", severity, len(text), len(text), message)]
    return []


# Characters --------------------------------------------------------------------------------


def _unicode(raw: str, nfc: str, context: CheckContext) -> list[Flag]:
    flags: list[Flag] = []
    if raw != nfc:
        offset = 0
        for cluster in graphemes(raw):
            composed = unicodedata.normalize("NFC", cluster)
            if composed != cluster:
                message = context.say(
                    "분해된 한글(NFD)입니다. 포털에서 글자 수가 다르게 셀 수 있습니다.",
                    "Decomposed Hangul (NFD); portals may count it differently.",
                )
                flags.append(Flag("TXT.UNICODE", "major", offset, offset + len(composed), message))
            offset += len(composed)
        flags = _merge_adjacent(flags)
    for found in find_invisible(nfc, keep_line_endings=True):
        message = context.say(
            "보이지 않는 문자 {code} ({name})",
            "Invisible character {code} ({name})",
            code=found.codepoint,
            name=found.name,
        )
        flags.append(Flag("TXT.UNICODE", "major", found.offset, found.offset + 1, message))
    for match in regex.finditer("[\ufffd\ud800-\udfff]", nfc):
        message = context.say(
            "깨진 문자입니다 (원래 글자를 알 수 없음). 지우거나 다시 입력하세요.",
            "A broken character (its original is lost). Delete or retype it.",
        )
        flags.append(Flag("TXT.UNICODE", "major", match.start(), match.end(), message))
    if has_mixed_line_endings(nfc):
        at = nfc.find("\r")
        message = context.say(
            "줄바꿈 형식이 섞여 있습니다 (CRLF/LF).",
            "Mixed line endings (CRLF and LF).",
        )
        flags.append(Flag("TXT.UNICODE", "minor", at, at + 1, message))
    return flags


def _merge_adjacent(flags: list[Flag]) -> list[Flag]:
    merged: list[Flag] = []
    for flag in flags:
        if merged and merged[-1].end == flag.start:
            last = merged.pop()
            flag = Flag(last.rule_id, last.severity, last.start, flag.end, last.message)
        merged.append(flag)
    return merged


_JAMO: Final = regex.compile(r"[\u3131-\u318E]+")


def _jamo(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "낱자(ㅋㅋ, ㅠㅠ 등)는 자기소개서에 쓰지 않습니다.",
        "Stray Korean letters (ㅋㅋ, ㅠㅠ) do not belong in an essay.",
    )
    masks = mask_spans(text)
    return [
        Flag("TXT.JAMO", "major", m.start(), m.end(), message)
        for m in _JAMO.finditer(text)
        if not any(low <= m.start() and m.end() <= high for low, high in masks)
        and not set(m.group()) <= {"ㅇ", "ㅁ"}  # ㅇ, ㅇㅇ, ㅁㅁ: a masked name ("ㅇㅇ동아리")
    ]


# Contact details ---------------------------------------------------------------------------

_CONTACT: Final = regex.compile(
    r"(?<![\d-])01[016789][-. ]?\d{3,4}[-. ]?\d{4}(?!\d)"  # mobile
    r"|(?<![\d-])0(?:2|[3-6][1-5]|70)[-. )]\d{3,4}[-. ]\d{4}(?!\d)"  # landline
    r"|\+82[-. ]?\(?0?\)?1?\d{1,2}[-. ]?\d{3,4}[-. ]?\d{4}(?!\d)"  # international
    r"|(?<![\d-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[- ]?[1-8]\d{6}(?!\d)"  # RRN
    r"|(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"  # e-mail
    r"|(?<![\d-])\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}(?!\d)"  # North American
)


def _contact(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "연락처나 주민등록번호 같은 개인정보는 본문에 쓰지 않습니다.",
        "Contact details or ID numbers do not belong in the essay.",
    )
    return matches(_CONTACT, text, "PII.CONTACT", "critical", message)


def mask_contacts(text: str, mask: str = "[연락처]") -> str:
    """``text`` with every PII.CONTACT span (phone, e-mail, ID number) replaced by ``mask``."""
    return str(_CONTACT.sub(mask, text))

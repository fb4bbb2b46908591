"""Offline checks (DOMAIN.md §4): every rule finds spans in the NFC text, no model involved.

``run_checks`` is the entry point; the rules about length, characters, contact details and
company names are here, the language and style rules in ``checks_style`` and ``checks_en``.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Final

import regex

from desktop.writing import (
    checks_en,
    checks_korean,
    checks_structure,
    checks_style,
    checks_usage,
)
from desktop.writing.companies import is_own, own_spans
from desktop.writing.counting import (
    UNDER_FILL_RATIO,
    count,
    find_invisible,
    graphemes,
    has_mixed_line_endings,
)
from desktop.writing.flags import CheckContext, Flag, drop_overlaps, matches
from desktop.writing.josa import particle_for
from desktop.writing.masks import MASK, mask_spans
from desktop.writing.wordlists import lines

Rule = Callable[[str, CheckContext], list[Flag]]


def run_checks(text: str, context: CheckContext) -> list[Flag]:
    """Every rule's flags for ``text``, offsets into its NFC form, sorted by position."""
    nfc = unicodedata.normalize("NFC", text)
    if not nfc.strip():
        return []
    flags = _unicode(text, nfc, context)
    rules: list[Rule] = [_length, _jamo, _contact, _placeholder, other_company, _generic_company]
    rules += checks_en.RULES if context.lang == "en" else checks_style.KOREAN_RULES
    rules += [] if context.lang == "en" else checks_usage.RULES
    rules += checks_style.SHARED_RULES + checks_structure.RULES
    for rule in rules:
        flags += rule(nfc, context)
    flags += checks_korean.analyzer_rules(nfc, context)  # only where the analyzer is loaded
    return drop_overlaps(_prefer_curated(flags))


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


# Company names -----------------------------------------------------------------------------

_BRACKETED: Final = regex.compile(
    r"[\[(<{【〈「]\s*(?:회사\s?명|기업\s?명|회사\s?이름|기업\s?이름|지원\s?회사|지원\s?기업|"
    r"직무\s?명|부서\s?명|company(?:\s?name)?|position|job\s?title|role)\s*[\])>}】〉」]",
    regex.IGNORECASE,
)
# What follows a mask: a company's slot ("OO사의 비전", "XX기업에서") may be a template's
# placeholder left in, but published essays mask names the same way, so it is only a hint.
_COMPANY_SLOT: Final = regex.compile(
    r"(?:사|기업|회사|그룹|㈜)(?![가-힣])|(?:사|기업|회사)(?:의|에|에서|를|가|는|와|만의)"
)


def _placeholder(text: str, context: CheckContext) -> list[Flag]:
    message = context.say(
        "템플릿의 자리표시가 남아 있습니다. 회사 이름을 쓰세요.",
        "A template placeholder is left in; write the company's name.",
    )
    flags = matches(_BRACKETED, text, "COMPANY.PLACEHOLDER", "critical", message)
    for mask in MASK.finditer(text):
        if _COMPANY_SLOT.match(text, mask.end()):
            hint = context.say(
                "'{mask}': 템플릿에서 남은 자리표시라면 회사 이름을 쓰세요.",
                "'{mask}': if a template left it, write the company's name.",
                mask=mask.group(),
            )
            flags.append(Flag("COMPANY.PLACEHOLDER", "hint", mask.start(), mask.end(), hint))
    return flags


@lru_cache(maxsize=1024)
def _name_regex(name: str) -> regex.Pattern[str]:
    right = r"(?![A-Za-z0-9])" if name[-1].isascii() else ""
    return regex.compile(r"(?<![가-힣A-Za-z0-9])" + regex.escape(name) + right, regex.IGNORECASE)


def company_names(context: CheckContext) -> list[tuple[str, bool]]:
    """Other companies' names, longest first, each marked True if from the user's own list;
    none of them is the application's own company written another way."""
    return list(_company_names(context.company, context.other_companies))


@lru_cache(maxsize=64)
def _company_names(company: str, others: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
    names: dict[str, bool] = {}
    for name in others:
        if name.strip():
            names[name.strip()] = True
    for name in lines("ko_companies.txt"):
        names.setdefault(name, False)
    return tuple(
        sorted(
            ((n, mine) for n, mine in names.items() if not is_own(n, company)),
            key=lambda item: len(item[0]),
            reverse=True,
        )
    )


@lru_cache(maxsize=64)
def names_pattern(company: str, others: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One pattern for the application's company and every other company's name."""
    names = [company] if company else []
    names += [name for name, _ in _company_names(company, others)]
    names = sorted(set(filter(None, names)), key=len, reverse=True)
    if not names:
        return None
    return regex.compile("|".join(regex.escape(name) for name in names))


# A listed company named where the essay addresses its employer: "…에 입사하여", "…에 지원한",
# "…에 기여하겠습니다". Named elsewhere (a past internship, a platform, a competitor), it is
# right: on real essays every such flag was (bench/rule_precision.py).
_ADDRESSING: Final = regex.compile(
    r"(?:입사|지원(?:하|한|했|동기)|합류|일원|기여|이바지|앞장서|함께\s?성장|몸담)"
    r"|(?:겠습니다|고\s?싶습니다|고자\s?합니다)\s*[.!]?\s*$"
)


def _addresses(text: str, start: int, end: int) -> bool:
    sentence_end = regex.compile(r"[.!?\n]").search(text, end)
    rest = text[end : sentence_end.end() if sentence_end else len(text)]
    return bool(_ADDRESSING.search(rest))


def other_company(text: str, context: CheckContext) -> list[Flag]:
    own = own_spans(text, context.company)
    flags = []
    for name, mine in company_names(context):
        if not mine and not context.company.strip():
            continue  # with no company of its own, every listed name may be the addressee
        for match in _name_regex(name).finditer(text):
            if any(low < match.end() and match.start() < high for low, high in own):
                continue
            if not mine and not _addresses(text, match.start(), match.end()):
                continue
            if mine:
                message = context.say(
                    "다른 지원서의 회사명 '{name}'{subject} 있습니다. 이 지원서는 {company}입니다.",
                    "'{name}' is the company of another application; this one is for {company}.",
                    name=match.group(),
                    subject=particle_for(match.group(), "이/가"),
                    company=context.company or "?",
                )
            else:
                message = context.say(
                    "다른 회사 이름 '{name}'. 의도한 것이 아니라면 고치세요.",
                    "Another company's name, '{name}'. Fix it unless you meant it.",
                    name=match.group(),
                )
            severity = "critical" if mine else "major"
            flags.append(Flag("COMPANY.OTHER", severity, match.start(), match.end(), message))
    return flags


_GENERIC: Final = regex.compile(
    r"(?<![가-힣])(?:귀사|당사|貴社)(?![자국무업])|\byour (?:company|organization|firm)\b",
    regex.IGNORECASE,
)


def _generic_company(text: str, context: CheckContext) -> list[Flag]:
    flags = []
    for match in _GENERIC.finditer(text):
        message = context.say(
            "'{word}' 대신 회사 이름({company})을 쓰면 더 구체적입니다.",
            "Name the company ({company}) instead of '{word}'.",
            word=match.group(),
            company=context.company or "…",
        )
        flags.append(Flag("COMPANY.GENERIC", "minor", match.start(), match.end(), message))
    return flags


def mask_contacts(text: str, mask: str = "[연락처]") -> str:
    """``text`` with every PII.CONTACT span (phone, e-mail, ID number) replaced by ``mask``."""
    return str(_CONTACT.sub(mask, text))

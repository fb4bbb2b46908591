"""Company names in an essay (COMPANY.*): another company's name, a close variant of the
application's own, a template's placeholder, and 귀사/당사 instead of the name."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

import regex

from desktop.writing.companies import is_own, name_key, own_pattern, own_spans
from desktop.writing.flags import CheckContext, Flag, matches
from desktop.writing.josa import particle_for
from desktop.writing.masks import MASK
from desktop.writing.wordlists import lines

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


@lru_cache(maxsize=1)
def _listed_pattern() -> regex.Pattern[str] | None:
    """Every listed company's name, longest first: compiled once, whatever the application."""
    return _alternation(lines("ko_companies.txt"))


@lru_cache(maxsize=64)
def _given_pattern(company: str, others: tuple[str, ...]) -> regex.Pattern[str] | None:
    return _alternation([company, *others])


def _alternation(names: Iterable[str]) -> regex.Pattern[str] | None:
    unique = sorted({name.strip() for name in names if name.strip()}, key=len, reverse=True)
    if not unique:
        return None
    return regex.compile("|".join(regex.escape(name) for name in unique))


def name_spans(text: str, company: str, others: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where ``text`` names the application's company, a company of the user's other
    applications or a listed company: the longest name at each place, none overlapping.

    The listed names are one pattern compiled once (compiling it for each company cost a
    counselor's batch of 134 applications 0.2 s of its 2 s); the application's own names are a
    small pattern of their own."""
    found = []
    for pattern in (_given_pattern(company, others), _listed_pattern()):
        if pattern is not None:
            found += [(m.start(), m.end()) for m in pattern.finditer(text)]
    found.sort(key=lambda span: (span[0], span[0] - span[1]))
    spans: list[tuple[int, int]] = []
    for start, end in found:
        if not spans or start >= spans[-1][1]:
            spans.append((start, end))
    return spans


# A listed company named where the essay addresses its employer: "…에 입사하여", "…에 지원한",
# "…에 기여하겠습니다". Named elsewhere (a past internship, a platform, a competitor), it is
# right: on real essays every such flag was (bench/rule_precision.py).
_ADDRESSING: Final = regex.compile(
    r"(?:입사|지원(?:하|한|했|동기)|합류|일원|기여|이바지|앞장서|함께\s?성장|몸담)"
    r"|(?:겠습니다|고\s?싶습니다|고자\s?합니다)\s*[.!]?\s*$"
)


ADDRESSING_REACH: Final = 15  # characters after the name: its particle and the verb


def _addresses(text: str, start: int, end: int) -> bool:
    sentence_end = regex.compile(r"[.!?\n]").search(text, end)
    stop = min(sentence_end.end() if sentence_end else len(text), end + ADDRESSING_REACH)
    return bool(_ADDRESSING.search(text[end:stop]))


def other_company(text: str, context: CheckContext) -> list[Flag]:
    own = own_spans(text, context.company)
    flags = []
    for name, mine in company_names(context):
        if not mine and not context.company.strip():
            continue  # with no company of its own, every listed name may be the addressee
        # The user's other companies however they are written (CJ 대한통운, CJ대한통운, 대한통운)
        pattern = own_pattern(name) if mine else _name_regex(name)
        for match in pattern.finditer(text) if pattern is not None else ():
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


VARIANT_SIMILARITY: Final = 0.75  # Southwind Logistics for Northwind Logistics: 0.84


def _variant_candidates(text: str, company: str) -> list[regex.Match[str]]:
    """Names in ``text`` built like ``company``: the same last word ("… Logistics") or, in
    Korean, the same last two syllables ("…물류")."""
    words = company.split()
    if len(words) >= 2 and words[-1][:1].isupper():
        last = regex.escape(words[-1])
        head = r"(?:[A-Z][\w&'.-]*\s+)" + f"{{{len(words) - 1}}}"
        return list(regex.finditer(rf"\b{head}{last}\b", text))
    squeezed = regex.sub(r"\s+", "", company)
    if len(squeezed) >= 4 and regex.fullmatch(r"[가-힣]{2}", squeezed[-2:]):
        size = len(squeezed) - 2
        pattern = rf"(?<![가-힣A-Za-z0-9])[가-힣A-Za-z]{{{max(1, size - 1)},{size + 1}}}"
        return list(regex.finditer(pattern + regex.escape(squeezed[-2:]), text))
    return []


def _close_variants(text: str, context: CheckContext) -> list[Flag]:
    """A name close to the application's company but not it: left from a letter to another
    company ("Southwind Logistics" in a letter to Northwind Logistics)."""
    if not context.company.strip():
        return []
    own = own_spans(text, context.company)
    wanted = name_key(context.company)
    flags = []
    for match in _variant_candidates(text, context.company):
        found = match.group()
        if any(low < match.end() and match.start() < high for low, high in own):
            continue
        if is_own(found, context.company):
            continue
        similarity = SequenceMatcher(None, name_key(found), wanted).ratio()
        if similarity < VARIANT_SIMILARITY:
            continue
        message = context.say(
            "'{name}'{subject} 이 지원서의 회사({company})가 아닙니다. 다른 지원서에서 남은 "
            "이름이라면 고치세요.",
            "'{name}' is not this application's company ({company}); fix it if it is left "
            "from another letter.",
            name=found,
            subject=particle_for(found, "은/는"),
            company=context.company,
        )
        flags.append(Flag("COMPANY.OTHER", "critical", match.start(), match.end(), message))
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


RULES: Final = [_placeholder, other_company, _close_variants, _generic_company]

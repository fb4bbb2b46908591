"""Which names in an essay are the applicant's own company, however it is written.

"CJ 대한통운" and "CJ대한통운", "(주)오뚜기" and "오뚜기", "네이버" and "NAVER",
"한국철도공사(코레일)" and "코레일" name one company: a rule about another company's name
(COMPANY.OTHER) or a school (BLIND.RISK) must never fire on the employer's own name.
Spacing, letter case, legal forms and a bracketed second name are handled here; other names
come from ``resources/wordlists/ko_company_aliases.tsv``.
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Final

import regex

from desktop.writing.wordlists import lines

_LEGAL: Final = regex.compile(
    r"[(（]\s*(?:주|유|재|사|株)\s*[)）]|㈜|주식회사|유한회사|재단법인|사단법인|\bCo\.?,?\s*Ltd\.?|\bInc\.?",
    regex.IGNORECASE,
)
_BRACKETED: Final = regex.compile(r"[(（\[]([^()（）\[\]]+)[)）\]]")
_NOT_NAME: Final = regex.compile(r"[^\p{L}\p{N}&+]+")


def name_key(name: str) -> str:
    """``name`` as compared: NFC, case-folded, without legal forms, spaces or punctuation."""
    name = _LEGAL.sub(" ", unicodedata.normalize("NFC", name))
    return str(_NOT_NAME.sub("", name)).casefold()


@cache
def _groups() -> dict[str, frozenset[str]]:
    """Each alias key with the keys of every name of its company."""
    table: dict[str, frozenset[str]] = {}
    for line in lines("ko_company_aliases.tsv"):
        keys = frozenset(k for k in (name_key(n) for n in line.split("\t")) if k)
        for key in keys:
            table[key] = table.get(key, frozenset()) | keys
    return table


@lru_cache(maxsize=256)
def own_names(company: str) -> tuple[str, ...]:
    """The ways ``company`` may be written: itself, without its bracketed part, the bracketed
    name, and its listed aliases; longest first."""
    company = unicodedata.normalize("NFC", company).strip()
    if not company:
        return ()
    names = {company, _LEGAL.sub("", company).strip()}
    names.add(_BRACKETED.sub(" ", company).strip())
    names.update(m.group(1).strip() for m in _BRACKETED.finditer(company))
    groups = _groups()
    keys = {name_key(n) for n in names}
    for line in lines("ko_company_aliases.tsv"):
        aliases = line.split("\t")
        if any(name_key(alias) in keys for alias in aliases):
            names.update(aliases)
    for key in list(keys):
        keys |= groups.get(key, frozenset())
    return tuple(sorted((n for n in names if name_key(n)), key=len, reverse=True))


@lru_cache(maxsize=256)
def own_keys(company: str) -> frozenset[str]:
    return frozenset(name_key(name) for name in own_names(company))


def is_own(name: str, company: str) -> bool:
    """Whether ``name`` is ``company`` written another way, or the head of its full name
    ("삼성전자" of "삼성전자 DX부문", "CJ제일제당" of "CJ제일제당(식품)")."""
    key = name_key(name)
    if len(key) < 2 or not company.strip():
        return False
    keys = own_keys(company)
    return key in keys or any(own.startswith(key) for own in keys)


@lru_cache(maxsize=256)
def own_pattern(company: str) -> regex.Pattern[str] | None:
    """Matches any of ``company``'s names in a text, with or without spaces inside it."""
    names = own_names(company)
    if not names:
        return None
    alternatives = []
    for name in names:
        chars = [_either_case(c) for c in _NOT_NAME.sub("", name)]
        if chars:
            right = r"(?![A-Za-z0-9])" if chars[-1][-1].isascii() else ""
            alternatives.append(r"[\s·.-]?".join(chars) + right)
    left = r"(?<![A-Za-z0-9])"
    return regex.compile(left + "(?:" + "|".join(alternatives) + ")")


def _either_case(char: str) -> str:
    """``char`` as a pattern matching it in either case: a class for a Latin letter (the
    IGNORECASE flag did the same, and made the pattern's compile twice as slow, 3 ms a
    company, by folding every Hangul letter too)."""
    if char.isascii() and char.isalpha():
        return f"[{char.lower()}{char.upper()}]"
    return str(regex.escape(char))


def own_spans(text: str, company: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every mention of ``company`` in ``text``."""
    return list(_own_spans(text, company))


@lru_cache(maxsize=8)
def _own_spans(text: str, company: str) -> tuple[tuple[int, int], ...]:
    # Six rules ask this of the same text in one check: it is searched once.
    pattern = own_pattern(company)
    if pattern is None:
        return ()
    return tuple((m.start(), m.end()) for m in pattern.finditer(text))

"""One mistake, one finding: where two rules find the same mistake (되요 from the misspelling
list and from the grammar rule; 생각합니다 as repeated hedging and as a repeated word), only
one of them reports it, with the whole correction."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.writing.checks import one_per_error, run_checks
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.wordlists import pairs

CORRECTING = {"KO.GRAMMAR", "KO.SPELL", "KO.LOANWORD", "KO.JOSA", "KO.TYPO", "KO.SPACING"}
LISTED = [wrong.lstrip("|") for name in ("ko_misspellings.tsv", "ko_loanwords.tsv")
          for wrong, _right in pairs(name)]  # fmt: skip


def corrections(text: str) -> list[tuple[str, str, str]]:
    return [
        (f.rule_id, text[f.start : f.end], f.suggestion)
        for f in run_checks(text, CheckContext())
        if f.rule_id in CORRECTING
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("그렇게 하면 되요.", [("KO.GRAMMAR", "되요", "돼요")]),
        ("그건 안되요.", [("KO.GRAMMAR", "안되요", "안 돼요")]),  # was also KO.SPELL's
        ("일이 안되서 힘들었습니다.", [("KO.GRAMMAR", "안되서", "안 돼서")]),  # was 안 되서
        ("안돼는 일입니다.", [("KO.GRAMMAR", "안돼는", "안 되는")]),
        ("이건 않되요.", [("KO.SPELL", "않되요", "안 돼요")]),  # was 안 되요
        ("결국 계약이 안되었습니다.", [("KO.GRAMMAR", "안되었습니다", "안 되었습니다")]),
    ],
)
def test_a_mistake_two_rules_know_is_one_finding(
    analyzer: Any, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert corrections(text) == expected


@pytest.mark.parametrize("wrong", LISTED)
def test_every_listed_mistake_is_one_finding(analyzer: Any, wrong: str) -> None:
    text = f"그때 {wrong} 일이 있었습니다."
    at = text.index(wrong)
    on_it = [f for f in corrections(text) if text.index(f[1]) < at + len(wrong)]
    assert len([f for f in on_it if at < text.index(f[1]) + len(f[1])]) == 1, on_it


def test_the_same_correction_from_two_rules_is_kept_once() -> None:
    text = "그렇게 하면 되요."
    spell = Flag("KO.SPELL", "major", 7, 9, "m", "돼요")
    grammar = Flag("KO.GRAMMAR", "major", 7, 9, "m", "돼요")
    whole = Flag("KO.SPACING", "minor", 4, 9, "m", "하면 돼요")  # the same text, wider span
    other = Flag("KO.SPACING", "minor", 4, 9, "m", "하면되요")  # another correction
    assert one_per_error(text, [spell, grammar, whole, other]) == [grammar, other]


def test_repeated_hedging_is_not_also_a_repeated_word() -> None:
    text = " ".join(f"{n}번째 일이 중요하다고 생각합니다." for n in range(7))
    flags = run_checks(text, CheckContext())
    assert len([f for f in flags if f.rule_id == "STYLE.HEDGE"]) == 7
    assert not [f for f in flags if f.rule_id == "STYLE.REPEAT" and "생각" in f.message]
    plain = " ".join(f"{n}번째 일을 생각합니다." for n in range(7))  # not a hedge: counted
    assert [f for f in run_checks(plain, CheckContext()) if f.rule_id == "STYLE.REPEAT"]

"""The analyzer's rules on the real kiwipiepy: planted defects are found, clean texts raise
nothing, and without the analyzer the checks run without these rules."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.writing import korean
from desktop.writing.checks import analyzer_checks, merge_flags, run_checks
from desktop.writing.flags import CheckContext
from tests.conftest import SAMPLES
from tests.writing.clean_essays import CLEAN_ESSAYS
from tests.writing.test_checks import CLEAN_KO

ANALYZER_RULES = {"KO.SPACING", "KO.TYPO", "KO.JOSA"}
KO = CheckContext(company="한빛물류", other_companies=("다온은행",))


@pytest.fixture(scope="module")
def kiwi() -> Iterator[Any]:
    loaded = korean.load()
    if loaded is None:
        pytest.skip("kiwipiepy is not installed")
    yield loaded
    korean._kiwi = None  # the other test modules check as the GUI process does, without it


def found(text: str, context: CheckContext = KO) -> list[tuple[str, str, str]]:
    nfc = unicodedata.normalize("NFC", text)
    return [
        (f.rule_id, nfc[f.start : f.end], f.suggestion)
        for f in run_checks(text, context)
        if f.rule_id in ANALYZER_RULES
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("저는할수있습니다.", [("KO.SPACING", "저는할수있습니다", "저는 할 수 있습니다")]),
        ("학교 에서 배웠습니다.", [("KO.SPACING", "학교 에서", "학교에서")]),
        ("문제를 해결 했습니다.", [("KO.SPACING", "해결 했습니다", "해결했습니다")]),
        ("팀장을 맡게되었습니다.", [("KO.SPACING", "맡게되었습니다", "맡게 되었습니다")]),
        ("가장 중요한것은 기록입니다.", [("KO.SPACING", "중요한것은", "중요한 것은")]),
        ("계시판에 공지를 올렸습니다.", [("KO.TYPO", "계시판에", "게시판에")]),
        ("김치찌게를 끓였습니다.", [("KO.TYPO", "김치찌게를", "김치찌개를")]),
        ("책를 읽었습니다.", [("KO.JOSA", "책를", "책을")]),
        ("Google를 이용했습니다.", [("KO.JOSA", "Google를", "Google을")]),
        ("서울으로 이사했습니다.", [("KO.JOSA", "서울으로", "서울로")]),
    ],
)
def test_planted_defects_are_found(kiwi: Any, text: str, expected: list[Any]) -> None:
    assert found(text) == expected


def test_messages_name_the_suggestion_in_both_languages(kiwi: Any) -> None:
    ko = run_checks("학교 에서 배웠습니다.", CheckContext())
    en = run_checks("학교 에서 배웠습니다.", CheckContext(ui_lang="en"))
    assert [f.message for f in ko] == ["띄어쓰기: '학교 에서' → '학교에서'"]
    assert [f.message for f in en] == ["Spacing: '학교 에서' should be '학교에서'"]
    assert en[0].to_json()["suggestion"] == "학교에서"


# Precision: the analyzer's own spacing splits names and compound nouns; none of that is flagged.
CLEAN_SENTENCES = [
    "한빛물류의 풀필먼트 센터에서 일하고 싶습니다.",
    "물류센터 아르바이트 당시 재고 오차율이 3.5%였습니다.",
    "OO대학교 산업공학과에서 통계를 공부했습니다.",
    "이상치 판정 기준을 함께 만들었습니다.",
    "그 첫걸음으로 배차 데이터를 점검하겠습니다.",
    "백엔드 API 설계와 쿼리 튜닝을 맡았습니다.",
    "3 년 동안 매일 기록했습니다.",
    "결과를 정리해 보고했습니다.",
    "새로운 방법을 찾아보았습니다.",
    "잘 했다는 칭찬보다 구체적인 피드백이 필요했습니다.",
    "고객 만족도 조사를 다시 설계해 보았습니다.",
    "입사 후에는 대한운송의 WMS 고도화에 기여하고 싶습니다.",
    "돌아보면 그때의 실패가 가장 큰 공부였습니다.",
    "현장의 목소리를 듣는 것부터 시작했습니다.",
    "제가 할 수 있는 일을 먼저 찾았습니다.",
    "이것이 제가 물류를 택한 이유입니다.",
    "데이터 분석 역량을 키우기 위해 SQL 스터디를 운영했습니다.",
    "매출이 전년 대비 12% 늘었습니다.",
    "회의록을 공유 문서로 바꾸자 질문이 절반으로 줄었습니다.",
    "저는 사람을 설득할 때 숫자를 먼저 보여 줍니다.",
]


@pytest.mark.parametrize("text", CLEAN_SENTENCES + CLEAN_ESSAYS + CLEAN_KO)
def test_clean_texts_raise_no_analyzer_rule(kiwi: Any, text: str) -> None:
    assert found(text) == []


def test_samples_raise_only_the_planted_defects(kiwi: Any) -> None:
    data = json.loads(SAMPLES.read_text(encoding="utf-8"))
    for app in data["applications"]:
        context = CheckContext(lang=app.get("lang", "ko"), company=app["company"])
        for question in app["questions"]:
            if not question["answer"]:
                continue
            expected = [("KO.JOSA", "한빛물류을", "한빛물류를")] if app["id"] == "S9" else []
            assert found(question["answer"], context) == expected, app["id"]


def test_analyzer_checks_merge_with_the_rest(kiwi: Any) -> None:
    text = "역활을 맡게되었습니다. 계시판에 올렸습니다."
    context = CheckContext()
    base = [f for f in run_checks(text, context) if f.rule_id not in ANALYZER_RULES]
    merged = merge_flags(base, analyzer_checks(text, context))
    assert [f.rule_id for f in merged] == ["KO.SPELL", "KO.SPACING", "KO.TYPO"]


def test_without_the_analyzer_the_checks_run_without_its_rules(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(korean, "_kiwi", None)
    monkeypatch.setenv(korean.DISABLE_ENV, "off")
    monkeypatch.setattr(korean, "_failed", False)
    assert korean.available() is False
    text = "저는할수있습니다. 역활을 맡았습니다."
    assert analyzer_checks(text, CheckContext()) == []
    rules = {f.rule_id for f in run_checks(text, CheckContext())}
    assert "KO.SPELL" in rules and not rules & ANALYZER_RULES

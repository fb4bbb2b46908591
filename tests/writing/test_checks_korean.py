"""The analyzer's rules on the real kiwipiepy: planted defects are found, clean texts raise
nothing, and without the analyzer the checks run without these rules."""

from __future__ import annotations

import json
import unicodedata
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
    # auxiliaries written either way, 데/지 read both ways, one-word compounds
    "그 일을 해 보니 생각보다 어려웠습니다.",
    "그 일을 해보니 생각보다 어려웠습니다.",
    "먹어 보고 싶었습니다.",
    "도와주셔서 감사합니다.",
    "알아보니 이미 끝난 일이었습니다.",
    "할 수밖에 없었습니다.",
    "그럴 수도 있다고 생각했습니다.",
    "하는 데 3주가 걸렸습니다.",
    "공부하는데 시간이 부족했습니다.",
    "본 지 오래되었습니다.",
    "이것은 제가 만든 것입니다.",
    "안 되는 이유를 찾았습니다.",
    "못 한 일을 마무리했습니다.",
    "잘못된 데이터를 바로잡았습니다.",
    "열심히 했지만 결과는 아쉬웠습니다.",
    "처음부터 다시 시작했습니다.",
    "그때부터 기록을 남겼습니다.",
    "다시 한번 확인했습니다.",
    "한 번 더 점검했습니다.",
    "매주 월요일마다 회의를 열었습니다.",
    "제 몫을 다했습니다.",
    "끝까지 해냈습니다.",
    "그래서 더 노력했습니다.",
    "그런데도 포기하지 않았습니다.",
    "사람들과 이야기하는 것을 좋아합니다.",
    "저뿐만 아니라 팀원 모두가 노력했습니다.",
    "한국어와 영어로 보고서를 썼습니다.",
    "고객의 불만이 줄어들었습니다.",
    "그 결과 매출이 늘어났습니다.",
    "이번 프로젝트에서는 제가 리더였습니다.",
    "작년부터 준비해 왔습니다.",
    "일을 빨리 끝내려고 했습니다.",
    "먹고살 걱정 없이 공부했습니다.",
    "타고난 성격보다 습관이 중요합니다.",
    "이 점을 알게 된 것은 큰 수확이었습니다.",
    "누구보다 빨리 배웠습니다.",
    "좋은 결과가 나올 거라고 믿었습니다.",
    "우리 팀은 세 명이었습니다.",
    "두세 번 반복해서 확인했습니다.",
    "오늘 할 일을 내일로 미루지 않습니다.",
    "그것이 제가 지원한 이유입니다.",
    "설명할 수 없을 만큼 기뻤습니다.",
    "밤새 자료를 정리하곤 했습니다.",
    "그게 제 첫 번째 실패였습니다.",
    "하루 종일 고객 응대를 했습니다.",
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # real essays' cases the analyzer used to get wrong (issue 27)
        ("미디어 렙사인 나스미디어에서 일했습니다.", []),  # a media rep, not 랩 사인
        ("전역 후에 복학했습니다.", []),  # discharge, not 저녁
        ("튜플을 키로 씁니다.", []),
        ("마니또를 했습니다.", []),
        ("노력이더라도 결과가 중요합니다.", []),  # not 노력이 더라도
        ("사회에선 내외부 협력이 중요합니다.", []),  # not 사회에 선, 내 외부
        ("OOO을 맡아 ㅇㅇ동아리에서 ○○를 했습니다.", []),  # masks
        ("사회의 긍정적 영향 뿐만 아니라", [("KO.SPACING", "영향 뿐만", "영향뿐만")]),
        ("개발하는데 있어서 중요합니다.", [("KO.SPACING", "개발하는데", "개발하는 데")]),
        ("취업률를 높였습니다.", [("KO.JOSA", "취업률를", "취업률을")]),
        ("재무재표를 분석했습니다.", [("KO.TYPO", "재무재표를", "재무제표를")]),
    ],
)
def test_real_essay_cases(kiwi: Any, text: str, expected: list[Any]) -> None:
    assert found(text, CheckContext()) == expected


def test_one_analysis_per_paragraph_kept_while_typing(kiwi: Any) -> None:
    korean.clear_cache()
    first, second = "계시판에 올렸습니다.", "저는할수있습니다."
    one = korean.analyze_all([first, second])
    again = korean.analyze_all([first, second + " 더"])
    assert again[0] is one[0]  # the unchanged paragraph is not analysed again
    assert again[1] is not one[1] and again[1] is not None
    assert one[0] is not None and [t.word for t in one[0].typos] == ["게시판에"]


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

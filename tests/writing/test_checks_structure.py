"""Q.SUBASK, STRUCT.LEAD, REUSE.CROSS and STYLE.MACHINE: planted defects and clean texts."""

from __future__ import annotations

import pytest

from desktop.writing.checks import run_checks
from desktop.writing.checks_structure import machine_phrases
from desktop.writing.flags import CheckContext
from desktop.writing.subasks import sub_asks
from desktop.writing.wordlists import lines
from tests.writing.clean_essays import CLEAN_ESSAYS
from tests.writing.test_checks import CLEAN_KO

NEW_RULES = {"Q.SUBASK", "STRUCT.LEAD", "REUSE.CROSS", "STYLE.MACHINE"}


def rules(text: str, context: CheckContext) -> list[tuple[str, str, str]]:
    return [
        (f.rule_id, text[f.start : f.end], f.ref)
        for f in run_checks(text, context)
        if f.rule_id in NEW_RULES
    ]


# Q.SUBASK ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("지원 동기와 입사 후 포부를 기술하시오.", ["지원 동기", "입사 후 포부"]),
        (
            "지원 직무와 관련된 프로젝트 중 가장 어려웠던 과제와 해결 방법을 서술하시오. "
            "(과제 개요, 어려운 점, 해결방법, 결과 포함) 700자 이내",
            ["지원 직무와 관련된 프로젝트 중 가장 어려웠던 과제", "해결 방법", "과제 개요",
             "어려운 점", "결과"],  # 해결방법 = 해결 방법
        ),
        (
            "협업 과정에서 의견 차이로 갈등이 생겼을 때 이를 해결한 경험과 그 결과, 배운 점을 "
            "기술하시오. (1,500자)",
            ["협업 과정에서 의견 차이로 갈등이 생겼을 때 이를 해결한 경험", "그 결과", "배운 점"],
        ),
        ("성장과정을 자유롭게 기술하시오. (500자)", ["성장과정"]),
        ("팀원과 함께 목표를 이룬 경험을 써 주세요.", ["팀원과 함께 목표를 이룬 경험"]),
        ("Why do you want this role?", []),
    ],
)  # fmt: skip
def test_questions_split_into_sub_asks(question: str, asks: list[str]) -> None:
    assert [ask.text for ask in sub_asks(question)] == asks


_MOTIVE_ONLY = (
    "한빛물류에 지원한 이유는 데이터로 현장의 문제를 푸는 일을 가장 잘할 수 있기 때문입니다. "
    "물류센터에서 6개월 동안 일하며 출고 기록 3,000건을 정리했고, 오류의 절반이 같은 시간대에 "
    "몰린다는 사실을 찾아냈습니다. 이를 근거로 검수 순서를 바꾸자고 제안했고, 두 달 만에 배송 "
    "오류율이 절반으로 줄었습니다. 현장의 숫자를 읽는 일이 제 적성이라는 것을 알았습니다."
)


def test_unaddressed_sub_ask_is_named() -> None:
    context = CheckContext(company="한빛물류", question="지원 동기와 입사 후 포부를 기술하시오.")
    assert rules(_MOTIVE_ONLY, context) == [("Q.SUBASK", "", "입사 후 포부")]
    english = CheckContext(ui_lang="en", question="지원 동기와 입사 후 포부를 기술하시오.")
    message = next(f.message for f in run_checks(_MOTIVE_ONLY, english) if f.rule_id == "Q.SUBASK")
    assert "입사 후 포부" in message and message.startswith("The question asks")


def test_answer_addressing_every_sub_ask_is_clean() -> None:
    text = _MOTIVE_ONLY + " 입사 후에는 센터별 지표를 비교하는 대시보드를 만들겠습니다."
    context = CheckContext(company="한빛물류", question="지원 동기와 입사 후 포부를 기술하시오.")
    assert rules(text, context) == []
    assert rules(_MOTIVE_ONLY[:100], context) == []  # a draft just begun is not judged yet


def test_a_strength_is_answered_by_the_competence_it_names() -> None:
    """An answer naming its "#리서치 역량 …" answers "본인이 갖고 있는 강점" (6 such Q.SUBASK
    flags on the real essays, where the answer named its 역량 or 능력)."""
    question = "지원 동기와 본인이 갖고 있는 강점을 기술해 주세요."
    context = CheckContext(company="한빛물류", question=question)
    text = _MOTIVE_ONLY + " 제 리서치 역량은 시장 자료 200건을 비교해 본 경험에서 나옵니다."
    assert rules(text, context) == []
    assert ("Q.SUBASK", "", "본인이 갖고 있는 강점") in rules(_MOTIVE_ONLY, context)


# STRUCT.LEAD -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "opening",
    [
        "저는 어릴 적부터 정리하는 것을 좋아했습니다.",
        "저는 부산에서 태어나 화목한 가정에서 자랐습니다.",
        "엄격하신 아버지와 자상하신 어머니 밑에서 자랐습니다.",
        "안녕하십니까, 지원자 김하늘입니다.",
        "'천 리 길도 한 걸음부터'라는 말이 있습니다.",
        "제 좌우명은 성실입니다.",
    ],
)
def test_weak_openings_are_flagged(opening: str) -> None:
    text = opening + " 물류센터에서 오차율을 0.8%로 낮춘 경험이 있습니다."
    assert rules(text, CheckContext()) == [("STRUCT.LEAD", opening, "")]


def test_headline_or_point_first_is_fine() -> None:
    assert (
        rules("[오차율을 낮춘 경험]\n저는 어릴 적부터 정리를 좋아했습니다.", CheckContext()) == []
    )
    assert rules("저는 데이터로 오차율을 낮춘 사람입니다. 어릴 적부터 ...", CheckContext()) == []


# REUSE.CROSS -------------------------------------------------------------------------------

_REUSED = (
    "물류센터 아르바이트에서 재고 오차율이 3.5%라는 것을 알게 되었고, 입고 기록 1,200건을 "
    "분석해 원인을 찾았습니다. 그 결과 석 달 만에 오차율을 0.8%로 낮췄습니다."
)


def test_paragraph_from_another_application_is_named() -> None:
    other = ("다온은행 · 기업금융", "다온은행에 지원합니다.\n" + _REUSED.replace("석 달", "세 달"))
    context = CheckContext(other_applications=(other,))
    text = "한빛물류에서 일하고 싶습니다.\n" + _REUSED
    assert rules(text, context) == [("REUSE.CROSS", _REUSED, "다온은행 · 기업금융")]


def test_different_paragraphs_are_not_reuse() -> None:
    others = tuple((f"지원서 {i}", essay) for i, essay in enumerate(CLEAN_ESSAYS[1:]))
    context = CheckContext(other_applications=others)
    assert rules(CLEAN_ESSAYS[0], context) == []


# STYLE.MACHINE -----------------------------------------------------------------------------


def test_machine_phrases_have_stable_unique_ids() -> None:
    ids = [line.split("\t")[0] for line in lines("machine_phrases.tsv")]
    assert len(ids) == len(set(ids)) >= 40
    assert all(pid.startswith(("ko.", "en.")) for pid in ids)
    assert machine_phrases("ko") and machine_phrases("en")


def test_machine_phrasing_is_flagged_with_its_id() -> None:
    text = "이러한 경험을 바탕으로 팀에 시너지를 창출하겠습니다. 결론적으로 저는 준비되었습니다."
    assert rules(text, CheckContext()) == [
        ("STYLE.MACHINE", "이러한 경험을 바탕으로", "ko.such-experience-base"),
        ("STYLE.MACHINE", "시너지를 창출", "ko.synergy-create"),
        ("STYLE.MACHINE", "결론적으로", "ko.in-conclusion"),
    ]
    english = "I am eager to contribute and to delve into your data. I led a team of four."
    assert [r[2] for r in rules(english, CheckContext(lang="en"))] == [
        "en.eager-contribute",
        "en.delve",
    ]


@pytest.mark.parametrize("text", CLEAN_ESSAYS + CLEAN_KO)
def test_clean_texts_raise_none_of_the_new_rules(text: str) -> None:
    context = CheckContext(
        company="한빛물류", question="지원 동기와 입사 후 포부를 기술하시오.", other_applications=()
    )
    found = rules(text, context)
    assert [f for f in found if f[0] != "Q.SUBASK"] == []

"""KO.GRAMMAR and KO.LOANWORD: the misses proofreaders catch, planted in sentences, and clean
sentences that must stay clean (the same words used correctly)."""

from __future__ import annotations

import pytest

from desktop.writing.checks import run_checks
from desktop.writing.flags import CheckContext

RULES = {"KO.GRAMMAR", "KO.LOANWORD"}


def found(text: str, company: str = "") -> list[tuple[str, str, str]]:
    return [
        (f.rule_id, text[f.start : f.end], f.suggestion)
        for f in run_checks(text, CheckContext(company=company))
        if f.rule_id in RULES
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("마케터로써 성장하겠습니다.", ("KO.GRAMMAR", "마케터로써", "마케터로서")),
        ("행정직 신입사원으로써 배우겠습니다.", ("KO.GRAMMAR", "신입사원으로써", "신입사원으로서")),
        ("조직의 일원으로써 책임을 다했습니다.", ("KO.GRAMMAR", "일원으로써", "일원으로서")),
        ("무슨 일이던지 끝까지 합니다.", ("KO.GRAMMAR", "일이던지", "일이든지")),
        ("누구던지 환영했습니다.", ("KO.GRAMMAR", "누구던지", "누구든지")),
        ("클릭율이 50%를 넘었습니다.", ("KO.GRAMMAR", "클릭율이", "클릭률이")),
        ("증가률이 높았습니다.", ("KO.GRAMMAR", "증가률이", "증가율이")),
        ("일이 잘 되서 기뻤습니다.", ("KO.GRAMMAR", "되서", "돼서")),
        ("큰 도움이 돼었습니다.", ("KO.GRAMMAR", "돼었습니다", "되었습니다")),
        ("결국 계약이 안되었습니다.", ("KO.GRAMMAR", "안되었습니다", "안 되었습니다")),
        ("리더쉽을 길렀습니다.", ("KO.LOANWORD", "리더쉽", "리더십")),
        ("브랜드 컨셉을 정했습니다.", ("KO.LOANWORD", "컨셉", "콘셉트")),
        ("20대를 타겟으로 삼았습니다.", ("KO.LOANWORD", "타겟", "타깃")),
        ("고객에게 메세지를 보냈습니다.", ("KO.LOANWORD", "메세지", "메시지")),
        ("교육 컨텐츠를 만들었습니다.", ("KO.LOANWORD", "컨텐츠", "콘텐츠")),
    ],
)
def test_planted_misses_are_found(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "대화로써 갈등을 풀었습니다. 노력함으로써 신뢰를 얻었습니다. 이로써 마무리했습니다.",
        "법률로써 정합니다. 문서로써 남겼습니다. 투자로써 성과를 냈습니다.",
        "얼마나 기뻤던지 눈물이 났습니다. 언제든지 연락 주세요. 무엇이든지 배웁니다.",
        "비율, 효율, 법률, 확률, 환율, 선율, 규율, 자율, 출석률, 오차율, 경쟁률을 봤습니다.",
        "도움이 됐습니다. 팀장이 돼서 기뻤습니다. 큰 힘이 돼요. 되도록 빨리 하겠습니다.",
        "안 되는 일은 없습니다. 안내를 맡았습니다. 안도했습니다.",
        "리더십, 콘셉트, 타깃, 메시지, 콘텐츠를 다뤘습니다.",
        "SK네트웍스와 CJ올리브네트웍스에서 일했습니다.",
    ],
)
def test_correct_uses_stay_clean(text: str) -> None:
    assert found(text) == []


def test_the_own_company_name_is_never_corrected() -> None:
    assert found("타겟코리아에 지원했습니다.", company="타겟코리아") == []

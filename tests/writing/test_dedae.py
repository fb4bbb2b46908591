"""KO.GRAMMAR's 데/대: 대 where only the connective -는데/-던데 can be meant is found; hearsay
written as it should be, 있는대 and every -데 are left alone (the form cannot tell)."""

from __future__ import annotations

import pytest

from desktop.writing.checks import run_checks
from desktop.writing.flags import CheckContext


def found(text: str) -> list[tuple[str, str, str]]:
    return [
        (text[f.start : f.end], f.suggestion, f.ref)
        for f in run_checks(text, CheckContext())
        if f.rule_id == "KO.GRAMMAR"
    ]


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        ("시험 기간이었는대 공부를 했습니다.", "기간이었는대", "기간이었는데"),
        ("후배에게서 연락이 왔는대 반가웠습니다.", "왔는대", "왔는데"),
        ("제가 맡은 일이 하나 있는대요, 바로 기록입니다.", None, None),  # 있는대: left alone
        ("판매 아르바이트를 한 적이 있는대, 보람찼습니다.", "있는대", "있는데"),
        ("모두 할 수 있는대요, 시간이 부족했습니다.", "있는대요", "있는데요"),
        ("지원 사업을 펼치고 있는대요. 대표적으로", "있는대요", "있는데요"),
        ("예산이 없는대 행사를 열어야 했습니다.", "없는대", "없는데"),
        ("기관을 운영하는대 힘을 보탰습니다.", "운영하는대", "운영하는데"),
        ("팸플릿을 만드는대 그쳤습니다.", "만드는대", "만드는데"),
        ("직접 가 보니 분위기가 좋던대요.", "좋던대요", "좋던데요"),
        ("회의를 한다는대 자료가 없었습니다.", "한다는대", "한다는데"),
        ("선배님이 계시는대 먼저 인사했습니다.", "계시는대", "계시는데"),
    ],
)
def test_dae_for_the_connective_is_found(text: str, wrong: str | None, right: str | None) -> None:
    expected = [] if wrong is None else [(wrong, right, "데/대")]
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "친구가 책을 읽는대요. 동생은 밥을 먹는대.",  # hearsay after a consonant: right
        "동생은 오늘 집에 있는대요. 가만히 있는대.",  # 있다 as a verb: hearsay, right
        "팀장님이 내일 발표한대요. 날씨가 좋대요.",  # hearsay after a vowel: -ㄴ대
        "그 영화가 재미있데요. 벌써 끝났데요.",  # -데 (-더라): right or wrong by intent only
        "있는 그대로 하는대로 전했습니다. 최대 규모, 차세대, 세대, 반대, 응대, 현대.",
        "기여하는 데 도움이 되었습니다. 공부하는데 비가 왔습니다. 좋던데요.",
        "대학생 때 동아리 대회에서 상을 받았습니다. 오는 대로 연락하겠습니다.",
    ],
)
def test_right_uses_stay_clean(text: str) -> None:
    assert found(text) == []

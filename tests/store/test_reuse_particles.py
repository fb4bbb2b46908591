"""Reuse for another company refits the particle after the new name, even one that was wrong
before the swap."""

from __future__ import annotations

import pytest

from desktop.store import Database
from desktop.store import applications as apps
from desktop.writing.josa import replace_name


@pytest.mark.parametrize(
    ("text", "old", "new", "expected"),
    [
        ("한빛물류은 1위입니다.", "한빛물류", "코리아익스프레스", "코리아익스프레스는 1위입니다."),
        (
            "한빛물류를 지원합니다.",
            "한빛물류",
            "코리아익스프레스",
            "코리아익스프레스를 지원합니다.",
        ),
        ("한빛물산를 보고", "한빛물산", "다온은행", "다온은행을 보고"),
        ("다온은행과 한빛물산와 함께", "한빛물산", "서울은행", "다온은행과 서울은행과 함께"),
    ],
)
def test_a_wrong_particle_comes_out_right(text: str, old: str, new: str, expected: str) -> None:
    assert replace_name(text, old, new)[0] == expected


def test_reuse_application_repairs_the_particle(db: Database) -> None:
    source = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[apps.NewQuestion("한빛물류은 왜?", answer="한빛물류은 업계 1위입니다.")],
    )
    new_id = db.run(apps.reuse_application, application_id=source, company="코리아익스프레스")
    [question] = db.run(apps.get_application, application_id=new_id).questions
    assert question.answer == "코리아익스프레스는 업계 1위입니다."
    assert question.text == "코리아익스프레스는 왜?"

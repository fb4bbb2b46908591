"""``split_document(render_document(app)) == app``: the import preview shows a document's split as
text the user edits, and what the user did not touch must come back the same."""

from __future__ import annotations

import random

from desktop.importing.split import ImportedApplication, render_document, split_document

LINES = [
    "회사: 한빛물류", "직무: 물류 기획", "성명: 김하늘", "회사: 다온은행", "이름: 무엇입니까?",
    "회사:  ", "1. 지원 동기를 쓰십시오. (700자)", "[문항 2] 성장 과정", "Q3. Why us?", "## 제목",
    "##", "#", "### ", "1) 입고 기록 분석", "2. 2. 무엇입니까? (500자)", "Q1 Q2 무엇?", "", " ",
    "그냥 쓴 글입니다.", "  들여쓴 줄", "자기소개서", "① 성장 과정을 쓰십시오.", "(700자 이내)",
    "## 1. 지원 동기", "지원동기: (500자)", "\t탭 줄",
]  # fmt: skip


def _round_trip(app: ImportedApplication) -> ImportedApplication:
    return split_document(render_document(app))


def test_an_essay_without_questions_comes_back_without_a_stray_heading() -> None:
    app = split_document("그냥 쓴 글입니다.\n두 줄입니다.")
    assert render_document(app) == "##\n그냥 쓴 글입니다.\n두 줄입니다.\n"
    assert _round_trip(app) == app
    assert app.questions[0].answer == "그냥 쓴 글입니다.\n두 줄입니다."


def test_a_question_text_that_looks_numbered_comes_back_as_it_was() -> None:
    # "1. 2. 무엇입니까?" asks "2. 무엇입니까?"; written back as a heading, it stays so.
    app = split_document("1. 2. 무엇입니까? (500자)\n답입니다.\nQ2 Q3 요약하십시오.\n답")
    assert [q.text for q in app.questions] == ["2. 무엇입니까? (500자)", "Q3 요약하십시오."]
    assert _round_trip(app) == app


def test_a_detail_without_a_value_is_not_a_detail() -> None:
    app = split_document("회사:   \n1. 지원 동기 (500자)\n답")
    assert app.company == "" and app.notes == "회사:"
    assert _round_trip(app) == app


def test_any_mix_of_lines_comes_back_the_same() -> None:
    rng = random.Random(18)
    for _ in range(3000):
        app = split_document("\n".join(rng.choice(LINES) for _ in range(rng.randrange(1, 9))))
        assert _round_trip(app) == app, render_document(app)

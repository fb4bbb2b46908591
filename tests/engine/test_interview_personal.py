"""The essay-only interview questions never ask about contact details, a birth date, an age, an
address or a hometown, and ask "how was it measured" only of figures, not of dates."""

from __future__ import annotations

from desktop.engine.tasks.interview import EssayAnswer, InterviewRequest, seed_questions

ESSAY = (
    "연락처는 010-1234-5678입니다. 저는 1998년 3월 2일에 태어나 서울 강남구 역삼로 123에 살고 "
    "있습니다. 2019년 3월에 물류센터 아르바이트를 시작했습니다. 입고 기록 1,200건을 분석해 "
    "오차율을 3.5%에서 0.8%로 낮췄습니다. 제 이메일은 hong@example.com입니다."
)


def test_questions_skip_personal_sentences_and_dates() -> None:
    request = InterviewRequest("한빛물류", "SCM", (EssayAnswer("자기소개", ESSAY),))
    questions = seed_questions(request)
    texts = " ".join(q.text + " " + q.source for q in questions)
    for personal in ("010-1234-5678", "hong@example.com", "태어나", "역삼로", "2019년 3월"):
        assert personal not in texts, personal
    numbers = [q for q in questions if q.kind == "number"]
    assert [q.source for q in numbers] == [
        "입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다."
    ]

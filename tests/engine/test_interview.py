"""Interview practice: questions drawn from the essay, and 0-2 feedback grounded in it."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from desktop.engine import gate
from desktop.engine.backend import LoadOptions, create_backend
from desktop.engine.errors import OutputRejected
from desktop.engine.tasks.interview import (
    EssayAnswer,
    InterviewQuestion,
    InterviewRequest,
    deduplicate,
    interview_questions,
    same_question,
    seed_questions,
    similarity,
)
from desktop.engine.tasks.interview_feedback import assess_answer, grounded_example
from desktop.engine.tasks.interview_schema import RUBRIC_IDS
from desktop.engine.tasks.io import TaskIO
from desktop.engine.testmodel import TestModel
from desktop.paths import resource
from desktop.writing.fabrication import fabrication_flags
from desktop.writing.flags import CheckContext
from tests.ui.fakes import FakeBackend


def _sample(index: int = 0) -> InterviewRequest:
    data = json.loads(resource("samples", "applications.json").read_text(encoding="utf-8"))
    app = data["applications"][index]
    return InterviewRequest.from_json(
        {
            "company": app["company"],
            "role": app["role"],
            "lang": app["lang"],
            "answers": app["questions"],
        }  # fmt: skip
    )


def test_seed_questions_quote_the_essay_and_ask_about_numbers_first() -> None:
    request = _sample()
    questions = seed_questions(request)
    essay = request.essay
    sourced = [q for q in questions if q.source]
    assert sourced and all(q.source in essay for q in sourced)
    assert questions[0].kind == "number" and "3.5%" in questions[0].source
    assert {q.kind for q in questions} >= {"number", "role", "motive"}
    assert any(request.company in q.text for q in questions if q.kind == "role")


def test_similar_questions_are_merged() -> None:
    a = InterviewQuestion("오차율은 어떻게 측정했나요?")
    b = InterviewQuestion("오차율은 어떻게 측정했나요 ?")
    c = InterviewQuestion("왜 우리 회사에 지원했습니까?")
    assert similarity(a.text, b.text) > 0.9 > similarity(a.text, c.text)
    assert deduplicate([a, b, c]) == [a, c]


def test_without_a_model_practice_still_gets_five_to_ten_grounded_questions() -> None:
    request = _sample()
    for n, fewest, most in ((3, 5, 5), (7, 7, 7), (20, 7, 10)):
        questions = interview_questions(None, request, TaskIO(), n=n)
        assert fewest <= len(questions) <= most
        assert all(q.source in request.essay for q in questions)
        assert not any(same_question(a, b) for a, b in combinations(questions, 2))
    with pytest.raises(ValueError, match="at least one answer"):
        interview_questions(None, InterviewRequest("a", "b", (EssayAnswer("q", " "),)), TaskIO())


def test_the_example_answer_keeps_only_facts_from_the_essay() -> None:
    request = _sample()
    question = seed_questions(request)[0]
    example = (
        "바코드 재확인 절차를 제안했습니다. 그 결과 매출이 47% 늘었습니다. "
        "재고 오차율을 3.5%에서 0.8%로 낮췄습니다."
    )
    kept, removed = grounded_example(example, request, question)
    assert removed == 1 and "47%" not in kept and "0.8%" in kept
    fallback, removed = grounded_example("매출이 47% 늘었습니다.", request, question)
    assert removed == 1 and question.source in fallback


def test_questions_and_feedback_on_the_real_model(tiny_model: TestModel) -> None:
    """Random weights: the essay's own questions fill in, and no feedback passes the gate."""
    request = _sample()
    backend = create_backend("llama_cpp")
    backend.load(LoadOptions(tiny_model.gguf("q8_0"), n_ctx=4096, n_threads=1, seed=0))
    try:
        questions = interview_questions(backend, request, TaskIO(), n=6, seed=0)
        assert len(questions) == 6
        assert all(q.source == "" or q.source in request.essay for q in questions)
        assert not any(same_question(a, b) for a, b in combinations(questions, 2))
        number_question = next(q for q in questions if q.kind == "number")
        spoken = "오차율을 12%까지 낮췄고, 입고 기록 1,200건을 분석했습니다."
        with pytest.raises(OutputRejected) as caught:
            assess_answer(backend, request, number_question, spoken, TaskIO(), seed=0)
    finally:
        backend.close()
    assert caught.value.reasons and set(caught.value.reasons) <= set(gate.REASONS)
    assert "feedback" in str(caught.value)


def test_feedback_is_capped_by_the_offline_findings() -> None:
    request = _sample()
    number_question = seed_questions(request)[0]
    spoken = "오차율을 12%까지 낮췄고, 입고 기록 1,200건을 분석했습니다."
    feedback = assess_answer(FakeBackend(), request, number_question, spoken, TaskIO(), seed=0)
    assert set(feedback["scores"]) == set(RUBRIC_IDS)
    assert all(0 <= s["score"] <= 2 for s in feedback["scores"].values())
    # "12%" is not in the essay: consistency is capped whatever the model said
    assert feedback["scores"]["consistency"]["score"] <= 1
    assert [f["rule_id"] for f in feedback["findings"]["consistency"]] == ["GEN.FABRICATION"]
    assert feedback["total"] == sum(s["score"] for s in feedback["scores"].values())
    assert feedback["gate"]["passed"] is True
    context = CheckContext(lang="ko", ui_lang="ko", company=request.company)
    source = "\n".join([request.essay, request.company, request.role, number_question.text])
    assert fabrication_flags(feedback["example_answer"], source, context) == []

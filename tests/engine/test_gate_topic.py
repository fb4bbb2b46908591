"""The output gate's off_topic rule: an interview question on nothing the application says."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from desktop.engine import gate
from desktop.engine.gate_tasks import GateRecord, instructions, judge_question
from desktop.engine.gate_topic import content_words, off_topic
from desktop.engine.tasks.interview import (
    EssayAnswer,
    InterviewRequest,
    interview_questions,
    question_messages,
    seed_questions,
)
from desktop.engine.tasks.io import TaskIO
from desktop.paths import resource
from desktop.writing import korean
from tests.ui.fakes import FakeBackend

ROOT = Path(__file__).resolve().parents[2]
ESSAYS = next(
    (
        path
        for path in (
            ROOT.parent / "shared" / "peer-fixtures" / "essays" / "essays.jsonl",
            Path("/work/shared/peer-fixtures/essays/essays.jsonl"),
        )
        if path.exists()
    ),
    None,
)
KOREAN = InterviewRequest(
    "한빛물류",
    "운송관리",
    (
        EssayAnswer(
            "지원동기와 입사 후 포부 (700자)",
            "저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 "
            "낮췄습니다. 현장 직원들과 매일 회의를 하며 바코드 재확인 절차를 만들었습니다.",
        ),
    ),
)
ENGLISH = InterviewRequest(
    "Daon Bank",
    "Junior Data Analyst",
    (
        EssayAnswer(
            "Why this role?",
            "In my internship at a logistics firm, I cleaned 40,000 shipment records and "
            "built a dashboard that cut weekly reporting from six hours to one.",
        ),
    ),
    "en",
)
# What a small model writes when it does not read the essay.
OFF_TOPIC_KO = (
    "한국의 수도는 어디입니까?",
    "가장 좋아하는 음식과 그 이유를 말씀해 주세요.",
    "최근에 본 영화 중 가장 인상 깊었던 작품은 무엇인가요?",
    "반려동물을 키워 본 적이 있나요?",
    "좋아하는 계절과 날씨는 무엇입니까?",
)
OFF_TOPIC_EN = (
    "What is your favourite colour?",
    "Which football club do you support?",
    "Which country would you most like to visit on holiday?",
)
# Questions a model that read the essay writes: its words, paraphrased; or no content at all.
ON_TOPIC_KO = (
    "오차율을 낮춘 방법을 설명해 주시겠습니까?",
    "바코드를 다시 확인하자는 제안에 직원들은 어떻게 반응했나요?",
    "입고 기록을 분석할 때 어떤 도구를 썼습니까?",
    "물류 현장에서 매일 회의를 열게 된 계기는 무엇입니까?",
    "한빛물류의 운송관리 직무에서 가장 먼저 하고 싶은 일은 무엇인가요?",
    "본인의 약점은 무엇이고, 어떻게 보완하고 있나요?",
    "다른 회사가 아니라 왜 이 회사입니까?",
)
ON_TOPIC_EN = (
    "How did you clean the shipment records?",
    "What did the dashboard show, and who used it?",
    "Why Daon Bank?",
    "What is your biggest weakness, and what have you done about it?",
)


@pytest.fixture(params=["words", "analyzer"])
def mode(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test runs as the GUI process does (no analyzer) and as ``jaso check`` does."""
    if request.param == "analyzer" and korean.load() is None:
        pytest.skip("kiwipiepy is not installed")
    previous = korean._kiwi
    if request.param == "words":
        korean._kiwi = None
    try:
        yield request.param
    finally:
        korean._kiwi = previous if request.param == "words" else None


def test_questions_on_nothing_in_the_application_are_off_topic(mode: str) -> None:
    for text in OFF_TOPIC_KO:
        assert off_topic(text, KOREAN.application, "ko"), (mode, text, content_words(text, "ko"))
    for text in OFF_TOPIC_EN:
        assert off_topic(text, ENGLISH.application, "en"), text


def test_questions_on_the_essay_and_generic_ones_are_not(mode: str) -> None:
    for text in ON_TOPIC_KO:
        assert not off_topic(text, KOREAN.application, "ko"), (mode, text)
    for text in ON_TOPIC_EN:
        assert not off_topic(text, ENGLISH.application, "en"), text


def test_the_gate_gives_the_reason_for_a_models_question(mode: str) -> None:
    prompt = instructions(question_messages(KOREAN, 5), [KOREAN.essay])
    bad = judge_question(OFF_TOPIC_KO[0], "", prompt, "ko", KOREAN.application)
    assert [v.reason for v in bad] == [gate.OFF_TOPIC]
    assert judge_question(ON_TOPIC_KO[0], "", prompt, "ko", KOREAN.application) == []
    assert judge_question(OFF_TOPIC_KO[0], "", prompt, "ko") == []  # no application: not judged
    assert gate.OFF_TOPIC in gate.REASONS


def _sample_requests() -> list[InterviewRequest]:
    data = json.loads(resource("samples", "applications.json").read_text(encoding="utf-8"))
    return [
        InterviewRequest.from_json(
            {
                "company": app["company"],
                "role": app["role"],
                "lang": app["lang"],
                "answers": app["questions"],
            }
        )  # fmt: skip
        for app in data["applications"]
    ]


def _real_requests() -> list[InterviewRequest]:
    assert ESSAYS is not None
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in ESSAYS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        groups[row["id"].rsplit("-", 1)[0]].append(row)
    return [
        InterviewRequest(
            rows[0]["company"],
            rows[0]["role"],
            tuple(EssayAnswer(r["question"], r["answer"]) for r in rows),
        )  # fmt: skip
        for rows in groups.values()
    ]


def _flagged(requests: list[InterviewRequest]) -> list[str]:
    return [
        question.text
        for request in requests
        for question in seed_questions(request)
        if off_topic(question.text, request.application, "en" if request.lang == "en" else "ko")
    ]


def test_the_apps_own_questions_on_the_sample_applications_pass(mode: str) -> None:
    requests = _sample_requests() + [KOREAN, ENGLISH]
    assert _flagged(requests) == []


@pytest.mark.skipif(ESSAYS is None, reason="no peer fixtures (../shared/peer-fixtures/essays)")
def test_the_apps_own_questions_on_the_real_essays_pass(mode: str) -> None:
    """Every question the app builds without a model from the 521 real answers (156
    applications); with the analyzer, every third application (it takes seconds)."""
    requests = _real_requests()
    if mode == "analyzer":
        requests = requests[::3]
    assert _flagged(requests) == []


def test_an_off_topic_question_of_the_model_is_dropped_and_counted() -> None:
    class OffTopic(FakeBackend):
        def stream(self, prompt: Any, params: Any, cancel: Any, on_progress: Any = None) -> Any:
            for chunk in super().stream(prompt, params, cancel, on_progress):
                text = chunk.text.replace("오차율을 낮춘 방법을", "한국의 수도를")
                yield replace(chunk, text=text)

    record = GateRecord()
    questions = interview_questions(OffTopic(), KOREAN, TaskIO(), n=5, record=record)
    assert not any("수도" in q.text for q in questions)
    assert record.rejected[gate.OFF_TOPIC] == 1

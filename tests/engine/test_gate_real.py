"""The output gate on what the real models wrote (tests/data/gate_outputs.jsonl).

Each line is one output of the starter (Gemma 3 270M) or SmolLM2-135M-Instruct, recorded by
``bench/gate_bench.py`` on a real essay (the essay cut to the sentences the output needs), with
the reasons the gate must give. The test rebuilds the task's own prompt for the request and
judges the output as the task does, with the Korean analyzer loaded (the ``garbled`` rule asks
it; the app asks its check worker process).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.engine import gate
from desktop.engine.gate_tasks import (
    header_labels,
    instructions,
    judge_candidate,
    judge_draft,
    judge_feedback,
    judge_question,
)
from desktop.engine.tasks.critique import critique_messages, critique_prompt, judge
from desktop.engine.tasks.draft import finish_draft, plain_draft_messages
from desktop.engine.tasks.interview import InterviewQuestion, InterviewRequest, question_messages
from desktop.engine.tasks.interview_feedback import feedback_messages
from desktop.engine.tasks.suggest import _LABELS
from desktop.writing.essay import EssayRequest

OUTPUTS = Path(__file__).parents[1] / "data" / "gate_outputs.jsonl"
pytestmark = pytest.mark.usefixtures("kiwi")
CASES = [json.loads(line) for line in OUTPUTS.read_text(encoding="utf-8").splitlines() if line]


def _request(raw: dict[str, Any]) -> EssayRequest:
    return EssayRequest(
        text=raw["text"], question=raw["question"], company=raw["company"], role=raw["role"],
        lang=raw.get("lang", "ko"),
    )  # fmt: skip


def _interview(request: EssayRequest) -> InterviewRequest:
    return InterviewRequest.from_json(
        {"company": request.company, "role": request.role, "lang": request.lang,
         "answers": [{"question": request.question, "answer": request.text}]}
    )  # fmt: skip


def verdicts_for(case: dict[str, Any]) -> set[str]:
    request = _request(case["request"])
    lang = "en" if request.lang == "en" else "ko"
    output = case["output"]
    if case["task"] == "critique":
        messages = critique_messages(request, [])
        prompt = critique_prompt(request, [], messages)
        return {v.reason for v in judge(output, prompt, lang, request.text)}
    if case["task"] == "feedback":
        interview = _interview(request)
        question = InterviewQuestion(case["question"], case["spoken"], "claim")
        messages = feedback_messages(interview, question, case["spoken"], {})
        user = [interview.essay, request.company, request.role, question.text, case["spoken"]]
        prompt = instructions(messages, user)
        return {
            v.reason for v in judge_feedback(output, prompt, lang, case["spoken"], request.text)
        }
    if case["task"] == "draft":
        ask = EssayRequest(text="", question=request.question, company=request.company,
                           role=request.role, lang=request.lang)  # fmt: skip
        messages = plain_draft_messages(ask, case["notes"])
        prompt = instructions(messages, [case["notes"], ask.company, ask.role, ask.question])
        text = finish_draft(output, ask)
        labels = header_labels(messages)
        found = judge_draft(text, output, case["notes"], prompt, labels, lang, ask.source_text())
        return {v.reason for v in found}
    if case["task"] == "question":
        prompt = instructions(question_messages(_interview(request), 5), [request.text])
        return {v.reason for v in judge_question(output, "", prompt, lang)}
    assert case["task"] == "candidate"
    labels = {label.casefold() for label in _LABELS[lang]}
    reason = judge_candidate(output, request.source_text(), labels)
    return {reason} if reason else set()


@pytest.mark.parametrize("case", CASES, ids=[f"{c['task']}-{i}" for i, c in enumerate(CASES)])
def test_the_gate_rejects_what_the_real_models_wrote(case: dict[str, Any]) -> None:
    reasons = verdicts_for(case)
    assert reasons, case["output"]
    assert set(case["reasons"]) <= reasons <= set(gate.REASONS), reasons


def test_the_data_covers_every_task_and_is_small() -> None:
    assert {c["task"] for c in CASES} >= {"critique", "feedback", "draft"}
    assert OUTPUTS.stat().st_size < 20_000

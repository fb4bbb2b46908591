"""Feedback on one practice answer: the 0-2 rubric of DOMAIN.md §5, advice, an example answer.

Offline findings come first and bind the model: a number in the spoken answer that the essay
does not have caps consistency at 1, a spelling finding caps accuracy at 1. The example answer
keeps only sentences whose numbers and names are in the essay; if none is left, it is built from
the essay passage the question came from.
"""

from __future__ import annotations

from typing import Any, Final

from desktop.engine.backend import Backend, Message
from desktop.engine.errors import OutputRejected
from desktop.engine.gate_tasks import GateRecord, instructions, judge_feedback
from desktop.engine.qualification import INTERVIEW, not_qualified
from desktop.engine.schema_budget import tokens_per_char
from desktop.engine.structured import generate_json_reply
from desktop.engine.tasks.interview import InterviewQuestion, InterviewRequest
from desktop.engine.tasks.interview_schema import FEEDBACK_SCHEMA, MAX_SCORE, RUBRIC
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.checks import run_checks
from desktop.writing.fabrication import fabrication_flags
from desktop.writing.flags import CheckContext, Flag
from desktop.writing.sentences import sentence_spans

_SPELLING: Final = ("KO.SPELL", "EN.SPELL")


def offline_findings(request: InterviewRequest, spoken: str, ui_lang: str) -> dict[str, list[Flag]]:
    """Numbers and names the essay does not back, and spelling slips, in the spoken answer."""
    context = CheckContext(lang=request.lang, ui_lang=ui_lang, company=request.company)
    essay = "\n".join([request.essay, request.company, request.role])
    return {
        "consistency": fabrication_flags(spoken, essay, context),
        "accuracy": [f for f in run_checks(spoken, context) if f.rule_id in _SPELLING],
    }


def feedback_messages(
    request: InterviewRequest,
    question: InterviewQuestion,
    spoken: str,
    findings: dict[str, list[Flag]],
) -> list[Message]:
    korean = request.lang != "en"
    rubric = "\n".join(
        f"- {rid} ({ko if korean else en}): 0-{MAX_SCORE}, {meaning}"
        for rid, ko, en, meaning in RUBRIC
    )
    system = (
        "당신은 면접 코치입니다. 면접 질문에 대한 지원자의 답변을 네 기준으로 0–2점 평가하고 "
        f"짧은 근거를 씁니다:\n{rubric}\n조언(advice)과 모범 답변(example_answer)을 한국어로 "
        "씁니다. 모범 답변에는 자기소개서에 있는 사실만 쓰고, 숫자·이름·날짜를 지어내지 "
        "않습니다. '자동 점검 결과'는 확인된 사실입니다. JSON 하나로만 답합니다."
        if korean
        else "You are an interview coach. Score the candidate's answer 0-2 on four criteria, "
        f"each with a short rationale:\n{rubric}\nWrite advice and an example_answer in "
        "English. The example answer uses only facts from the candidate's letter and never "
        "invents numbers, names or dates. The automatic findings are facts. Answer with one "
        "JSON object."
    )
    facts = [f"- [{f.rule_id}] {f.message}" for flags in findings.values() for f in flags]
    labels = (
        ("자기소개서", "면접 질문", "질문의 근거", "지원자의 답변", "자동 점검 결과", "없음")
        if korean
        else ("Letter", "Interview question", "Based on", "Candidate's answer", "Findings", "none")
    )
    user = "\n".join(
        [
            f"{labels[0]} ({request.company} — {request.role}):",
            request.essay,
            "",
            f"{labels[1]}: {question.text}",
            f"{labels[2]}: {question.source or labels[5]}",
            f"{labels[4]}:",
            *(facts or [f"- {labels[5]}"]),
            "",
            f"{labels[3]}:",
            "<<<",
            spoken,
            ">>>",
        ]
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def grounded_example(
    example: str, request: InterviewRequest, question: InterviewQuestion
) -> tuple[str, int]:
    """The example answer without sentences that state unbacked facts; and how many went."""
    context = CheckContext(lang=request.lang, ui_lang=request.lang, company=request.company)
    source = "\n".join([request.essay, request.company, request.role, question.text])
    kept: list[str] = []
    removed = 0
    for start, end in sentence_spans(example):
        sentence = example[start:end]
        if fabrication_flags(sentence, source, context):
            removed += 1
        else:
            kept.append(sentence)
    text = " ".join(kept).strip()
    if not text:
        basis = question.source or request.answers[0].answer[:200]
        text = (
            f"자기소개서에 쓴 경험으로 답하겠습니다. {basis}"
            if request.lang != "en"
            else f"Let me answer from the experience in my letter. {basis}"
        )
    return text, removed


def assess_answer(
    backend: Backend,
    request: InterviewRequest,
    question: InterviewQuestion,
    spoken: str,
    io: TaskIO,
    *,
    seed: int | None = 0,
    ui_lang: str | None = None,
) -> dict[str, Any]:
    """Scores (0-2, capped by the offline findings), advice and a grounded example answer.

    An answer the output gate rejects is sampled again; when every attempt is rejected,
    ``OutputRejected`` says this model cannot give feedback, with the gate's reasons.
    """
    if not io.allowed(INTERVIEW):
        raise not_qualified(INTERVIEW, None)
    findings = offline_findings(request, spoken, ui_lang or request.lang)
    messages = feedback_messages(request, question, spoken, findings)
    lang = "en" if request.lang == "en" else "ko"
    user = [request.essay, request.company, request.role, question.text, question.source, spoken]
    user += [f.message for flags in findings.values() for f in flags]
    prompt = instructions(messages, user, [meaning for *_, meaning in RUBRIC])
    record = GateRecord()
    try:
        data: dict[str, Any] = generate_json_reply(
            backend, messages, FEEDBACK_SCHEMA, io.cancel, io.on_progress, temperature=0.3,
            seed=seed, per_char=tokens_per_char(backend, request.essay),
            judge=lambda d: judge_feedback(d, prompt, lang, spoken, request.essay),
            rejected=record.rejected,
        )  # fmt: skip
    except OutputRejected as exc:
        raise OutputRejected(
            say(
                "이 모델로는 면접 답변에 대한 피드백을 드릴 수 없습니다. 모델의 답변이 점검을 "
                f"통과하지 못했습니다 ({record.reasons()}).",
                "This model cannot give feedback on interview answers: its answers failed the "
                f"output check ({record.reasons()}).",
            ),
            exc.details,
            dict(record.rejected),
        ) from exc
    record.passed = True
    for rubric_id, flags in findings.items():
        score = data["scores"][rubric_id]
        if flags and score["score"] > 1:
            score["score"] = 1
            score["capped_by"] = [f.rule_id for f in flags]
    data["example_answer"], data["example_removed"] = grounded_example(
        data["example_answer"], request, question
    )
    data["total"] = sum(s["score"] for s in data["scores"].values())
    data["findings"] = {k: [f.to_json() for f in v] for k, v in findings.items()}
    data["gate"] = record.to_json()
    return data

"""The output gate on the bad outputs quoted in issue 26 and on well-formed hand-written ones.

Each rule must fire on what small models actually wrote (``test_gate_real.py`` holds outputs
the starter and SmolLM2 produced) and stay silent on a critique a counselor would sign.
"""

from __future__ import annotations

import copy
import json
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
from desktop.engine.tasks.draft import draft_messages, plain_draft_messages
from desktop.engine.tasks.interview import InterviewQuestion, InterviewRequest, question_messages
from desktop.engine.tasks.interview_feedback import feedback_messages
from desktop.writing.essay import EssayRequest

KOREAN = EssayRequest(
    text="저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다. "
    "현장 직원들과 매일 회의를 하며, 바코드 재확인 절차를 만들었습니다. 귀사에서 역활을 "
    "다하겠습니다.",
    question="지원동기 (700자)",
    company="한빛물류",
    role="운송관리",
    limit=700,
)
ENGLISH = EssayRequest(
    text="I am applying for the Junior Data Analyst role at Daon Bank because I enjoy turning "
    "messy data into decisions. In my internship at a logistics firm, I cleaned 40,000 shipment "
    "records and built a dashboard that cut weekly reporting from six hours to one.",
    question="Why this role? (250-400 words)",
    company="Daon Bank",
    role="Junior Data Analyst",
    lang="en",
)

GOOD_KOREAN: dict[str, Any] = {
    "scores": {
        "question_fit": {"score": 3, "rationale": "지원 동기는 있지만 왜 한빛물류인지가 없습니다."},
        "evidence": {"score": 4, "rationale": "1,200건과 3.5%에서 0.8%라는 수치가 분명합니다."},
        "job_company_fit": {"score": 3, "rationale": "운송관리 업무와의 연결이 한 문장뿐입니다."},
        "structure": {"score": 4, "rationale": "결과를 첫 문장에 두어 읽기 쉽습니다."},
        "distinctiveness": {"score": 3, "rationale": "바코드 재확인 절차는 본인만의 경험입니다."},
        "mechanics": {"score": 2, "rationale": "‘역활’은 ‘역할’로 고쳐야 합니다."},
    },
    "strengths": [
        {"point": "오차율을 낮춘 결과를 수치로 보여 줍니다.",
         "quote": "입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다."},
        {"point": "현장 직원과 함께 절차를 만든 과정이 드러납니다.",
         "quote": "바코드 재확인 절차를 만들었습니다."},
    ],
    "improvements": [
        {"issue": "맞춤법 오류가 있습니다.", "why": "작은 실수도 꼼꼼함을 의심하게 합니다.",
         "suggestion": "‘역활을’을 ‘역할을’로 고치세요.", "severity": "major",
         "quote": "귀사에서 역활을 다하겠습니다."},
        {"issue": "회사 이름 대신 귀사라고 썼습니다.",
         "why": "어느 회사에나 낼 수 있는 글로 읽힙니다.",
         "suggestion": "한빛물류의 운송관리에서 맡고 싶은 일을 구체적으로 쓰세요.",
         "severity": "minor", "quote": ""},
    ],
    "summary": "수치로 된 성과가 분명한 답변입니다. 다만 지원 회사와 직무에 연결하는 문장이 "
    "부족하고 맞춤법 오류가 하나 있습니다.",
    "top_fixes": ["‘역활’을 ‘역할’로 고치기", "한빛물류 운송관리와의 연결 추가"],
}  # fmt: skip

GOOD_ENGLISH: dict[str, Any] = {
    "scores": {
        "question_fit": {"score": 4, "rationale": "It says why the role appeals, with a reason."},
        "evidence": {"score": 5, "rationale": "40,000 records and six hours to one are concrete."},
        "job_company_fit": {"score": 3, "rationale": "Daon Bank itself is named only once."},
        "structure": {"score": 4, "rationale": "The motive comes first, then the proof."},
        "distinctiveness": {"score": 4, "rationale": "The dashboard story is specific to you."},
        "mechanics": {"score": 5, "rationale": "Clean sentences with no spelling slips."},
    },
    "strengths": [
        {"point": "The result is measured: reporting went from six hours to one.",
         "quote": "built a dashboard that cut weekly reporting from six hours to one"},
    ],
    "improvements": [
        {"issue": "Nothing about Daon Bank itself.",
         "why": "The letter could go to any bank as it stands.",
         "suggestion": "Name one Daon Bank product or team and say what you would measure there.",
         "severity": "major", "quote": ""},
    ],
    "summary": "A focused answer with a measured result. Tie it to Daon Bank's own work to make "
    "it specific to this application.",
    "top_fixes": ["Add one sentence on what you would do at Daon Bank."],
}  # fmt: skip


def _judge(data: dict[str, Any], request: EssayRequest) -> list[gate.Verdict]:
    messages = critique_messages(request, [])
    return judge(data, critique_prompt(request, [], messages), request.lang)


def test_well_formed_critiques_pass() -> None:
    assert _judge(GOOD_KOREAN, KOREAN) == []
    assert _judge(GOOD_ENGLISH, ENGLISH) == []


def _with(data: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    target: Any = changed
    keys = path.split(".")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    last = keys[-1]
    target[int(last) if last.isdigit() else last] = value
    return changed


# What the starter model wrote (issue 26), each in one field of an otherwise good critique.
RULE = "고쳐 쓰기 제안에 사용자가 쓰지 않은 숫자, 이름, 날짜를 지어내지 않습니다."
ISSUE_OUTPUTS = [
    ("summary", RULE, gate.PROMPT_COPY),
    ("strengths.0.point", RULE, gate.PROMPT_COPY),
    ("top_fixes.0", "1. 고쳐 쓰는 방법", gate.PROMPT_COPY),
    ("scores.structure.rationale", "두괄식, 소제목, 짧은 문장", gate.PROMPT_COPY),  # the rubric's
    ("improvements.0.issue", "아쉬운점(issue), 이유(why), 고쳐 쓰는 방법(suggestion)",
     gate.SCHEMA_COPY),
    ("top_fixes.0", "Fix first: severity: major (0.", gate.SCHEMA_COPY),
    ("improvements.0.why", "This matters because the reader needs numbers.", gate.WRONG_LANGUAGE),
    ("summary", "근거는 좋지만 회사와의 연결이 (0.", gate.TRUNCATED),
    ("summary", "None", gate.PLACEHOLDER),
]  # fmt: skip


@pytest.mark.parametrize(("path", "text", "reason"), ISSUE_OUTPUTS)
def test_each_bad_field_of_the_issue_is_rejected(path: str, text: str, reason: str) -> None:
    verdicts = _judge(_with(GOOD_KOREAN, path, text), KOREAN)
    assert [v.reason for v in verdicts] == [reason], verdicts


def test_english_bad_fields_are_rejected() -> None:
    bad = _with(GOOD_ENGLISH, "strengths.0.point", "None (0.")
    assert {v.reason for v in _judge(bad, ENGLISH)} == {gate.PLACEHOLDER}
    bad = _with(GOOD_ENGLISH, "scores.mechanics.rationale", "None (0.5)")
    assert {v.reason for v in _judge(bad, ENGLISH)} == {gate.PLACEHOLDER}
    bad = _with(GOOD_ENGLISH, "summary", "수치가 분명한 답변입니다.")
    assert {v.reason for v in _judge(bad, ENGLISH)} == {gate.WRONG_LANGUAGE}
    copied = "Never invent numbers, names or dates the writer did not give."
    bad = _with(GOOD_ENGLISH, "improvements.0.suggestion", copied)
    assert {v.reason for v in _judge(bad, ENGLISH)} == {gate.PROMPT_COPY}


def test_the_same_phrase_in_every_field_is_repeated() -> None:
    phrase = "이 직무에 가장 적합한 역량 2가지"
    data = copy.deepcopy(GOOD_KOREAN)
    for score in data["scores"].values():
        score["rationale"] = phrase
    data["strengths"][0]["point"] = phrase
    data["summary"] = phrase
    reasons = [v.reason for v in _judge(data, KOREAN)]
    assert reasons and set(reasons) == {gate.REPEATED}
    assert len(reasons) == 7  # every field after the first


def test_a_counting_score_vector_is_a_pattern() -> None:
    for vector in ((1, 2, 3, 4, 5, 1), (1, 2, 3, 4, 5, 4)):
        data = copy.deepcopy(GOOD_KOREAN)
        for value, score in zip(vector, data["scores"].values(), strict=True):
            score["score"] = value
        assert [v.reason for v in _judge(data, KOREAN)] == [gate.SCORE_PATTERN]
    assert not gate.counting([3, 4, 3, 2, 4, 3])
    assert not gate.counting([2, 3, 4, 5, 4, 3])  # a rise of four is still a judgement


def test_a_field_that_only_gives_the_essay_back_is_no_judgement() -> None:
    # The starter wrote the essay's own sentence as a strength, a reason and the summary.
    sentence = "현장 직원들과 매일 회의를 하며, 바코드 재확인 절차를 만들었습니다."
    data = _with(GOOD_KOREAN, "strengths.0.point", sentence)
    messages = critique_messages(KOREAN, [])
    verdicts = judge(data, critique_prompt(KOREAN, [], messages), "ko", KOREAN.text)
    assert [v.reason for v in verdicts] == [gate.ESSAY_COPY]
    # A rewrite of the sentence is what a suggestion is, and a point may quote a few words.
    rewrite = _with(GOOD_KOREAN, "improvements.0.suggestion", sentence.replace("매일", "주 1회"))
    assert judge(rewrite, critique_prompt(KOREAN, [], messages), "ko", KOREAN.text) == []
    assert judge(GOOD_KOREAN, critique_prompt(KOREAN, [], messages), "ko", KOREAN.text) == []


def test_a_judgement_in_the_applicants_voice_is_rejected() -> None:
    summary = "This is the summary of my experience at Daon Bank."
    assert {v.reason for v in _judge_with_essay(_with(GOOD_ENGLISH, "summary", summary))} == {
        gate.APPLICANT_VOICE
    }
    reviewer = "In my view the result is clear; I suggest naming the bank's own team."
    assert _judge_with_essay(_with(GOOD_ENGLISH, "summary", reviewer)) == []


def _judge_with_essay(data: dict[str, Any]) -> list[gate.Verdict]:
    prompt = critique_prompt(ENGLISH, [], critique_messages(ENGLISH, []))
    return judge(data, prompt, "en", ENGLISH.text)


def test_a_top_fix_may_restate_an_improvement() -> None:
    data = _with(GOOD_KOREAN, "top_fixes", ["‘역활을’을 ‘역할을’로 고치세요."])
    assert _judge(data, KOREAN) == []


def test_prose_rules_leave_ordinary_text_alone() -> None:
    prompt = instructions(critique_messages(KOREAN, []), [KOREAN.text])
    good = [
        "이 직무와 이 회사에 연결됩니다.",  # a shared rubric phrase, not a copy
        "짧은 문장으로 고치세요.",
        "None of the sub-questions is left unanswered.",
        "Results came in 2023.",
        "STAR 구조로 행동과 결과를 나눠 쓰세요.",
        "Grade A work on the dashboard",
    ]
    for text in good:
        lang = "ko" if gate.korean(text) else "en"
        assert gate.judge_prose([("f", text)], prompt, lang) == [], text


NOTES = "물류센터 아르바이트 1년, 입고 기록 1,200건 분석, 오차율 3.5%→0.8%"
DRAFT_REQUEST = EssayRequest(text="", question="지원동기 (300자)", company="한빛물류",
                             role="운송관리", limit=300)  # fmt: skip


def _judge_draft(raw: str, text: str | None = None) -> set[str]:
    messages = plain_draft_messages(DRAFT_REQUEST, NOTES)
    prompt = instructions(messages, [NOTES, "한빛물류", "운송관리", "지원동기 (300자)"])
    chosen = raw if text is None else text
    return {
        v.reason for v in judge_draft(chosen, raw, NOTES, prompt, header_labels(messages), "ko")
    }


def test_a_draft_that_echoes_the_notes_as_a_list_is_rejected() -> None:
    raw = "1. 물류센터 아르바이트 1년\n2. 입고 기록 1,200건 분석\n3. 오차율 3.5%→0.8%\n4."
    assert gate.NOTES_ECHO in _judge_draft(raw, "물류센터 아르바이트 1년.")
    assert _judge_draft("", "") == {gate.PLACEHOLDER}
    assert gate.HEADER in _judge_draft(
        "회사: 한빛물류\n직무: 운송관리\n저는 물류센터에서 일했습니다."
    )


def test_a_draft_that_invents_figures_repeats_itself_or_restarts_the_prompt_is_rejected() -> None:
    # The starter's draft on a real essay (shortened): a year and a weight nobody wrote, the
    # prompt's "답변:" line, then the same paragraph again.
    paragraph = (
        "우체국은 1965년에 처음으로 크리스마스씰을 판매했습니다. 그가 100kg을 구매했을 때 "
        "많은 사람들이 고마운 마음을 보여 주었습니다."
    )
    raw = f"{paragraph}\n\n답변:\n\n{paragraph}\n\n{paragraph}"
    reasons = _judge_draft(raw, f"{paragraph} {paragraph}")
    assert {gate.FABRICATED, gate.REPEATED, gate.HEADER} <= reasons


def test_a_number_the_notes_spell_out_is_no_invention() -> None:
    from desktop.engine.gate_tasks import spelled_numbers

    assert spelled_numbers("forty people, twenty-one days, One team") == ["40", "21", "1"]
    notes = "I rebuilt the volunteer schedule for a food bank of forty people."
    messages = plain_draft_messages(ENGLISH, notes)
    prompt = instructions(messages, [notes])
    draft = "I rebuilt the volunteer schedule for 40 people and kept it fair for everyone."
    assert judge_draft(draft, draft, notes, prompt, header_labels(messages), "en") == []
    starts = "They trusted the new schedule. Our forty people kept their shifts."
    assert judge_draft(starts, starts, notes, prompt, header_labels(messages), "en") == []
    invented = "I joined in 2017 and rebuilt the schedule for 40 people."
    verdicts = judge_draft(invented, invented, notes, prompt, header_labels(messages), "en")
    assert [v.reason for v in verdicts] == [gate.FABRICATED] and "2017" in verdicts[0].text


def test_a_prose_draft_passes() -> None:
    text = (
        "[오차를 줄이는 운송관리자] 저는 물류센터 아르바이트를 하며 입고 기록 1,200건을 "
        "분석했습니다. 그 결과 오차율을 3.5%에서 0.8%로 낮췄습니다. 한빛물류의 운송관리에서도 "
        "기록에서 원인을 찾는 습관으로 기여하겠습니다."
    )
    assert _judge_draft(text) == set()
    messages = draft_messages(DRAFT_REQUEST, NOTES, 255)
    assert "회사" in header_labels(messages)


CONTACT = " 연락처는 010-1234-5678입니다."
INTERVIEW = InterviewRequest.from_json(
    {"company": "한빛물류", "role": "운송관리",
     "answers": [{"question": "지원동기", "answer": KOREAN.text + CONTACT}]}
)  # fmt: skip


def test_interview_questions_on_contact_details_are_dropped() -> None:
    prompt = instructions(question_messages(INTERVIEW, 5), [INTERVIEW.essay])
    bad = (
        "‘연락처는 010-1234-5678입니다.’ 부분에서, 그 결과를 얻기 위해 본인이 직접 한 일은 "
        "무엇이었나요?"
    )
    assert [v.reason for v in judge_question(bad, "", prompt, "ko")] == [gate.PII]
    good = "오차율을 3.5%에서 0.8%로 낮춘 방법을 설명해 주시겠습니까?"
    assert judge_question(good, "오차율을 3.5%에서 0.8%로 낮췄습니다", prompt, "ko") == []


def test_the_essays_own_questions_skip_contact_details() -> None:
    from desktop.engine.tasks.interview import seed_questions

    assert not any("010" in q.text for q in seed_questions(INTERVIEW))


def _feedback(data: dict[str, Any], spoken: str) -> set[str]:
    question = InterviewQuestion("오차율을 어떻게 낮췄나요?", "오차율을 3.5%에서 0.8%로 낮췄습니다")
    messages = feedback_messages(INTERVIEW, question, spoken, {})
    prompt = instructions(messages, [INTERVIEW.essay, question.text, question.source, spoken])
    return {v.reason for v in judge_feedback(data, prompt, "ko", spoken, INTERVIEW.essay)}


GOOD_FEEDBACK: dict[str, Any] = {
    "scores": {
        "accuracy": {"score": 2, "rationale": "문장이 분명하고 수치를 정확히 말했습니다."},
        "relevance": {"score": 2, "rationale": "질문에 바로 답했습니다."},
        "consistency": {"score": 2, "rationale": "자기소개서의 수치와 같습니다."},
        "richness": {"score": 1, "rationale": "본인이 한 일을 한 가지 더 말하면 좋습니다."},
    },
    "advice": "결과를 먼저 말한 점이 좋습니다. 직원들을 설득한 과정을 덧붙여 보세요.",
    "example_answer": "입고 기록 1,200건을 분석해 오차 원인을 찾았습니다.",
}
SPOKEN = (
    "입고 기록 1,200건을 분석해 원인을 찾았고, 바코드 재확인 절차를 만들어 오차율을 낮췄습니다."
)


def test_interview_feedback() -> None:
    assert _feedback(GOOD_FEEDBACK, SPOKEN) == set()
    english = _with(GOOD_FEEDBACK, "advice", "Lead with the result, then explain your role in it.")
    assert _feedback(english, SPOKEN) == {gate.WRONG_LANGUAGE}
    cut = _with(GOOD_FEEDBACK, "advice", "결과를 먼저 말하고, 본인이 한 일을")
    assert _feedback(cut, SPOKEN) == {gate.TRUNCATED}
    zero = copy.deepcopy(GOOD_FEEDBACK)
    for score in zero["scores"].values():
        score["score"] = 0
    assert _feedback(zero, SPOKEN) == {gate.SCORE_PATTERN}  # 0/8 on a correct answer
    assert _feedback(zero, "잘 모르겠습니다.") == set()  # 0/8 on no answer is fair
    # SmolLM2's advice on two real essays, which passed every other rule
    assert _feedback(_with(GOOD_FEEDBACK, "advice", "답함"), SPOKEN) == {gate.FRAGMENT}
    assert _feedback(_with(GOOD_FEEDBACK, "advice", "당신 조언"), SPOKEN) == {gate.FRAGMENT}


def test_continuations_that_leak_the_prompt_or_a_name_are_rejected() -> None:
    source = KOREAN.source_text()
    labels = {"회사", "직무", "문항"}
    assert judge_candidate("\n회사: 한빛물류", source, labels) == gate.HEADER
    assert judge_candidate(" 취업정보: 동아일보", source, labels) == gate.HEADER
    assert judge_candidate(" 이후 동아일보에 소개되었습니다.", source, labels) == gate.UNKNOWN_NAME
    assert judge_candidate(" 꼼꼼함을 꼽을 수 있습니다.", source, labels) is None
    assert judge_candidate(" 한빛물류에서도 그 습관을 살리겠습니다.", source, labels) is None
    english = ENGLISH.source_text()
    en_labels = {"company", "role", "question"}
    assert judge_candidate(" like to work with the production team.", english, en_labels) is None
    assert judge_candidate(" I joined Northwind Logistics in spring.", english, en_labels) == (
        gate.UNKNOWN_NAME
    )
    assert judge_candidate(" Daon Bank trusts its analysts.", english, en_labels) is None


def test_verdicts_serialise() -> None:
    verdict = gate.Verdict(gate.PII, "question", "x" * 300)
    assert len(json.dumps(verdict.to_json())) < 200


def test_jaso_critique_without_a_model_gives_the_analysis() -> None:
    import subprocess
    import sys

    request = {"text": KOREAN.text, "question": KOREAN.question, "company": KOREAN.company,
               "role": KOREAN.role, "analyzer": False}  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "desktop", "critique", "--json", "--no-model"],
        input=json.dumps(request), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["source"] == "analysis" and result["improvements"] and "gate" not in result
    missing = subprocess.run(
        [sys.executable, "-m", "desktop", "critique", "--json"],
        input=json.dumps(request), capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert missing.returncode == 2 and "--model" in missing.stderr


def test_markup_is_a_web_pages_tags_not_an_essays_brackets() -> None:
    assert gate.markup("<blockquote>크리스마스를 기념하기 위해")
    assert gate.markup("좋은 답변입니다.<br/>다만 수치가 없습니다.")
    assert gate.markup("```json\n{}\n```")
    # what real essays write: brackets around a skill, a hashtag heading, a comparison
    assert not gate.markup("저는 <Python>과 <직무역량>을 길렀습니다.")
    assert not gate.markup("# 꼼꼼함\n사소한 부분도 놓치지 않습니다.")
    assert not gate.markup("오차율 < 1%를 목표로 삼았고 3 > 2입니다.")


def test_a_phrase_in_every_field_and_a_bracket_left_open_are_caught() -> None:
    """What SmolLM2 wrote on a real essay and the gate of the time let through: one phrase as
    strength, issue, why and summary; rationales cut inside a bracket; a summary of one word."""
    fields = [("strengths.0.point", "당역(학습)"), ("improvements.0.issue", "당역(학습)"),
              ("improvements.0.why", "당역(학습)"), ("summary", "당역(학습)")]  # fmt: skip
    assert [name for name, _ in gate.repeated(fields)] == [n for n, _ in fields[1:]]
    # two fields may share a short label (an issue and its top fix)
    assert not gate.repeated(
        [("improvements.0.issue", "글자수 부족"), ("top_fixes.0", "글자수 부족")]
    )
    assert gate.truncated("교육심리(결") and gate.truncated("분량(어떠한")
    assert not gate.truncated("지원 동기(입사 후 포부 포함)를 먼저 쓰세요.")
    assert gate.fragment("당역(학습)", "ko") and gate.fragment("Good.", "en")
    assert not gate.fragment("수치가 분명한 좋은 답변입니다. 다만 회사와의 연결이 약합니다.", "ko")

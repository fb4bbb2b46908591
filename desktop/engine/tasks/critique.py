"""Per-question critique: the rubric of DOMAIN.md §3 as constrained, validated JSON.

The offline findings go into the prompt as facts (the model must not recount or contradict
them); quotes are anchored to the answer afterwards, and a quote that is not in the answer loses
its anchor.
"""

from __future__ import annotations

import copy
from typing import Any, Final

import regex

from desktop.engine.backend import Backend, Message
from desktop.engine.structured import generate_json_reply
from desktop.engine.tasks.critique_schema import DIMENSION_NAMES, DIMENSIONS, SCHEMA
from desktop.engine.tasks.essay import EssayRequest
from desktop.engine.tasks.io import TaskIO
from desktop.writing.anchors import spaced_pattern
from desktop.writing.checks import run_checks
from desktop.writing.flags import Flag

MAX_FINDINGS: Final = 15
_SYSTEM_KO: Final = """당신은 채용 담당자의 눈으로 자기소개서를 첨삭하는 전문가입니다.
여섯 기준을 1–5점으로 평가하고 각각 짧은 근거를 씁니다:
{rubric}
좋은점(strengths), 아쉬운점(improvements: issue, why, suggestion, severity는 critical/major/minor),
총평(summary, 2–3문장), 가장 먼저 고칠 점(top_fixes)을 한국어로 씁니다.
quote에는 답변에서 글자 그대로 옮긴 짧은 구절을 쓰고, 해당 구절이 없으면 빈 문자열을 씁니다.
'자동 점검 결과'는 확인된 사실입니다. 글자 수를 다시 세거나 그 결과와 어긋나게 쓰지 않습니다.
고쳐 쓰기 제안에 사용자가 쓰지 않은 숫자, 이름, 날짜를 지어내지 않습니다.
JSON 하나로만 답합니다: {{"scores": {{"question_fit": {{"score": 1-5, "rationale": "…"}}, …}},
"strengths": [{{"point", "quote"}}], "improvements": [{{"issue", "why", "suggestion", "severity",
"quote"}}], "summary": "…", "top_fixes": ["…"]}}"""
_SYSTEM_EN: Final = """You review job-application essays as a hiring manager would.
Score six dimensions 1-5, each with a short rationale:
{rubric}
Write strengths, improvements (issue, why, suggestion, severity critical/major/minor), a 2-3
sentence summary and the top fixes, in English.
A quote is a short passage copied verbatim from the answer, or an empty string.
The automatic findings are established facts: do not recount characters or contradict them.
Never invent numbers, names or dates the writer did not give.
Answer with one JSON object: {{"scores": {{"question_fit": {{"score": 1-5, "rationale": "…"}}, …}},
"strengths": [{{"point", "quote"}}], "improvements": [{{"issue", "why", "suggestion", "severity",
"quote"}}], "summary": "…", "top_fixes": ["…"]}}"""
_RUBRIC: Final = {
    "question_fit": ("모든 하위 질문에 답했는가", "every sub-question answered, nothing off-topic"),
    "evidence": ("본인 역할, 행동, 숫자, 결과(STAR)", "own role, actions, numbers, result (STAR)"),
    "job_company_fit": ("이 직무와 이 회사에 연결되는가", "tied to this role and this company"),
    "structure": ("두괄식, 소제목, 짧은 문장", "key point first, headline, short sentences"),
    "distinctiveness": ("상투어 없이 자기만의 이야기인가", "personal, no clichés, defensible"),
    "mechanics": (
        "회사명, 맞춤법, 합쇼체, 분량, 블라인드 채용",
        "right company name, spelling, within limit, blind-hiring safe",
    ),
}


def critique_messages(request: EssayRequest, findings: list[Flag]) -> list[Message]:
    korean = request.lang != "en"
    rubric = "\n".join(
        f"- {name} ({DIMENSION_NAMES[name][0 if korean else 1]}): "
        f"{_RUBRIC[name][0 if korean else 1]}"
        for name in DIMENSIONS
    )
    system = (_SYSTEM_KO if korean else _SYSTEM_EN).format(rubric=rubric)
    labels = (
        ("회사", "직무", "문항", "분량", "자동 점검 결과", "답변", "없음")
        if korean
        else ("Company", "Role", "Question", "Length", "Automatic findings", "Answer", "none")
    )
    facts = [
        f"- [{flag.rule_id}] {flag.message}"
        + (f" «{request.text[flag.start : flag.end][:40]}»" if flag.end > flag.start else "")
        for flag in findings[:MAX_FINDINGS]
    ]
    user = "\n".join(
        [
            f"{labels[0]}: {request.company}",
            f"{labels[1]}: {request.role}",
            f"{labels[2]}: {request.question}",
            f"{labels[3]}: {request.limit_line() or labels[6]}",
            f"{labels[4]}:",
            *(facts or [f"- {labels[6]}"]),
            "",
            f"{labels[5]}:",
            "<<<",
            request.text,
            ">>>",
        ]
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


def anchor(answer: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``answer``: verbatim, else with any whitespace; None if absent."""
    quote = quote.strip().strip("\"'“”‘’«»")
    if len(quote) < 2:
        return None
    at = answer.find(quote)
    if at >= 0:
        return at, at + len(quote)
    pattern = spaced_pattern(quote)
    match = regex.search(pattern, answer) if pattern else None
    return (match.start(), match.end()) if match else None


def add_anchors(data: dict[str, Any], answer: str) -> dict[str, Any]:
    """A copy of the critique with ``start``/``end`` on every item (None where unanchored)."""
    result = copy.deepcopy(data)
    for key in ("strengths", "improvements"):
        for item in result[key]:
            found = anchor(answer, item.get("quote", ""))
            item["start"], item["end"] = found if found else (None, None)
    return result


def critique(
    backend: Backend,
    request: EssayRequest,
    io: TaskIO,
    *,
    seed: int | None = 0,
    ui_lang: str | None = None,
    max_tokens: int | None = None,
) -> dict[str, Any]:
    """The critique of ``request.text``, validated against ``SCHEMA`` and anchored.

    ``max_tokens`` defaults to all the context the prompt leaves (see ``generate_json_reply``).
    """
    findings = run_checks(request.text, request.check_context(ui_lang or request.lang))
    data = generate_json_reply(
        backend, critique_messages(request, findings), SCHEMA, io.cancel, io.on_progress,
        temperature=0.3, repeat_penalty=1.05, seed=seed, max_tokens=max_tokens,
    )  # fmt: skip
    result = add_anchors(data, request.text)
    result["findings"] = [flag.to_json() for flag in findings]
    return result

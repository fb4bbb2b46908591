"""Per-question critique: the rubric of DOMAIN.md §3 as constrained, validated JSON.

The offline findings go into the prompt as facts (the model must not recount or contradict
them); quotes are anchored to the answer afterwards, and a quote that is not in the answer loses
its anchor.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Final, TypeVar

import regex

from desktop.critique_types import (
    DIMENSION_NAMES,
    DIMENSIONS,
    CritiqueData,
    GateReport,
    Improvement,
    Item,
    ItemKey,
    Strength,
    as_critique,
    items_of,
)
from desktop.engine.backend import Backend, Message
from desktop.engine.errors import OutputRejected, PromptTooLong
from desktop.engine.gate import Instructions, Verdict
from desktop.engine.gate_tasks import GateRecord, instructions, judge_critique
from desktop.engine.schema_budget import tokens_per_char
from desktop.engine.structured import InvalidStructuredOutput, generate_json_reply
from desktop.engine.tasks.critique_schema import (
    PROSE,
    SCHEMA,
    schema_for,
)
from desktop.engine.tasks.io import TaskIO
from desktop.messages import say
from desktop.writing.analysis_critique import analysis_critique, combine
from desktop.writing.anchors import spaced_pattern
from desktop.writing.checks import merge_flags, run_checks
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import Flag, errors
from desktop.writing.sentences import sentence_spans
from desktop.writing.similar import near_duplicate
from desktop.writing.subasks import sub_asks

MAX_FINDINGS: Final = 15
# What the progress calls the part of the answer the model is writing (the Review panel and
# the batch bar show it): the scores first, then the prose.
PHASES: Final = {
    "scores": "scoring",
    "strengths": "writing",
    "improvements": "writing",
    "summary": "writing",
    "top_fixes": "writing",
}
INVALID: Final = "invalid_json"  # no attempt was valid JSON for the schema (not a gate reason)
AnyItem = TypeVar("AnyItem", Strength, Improvement)
# The answer's form is described in words, never as a JSON example with "…" values: small
# models copy an example's placeholders ("point": "quote", "rationale": "…") into the answer.
_SYSTEM_KO: Final = """당신은 채용 담당자의 눈으로 자기소개서를 첨삭하는 전문가입니다.
여섯 기준을 1–5점으로 평가하고 각각 한 문장으로 근거를 씁니다:
{rubric}
좋은점(strengths)은 답변이 잘한 점, 아쉬운점(improvements)은 문제(issue), 이유(why),
고쳐 쓰는 방법(suggestion), 심각도(severity: critical, major, minor)입니다. 항목마다 서로 다른
내용을 씁니다. 총평(summary)은 2–3문장, 가장 먼저 고칠 점(top_fixes)은 1–3개입니다. 모두 한국어로
씁니다.
quote에는 그 항목의 근거가 된 답변의 문장을 글자 그대로 옮기고, 없으면 빈 문자열을 씁니다.
'자동 점검 결과'는 확인된 사실입니다. 글자 수를 다시 세거나 그 결과와 어긋나게 쓰지 않습니다.
고쳐 쓰기 제안에 사용자가 쓰지 않은 숫자, 이름, 날짜를 지어내지 않습니다.
답은 JSON 객체 하나이고 키는 scores, strengths, improvements, summary, top_fixes입니다."""
_SYSTEM_EN: Final = """You review job-application essays as a hiring manager would.
Score six dimensions 1-5, each with a one-sentence rationale:
{rubric}
Strengths are what the answer does well. Improvements each name the issue, why it matters, a
suggestion for rewriting and a severity (critical, major or minor). Every item says something
different. Then a 2-3 sentence summary and the top 1-3 fixes, all in English.
A quote copies, verbatim, the sentence of the answer an item is about, or is an empty string.
The automatic findings are established facts: do not recount characters or contradict them.
Never invent numbers, names or dates the writer did not give.
Answer with one JSON object with the keys scores, strengths, improvements, summary, top_fixes."""
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
        ("회사", "직무", "문항", "분량", "자동 점검 결과", "답변", "없음", "문항이 묻는 것")
        if korean
        else ("Company", "Role", "Question", "Length", "Automatic findings", "Answer", "none",
              "What the question asks")
    )  # fmt: skip
    asks = sub_asks(request.question)
    facts = [
        f"- [{flag.rule_id}] {flag.message}"
        + (f" «{request.text[flag.start : flag.end][:40]}»" if flag.end > flag.start else "")
        for flag in errors(findings)[:MAX_FINDINGS]  # hints are advice, not facts
    ]
    user = "\n".join(
        [
            f"{labels[0]}: {request.company}",
            f"{labels[1]}: {request.role}",
            f"{labels[2]}: {request.question}",
            *([f"{labels[7]}: " + "; ".join(ask.text for ask in asks)] if len(asks) > 1 else []),
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


def add_anchors(data: CritiqueData, answer: str) -> CritiqueData:
    """A copy of the critique with ``start``/``end`` on every item (None where unanchored)."""
    result = copy.deepcopy(data)
    for _key, item in items_of(result):
        found = anchor(answer, item.get("quote", ""))
        item["start"], item["end"] = found if found else (None, None)
    return result


def _item_text(key: ItemKey, item: Item) -> str:
    if key == "strengths":
        return str(item.get("point", ""))
    return f"{item.get('issue', '')} {item.get('suggestion', '')}"


_PROSE_LIMITS: Final = {
    "rationale": 100, "point": 120, "issue": 80, "why": 120, "suggestion": 160, "summary": 250,
}  # fmt: skip


# A phrase of up to six words said three or more times in a row: "(yes/no) (yes/no) (yes/no)".
_LOOP: Final = regex.compile(r"(\S+(?:\s+\S+){0,5}?)(?:\s+\1){2,}")


def tidy(text: str, limit: int) -> str:
    """A generated string without sentences said twice, and, when it ran into its length
    bound mid-sentence, cut back to its last whole sentence (or word)."""
    seen: set[str] = set()
    sentences = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        key = "".join(regex.findall(r"[\p{L}\p{N}]+", sentence)).casefold()
        if key not in seen:
            seen.add(key)
            sentences.append(sentence)
    result = _LOOP.sub(r"\1", " ".join(sentences))
    if len(text) >= limit and result and result[-1] not in ".!?。…":
        ends = [i + 1 for i, ch in enumerate(result) if ch in ".!?。" and i > len(result) // 3]
        if ends:
            result = result[: ends[-1]]
        elif " " in result.strip():
            result = result.rsplit(" ", 1)[0]
    return result if len(result) >= PROSE else text


def tidy_critique(data: CritiqueData) -> CritiqueData:
    result = copy.deepcopy(data)
    for score in result.get("scores", {}).values():
        score["rationale"] = tidy(score["rationale"], _PROSE_LIMITS["rationale"])
    for strength in result.get("strengths", []):
        strength["point"] = tidy(strength["point"], _PROSE_LIMITS["point"])
    for improvement in result.get("improvements", []):
        improvement["issue"] = tidy(improvement["issue"], _PROSE_LIMITS["issue"])
        improvement["why"] = tidy(improvement["why"], _PROSE_LIMITS["why"])
        improvement["suggestion"] = tidy(improvement["suggestion"], _PROSE_LIMITS["suggestion"])
    if "summary" in result:
        result["summary"] = tidy(result["summary"], _PROSE_LIMITS["summary"])
    result["top_fixes"] = [tidy(fix, 100) for fix in result.get("top_fixes", [])]
    return result


def _merged(key: ItemKey, items: list[AnyItem]) -> tuple[list[AnyItem], int]:
    kept: list[AnyItem] = []
    for item in items:
        twin = next(
            (k for k in kept if near_duplicate(_item_text(key, k), _item_text(key, item))), None
        )
        if twin is None:
            kept.append(item)
        elif not twin.get("quote") and item.get("quote"):
            twin["quote"] = item["quote"]
    return kept, len(items) - len(kept)


def merge_duplicates(data: CritiqueData) -> tuple[CritiqueData, int]:
    """The critique with near-identical strengths, improvements and top fixes merged (the first
    kept, given a later one's quote if it had none); and how many items were dropped."""
    result = copy.deepcopy(data)
    result["strengths"], dropped = _merged("strengths", result.get("strengths", []))
    result["improvements"], more = _merged("improvements", result.get("improvements", []))
    dropped += more
    fixes: list[str] = []
    for fix in result.get("top_fixes", []):
        if any(near_duplicate(fix, other) for other in fixes):
            dropped += 1
        else:
            fixes.append(fix)
    result["top_fixes"] = fixes
    return result, dropped


def critique_prompt(
    request: EssayRequest, findings: list[Flag], messages: list[Message]
) -> Instructions:
    """The critique prompt's own words for the gate: without the answer, the application, the
    findings' messages; the rubric's descriptions marked as words a reviewer may echo."""
    user = [request.text, request.company, request.role, request.question]
    user += [flag.message for flag in findings] + [ask.text for ask in sub_asks(request.question)]
    user += [request.text[flag.start : flag.end][:40] for flag in findings]  # quoted in the facts
    rubric = [text for pair in _RUBRIC.values() for text in pair]
    rubric += [name for pair in DIMENSION_NAMES.values() for name in pair]
    return instructions(messages, user, rubric)


def judge(data: object, prompt: Instructions, lang: str, essay: str = "") -> list[Verdict]:
    """The gate's verdicts on a critique as the user would see it (tidied, merged)."""
    shown, _ = merge_duplicates(tidy_critique(as_critique(data)))
    return judge_critique(shown, prompt, "en" if lang == "en" else "ko", DIMENSIONS, essay)


def gate_report(record: GateRecord) -> GateReport:
    report: GateReport = {
        "passed": record.passed,
        "rejected": dict(sorted(record.rejected.items())),
    }
    if record.verdicts:
        report["verdicts"] = [v.to_json() for v in record.verdicts[:12]]
    if not record.passed and record.rejected:
        report["message"] = say(
            "이 모델의 첨삭은 점검을 통과하지 못해 보여 드리지 않습니다 "
            f"({record.reasons()}). 아래는 자동 분석입니다.",
            f"This model's critique failed the output check ({record.reasons()}) and is not "
            "shown. Below is the automatic analysis.",
        )
    return report


def request_findings(request: EssayRequest, ui_lang: str | None = None) -> list[Flag]:
    """The offline checks' findings on the answer, with the Korean analyzer's it came with."""
    return merge_flags(
        run_checks(request.text, request.check_context(ui_lang or request.lang)),
        list(request.analyzer_findings),
    )


def analysis_only(request: EssayRequest, ui_lang: str | None = None) -> CritiqueData:
    """The automatic analysis alone: the critique without any model (none is loaded, or the
    one loaded did not qualify)."""
    return analysis_critique(request, request_findings(request, ui_lang))


@dataclass(frozen=True)
class Interim:
    """The critique shown while the model still writes (an event of the critique task): the
    automatic analysis, there a second after Review; the model's part follows once it has
    passed the gate, never before."""

    data: CritiqueData


def critique(
    backend: Backend | None,
    request: EssayRequest,
    io: TaskIO,
    *,
    seed: int | None = 0,
    ui_lang: str | None = None,
    max_tokens: int | None = None,
    use_model: bool = True,
) -> CritiqueData:
    """The critique of ``request.text``: the automatic analysis (``analysis_critique``) with
    the model's prose on top (``combine``) when the model's answer, validated against
    ``SCHEMA`` and anchored, passes the output gate (``engine/gate``).

    A rejected answer is sampled again within the attempt budget; when none passes, the result
    is the analysis alone, its ``gate`` saying why. ``use_model=False`` (or no backend) returns
    the analysis without calling the model. ``max_tokens`` defaults to all the context the
    prompt leaves (see ``generate_json_reply``).
    """
    findings = request_findings(request, ui_lang)
    analysis = analysis_critique(request, findings)
    if not use_model or backend is None:
        return analysis
    io.on_event(Interim(copy.deepcopy(analysis)))
    record = GateRecord()
    try:
        model = model_critique(backend, request, io, findings, record, seed, max_tokens)
    except (OutputRejected, InvalidStructuredOutput) as exc:
        if isinstance(exc, InvalidStructuredOutput):
            record.rejected[INVALID] += 1
        analysis["gate"] = gate_report(record)
        return analysis
    except PromptTooLong as exc:
        # The answer does not fit this model's context (SmolLM2 reads a 1,000-character Korean
        # answer as 4,500 tokens): the analysis still reviews it, and says why it is alone.
        analysis["gate"] = gate_report(record)
        analysis["gate"]["message"] = say(
            f"이 답변은 모델의 문맥에 들어가지 않아 자동 분석만 보여 드립니다. ({exc})",
            f"This answer does not fit the model's context; below is the automatic analysis. "
            f"({exc})",
        )
        return analysis
    result = combine(analysis, model)
    result["gate"] = gate_report(record)
    # the model's own scores, before combine: a batch compares them across answers
    result["gate"]["scores"] = {name: s["score"] for name, s in model["scores"].items()}
    return result


def model_critique(
    backend: Backend,
    request: EssayRequest,
    io: TaskIO,
    findings: list[Flag],
    record: GateRecord,
    seed: int | None = 0,
    max_tokens: int | None = None,
) -> CritiqueData:
    """The model's own critique, tidied, merged and anchored, once it passed the gate;
    ``OutputRejected`` when no attempt did (``record`` gets the verdicts either way)."""
    # Constrained decoding makes every quote one of the answer's spans; a backend without it is
    # told the plain schema, and a quote it made up loses its anchor below.
    schema = schema_for(request.text, request.lang) if backend.capabilities.json_schema else SCHEMA
    messages = critique_messages(request, findings)
    prompt = critique_prompt(request, findings, messages)
    attempts: list[int] = []

    def judged(data: object) -> list[Verdict]:
        verdicts = judge(data, prompt, request.lang, request.text)
        if verdicts:
            record.reject(verdicts)
        return verdicts

    data = generate_json_reply(
        backend, messages, schema, io.cancel, io.on_progress,
        temperature=0.3, repeat_penalty=1.05, seed=seed, max_tokens=max_tokens,
        attempts=attempts, per_char=tokens_per_char(backend, request.text), judge=judged,
        phases=PHASES,
    )  # fmt: skip
    record.passed = True
    data, merged = merge_duplicates(tidy_critique(as_critique(data)))
    result = add_anchors(data, request.text)
    result["findings"] = [flag.to_json() for flag in findings]
    result["generation"] = {"attempts": attempts[0] if attempts else 1, "merged": merged}
    return result

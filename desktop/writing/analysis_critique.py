"""A critique without a model: the rubric's six scores from measured signals and the offline
checks' findings, 아쉬운점 from the findings with their quotes and the rule's own rewrite, 좋은점
from measured strengths, a 총평 in the essay's language (DOMAIN.md §3). Like 사람인's AI 자소서
코칭, it needs no language model: 글자수 부족, 반복 단어, 진부한 표현, 근거·수치 부족, 긴 문장,
구어체 are counted, not guessed.

``analysis_critique`` is what every review shows when the model cannot critique;
``combine`` lays a qualified model's prose on top of it without letting the model contradict
it. The mapping from signals to scores is ``docs/analysis_critique.md`` (and
``analysis_scores``); the signals are ``analysis_signals``; the items ``analysis_items``.
"""

from __future__ import annotations

import copy
from typing import Final

from desktop.critique_types import (
    DIMENSION_NAMES,
    DIMENSIONS,
    CritiqueData,
    Improvement,
    Score,
    Strength,
)
from desktop.writing.analysis_items import improvements, strengths
from desktop.writing.analysis_scores import Facts, scores
from desktop.writing.analysis_signals import measure
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import HINT, SEVERITIES, Flag
from desktop.writing.josa import particle_for
from desktop.writing.similar import near_duplicate

MAX_TOP_FIXES: Final = 3
FIX_CHARS: Final = 100
# combine: how far a model may move an analysis score, per dimension. Evidence and mechanics
# are counted facts (figures, actions, spelling, limit), so a model cannot move them; the
# others are partly a reader's judgement, so a qualified model may move them by one point.
MODEL_SCORE_STEP: Final = {
    "question_fit": 1,
    "evidence": 0,
    "job_company_fit": 1,
    "structure": 1,
    "distinctiveness": 1,
    "mechanics": 0,
}
# Of dimensions with the same top score the summary praises the first: content before form.
_PRAISE_ORDER: Final = (
    "evidence", "job_company_fit", "question_fit", "distinctiveness", "structure", "mechanics",
)  # fmt: skip
# A model strength quoting a passage the analysis faults at one of these severities is dropped.
_ERROR_SEVERITIES: Final = ("critical", "major")


def analysis_critique(request: EssayRequest, findings: list[Flag]) -> CritiqueData:
    """The critique of ``request.text`` from ``findings`` (``run_checks`` merged with the
    analyzer's, as the model critique computes them) and what ``measure`` finds in the text."""
    # Hints (the style rules: clichés, long sentences, repetition, hedges, sub-asks, the lead)
    # are signals the scores count and minor points at most; other severities are as found.
    facts = Facts(tuple(flag for flag in findings if flag.severity in (*SEVERITIES, HINT)))
    unanswered = tuple(flag.ref for flag in facts.of("Q.SUBASK"))
    signals = measure(request, unanswered)
    score_map = scores(signals, facts)
    fixes = improvements(request, facts, signals)
    good = strengths(request, facts, signals)
    lang = "en" if request.lang == "en" else "ko"
    return {
        "scores": score_map,
        "strengths": good,
        "improvements": fixes,
        "summary": summary(lang, score_map, fixes),
        "top_fixes": top_fixes(fixes),
        "findings": [flag.to_json() for flag in findings],
        "source": "analysis",
    }


def _name(dimension: str, lang: str) -> str:
    return DIMENSION_NAMES[dimension][1 if lang == "en" else 0]


def _verdict(mean: float, lang: str) -> str:
    """The overall verdict, without its ending (Korean "…답변", English "A … answer")."""
    table = (
        (4.2, "완성도가 높은 답변", "A strong answer"),
        (3.5, "기본을 갖춘 답변", "A solid answer with room to improve"),
        (2.7, "보완할 점이 여러 곳 있는 답변", "An answer that needs work in places"),
        (0.0, "제출 전에 크게 손봐야 하는 답변", "An answer that needs real revision"),
    )
    for bound, ko, en in table:
        if mean >= bound:
            return en if lang == "en" else ko
    return ""


def summary(lang: str, score_map: dict[str, Score], fixes: list[Improvement]) -> str:
    """Two or three sentences: the verdict with the strongest dimension (when it is good), the
    weakest one and why, and what to fix first."""
    values = {name: score_map[name]["score"] for name in DIMENSIONS}
    mean = sum(values.values()) / len(values)
    best = max(_PRAISE_ORDER, key=lambda n: values[n])
    worst = min(DIMENSIONS, key=lambda n: values[n])
    verdict = _verdict(mean, lang)
    best_name, worst_name = _name(best, lang), _name(worst, lang)
    praise = values[best] >= 4 and values[best] > values[worst]
    if lang == "en":
        parts = [
            f"{verdict}, strongest on {best_name.lower()} ({values[best]}/5)."
            if praise else f"{verdict}."
        ]  # fmt: skip
    else:
        parts = [
            f"{verdict}으로, {best_name}{particle_for(best_name, '이/가')} 가장 좋습니다"
            f"({values[best]}/5)."
            if praise else f"{verdict}입니다."
        ]  # fmt: skip
    if values[worst] < values[best] and values[worst] <= 3:
        why = score_map[worst]["rationale"].rstrip(".")
        parts.append(
            f"{worst_name} is weakest ({values[worst]}/5): {why}."
            if lang == "en"
            else f"{worst_name}{particle_for(worst_name, '은/는')} 보완이 필요합니다"
            f"({values[worst]}/5): {why}."
        )
    if fixes:
        issue = fixes[0]["issue"]
        if lang == "en":
            urgent = (
                "Before sending it, fix" if fixes[0]["severity"] == "critical" else "Start with"
            )
            parts.append(f"{urgent}: {issue}.")
        elif fixes[0]["severity"] == "critical":
            parts.append(f"제출 전에 반드시 '{issue}'부터 고치세요.")
        else:
            parts.append(f"먼저 '{issue}'부터 손보세요.")
    return " ".join(parts)


def top_fixes(fixes: list[Improvement]) -> list[str]:
    """The first improvements as one line each: the issue and, where it fits whole, the rule's
    concrete fix (never cut mid-sentence)."""
    lines = []
    for item in fixes[:MAX_TOP_FIXES]:
        first = item["suggestion"].split(": ")[0].split(". ")[0].strip()
        if first and not first.endswith((".", "'")):
            first += "."
        line = f"{item['issue']}: {first}" if first else item["issue"]
        lines.append(line if len(line) <= FIX_CHARS else item["issue"])
    return lines


# Combining a model's critique with the analysis --------------------------------------------


def _moved(analysis: Score, model: Score | None, step: int) -> Score:
    """The analysis's score, moved at most ``step`` toward the model's (whose rationale is then
    added to the analysis's)."""
    kept: Score = {"score": analysis["score"], "rationale": analysis["rationale"]}
    target = model.get("score") if model is not None else None
    if model is None or step == 0 or not isinstance(target, int):
        return kept
    value = analysis["score"] + max(-step, min(step, target - analysis["score"]))
    if value == analysis["score"]:
        return kept
    rationale = f"{analysis['rationale']} {model.get('rationale', '')}".strip()
    return {"score": max(1, min(5, value)), "rationale": rationale}


def _error_spans(analysis: CritiqueData) -> list[tuple[int, int, str]]:
    """Where the analysis found an error: its findings' spans and its improvements' quotes."""
    spans = [
        (int(f["start"]), int(f["end"]), "")
        for f in analysis.get("findings", [])
        if f.get("severity") in _ERROR_SEVERITIES and f.get("end", 0) > f.get("start", 0)
    ]
    for item in analysis.get("improvements", []):
        if item.get("severity") in _ERROR_SEVERITIES and item.get("quote"):
            start, end = item.get("start"), item.get("end")
            if start is not None and end is not None:
                spans.append((start, end, item["quote"]))
    return spans


def _quotes_error(item: Strength, spans: list[tuple[int, int, str]]) -> bool:
    quote = item.get("quote", "").strip()
    if not quote:
        return False
    start, end = item.get("start"), item.get("end")
    for low, high, text in spans:
        if start is not None and end is not None and start < high and low < end:
            return True
        if text and (quote in text or text in quote):
            return True
    return False


def _improvement_text(item: Improvement) -> str:
    return f"{item.get('issue', '')} {item.get('suggestion', '')}"


def _lang(analysis: CritiqueData) -> str:
    """The language the analysis wrote in (its summary is in the essay's language)."""
    text = analysis.get("summary", "")
    return "ko" if any("\uac00" <= ch <= "\ud7a3" for ch in text) else "en"


def combine(analysis: CritiqueData, model: CritiqueData) -> CritiqueData:
    """The analysis with a qualified model's prose on top (``source`` "model+analysis").

    The analysis wins every disagreement: scores are the analysis's, moved at most
    ``MODEL_SCORE_STEP`` points toward the model's; the analysis's items come first; a model
    strength that quotes a passage the analysis faults (a critical or major finding) is dropped;
    model items that repeat an analysis item are dropped; the model's summary follows the
    analysis's, which is said again over the moved scores.
    """
    result = copy.deepcopy(analysis)
    model_scores = model.get("scores", {})
    result["scores"] = {
        name: _moved(analysis["scores"][name], model_scores.get(name), MODEL_SCORE_STEP[name])
        for name in DIMENSIONS
        if name in analysis.get("scores", {})
    }
    # The summary names scores ("근거는 보완이 필요합니다(1/5)"): said again over the moved
    # ones, with the analysis's reasons, so the 총평 and the bars agree.
    basis: dict[str, Score] = {
        name: {"score": score["score"], "rationale": analysis["scores"][name]["rationale"]}
        for name, score in result["scores"].items()
    }
    if len(basis) == len(DIMENSIONS) and basis != analysis.get("scores"):
        result["summary"] = summary(_lang(analysis), basis, result.get("improvements", []))
    errors = _error_spans(analysis)
    for strength in model.get("strengths", []):
        point = strength.get("point", "")
        if _quotes_error(strength, errors) or any(
            near_duplicate(point, s.get("point", "")) for s in result["strengths"]
        ):
            continue
        added = copy.deepcopy(strength)
        added["origin"] = "model"
        result["strengths"].append(added)
    for improvement in model.get("improvements", []):
        text = _improvement_text(improvement)
        if any(near_duplicate(text, _improvement_text(i)) for i in result["improvements"]):
            continue
        added_improvement = copy.deepcopy(improvement)
        added_improvement["origin"] = "model"
        result["improvements"].append(added_improvement)
    model_summary = model.get("summary", "").strip()
    if model_summary and not near_duplicate(model_summary, result.get("summary", "")):
        result["summary"] = f"{result.get('summary', '')} {model_summary}".strip()
    fixes = list(result.get("top_fixes", []))
    for fix in model.get("top_fixes", []):
        if len(fixes) < MAX_TOP_FIXES and not any(near_duplicate(fix, f) for f in fixes):
            fixes.append(fix)
    result["top_fixes"] = fixes
    if "generation" in model:
        result["generation"] = copy.deepcopy(model["generation"])
    result["source"] = "model+analysis"
    return result

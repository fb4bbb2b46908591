"""What ``jaso eval`` measures on one critique, each computed from the critique and the answer.

- grounding: quotes found verbatim in the answer, over the non-empty quotes;
- contradictions of the offline checks: a suggestion that would itself be flagged for a rule the
  answer was flagged for (quoted wrong forms are ignored: "'됬' → '됐'" is a correction), a
  strength quoting a passage with a critical or major flag, or a mechanics score of 4-5 while a
  critical flag stands;
- planted defects found: by an improvement whose quote overlaps the defect's passage, or whose
  text names it; and, as a baseline, by the offline checks alone;
- chrF against a reference critique (sacrebleu).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

import regex

from desktop.critique_types import CritiqueData, items_of
from desktop.engine.evaluation.items import EvalItem, Planted, critique_text
from desktop.engine.tasks.critique import anchor
from desktop.writing.checks import run_checks
from desktop.writing.flags import Flag

SERIOUS: Final = ("critical", "major")
_QUOTED: Final = regex.compile(r"'[^']*'|\"[^\"]*\"|‘[^’]*’|“[^”]*”|«[^»]*»|「[^」]*」")


@dataclass(frozen=True)
class Grounding:
    found: int
    total: int


def grounding(data: CritiqueData, answer: str) -> Grounding:
    quotes = [item.get("quote", "").strip() for _key, item in items_of(data)]
    quotes = [q for q in quotes if q]
    return Grounding(sum(1 for q in quotes if q in answer), len(quotes))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def contradictions(item: EvalItem, data: CritiqueData, flags: list[Flag]) -> list[str]:
    """Where the critique goes against the offline checks; empty when it agrees."""
    found: list[str] = []
    # passages only: whole-answer findings (the length) say nothing about a suggestion's words
    flagged_rules = {f.rule_id for f in flags if f.severity in SERIOUS and f.end > f.start}
    context = replace(item.request.check_context(), limit=None)
    for improvement in data.get("improvements", []):
        suggestion = _QUOTED.sub(" ", improvement.get("suggestion", ""))
        again = {f.rule_id for f in run_checks(suggestion, context) if f.end > f.start}
        again &= flagged_rules
        if again:
            found.append(f"suggestion repeats {', '.join(sorted(again))}: {suggestion[:60]}")
    answer = item.request.text
    serious = [f for f in flags if f.severity in SERIOUS and f.end > f.start]
    for strength in data.get("strengths", []):
        span = anchor(answer, strength.get("quote", ""))
        hit = next((f for f in serious if span and _overlaps(span, (f.start, f.end))), None)
        if hit is not None:
            found.append(f"praises a passage flagged {hit.rule_id}")
    scored = data.get("scores", {}).get("mechanics")
    mechanics = scored["score"] if scored else 0
    critical = sorted({f.rule_id for f in flags if f.severity == "critical"})
    if mechanics >= 4 and critical:
        found.append(f"mechanics {mechanics}/5 despite {', '.join(critical)}")
    return found


def _span(answer: str, planted: Planted) -> tuple[int, int]:
    at = answer.find(planted.quote)
    return at, at + len(planted.quote)


def planted_found_by_model(item: EvalItem, data: CritiqueData) -> list[bool]:
    answer = item.request.text
    hits = []
    for planted in item.planted:
        target = _span(answer, planted)
        found = False
        for improvement in data.get("improvements", []):
            span = anchor(answer, improvement.get("quote", ""))
            words = " ".join(str(improvement.get(k, "")) for k in ("issue", "why", "suggestion"))
            if (span and _overlaps(span, target)) or planted.quote in words:
                found = True
        hits.append(found)
    return hits


def planted_found_by_checks(item: EvalItem, flags: list[Flag]) -> list[bool]:
    answer = item.request.text
    return [
        any(
            _overlaps((f.start, f.end), _span(answer, p))
            if f.end > f.start
            else f.rule_id == p.rule  # a whole-answer finding, such as the length
            for f in flags
        )
        for p in item.planted
    ]


def chrf(data: CritiqueData, reference: str) -> float | None:
    """chrF (0-100) of the critique's prose against the reference; None without sacrebleu."""
    try:
        from sacrebleu.metrics.chrf import CHRF
    except ImportError:
        return None
    score = CHRF().sentence_score(critique_text(data), [reference]).score
    return float(score)

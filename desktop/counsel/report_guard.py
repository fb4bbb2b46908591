"""The last check before a report prints a critique: no schema words, placeholders or "None".

A critique stored before the output gate existed (or typed in by hand) may hold what small
models wrote: "아쉬운점(issue), 이유(why)…", "severity: major (0.", "None (0.5)". The report
leaves such a field out (an item whose main text is one goes whole); it never rewrites text.
"""

from __future__ import annotations

import copy

from desktop.critique_types import CritiqueData, Improvement, Strength
from desktop.engine.gate import placeholder, schema_copy


def printable(text: object) -> bool:
    """Whether a report may print ``text``: not empty, not a placeholder, no schema words."""
    value = str(text or "").strip()
    return bool(value) and not placeholder(value) and not schema_copy(value)


def _strength(item: Strength) -> Strength | None:
    return item if printable(item.get("point")) else None


def _improvement(item: Improvement) -> Improvement | None:
    if not printable(item.get("issue")):
        return None
    for key in ("why", "suggestion"):
        if not printable(item.get(key)):
            item[key] = ""
    return item


def guarded(data: CritiqueData) -> CritiqueData:
    """A copy of ``data`` without the fields and items a report must not print."""
    result = copy.deepcopy(data)
    for score in result.get("scores", {}).values():
        if not printable(score.get("rationale")):
            score["rationale"] = ""
    result["strengths"] = [s for s in map(_strength, result.get("strengths", [])) if s]
    result["improvements"] = [i for i in map(_improvement, result.get("improvements", [])) if i]
    if not printable(result.get("summary")):
        result["summary"] = ""
    result["top_fixes"] = [fix for fix in result.get("top_fixes", []) if printable(fix)]
    return result

"""An evaluation set: JSONL, one essay per line, with optional references and planted defects.

A line: ``{"id", "question", "company", "role", "answer", "limit"?, "lang"?,
"reference"?: critique JSON or text, "planted"?: [{"rule": "KO.SPELL", "quote": "됬"}]}``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.critique_types import CritiqueData, as_critique
from desktop.writing.essay import EssayRequest
from desktop.writing.request import RequestError


class EvalDataError(ValueError):
    """The set cannot be read; the message names the line."""


@dataclass(frozen=True)
class Planted:
    """A known defect: its rule and the passage of the answer that carries it."""

    rule: str
    quote: str


@dataclass(frozen=True)
class EvalItem:
    id: str
    request: EssayRequest
    reference: str = ""
    planted: tuple[Planted, ...] = ()


def reference_text(value: Any) -> str:
    """A reference critique as plain text (a critique object is flattened like ours)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return critique_text(as_critique(value))
    raise TypeError("reference must be a string or a critique object")


def critique_text(data: CritiqueData) -> str:
    """The prose of a critique, for character-level comparison with a reference."""
    parts = [str(s.get("point", "")) for s in data.get("strengths", [])]
    for item in data.get("improvements", []):
        parts += [str(item.get(k, "")) for k in ("issue", "why", "suggestion")]
    parts.append(str(data.get("summary", "")))
    parts += [str(fix) for fix in data.get("top_fixes", [])]
    return "\n".join(p for p in parts if p)


def parse_item(raw: Any, number: int) -> EvalItem:
    if not isinstance(raw, dict):
        raise EvalDataError(f"line {number}: expected a JSON object")
    fields = dict(raw)
    fields.setdefault("text", fields.pop("answer", None))
    item_id = str(fields.pop("id", number))
    reference = fields.pop("reference", "") or ""
    planted = fields.pop("planted", []) or []
    try:
        request = EssayRequest.from_json(fields)
        items = tuple(Planted(str(p["rule"]), str(p["quote"])) for p in planted)
        text = reference_text(reference)
    except (RequestError, KeyError, TypeError) as exc:
        raise EvalDataError(f"line {number} ({item_id}): {exc}") from exc
    for p in items:
        if p.quote not in request.text:
            raise EvalDataError(f"line {number} ({item_id}): planted quote {p.quote!r} not found")
    return EvalItem(item_id, request, text, items)


def load_items(path: Path) -> list[EvalItem]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    items = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except ValueError as exc:
            raise EvalDataError(f"line {number}: not JSON ({exc})") from exc
        items.append(parse_item(raw, number))
    if not items:
        raise EvalDataError(f"{path} holds no items")
    return items

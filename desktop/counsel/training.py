"""Counselor-approved critiques as chat-format JSONL, the raw material for a critique model.

Each line is ``{"messages": [system, user, assistant]}``: the system and user turns are exactly
the prompt the app gives the model (question, company, role, offline findings, the answer that was
reviewed), the assistant turn is the approved critique as JSON in the model's own schema. Only
clients who consented are exported, and every contact detail (PII.CONTACT: phone numbers, e-mail
addresses, ID numbers) and the client's name are masked in every turn. A critique the counselor
grew past the schema's bounds is skipped and counted: the model could never be asked for it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import jsonschema
from sqlmodel import Session

from desktop.atomic import write_text_atomically
from desktop.counsel.requests import stored_request
from desktop.critique_types import CritiqueData
from desktop.engine.tasks.critique import critique_messages
from desktop.engine.tasks.critique_schema import SCHEMA
from desktop.store.critiques import get_critique
from desktop.store.reviews import approved_critique_ids, final_critique
from desktop.writing.checks import mask_contacts, run_checks

MASKS: Final = {"ko": "[연락처]", "en": "[contact]"}
NAME_MASKS: Final = {"ko": "[이름]", "en": "[name]"}
_VALIDATOR: Final = jsonschema.Draft202012Validator(SCHEMA)


@dataclass(frozen=True)
class TrainingExport:
    examples: list[dict[str, Any]]
    skipped: int  # approved critiques outside the schema's bounds


def _masker(lang: str, client_name: str) -> Callable[[str], str]:
    """Masks contact details and the client's own name (in case the counselor wrote it)."""
    key = "en" if lang == "en" else "ko"
    name = client_name.strip()

    def mask(text: str) -> str:
        text = mask_contacts(text, MASKS[key])
        return text.replace(name, NAME_MASKS[key]) if len(name) >= 2 else text

    return mask


def _masked(value: Any, mask: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, list):
        return [_masked(v, mask) for v in value]
    if isinstance(value, dict):
        return {k: _masked(v, mask) for k, v in value.items()}
    return value


def _schema_shaped(critique: CritiqueData) -> dict[str, Any]:
    """Only what the schema asks for: no states, origins, anchors or offline findings."""
    properties = SCHEMA["properties"]
    given: dict[str, Any] = dict(critique)
    result: dict[str, Any] = {}
    for key in properties:
        value = given.get(key)
        if key in ("strengths", "improvements"):
            fields = properties[key]["items"]["properties"]
            value = [{f: item.get(f, "") for f in fields} for item in value or []]
        elif key == "scores":
            value = {
                name: {"score": s.get("score"), "rationale": s.get("rationale", "")}
                for name, s in (value or {}).items()
            }
        result[key] = value
    return result


def training_examples(session: Session) -> TrainingExport:
    examples: list[dict[str, Any]] = []
    skipped = 0
    for critique_id in approved_critique_ids(session=session, consenting_only=True):
        record = get_critique(session=session, critique_id=critique_id)
        # The prompt as it was: the reviewed text, not whatever the answer says today.
        app, request = stored_request(
            session=session, question_id=record.question_id, text=record.reviewed_text
        )
        target = _schema_shaped(final_critique(record))
        if not _VALIDATOR.is_valid(target):
            skipped += 1
            continue
        findings = run_checks(request.text, request.check_context())
        messages: list[dict[str, Any]] = [dict(m) for m in critique_messages(request, findings)]
        messages.append({"role": "assistant", "content": json.dumps(target, ensure_ascii=False)})
        mask = _masker(app.lang, app.client_name)
        for message in messages:
            content = message["content"]
            if message["role"] == "assistant":
                content = json.dumps(_masked(json.loads(content), mask), ensure_ascii=False)
            else:
                content = mask(content)
            message["content"] = content
        examples.append({"messages": messages})
    return TrainingExport(examples, skipped)


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    """One JSON object per line, UTF-8; the file appears only once it is complete."""
    write_text_atomically(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))

"""Structured (JSON) output: constrained where the backend can, always validated, retried once."""

from __future__ import annotations

import json
import threading
from typing import Any

import jsonschema

from desktop.engine.backend import Backend, ProgressCallback, SamplingParams
from desktop.engine.errors import EngineError


class InvalidStructuredOutput(EngineError):
    """The model's output was not valid JSON for the schema, even after one retry."""


def parse_and_validate(text: str, schema: dict[str, Any]) -> Any:
    """The parsed JSON if it is valid against ``schema``; raises ``InvalidStructuredOutput``."""
    start, end = text.find("{"), text.rfind("}")
    candidate = text[start : end + 1] if 0 <= start < end else text
    try:
        data = json.loads(candidate)
        jsonschema.validate(data, schema)
    except (ValueError, jsonschema.ValidationError) as exc:
        raise InvalidStructuredOutput(
            "The model's answer was not in the expected form.", f"{exc}\n---\n{text[:2000]}"
        ) from exc
    return data


def generate_json(
    backend: Backend,
    prompt: str,
    schema: dict[str, Any],
    params: SamplingParams,
    cancel: threading.Event,
    on_progress: ProgressCallback | None = None,
) -> Any:
    """Generate JSON valid against ``schema``.

    Backends with constrained decoding get the schema; the others are told the schema in the
    prompt, and an invalid answer is retried once with the error appended.
    """
    constrained = backend.capabilities.json_schema
    request = SamplingParams(**{**params.__dict__, "json_schema": schema if constrained else None})
    attempt_prompt = prompt
    last_error: InvalidStructuredOutput | None = None
    for _ in range(1 if constrained else 2):
        text = "".join(c.text for c in backend.stream(attempt_prompt, request, cancel, on_progress))
        try:
            return parse_and_validate(text, schema)
        except InvalidStructuredOutput as exc:
            last_error = exc
            attempt_prompt = (
                f"{prompt}{text}\n\nThat was not valid. Answer again with only JSON matching "
                f"this schema: {json.dumps(schema, ensure_ascii=False)}\n"
            )
    assert last_error is not None
    raise last_error

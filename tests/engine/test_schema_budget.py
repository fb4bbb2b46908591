"""The critique schema shortened to the tokens a model has left (desktop/engine/schema_budget)."""

from __future__ import annotations

import json
import random
from typing import Any

import jsonschema

from desktop.engine.schema_budget import MARGIN, fit_to_budget, worst_tokens
from desktop.engine.tasks.critique_schema import schema_for

ANSWER = "저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다."


def _strings(node: Any) -> list[dict[str, Any]]:
    if isinstance(node, dict):
        found = [node] if node.get("type") == "string" else []
        return found + [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _longest(schema: dict[str, Any]) -> Any:
    """The longest answer valid against ``schema``: every string at its maxLength."""
    if "enum" in schema:
        return max(schema["enum"], key=lambda v: len(json.dumps(v, ensure_ascii=False)))
    kind = schema.get("type")
    if kind == "string":
        return "가" * schema["maxLength"]
    if kind == "array":
        return [_longest(schema["items"]) for _ in range(schema["maxItems"])]
    if kind == "object":
        return {key: _longest(value) for key, value in schema["properties"].items()}
    return 5


def test_a_schema_that_fits_is_left_as_it_is() -> None:
    schema = schema_for(ANSWER, "ko")
    assert fit_to_budget(schema, 100_000, 2.5) is schema


def test_a_schema_too_long_for_the_budget_is_shortened_to_fit() -> None:
    schema = schema_for(ANSWER, "ko")
    assert worst_tokens(schema, 2.5) > 8000  # SmolLM2 pays about this much per Hangul syllable
    fitted = fit_to_budget(schema, 3000, 2.5)
    assert worst_tokens(fitted, 2.5) <= 3000 * MARGIN
    for field in _strings(fitted):
        assert field["maxLength"] >= max(1, field.get("minLength", 0))
    # Shortened, not emptied: the prose stays at least its minimum, the schema's shape holds.
    longest = _longest(fitted)
    jsonschema.validate(longest, fitted)
    before = {json.dumps(f, sort_keys=True) for f in _strings(schema)}
    assert before != {json.dumps(f, sort_keys=True) for f in _strings(fitted)}
    assert schema_for(ANSWER, "ko") == schema  # the caller's schema is not changed


def test_the_estimate_covers_the_real_length_of_the_longest_answer() -> None:
    rng = random.Random(3)
    for _ in range(20):
        budget = rng.randrange(400, 6000)
        fitted = fit_to_budget(schema_for(ANSWER, "ko"), budget, 1.0)
        text = json.dumps(_longest(fitted), ensure_ascii=False)
        # At one token per character, the JSON text itself is at most the estimate.
        assert len(text) <= worst_tokens(fitted, 1.0)

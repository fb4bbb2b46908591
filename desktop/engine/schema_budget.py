"""A JSON schema whose longest valid answer fits the tokens left for it.

``maxLength`` counts characters, a model pays tokens, and the price per character depends on the
tokenizer and the language: SmolLM2's English tokenizer spends several tokens on a Hangul
syllable, so the critique schema's few thousand characters of prose can need more tokens than
the context leaves. Constrained decoding then runs out of tokens in the middle of the JSON and
every attempt fails ("not in the expected form"). Here the schema's strings are shortened, all
by one factor, until the worst case fits; a schema that already fits is returned as it is.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from desktop.engine.backend import Backend

MARGIN = 0.9  # of the budget: the estimate below is an estimate
# Keys, quotes, commas and braces, per character of JSON around the values: one token each is
# the worst a byte-level tokenizer does on ASCII.
STRUCTURE_PER_CHAR = 1.0


def _cost(schema: dict[str, Any], per_char: float, scale: float) -> float:
    """Tokens of the longest valid answer, with strings at ``scale`` of their ``maxLength``."""
    if "enum" in schema:
        longest = max(len(json.dumps(v, ensure_ascii=False)) for v in schema["enum"])
        return longest * per_char
    kind = schema.get("type")
    if kind == "string":
        return float(schema.get("maxLength", 0)) * scale * per_char + 2 * STRUCTURE_PER_CHAR
    if kind == "array":
        items = _cost(schema.get("items", {}), per_char, scale) + 2 * STRUCTURE_PER_CHAR
        return 2 * STRUCTURE_PER_CHAR + int(schema.get("maxItems", 1)) * items
    if kind == "object":
        fields = schema.get("properties", {})
        keys = sum(len(key) + 6 for key in fields) * STRUCTURE_PER_CHAR  # "key": value,
        values = sum(_cost(field, per_char, scale) for field in fields.values())
        return 2 * STRUCTURE_PER_CHAR + keys + values
    return 4 * STRUCTURE_PER_CHAR  # a number, a boolean, null


def worst_tokens(schema: dict[str, Any], per_char: float) -> float:
    """An upper estimate of the tokens the longest answer valid against ``schema`` takes."""
    return _cost(schema, per_char, 1.0)


def fit_to_budget(schema: dict[str, Any], budget: int, per_char: float) -> dict[str, Any]:
    """``schema``, or a copy with every string's ``maxLength`` scaled down by one factor so the
    longest valid answer fits ``budget`` tokens at ``per_char`` tokens per character (never
    below a string's ``minLength``, nor below 1)."""
    target = budget * MARGIN
    worst = _cost(schema, per_char, 1.0)
    if worst <= target:
        return schema
    fixed = _cost(schema, per_char, 0.0)
    factor = max(0.0, target - fixed) / (worst - fixed) if worst > fixed else 1.0
    fitted = copy.deepcopy(schema)

    def scale(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") == "string" and "maxLength" in node:
                floor = max(1, int(node.get("minLength", 0)))
                node["maxLength"] = max(floor, int(node["maxLength"] * factor))
            for value in node.values():
                scale(value)
        elif isinstance(node, list):
            for value in node:
                scale(value)

    scale(fitted)
    return fitted


def tokens_per_char(backend: Backend, text: str) -> float:
    """What this model pays per character of ``text``'s language, measured on (up to 2,000
    characters of) it: the essay, since a reply is written in the essay's language."""
    sample = text[:2000]
    return backend.count_tokens(sample) / len(sample) if sample.strip() else 1.0

"""The critique's JSON schema (DOMAIN.md §3), bounded so constrained generation always ends."""

from __future__ import annotations

import copy
from typing import Any, Final

from desktop.critique_types import DIMENSIONS
from desktop.engine.structured import object_field, string_field
from desktop.writing.flags import SEVERITIES
from desktop.writing.sentences import quotable_spans

SCORE: Final = {"type": "integer", "minimum": 1, "maximum": 5}
# What the model must write in a prose field (the stored schema stays looser, for what a
# counselor types): at least this long, starting with a letter, no JSON or markup brackets.
# Small models otherwise write "…", "1", "}, 200," or a count "1, 2, 3, 4, …".
PROSE: Final = 6
PROSE_PATTERN: Final = {"ko": r"^[가-힣][^{}\[\]<>]*$", "en": r"^[A-Za-z][^{}\[\]<>]*$"}
QUOTE_CHARS: Final = 120
QUOTE: Final = string_field(QUOTE_CHARS, 0)  # verbatim from the answer, or empty
SCHEMA: Final[dict[str, Any]] = object_field(
    {
        "scores": object_field(
            {
                name: object_field({"score": SCORE, "rationale": string_field(100)})
                for name in DIMENSIONS
            }
        ),
        "strengths": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "items": object_field({"point": string_field(120), "quote": QUOTE}),
        },
        "improvements": {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": object_field(
                {
                    "issue": string_field(80),
                    "why": string_field(120),
                    "suggestion": string_field(160),
                    "severity": {"enum": list(SEVERITIES)},
                    "quote": QUOTE,
                }
            ),
        },
        "summary": string_field(250),
        "top_fixes": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "items": string_field(100),
        },
    }
)


def quote_choice(answer: str) -> dict[str, Any]:
    """A quote field that can only be empty or one of the answer's own sentences or clauses."""
    return {"enum": ["", *quotable_spans(answer, max_chars=QUOTE_CHARS)]}


def schema_for(answer: str, lang: str = "ko") -> dict[str, Any]:
    """What the model is held to: ``SCHEMA`` with prose fields that read as prose in the essay's
    language (a Korean critique starts each field in Hangul), and every quote one of the
    answer's spans, so a quote is verbatim by construction, never by luck."""
    pattern = PROSE_PATTERN["en" if lang == "en" else "ko"]

    def _prose(field: dict[str, Any]) -> None:
        if field.get("type") == "string":
            field["minLength"] = max(PROSE, int(field.get("minLength", 0)))
            field["pattern"] = pattern

    schema = copy.deepcopy(SCHEMA)
    props = schema["properties"]
    for score in props["scores"]["properties"].values():
        _prose(score["properties"]["rationale"])
    for key in ("strengths", "improvements"):
        item = props[key]["items"]["properties"]
        for name, field in item.items():
            if name != "quote":
                _prose(field)
        item["quote"] = quote_choice(answer)
    _prose(props["summary"])
    _prose(props["top_fixes"]["items"])
    return schema

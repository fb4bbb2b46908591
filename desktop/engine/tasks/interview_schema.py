"""JSON schemas of the interview tasks (DOMAIN.md §5), bounded so constrained generation ends."""

from __future__ import annotations

from typing import Any, Final

# The 0-2 rubric on a spoken answer: (id, Korean name, English name, what 2 means).
RUBRIC: Final = (
    ("accuracy", "문장 정확성", "Accuracy", "clear, correct sentences; facts stated exactly"),
    ("relevance", "질문 관련성", "Relevance", "answers what was asked, first"),
    ("consistency", "일관성", "Consistency", "agrees with the essay: same numbers, roles, story"),
    ("richness", "풍부함", "Richness", "own actions, reasons and results, beyond the essay"),
)
RUBRIC_IDS: Final = tuple(item[0] for item in RUBRIC)
MAX_SCORE: Final = 2


def _text(max_length: int, min_length: int = 1) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties)}


QUESTIONS_SCHEMA: Final[dict[str, Any]] = _object(
    {
        "questions": {
            "type": "array",
            "minItems": 3,
            "maxItems": 8,
            "items": _object({"question": _text(120, 8), "quote": _text(80, 0)}),
        }
    }
)

FEEDBACK_SCHEMA: Final[dict[str, Any]] = _object(
    {
        "scores": _object(
            {
                name: _object(
                    {
                        "score": {"type": "integer", "minimum": 0, "maximum": MAX_SCORE},
                        "rationale": _text(100),
                    }
                )
                for name in RUBRIC_IDS
            }
        ),
        "advice": _text(200),
        "example_answer": _text(400),
    }
)

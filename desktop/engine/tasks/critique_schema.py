"""The critique's JSON schema (DOMAIN.md §3), bounded so constrained generation always ends."""

from __future__ import annotations

from typing import Any, Final

from desktop.writing.flags import SEVERITIES

DIMENSIONS: Final = (
    "question_fit",
    "evidence",
    "job_company_fit",
    "structure",
    "distinctiveness",
    "mechanics",
)
DIMENSION_NAMES: Final = {
    "question_fit": ("질문 적합성", "Question fit"),
    "evidence": ("구체성·근거", "Evidence"),
    "job_company_fit": ("직무·회사 연관성", "Job and company fit"),
    "structure": ("구성·가독성", "Structure"),
    "distinctiveness": ("차별성·진정성", "Distinctiveness"),
    "mechanics": ("표기·형식", "Mechanics"),
}


def _text(max_length: int, min_length: int = 1) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(properties)}


SCORE: Final = {"type": "integer", "minimum": 1, "maximum": 5}
QUOTE: Final = _text(60, 0)  # verbatim from the answer, or empty
SCHEMA: Final[dict[str, Any]] = _object(
    {
        "scores": _object(
            {name: _object({"score": SCORE, "rationale": _text(100)}) for name in DIMENSIONS}
        ),
        "strengths": {
            "type": "array",
            "minItems": 1,
            "maxItems": 3,
            "items": _object({"point": _text(120), "quote": QUOTE}),
        },
        "improvements": {
            "type": "array",
            "minItems": 1,
            "maxItems": 4,
            "items": _object(
                {
                    "issue": _text(80),
                    "why": _text(120),
                    "suggestion": _text(160),
                    "severity": {"enum": list(SEVERITIES)},
                    "quote": QUOTE,
                }
            ),
        },
        "summary": _text(250),
        "top_fixes": {"type": "array", "minItems": 1, "maxItems": 3, "items": _text(100)},
    }
)

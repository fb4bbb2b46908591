"""The critique's JSON schema (DOMAIN.md §3), bounded so constrained generation always ends."""

from __future__ import annotations

from typing import Any, Final

from desktop.engine.structured import object_field, string_field
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


SCORE: Final = {"type": "integer", "minimum": 1, "maximum": 5}
QUOTE: Final = string_field(60, 0)  # verbatim from the answer, or empty
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
        "top_fixes": {"type": "array", "minItems": 1, "maxItems": 3, "items": string_field(100)},
    }
)

"""JSON schemas of the interview tasks (DOMAIN.md §5), bounded so constrained generation ends."""

from __future__ import annotations

import copy
from typing import Any, Final

from desktop.engine.structured import object_field, string_field
from desktop.writing.sentences import quotable_spans

# The 0-2 rubric on a spoken answer: (id, Korean name, English name, what 2 means).
RUBRIC: Final = (
    ("accuracy", "문장 정확성", "Accuracy", "clear, correct sentences; facts stated exactly"),
    ("relevance", "질문 관련성", "Relevance", "answers what was asked, first"),
    ("consistency", "일관성", "Consistency", "agrees with the essay: same numbers, roles, story"),
    ("richness", "풍부함", "Richness", "own actions, reasons and results, beyond the essay"),
)
RUBRIC_IDS: Final = tuple(item[0] for item in RUBRIC)
MAX_SCORE: Final = 2


QUESTIONS_SCHEMA: Final[dict[str, Any]] = object_field(
    {
        "questions": {
            "type": "array",
            "minItems": 3,
            "maxItems": 8,
            "items": object_field({"question": string_field(120, 8), "quote": string_field(80, 0)}),
        }
    }
)

FEEDBACK_SCHEMA: Final[dict[str, Any]] = object_field(
    {
        "scores": object_field(
            {
                name: object_field(
                    {
                        "score": {"type": "integer", "minimum": 0, "maximum": MAX_SCORE},
                        "rationale": string_field(100),
                    }
                )
                for name in RUBRIC_IDS
            }
        ),
        "advice": string_field(200),
        "example_answer": string_field(400),
    }
)

# A question the model writes starts in the essay's language and ends with a question mark.
QUESTION_PATTERN: Final = {"ko": r"^[가-힣][^{}\[\]<>?]*[?]$", "en": r"^[A-Z][^{}\[\]<>?]*[?]$"}


def questions_schema(essay: str, lang: str = "ko") -> dict[str, Any]:
    """What the model is held to: questions that read as questions, each quote one of the
    essay's own sentences or clauses (or empty), so it is verbatim by construction."""
    schema = copy.deepcopy(QUESTIONS_SCHEMA)
    item = schema["properties"]["questions"]["items"]["properties"]
    item["question"]["pattern"] = QUESTION_PATTERN["en" if lang == "en" else "ko"]
    item["quote"] = {"enum": ["", *quotable_spans(essay, max_chars=80)]}
    return schema

"""What a critique is, for every layer: the engine writes it, the store keeps it, a counselor
reviews it, reports print it (DOMAIN.md §3; the JSON schema is ``engine/tasks/critique_schema``).

TypedDicts, not classes: a critique is stored and exchanged as JSON, and these only let mypy
check the keys and values every layer reads. No imports beyond typing, so the store and the
engine can both use them.
"""

from __future__ import annotations

from typing import Any, Final, Literal, NotRequired, TypedDict, cast

ItemKey = Literal["strengths", "improvements"]
ITEM_KEYS: Final[tuple[ItemKey, ...]] = ("strengths", "improvements")
ItemState = Literal["pending", "accepted", "rejected"]
# Who wrote a critique: the offline analysis alone (``writing/analysis_critique``), a model, or a
# model's prose on top of the analysis (``combine``). Critiques stored before this field existed
# are a model's.
Source = Literal["analysis", "model", "model+analysis"]

# The rubric's dimensions (DOMAIN.md §3), here so that ``writing`` (the analysis critique) and
# ``engine`` (the model's schema) share them without importing each other.
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


class Score(TypedDict):
    score: int  # 1-5
    rationale: str


class _Reviewed(TypedDict, total=False):
    """What the engine and a counselor's review add to an item of the model's."""

    start: int | None  # where the quote is in the answer (None: not found in it)
    end: int | None
    state: ItemState  # a counselor's decision on it (store/reviews.py)
    origin: Literal["model", "counselor", "analysis"]


class Strength(_Reviewed):
    point: str
    quote: str  # verbatim from the answer, or empty


class Improvement(_Reviewed):
    issue: str
    why: str
    suggestion: str
    severity: str  # writing.flags.SEVERITIES
    quote: str


Item = Strength | Improvement


class Generation(TypedDict):
    attempts: int
    merged: int  # near-identical items merged


class GateReport(TypedDict):
    """What the output gate (``engine/gate.py``) decided on the model's critique."""

    passed: bool  # False: no model answer passed; the critique is the analysis alone
    rejected: dict[str, int]  # attempts rejected, by the gate's reason
    verdicts: NotRequired[list[dict[str, str]]]  # the rejected attempts' (first 12), for details
    message: NotRequired[str]  # why the model's critique is not shown, for the user
    # The model's own scores, by dimension, before ``combine`` moved the analysis's toward
    # them: a batch compares them across answers (``gate_tasks.ScoreWatch``).
    scores: NotRequired[dict[str, int]]


class CritiqueData(TypedDict):
    scores: dict[str, Score]  # by dimension (critique_schema.DIMENSIONS)
    strengths: list[Strength]
    improvements: list[Improvement]
    summary: str
    top_fixes: list[str]
    findings: NotRequired[list[dict[str, Any]]]  # the offline checks' flags it was told of
    generation: NotRequired[Generation]
    gate: NotRequired[GateReport]
    source: NotRequired[Source]  # absent: a model's (stored before the analysis existed)


def source_of(data: CritiqueData) -> Source:
    """Who wrote ``data``; a critique without the field is a model's."""
    return data.get("source", "model")


def as_critique(data: Any) -> CritiqueData:
    """A critique read back from JSON (the store, a file); its shape was checked when it was
    written (the schema for the model's, ``reviews._check`` for a counselor's)."""
    if not isinstance(data, dict):
        raise TypeError(f"a critique is a JSON object, not {type(data).__name__}")
    return cast(CritiqueData, data)


def items_of(data: CritiqueData) -> list[tuple[ItemKey, Item]]:
    """Every strength and improvement with its key, in that order."""
    return [(key, item) for key in ITEM_KEYS for item in data.get(key, [])]

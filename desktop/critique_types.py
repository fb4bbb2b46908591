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


class Score(TypedDict):
    score: int  # 1-5
    rationale: str


class _Reviewed(TypedDict, total=False):
    """What the engine and a counselor's review add to an item of the model's."""

    start: int | None  # where the quote is in the answer (None: not found in it)
    end: int | None
    state: ItemState  # a counselor's decision on it (store/reviews.py)
    origin: Literal["model", "counselor"]


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


class CritiqueData(TypedDict):
    scores: dict[str, Score]  # by dimension (critique_schema.DIMENSIONS)
    strengths: list[Strength]
    improvements: list[Improvement]
    summary: str
    top_fixes: list[str]
    findings: NotRequired[list[dict[str, Any]]]  # the offline checks' flags it was told of
    generation: NotRequired[Generation]


def as_critique(data: Any) -> CritiqueData:
    """A critique read back from JSON (the store, a file); its shape was checked when it was
    written (the schema for the model's, ``reviews._check`` for a counselor's)."""
    if not isinstance(data, dict):
        raise TypeError(f"a critique is a JSON object, not {type(data).__name__}")
    return cast(CritiqueData, data)


def items_of(data: CritiqueData) -> list[tuple[ItemKey, Item]]:
    """Every strength and improvement with its key, in that order."""
    return [(key, item) for key in ITEM_KEYS for item in data.get(key, [])]

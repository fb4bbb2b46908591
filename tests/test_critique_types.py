"""The typed critique every layer shares (desktop/critique_types.py)."""

from __future__ import annotations

import pytest

from desktop.critique_types import as_critique, items_of


def test_items_come_strengths_first_with_their_key() -> None:
    data = as_critique(
        {
            "scores": {},
            "strengths": [{"point": "수치가 분명합니다.", "quote": ""}],
            "improvements": [
                {"issue": "역할", "why": "", "suggestion": "", "severity": "major", "quote": ""},
                {"issue": "근거", "why": "", "suggestion": "", "severity": "minor", "quote": ""},
            ],
            "summary": "",
            "top_fixes": [],
        }
    )
    assert [(key, item.get("point") or item.get("issue")) for key, item in items_of(data)] == [
        ("strengths", "수치가 분명합니다."),
        ("improvements", "역할"),
        ("improvements", "근거"),
    ]


def test_a_critique_missing_its_lists_has_no_items() -> None:
    assert items_of(as_critique({"summary": "짧은 총평입니다."})) == []


@pytest.mark.parametrize("raw", [[], "critique", None, 3])
def test_what_is_not_a_json_object_is_refused(raw: object) -> None:
    with pytest.raises(TypeError, match="JSON object"):
        as_critique(raw)

"""Korean no one wrote (``writing/fluency``): a model's broken word forms, against real prose
with names and loanwords. The broken fields are SmolLM2's and the starter's, from
``bench/gate_bench.py`` runs; the prose is the automatic analysis's own and invented answers."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.critique_types import DIMENSIONS
from desktop.engine.gate_tasks import critique_fields
from desktop.writing import fluency
from desktop.writing.analysis_critique import analysis_critique
from desktop.writing.checks import run_checks
from desktop.writing.essay import EssayRequest
from tests.writing.clean_essays import CLEAN_ESSAYS

BROKEN = [
    "이므샌",  # SmolLM2's rationales
    "일괬하니다.",
    "답을 불탑해직",
    "해그리거 자료와 도졚",
    "해고 대확도이 행맡다. 그랯 일북의 생각에 위립니다.",  # a syllable left over: 그랯
    "연괄할 알마무단의 경험",
]
# One name or loanword in long prose is how real text has unknown words.
PROSE = [
    "직원들의 디지털 트랜스포메이션이 금융의 디지털화 속도를 따라가지 못하고 있습니다. 그래서 "
    "데이터 교육을 넓히는 일이 먼저라고 보았습니다.",
    "저는 헌혈자의 증가를 목표로 세우고 대학 안에 작은 헌혈소를 두자고 학생회에 제안했습니다.",
]


def test_the_real_models_broken_korean_is_found(kiwi: Any) -> None:
    assert fluency.garbled(BROKEN, source="") == [True] * len(BROKEN)


def test_a_name_or_loanword_in_prose_is_korean(kiwi: Any) -> None:
    assert fluency.garbled(PROSE, source="") == [False] * len(PROSE)


def test_a_word_of_the_source_is_not_counted(kiwi: Any) -> None:
    """Real essays name what the analyzer does not know (a brand, a club): a field may repeat
    it."""
    text = "아닉구딸 향수 매장 경험"
    assert fluency.garbled([text], source="") == [True]
    assert fluency.garbled([text], source="저는 아닉구딸 매장에서 일했습니다.") == [False]


@pytest.mark.parametrize("essay", CLEAN_ESSAYS[:4])
def test_the_analysis_own_prose_is_korean(kiwi: Any, essay: str) -> None:
    """Terse critique prose ("수치 0개, 본인 행동을 쓴 문장 2개.") is Korean; the analyzer's score
    per syllable ranked it with broken text."""
    request = EssayRequest(text=essay, question="지원 동기를 쓰시오. (700자)", company="한빛물류",
                           role="물류 기획", limit=700)  # fmt: skip
    data = analysis_critique(request, run_checks(essay, request.check_context()))
    fields = [text for _, text in critique_fields(data)]
    assert len(fields) > len(DIMENSIONS)
    found = fluency.garbled(fields, source=request.source_text())
    assert found is not None
    assert not any(found), [t for t, bad in zip(fields, found, strict=True) if bad]


def test_without_the_analyzer_nothing_is_said(kiwi: Any) -> None:
    """As in the GUI process: no analyzer here, no verdict (the app asks its check worker)."""
    from desktop.writing import korean

    korean._kiwi = None  # noqa: SLF001
    try:
        assert fluency.garbled(BROKEN, source="") is None
    finally:
        korean._kiwi = kiwi  # noqa: SLF001
    assert fluency.garbled(BROKEN[:1], source="") == [True]

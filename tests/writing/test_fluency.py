"""Words no Korean writer wrote (``writing/fluency``): the analyzer's unknown words that the
source does not contain. The broken forms are SmolLM2's, from ``bench/gate_bench.py`` runs;
the prose is the automatic analysis's own and invented answers."""

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

BROKEN = ["이므샌", "일괬하니다.", "답을 불탑해직", "해그리거 자료와 도졚", "이렉포탆가 알니처로"]


def test_the_real_models_broken_words_are_found(kiwi: Any) -> None:
    found = fluency.unknown_words(BROKEN, source="")
    assert found is not None
    assert all(found), list(zip(BROKEN, found, strict=True))
    assert "이므샌" in found[0]


def test_a_word_of_the_source_is_not_counted(kiwi: Any) -> None:
    """Real essays name what the analyzer does not know ("로지스올", a company): a field may
    repeat it."""
    text = "로지스올의 영업관리직에 지원한 이유가 분명합니다."
    assert fluency.unknown_words([text], source="")[0] == ["로지스올"]  # type: ignore[index]
    assert fluency.unknown_words([text], source="저는 로지스올에 지원합니다.") == [[]]


@pytest.mark.parametrize("essay", CLEAN_ESSAYS[:4])
def test_the_analysis_own_prose_has_no_unknown_word(kiwi: Any, essay: str) -> None:
    """Terse critique prose ("수치 0개, 본인 행동을 쓴 문장 2개.") is Korean: the analyzer's
    score per syllable ranked it with broken text, its words do not."""
    request = EssayRequest(text=essay, question="지원 동기를 쓰시오. (700자)", company="한빛물류",
                           role="물류 기획", limit=700)  # fmt: skip
    data = analysis_critique(request, run_checks(essay, request.check_context()))
    fields = [text for _, text in critique_fields(data)]
    assert len(fields) > len(DIMENSIONS)
    found = fluency.unknown_words(fields, source=request.source_text())
    assert found is not None
    assert found == [[] for _ in fields], [(t, w) for t, w in zip(fields, found, strict=True) if w]


def test_without_the_analyzer_nothing_is_said() -> None:
    from desktop.writing import korean

    if korean.loaded() is None:
        assert fluency.unknown_words(BROKEN, source="") is None

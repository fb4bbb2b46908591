"""The analyzer reads sentences, not paragraphs: a real answer is often one long paragraph,
and after a keystroke only the sentence typed in is read again."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.writing import korean
from desktop.writing.checks import run_checks
from desktop.writing.checks_korean import analysis_units
from desktop.writing.essay import EssayRequest
from desktop.writing.flags import CheckContext

ANSWER = "저는할수있습니다. 계시판에 공지를 올렸습니다. 팀장을 맡게되었습니다."


def test_units_are_the_sentences_outside_lines_without_spaces() -> None:
    run_together = (
        "물류센터에서여섯달동안일하며출고기록삼천건을정리했고"
        "오류의절반이같은시간대에몰린다는사실을찾아냈습니다"
    )
    text = f"{ANSWER}\n{run_together}"
    assert [text[a:b] for a, b in analysis_units(text)] == [
        "저는할수있습니다.",
        "계시판에 공지를 올렸습니다.",
        "팀장을 맡게되었습니다.",
    ]


def test_a_keystroke_reads_only_its_sentence_again(
    kiwi: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    korean.clear_cache()
    context = CheckContext()
    first = [(f.rule_id, f.suggestion) for f in run_checks(ANSWER, context)]
    assert ("KO.TYPO", "게시판에") in first and ("KO.SPACING", "저는 할 수 있습니다") in first
    read: list[str] = []
    fill = korean._fill

    def counting(analyzer: Any, units: list[str]) -> None:
        read.extend(units)
        fill(analyzer, units)

    monkeypatch.setattr(korean, "_fill", counting)
    edited = ANSWER.replace("공지를", "공지를 매일")
    again = [(f.rule_id, f.suggestion) for f in run_checks(edited, context)]
    assert read == ["계시판에 공지를 매일 올렸습니다."]
    assert again == first


def test_a_wish_with_a_figure_is_no_result() -> None:
    """Read on the real essays: four "results in numbers" were wishes ("세계 1위 식품기업으로
    발돋움하는데 이바지하겠습니다", "74위인 브랜드가치를 높이고 싶습니다")."""
    from desktop.writing.analysis_signals import measure

    wish = measure(
        EssayRequest(text="입사하게 된다면 고객 정보를 분석해 세계 1위 기업으로 만들겠습니다.")
    )
    done = measure(EssayRequest(text="제가 고객 정보를 분석해 불만 접수를 30% 줄였습니다."))
    assert not any(s.result for s in wish.sentences)
    assert any(s.result for s in done.sentences)

"""Text without spaces (pasted from a PDF, typed without them): one KO.SPACING finding that
says so, not a finding per word or a paragraph-long "word" with a few of its spaces put back."""

from __future__ import annotations

import textwrap
from typing import Any

import pytest

from desktop.writing.checks import analyzer_checks, run_checks
from desktop.writing.checks_korean import unspaced_spans
from desktop.writing.flags import CheckContext
from tests.writing.clean_essays import CLEAN_ESSAYS

KO = CheckContext(company="한빛물류")
ANALYZER_RULES = {"KO.SPACING", "KO.TYPO", "KO.JOSA"}


def squeezed(text: str) -> str:
    return "\n".join(line.replace(" ", "") for line in text.splitlines())


def analyzer_flags(text: str) -> list[tuple[str, str]]:
    return [
        (f.rule_id, text[f.start : f.end])
        for f in run_checks(text, KO)
        if f.rule_id in ANALYZER_RULES
    ]


@pytest.mark.parametrize("essay", CLEAN_ESSAYS[:4])
def test_an_answer_without_spaces_is_one_finding(analyzer: Any, essay: str) -> None:
    text = squeezed(essay).replace("\n", "")
    assert analyzer_flags(text) == [("KO.SPACING", text)]
    (flag,) = [f for f in run_checks(text, KO) if f.rule_id == "KO.SPACING"]
    assert flag.severity == "major" and not flag.suggestion
    assert "띄어쓰기가 거의 없습니다" in flag.message


def test_a_pdfs_short_lines_without_spaces_are_one_finding(analyzer: Any) -> None:
    lines = textwrap.wrap(squeezed(" ".join(CLEAN_ESSAYS[:3])), 30)
    text = "\n".join(line for line in lines if len(line) > 5)  # no line of a lone "."
    assert len(text.splitlines()) > 10
    assert analyzer_flags(text) == [("KO.SPACING", text)]


def test_only_the_paragraph_without_spaces_is_found(analyzer: Any) -> None:
    spaced = "저는할수있습니다. " + CLEAN_ESSAYS[1]  # a real spacing mistake, and clean text
    run_together = squeezed(CLEAN_ESSAYS[2])
    text = f"{spaced}\n\n{run_together}"
    expected = [("KO.SPACING", run_together)]
    if analyzer is not None:
        expected.insert(0, ("KO.SPACING", "저는할수있습니다"))
    assert analyzer_flags(text) == expected
    assert unspaced_spans(text) == [(len(spaced) + 2, len(text))]
    if analyzer is not None:  # the editor's worker leaves that paragraph alone as well
        assert [text[f.start : f.end] for f in analyzer_checks(text, KO)] == ["저는할수있습니다"]


@pytest.mark.parametrize(
    "text",
    [
        *CLEAN_ESSAYS,
        "[배송오류율을절반으로줄인데이터분석]\n" + CLEAN_ESSAYS[1],  # a heading run together
        "고객만족도조사결과분석보고서작성",  # a short line: too little to say
        "Data-driven logistics planning with Python and SQL.",
    ],
)
def test_spaced_text_and_short_runs_are_not_unspaced(text: str) -> None:
    assert unspaced_spans(text) == []


def test_a_sentence_run_together_in_spaced_text_is_one_finding(analyzer: Any) -> None:
    """A real answer had whole sentences without spaces among spaced ones; the analyzer put
    back the few spaces it was sure of and its suggestion left the rest run together."""
    run = "다른자원봉사자들과협동하여동계스포츠체험과서울관광을진행하는것역시중요했습니다."
    text = f"{CLEAN_ESSAYS[1]} {run} 그 경험으로 협업을 배웠습니다."
    found = [f for f in run_checks(text, KO) if f.rule_id == "KO.SPACING"]
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [(run, "")]
    assert "띄어쓰기가 빠진 구절" in found[0].message
    listed = "대통령·국무총리·국무위원·행정각부의장·헌법재판소재판관·법관·중앙선거관리위원회위원"
    assert not [f for f in run_checks(f"{listed}은 탄핵의 대상입니다.", KO)
                if f.rule_id == "KO.SPACING" and "빠진 구절" in f.message]  # fmt: skip


def test_the_analysis_says_what_to_do_with_words_run_together(analyzer: Any) -> None:
    from desktop.writing.analysis_critique import analysis_critique
    from desktop.writing.essay import EssayRequest

    run = "다른자원봉사자들과협동하여동계스포츠체험과서울관광을진행하는것역시중요했습니다."
    request = EssayRequest(text=f"{CLEAN_ESSAYS[1]} {run}", company="한빛물류")
    data = analysis_critique(request, run_checks(request.text, request.check_context()))
    (item,) = [i for i in data["improvements"] if i["issue"].startswith("띄어쓰기")]
    assert item["suggestion"] == "붙여 쓴 곳을 단어마다 띄어 쓰세요."
    assert run in item["quote"]

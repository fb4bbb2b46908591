"""The analysis critique: scores from measured signals, items quoting the answer, 총평 in the
essay's language; and ``combine``, which lets a model add prose but never contradict it.
Invented answers (fictional companies) only."""

from __future__ import annotations

import regex

from desktop.critique_types import DIMENSIONS, CritiqueData
from desktop.writing.analysis_critique import MODEL_SCORE_STEP, analysis_critique, combine
from desktop.writing.checks import run_checks
from desktop.writing.essay import EssayRequest
from tests.writing.clean_essays import CLEAN_ESSAYS

QUESTION = "지원 동기와 입사 후 포부를 기술해 주십시오. (700자 이내)"
STRONG = CLEAN_ESSAYS[0]
WEAK = (
    "저는 어릴 적부터 화목한 가정에서 자랐습니다. 부모님께서는 항상 최선을 다하라고 "
    "말씀하셨어요. 그래서 저는 무슨 일이든 열심히 하는 사람이 되었습니다. 대학에서도 여러 "
    "활동에 참여하며 많은 것을 배웠고 다양한 사람들과 어울리며 소통하는 방법을 배웠으며 "
    "그 과정에서 책임감과 성실함을 기를 수 있었던 것 같습니다. 뽑아주신다면 최선을 다하겠습니다."
)


def _critique(text: str, question: str = QUESTION, **given: object) -> CritiqueData:
    fields: dict[str, object] = {"company": "한빛물류", "role": "물류 데이터 분석", "limit": 700}
    fields.update(given)
    request = EssayRequest(text=text, question=question, **fields)  # type: ignore[arg-type]
    return analysis_critique(request, run_checks(text, request.check_context()))


def _vector(data: CritiqueData) -> tuple[int, ...]:
    return tuple(data["scores"][name]["score"] for name in DIMENSIONS)


def test_every_dimension_is_scored_with_a_rationale_and_labelled_as_analysis() -> None:
    data = _critique(STRONG)
    assert data["source"] == "analysis"
    assert set(data["scores"]) == set(DIMENSIONS)
    for score in data["scores"].values():
        assert 1 <= score["score"] <= 5
        assert regex.search(r"[가-힣]", score["rationale"])


def test_a_strong_answer_outscores_a_weak_one_on_the_measured_dimensions() -> None:
    strong, weak = _critique(STRONG), _critique(WEAK)
    assert _vector(strong) != _vector(weak)
    for name in ("evidence", "job_company_fit", "distinctiveness", "mechanics", "structure"):
        assert strong["scores"][name]["score"] > weak["scores"][name]["score"], name
    assert sum(_vector(strong)) >= sum(_vector(weak)) + 8


def test_scores_follow_the_signals_not_a_fixed_pattern() -> None:
    vectors = {_vector(_critique(text, question="")) for text in [*CLEAN_ESSAYS, WEAK]}
    assert len(vectors) >= 4


def test_improvements_quote_the_answer_verbatim_with_offsets() -> None:
    data = _critique(WEAK)
    assert data["improvements"]
    quoted = [item for item in data["improvements"] if item["quote"]]
    assert quoted
    for item in quoted:
        start, end = item["start"], item["end"]
        assert start is not None and end is not None
        assert WEAK[start:end] == item["quote"]
    issues = " ".join(item["issue"] for item in data["improvements"])
    assert "진부한 표현" in issues
    assert "근거·수치 부족" in issues


def test_a_misspelling_gets_the_rules_rewrite() -> None:
    text = STRONG.replace("정리했고", "정리하는 역활을 맡았고")
    data = _critique(text)
    spelling = next(item for item in data["improvements"] if item["issue"].startswith("맞춤법"))
    assert "'역활' → '역할'" in spelling["suggestion"]
    assert "역할을 맡았고" in spelling["suggestion"]
    assert spelling["quote"] in text and "역활" in spelling["quote"]


def test_a_wrong_company_is_critical_and_fixed_first() -> None:
    text = STRONG.replace("한빛물류에", "다온은행에", 1)
    data = _critique(text, other_companies=("다온은행",))
    assert data["scores"]["job_company_fit"]["score"] == 1
    assert data["scores"]["mechanics"]["score"] <= 2
    first = data["improvements"][0]
    assert first["severity"] == "critical"
    assert "'다온은행' → '한빛물류'" in first["suggestion"]
    assert "다른 회사 이름" in data["summary"]
    assert "다른 회사 이름" in data["top_fixes"][0]


def test_strengths_quote_sentences_with_figures_and_actions() -> None:
    data = _critique(STRONG)
    points = [item["point"] for item in data["strengths"]]
    assert any("수치" in point for point in points)
    for item in data["strengths"]:
        if item["quote"]:
            assert STRONG[item["start"] : item["end"]] == item["quote"]
    assert not _critique(WEAK)["strengths"] or all(
        "수치" not in item["point"] for item in _critique(WEAK)["strengths"]
    )


def test_a_missing_sub_ask_lowers_question_fit() -> None:
    both = _critique(STRONG, limit=None)
    motive_only = STRONG.split("\n입사 후에는")[0]
    one = _critique(motive_only, limit=None)
    assert both["scores"]["question_fit"]["score"] == 5
    assert one["scores"]["question_fit"]["score"] < 5
    assert "포부" in one["scores"]["question_fit"]["rationale"]


def test_spoken_endings_among_formal_ones_are_named_as_spoken_style() -> None:
    data = _critique(WEAK)
    spoken = [item for item in data["improvements"] if item["issue"] == "구어체"]
    assert spoken and spoken[0]["quote"].endswith("말씀하셨어요.")


def test_an_english_letter_gets_an_english_critique() -> None:
    letter = (
        "I am applying for the analyst role at Northwind Logistics. Last year I analysed "
        "3,000 delivery records and found that half of the errors came from one shift. I "
        "proposed a new check order, and errors fell by 40% in two months. I will bring the "
        "same habit of measuring first to your planning team."
    )
    request = EssayRequest(text=letter, company="Northwind Logistics", role="analyst", lang="en")
    data = analysis_critique(request, run_checks(letter, request.check_context()))
    assert not regex.search(r"[가-힣]", data["summary"] + "".join(data["top_fixes"]))
    for score in data["scores"].values():
        assert not regex.search(r"[가-힣]", score["rationale"])
    assert data["scores"]["evidence"]["score"] >= 4  # two figures, actions and a result
    assert any("40%" in item["quote"] for item in data["strengths"])


def test_the_summary_has_two_or_three_sentences_in_korean() -> None:
    for text in (STRONG, WEAK):
        summary = _critique(text)["summary"]
        assert 2 <= len(regex.findall(r"[.!?](?:\s|$)", summary)) <= 3
        assert regex.search(r"[가-힣]", summary)


# combine -----------------------------------------------------------------------------------


def _model(analysis: CritiqueData, score: int, quote: str) -> CritiqueData:
    return {
        "scores": {n: {"score": score, "rationale": "모델의 판단입니다."} for n in DIMENSIONS},
        "strengths": [
            {"point": "문장이 매끄럽고 성실함이 드러납니다.", "quote": quote, "start": None,
             "end": None},
            {"point": "지원 의지가 분명하게 보입니다.", "quote": "", "start": None, "end": None},
        ],
        "improvements": [
            {"issue": "직무 경험을 더 쓰세요", "why": "직무와의 연결이 약합니다.",
             "suggestion": "물류 현장에서 한 일을 더하세요.", "severity": "major", "quote": ""},
            analysis["improvements"][0],  # a repeat of the analysis's first point
        ],
        "summary": "성실함은 보이지만 직무 경험이 부족합니다.",
        "top_fixes": ["직무 경험 더하기"],
    }  # fmt: skip


def test_combine_keeps_the_analysis_scores_within_one_point_and_labels_it() -> None:
    analysis = _critique(WEAK)
    merged = combine(analysis, _model(analysis, 5, ""))
    assert merged["source"] == "model+analysis"
    for name in DIMENSIONS:
        before, after = analysis["scores"][name]["score"], merged["scores"][name]["score"]
        assert before <= after <= before + MODEL_SCORE_STEP[name], name
    assert merged["scores"]["evidence"] == analysis["scores"]["evidence"]
    assert merged["scores"]["mechanics"] == analysis["scores"]["mechanics"]


def test_combine_drops_a_strength_that_quotes_a_passage_the_analysis_faults() -> None:
    analysis = _critique(WEAK)
    faulted = next(i for i in analysis["improvements"] if i["severity"] in ("critical", "major")
                   and i["quote"])  # fmt: skip
    merged = combine(analysis, _model(analysis, 3, faulted["quote"]))
    points = [item["point"] for item in merged["strengths"]]
    assert "문장이 매끄럽고 성실함이 드러납니다." not in points
    assert "지원 의지가 분명하게 보입니다." in points


def test_combine_appends_new_model_prose_once() -> None:
    analysis = _critique(WEAK)
    merged = combine(analysis, _model(analysis, 3, ""))
    assert merged["improvements"][: len(analysis["improvements"])] == analysis["improvements"]
    added = merged["improvements"][len(analysis["improvements"]) :]
    assert [item["issue"] for item in added] == ["직무 경험을 더 쓰세요"]
    assert added[0]["origin"] == "model"
    assert merged["summary"].endswith("성실함은 보이지만 직무 경험이 부족합니다.")


def test_the_combined_summary_names_the_scores_the_bars_show() -> None:
    """The analysis's 총평 names scores ("…보완이 필요합니다(1/5)"); once the model has moved
    them, the 총평 is said again over the moved scores (it said 1/5 beside a bar at 2/5)."""
    analysis = _critique(WEAK)
    merged = combine(analysis, _model(analysis, 5, ""))
    assert merged["scores"] != analysis["scores"]
    named = [int(n) for n in regex.findall(r"\((\d)/5\)", merged["summary"])]
    assert named, merged["summary"]
    shown = {score["score"] for score in merged["scores"].values()}
    assert set(named) <= shown, (named, merged["scores"])
    assert merged["summary"] != analysis["summary"]
    # with no score moved, the analysis's 총평 stands word for word
    unmoved = combine(analysis, {**_model(analysis, 3, ""), "scores": analysis["scores"]})
    assert unmoved["summary"].startswith(analysis["summary"])


def test_a_short_answer_is_not_said_to_answer_every_ask() -> None:
    short = "한빛물류에 지원한 이유는 물류 데이터를 다루는 일이 즐겁기 때문입니다."
    data = _critique(short, limit=None)
    assert data["scores"]["question_fit"]["score"] < 5
    assert "입사 후 포부" in data["scores"]["question_fit"]["rationale"]
    assert not any("모두 답했습니다" in item["point"] for item in data["strengths"])


def _quoted(data: CritiqueData, text: str) -> list[str]:
    return [i["quote"] for i in data["improvements"] if i["quote"] and i["quote"] in text]


def test_every_review_of_an_essay_points_at_the_answer_at_least_once() -> None:
    """An answer whose points were all unquoted ("본인 행동이 드러나지 않음", "답이 보이지 않는
    물음") gets its vaguest sentence to make concrete; read on the real essays: 10 of 15 right,
    4 debatable, 1 wrong (a proverb quoted in the answer)."""
    plain = (
        "한빛물류의 물류 데이터 분석 직무에 관심이 많습니다. 학회 활동을 하면서 물류 시장과 "
        "여러 기업에 관해 조사했습니다. 그 과정에서 현장의 흐름을 이해하는 눈을 길렀습니다. "
        "입사 후 데이터로 현장을 바꾸겠습니다."
    )
    data = _critique(plain, limit=None)
    assert _quoted(data, plain), data["improvements"]
    # a short answer to an essay question is told so, with the answer quoted
    short = "물류를 좋아합니다."
    data = _critique(short, limit=None)
    assert any(i["issue"] == "답이 너무 짧음" for i in data["improvements"])
    # a form's field ("주요업무") answered with a list is not an essay: nothing forced on it
    field = "- 예산 관리, 행사기획, 회원관리, 총무"
    data = _critique(field, question="주요업무", limit=None)
    assert not any(i["issue"] == "답이 너무 짧음" for i in data["improvements"])

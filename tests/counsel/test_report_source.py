"""Exported reports say who wrote each critique: the automatic analysis (자동 분석), or a model
on top of it with the model's name, and mark the model's items; read back from the files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import regex

from desktop.counsel.export import export_report
from desktop.counsel.report import build_report
from desktop.critique_types import CritiqueData
from desktop.engine.tasks.critique import analysis_only
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.store import reviews as rv
from desktop.writing.analysis_critique import combine
from desktop.writing.essay import EssayRequest

STRONG = (
    "저는 물류센터에서 입고 기록 1,200건을 분석해 오차율을 3.5%에서 0.8%로 낮췄습니다. "
    "한빛물류에서 기여하겠습니다."
)
WEAK = "어릴 적부터 저는 성실한 사람이었습니다. 최선을 다하겠습니다."
MODEL = "qwen2.5-1.5b-instruct-q4_k_m.gguf"
MODEL_POINT = "경험을 한 문장으로 먼저 말한 점이 좋습니다."
MODEL_PART: CritiqueData = {
    "scores": {},
    "strengths": [{"point": MODEL_POINT, "quote": ""}],
    "improvements": [],
    "summary": "",
    "top_fixes": [],
}


def _analysis(text: str, lang: str = "ko") -> CritiqueData:
    question = "지원 동기 (300자)" if lang == "ko" else "Why us? (300 words)"
    return analysis_only(EssayRequest(text=text, question=question, company="한빛물류",
                                      role="운송관리", limit=300, lang=lang))  # fmt: skip


def _application(db: Database, lang: str = "ko", approve: bool = False) -> int:
    """Two answers: the first critiqued by the analysis alone (the app stored the model's name
    with it, as it does when the model did not qualify), the second by a model on it."""
    first, second = (STRONG, WEAK) if lang == "ko" else (
        "I cut shipment errors from 3.5% to 0.8% at a logistics firm.",
        "I am a hard-working person.",
    )  # fmt: skip
    app_id = db.run(
        apps.create_application,
        company="한빛물류", role="운송관리", lang=lang,
        questions=[apps.NewQuestion("지원 동기 (300자)", answer=first),
                   apps.NewQuestion("성장과정 (300자)", answer=second)],
    )  # fmt: skip
    q1, q2 = (q.id for q in db.run(apps.get_application, application_id=app_id).questions)
    db.run(cs.save_critique, question_id=q1, text=first, data=_analysis(first, lang), model=MODEL)
    both = combine(_analysis(second, lang), MODEL_PART)
    record = db.run(cs.save_critique, question_id=q2, text=second, data=both, model=MODEL)
    if approve:
        db.run(rv.save_review, critique_id=record.id, review=rv.current_review(record),
               approve=True)  # fmt: skip
    return app_id


def _sections(text: str, marker: str) -> list[str]:
    """The report before the second question's heading (``marker``) and from it on."""
    first, second = text.split(marker, 1)
    return [first, second]


def test_html_and_docx_say_automatic_analysis_or_model_with_its_name(
    db: Database, tmp_path: Path
) -> None:
    report = db.run(build_report, application_id=_application(db, approve=True))
    export_report(report, tmp_path / "report.html")
    export_report(report, tmp_path / "report.docx")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    document = docx.Document(str(tmp_path / "report.docx"))
    words = "\n".join(p.text for p in document.paragraphs)
    for text in (page, words):
        first, second = _sections(text, "문항 2.")
        assert "자동 분석 · 상담사 검토 전" in first
        assert "자동 분석: 언어 모델 없이" in first
        assert MODEL not in first  # the analysis is not the model's, whatever was stored
        assert f"모델 + 자동 분석 ({MODEL}) · 상담사 검토 완료" in second
        assert f"(모델) {MODEL_POINT}" in second
        assert "AI 초안" not in text
        # The analysis's own items are not marked as the model's.
        assert text.count("(모델) ") == 1


def test_english_reports_label_the_source_in_english(db: Database, tmp_path: Path) -> None:
    report = db.run(build_report, application_id=_application(db, lang="en"))
    export_report(report, tmp_path / "report.html")
    first, second = _sections((tmp_path / "report.html").read_text(encoding="utf-8"), "Question 2.")
    assert "Automatic analysis · not yet reviewed by your counselor" in first
    assert "without a language model" in first
    assert f"Model + automatic analysis ({MODEL}) · not yet reviewed" in second
    assert f"(model) {MODEL_POINT}" in second


def test_a_critique_stored_before_the_analysis_is_the_models(db: Database, tmp_path: Path) -> None:
    app_id = db.run(
        apps.create_application, company="한빛물류",
        questions=[apps.NewQuestion("지원 동기", answer=STRONG)],
    )  # fmt: skip
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    old = dict(MODEL_PART, summary="예전 모델의 총평입니다.")
    db.run(cs.save_critique, question_id=qid, text=STRONG, data=old, model="old.gguf")
    export_report(db.run(build_report, application_id=app_id), tmp_path / "report.html")
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "모델 (old.gguf) · 상담사 검토 전" in page and "자동 분석" not in page


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_the_pdf_says_it_too(db: Database, tmp_path: Path) -> None:
    report = db.run(build_report, application_id=_application(db))
    export_report(report, tmp_path / "report.pdf")
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / "report.pdf"), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    # Qt's PDF text layer (Noto Sans CJK) drops the text of some digits and punctuation: they
    # print but do not extract, and which ones depended on the fonts earlier tests had set. The
    # text is compared by its letters.
    letters = regex.sub(r"[^\p{Hangul}A-Za-z]", "", text)
    first, second = _sections(letters, "성장과정")
    assert "자동분석상담사검토전" in first and "instruct" not in first
    assert "모델자동분석qwen" in second and "instruct" in second
    assert regex.sub(r"[^\p{Hangul}A-Za-z]", "", f"(모델) {MODEL_POINT}") in second

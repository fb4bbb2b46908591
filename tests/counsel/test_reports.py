"""Feedback reports (HTML, DOCX, PDF through Qt) and the essay exports, from a reviewed critique."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from desktop.counsel.docx_out import essay_text, write_essay_docx, write_report_docx
from desktop.counsel.report import build_report, report_html
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import comments as cm
from desktop.store import critiques as cs
from desktop.store import reviews as rv

ANSWER = "물류센터에서 재고 오차율을 3.5%에서 0.8%로 낮췄습니다.\n바코드 재검수를 도입했습니다."
CRITIQUE = {
    "scores": {
        "evidence": {"score": 4, "rationale": "숫자로 결과를 보였습니다"},
        "structure": {"score": 2, "rationale": "결론이 뒤에 있습니다"},
    },
    "strengths": [{"point": "오차율 개선을 수치로 보였습니다", "quote": "3.5%에서 0.8%로"}],
    "improvements": [
        {"issue": "본인 역할이 흐립니다", "why": "팀의 성과처럼 읽힙니다",
         "suggestion": "맡은 검수 업무를 먼저 쓰세요", "severity": "major", "quote": ""},
        {"issue": "버릴 지적", "why": "-", "suggestion": "-", "severity": "minor", "quote": ""},
    ],
    "summary": "성과가 분명한 답변입니다.",
    "top_fixes": ["역할을 첫 문장에"],
}  # fmt: skip


def _reviewed(db: Database, lang: str = "ko") -> int:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        role="물류 SCM 기획",
        client_name="김지원",
        lang=lang,
        questions=[apps.NewQuestion("지원 동기 (700자)", answer=ANSWER), apps.NewQuestion("포부")],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    record = db.run(cs.save_critique, question_id=qid, text=ANSWER, data=CRITIQUE)
    review = rv.current_review(record)
    review["improvements"][1]["state"] = "rejected"
    review["strengths"].append(
        {"point": "상담사가 더한 장점", "quote": "", "state": "accepted", "origin": "counselor"}
    )
    db.run(rv.save_review, critique_id=record.id, review=review, approve=True)
    start = ANSWER.index("바코드")
    db.run(cm.add_comment, question_id=qid, start=start, end=start + 3, body="어떤 바코드인가요?")
    db.run(
        cm.add_comment, question_id=qid, start=0, end=5, body="", replacement="풀필먼트 센터에서"
    )
    return app_id


def test_html_report_has_the_reviewed_critique_and_comments(db: Database) -> None:
    report = db.run(build_report, application_id=_reviewed(db), day=date(2026, 11, 21))
    page = report_html(report)
    for text in (
        "자기소개서 피드백", "김지원", "2026-11-21", "오차율 개선을 수치로 보였습니다",
        "상담사가 더한 장점", "본인 역할이 흐립니다", "맡은 검수 업무를 먼저 쓰세요", "[중요]",
        "상담사 검토 완료", "●●●●○ 4/5", "어떤 바코드인가요?", "풀필먼트 센터에서",
        "아직 평가가 없습니다",
    ):  # fmt: skip
        assert text in page, text
    assert "버릴 지적" not in page  # rejected by the counselor


def test_english_reports_speak_english_and_escape_html(db: Database) -> None:
    app_id = db.run(
        apps.create_application,
        company="Acme <Labs>",
        lang="en",
        questions=[apps.NewQuestion("Why us?", answer="I <script>x</script> build tools.")],
    )
    page = report_html(db.run(build_report, application_id=app_id))
    assert "Feedback on your application" in page and "No review yet." in page
    assert "<script>" not in page and "Acme &lt;Labs&gt;" in page


def test_docx_report_and_essay_exports(db: Database, tmp_path: Path) -> None:
    app_id = _reviewed(db)
    report = db.run(build_report, application_id=app_id)
    write_report_docx(report, tmp_path / "report.docx")
    document = docx.Document(str(tmp_path / "report.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "본인 역할이 흐립니다" in text and "상담사가 더한 장점" in text
    assert "버릴 지적" not in text and "어떤 바코드인가요?" in text
    assert "구체성·근거" in cells and "4/5" in cells
    app = db.run(apps.get_application, application_id=app_id)
    assert essay_text(app).startswith("한빛물류 — 물류 SCM 기획\n\n1. 지원 동기 (700자) (")
    assert ANSWER in essay_text(app)
    write_essay_docx(app, tmp_path / "essay.docx")
    essay = [p.text for p in docx.Document(str(tmp_path / "essay.docx")).paragraphs]
    assert "1. 지원 동기 (700자)" in essay and ANSWER.split("\n") == essay[2:4]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is not installed")
def test_pdf_report_embeds_hangul_fonts_and_extracts_the_items(
    db: Database, tmp_path: Path
) -> None:
    from desktop.counsel.pdf import write_report_pdf

    report = db.run(build_report, application_id=_reviewed(db))
    path = tmp_path / "report.pdf"
    write_report_pdf(report, path)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    for item in ("오차율 개선을 수치로 보였습니다", "본인 역할이 흐립니다", "상담사가 더한 장점"):
        assert "".join(item.split()) in flat, item
    assert "버릴지적" not in flat
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk), fonts  # the "emb" column
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(path), str(png)],
                   check=True)  # fmt: skip
    assert (tmp_path / "page-1.png").stat().st_size > 10_000
    assert not list(tmp_path.glob("*.part"))


# What the starter model wrote into critiques the reports printed (issue 26, item 7).
SCHEMA_WORDS_CRITIQUE = {
    "scores": {
        "evidence": {"score": 3, "rationale": "None (0.5)"},
        "structure": {"score": 2, "rationale": "결론이 뒤에 있습니다"},
    },
    "strengths": [{"point": "None (0.", "quote": ""},
                  {"point": "수치로 결과를 보였습니다", "quote": ""}],
    "improvements": [
        {"issue": "아쉬운점(issue), 이유(why), 고쳐 쓰는 방법(suggestion), 심각도(severity: "
                  "critical, major, minor)", "why": "-", "suggestion": "-", "severity": "major",
         "quote": ""},
        {"issue": "본인 역할이 흐립니다", "why": "None", "suggestion": "맡은 일을 먼저 쓰세요",
         "severity": "minor", "quote": ""},
    ],
    "summary": "성과가 분명한 답변입니다.",
    "top_fixes": ["Fix first: severity: major (0.", "역할을 첫 문장에"],
}  # fmt: skip


def test_reports_never_print_schema_words_placeholders_or_none(
    db: Database, tmp_path: Path
) -> None:
    app_id = db.run(apps.create_application, company="한빛물류", lang="ko",
                    questions=[apps.NewQuestion("지원 동기", answer=ANSWER)])  # fmt: skip
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    db.run(cs.save_critique, question_id=qid, text=ANSWER, data=SCHEMA_WORDS_CRITIQUE)
    report = db.run(build_report, application_id=app_id)
    write_report_docx(report, tmp_path / "report.docx")
    document = docx.Document(str(tmp_path / "report.docx"))
    docx_text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for row in t.rows for c in row.cells
    )
    for text in (report_html(report), docx_text):
        for bad in ("None", "severity", "(issue)", "(0."):
            assert bad not in text, bad
        for good in ("수치로 결과를 보였습니다", "본인 역할이 흐립니다", "맡은 일을 먼저 쓰세요",
                     "역할을 첫 문장에", "결론이 뒤에 있습니다"):  # fmt: skip
            assert good in text, good

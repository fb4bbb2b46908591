"""Filled-in forms: a label beside or above a long value is a question and its answer, a short
one a detail; what was typed into a form's edit boxes and which boxes are ticked are read, in
HWPX and in HWP 5."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

from desktop.importing.readers import read_document
from desktop.importing.split import split_document
from tests.importing.hwp_builder import Control, Para, form_control, hwp
from tests.importing.packages import hcell, hp, htbl, hwpx, section

MOTIVE = (
    "한빛물류의 입고 데이터 품질을 높이고 싶어 지원했습니다. 대학에서 물류 동아리를 이끌며 "
    "야간 입고의 오차율을 3.5%에서 0.8%로 낮춘 경험이 있습니다."
)
PLAN = (
    "입사 후에는 바코드 재확인 절차를 모든 센터에 넓히겠습니다.\n1년 안에 오차율 0.5%가 목표입니다."
)
IRB = Path("/work/shared/peer-fixtures/documents/airmang+python-hwpx")
IRB_FILLED = IRB / "tests__fixtures__reader_robustness__irb_form_filled.hwpx"


def _edit(text: str) -> str:
    return f'<hp:edit name="Edit1"><hp:text>{text}</hp:text></hp:edit>'


def _check(caption: str, ticked: bool) -> str:
    value = "CHECKED" if ticked else "UNCHECKED"
    return f"<hp:checkBtn caption={quoteattr(caption)} value={quoteattr(value)}/>"


def test_a_filled_hwpx_form_imports_with_its_questions_answers_and_details(
    tmp_path: Path,
) -> None:
    form = htbl(
        [hcell("회사명"), hcell("한빛물류")],
        [hcell("성 명"), hcell(hp(_edit("김하늘")))],  # typed into an edit box
        [hcell("지원 분야"), hcell("물류 기획")],
        [hcell("연락처"), hcell("010-1234-5678")],
        [hcell("지원동기"), hcell(MOTIVE)],
        [hcell("입사 후 계획"), hcell(*PLAN.split("\n"))],
    )
    consent = hp("개인정보 수집에 ", _check("동의합니다", True), _check("동의하지 않습니다", False))
    path = hwpx(tmp_path / "form.hwpx", section("입사지원서", form, consent))
    app = split_document(read_document(path))
    assert (app.company, app.role, app.client_name) == ("한빛물류", "물류 기획", "김하늘")
    assert [(q.text, q.answer) for q in app.questions] == [
        ("지원동기", MOTIVE),
        ("입사 후 계획", f"{PLAN}\n개인정보 수집에  ☑ 동의합니다  ☐ 동의하지 않습니다"),
    ]
    assert "연락처: 010-1234-5678" in app.notes


def test_a_label_above_its_answer_box_is_a_question(tmp_path: Path) -> None:
    form = htbl([hcell("성장 배경과 가치관")], [hcell(MOTIVE)])
    app = split_document(read_document(hwpx(tmp_path / "form.hwpx", section(form))))
    assert [(q.text, q.answer) for q in app.questions] == [("성장 배경과 가치관", MOTIVE)]


def test_a_table_listing_names_and_schools_stays_text(tmp_path: Path) -> None:
    rows = htbl(
        [hcell("이름"), hcell("학교")],
        [hcell("김하늘"), hcell("서울대")],
        [hcell("박민수"), hcell("연세대")],
    )
    text = read_document(hwpx(tmp_path / "list.hwpx", section(rows)))
    assert text.split("\n") == ["이름", "학교", "김하늘", "서울대", "박민수", "연세대"]


def test_a_filled_hwp_form_keeps_what_was_typed_and_ticked(tmp_path: Path) -> None:
    edit = form_control(b"+edt", {"Text": "김하늘"})
    agree = form_control(b"+rbt", {"Caption": "수신동의", "Value": 1})
    refuse = form_control(b"+rbt", {"Caption": "수신거부", "Value": 0})
    button = form_control(b"+pbt", {"Caption": "보내기"})
    body = [
        Para("성명:", [edit]),
        Para("수신 여부", [agree, refuse, button]),
        Para(
            "",
            [Control(b"tbl ", [[Para("지원동기")], [Para(MOTIVE)]], 1, 2)],
        ),
    ]
    path = tmp_path / "form.hwp"
    path.write_bytes(hwp(body))
    app = split_document(read_document(path))
    assert app.client_name == "김하늘"
    assert [(q.text, q.answer) for q in app.questions] == [("지원동기", MOTIVE)]
    assert app.notes == "수신 여부 ☑ 수신동의 ☐ 수신거부"  # a push button's caption is no text


@pytest.mark.skipif(not IRB_FILLED.is_file(), reason="no peer fixtures next to the checkout")
def test_the_filled_irb_form_imports_with_its_questions_and_answers() -> None:
    app = split_document(read_document(IRB_FILLED))
    assert [q.text for q in app.questions] == ["연구목적", "연구대상", "연구방법", "기대효과"]
    assert app.questions[0].answer.startswith("본 연구는 딥러닝 기술을 활용하여")
    assert app.questions[2].answer.split("\n")[:2] == [
        "1. 의료 영상 데이터 수집 및 전처리",
        "2. CNN 기반 딥러닝 모델 설계",
    ]
    assert "연구책임자: 홍길동" in app.notes and "연구기간: 2024.03.01 ~ 2025.02.28" in app.notes

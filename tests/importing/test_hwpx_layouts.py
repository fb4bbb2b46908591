"""Hangul documents as counselors receive them: every word once, in order, split into questions."""

from __future__ import annotations

from pathlib import Path

from desktop.importing.readers import read_document
from desktop.importing.split import split_document
from tests.importing.packages import hcell, hp, htbl, hwpx, section

ANSWER = "한빛물류의 입고 데이터 품질을 높이고 싶어 지원했습니다."


def _qa(path: Path) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in split_document(read_document(path)).questions]


def test_text_after_marks_inside_a_text_run_is_kept(tmp_path: Path) -> None:
    # A highlight, a tab, a line break and a tracked insertion sit between the words.
    marked = (
        "<hp:t>입고 데이터 <hp:markpenBegin color='#FFFF00'/>품질<hp:markpenEnd/>을 높였습니다."
        "<hp:lineBreak/>1) 기록<hp:tab width='100'/>분석 <hp:insertBegin Id='1'/>완료"
        "<hp:insertEnd Id='1'/>했습니다.</hp:t>"
    )
    path = hwpx(tmp_path / "a.hwpx", section(hp("1. 지원 동기를 쓰십시오. (700자)"), hp(marked)))
    assert _qa(path) == [
        (
            "지원 동기를 쓰십시오. (700자)",
            "입고 데이터 품질을 높였습니다.\n1) 기록\t분석 완료했습니다.",
        )
    ]


def test_tracked_deletions_are_left_out(tmp_path: Path) -> None:
    changed = (
        "<hp:t>변경<hp:deleteBegin Id='2'/> 추적<hp:deleteEnd Id='2'/> 이후"
        "<hp:nbSpace/>문장<hp:fwSpace/>끝</hp:t>"
    )
    assert read_document(hwpx(tmp_path / "a.hwpx", section(hp(changed)))) == "변경 이후 문장 끝"


def test_a_table_in_a_paragraph_is_read_once(tmp_path: Path) -> None:
    # The paragraph that anchors the table has text of its own, then the table in its run.
    table = htbl([hcell(ANSWER)])
    path = hwpx(tmp_path / "a.hwpx", section(hp("1. 지원 동기를 쓰십시오. (700자)", table)))
    assert read_document(path) == f"1. 지원 동기를 쓰십시오. (700자)\n{ANSWER}"
    assert _qa(path) == [("지원 동기를 쓰십시오. (700자)", ANSWER)]


def test_text_boxes_and_nested_tables_once(tmp_path: Path) -> None:
    box = (
        "<hp:rect><hp:drawText><hp:subList>"
        + hp("상자 안의 글입니다.")
        + "</hp:subList></hp:drawText><hp:shapeComment>사각형입니다.</hp:shapeComment></hp:rect>"
    )
    nested = htbl([hcell(hp("바깥 칸"), hp(htbl([hcell("안쪽 칸")])))])
    path = hwpx(tmp_path / "a.hwpx", section(hp("본문", box), hp(nested)))
    assert read_document(path).split("\n") == [
        "본문",
        "상자 안의 글입니다.",
        "",
        "바깥 칸",
        "",
        "안쪽 칸",
    ]


def test_headers_footers_and_memos_are_not_the_essay(tmp_path: Path) -> None:
    header = (
        "<hp:ctrl><hp:header><hp:subList>"
        + hp("한빛물류 입사지원서")
        + "</hp:subList></hp:header></hp:ctrl>"
    )
    memo = (
        "<hp:ctrl><hp:fieldBegin type='MEMO'><hp:subList>"
        + hp("상담 메모: 숫자를 더 넣을 것")
        + "</hp:subList></hp:fieldBegin></hp:ctrl>"
    )
    path = hwpx(tmp_path / "a.hwpx", section(hp(header, "자기소개서"), hp(memo, ANSWER)))
    left_out: list[tuple[str, str]] = []
    assert read_document(path, left_out=left_out) == f"자기소개서\n{ANSWER}"
    # ... but listed, for the preview to show as not imported
    assert left_out == [
        ("header", "한빛물류 입사지원서"),
        ("comment", "상담 메모: 숫자를 더 넣을 것"),
    ]


def test_form_layouts_in_tables(tmp_path: Path) -> None:
    details = htbl(
        [hcell("성    명"), hcell("김하늘"), hcell("지원 직무"), hcell("물류 기획")],
        [hcell("지원 회사"), hcell("한빛물류", span=(3, 1))],
    )
    form = htbl(
        [hcell("성장과정"), hcell(ANSWER)],
        [hcell("1. 지원 동기 (500자)", span=(2, 1))],
        [hcell("물류 현장에서 일한 경험이 있습니다.", span=(2, 1))],
    )
    path = hwpx(
        tmp_path / "a.hwpx",
        section(
            hp(details),
            hp("입사 후 포부를 기술하십시오."),
            hp(htbl([hcell("포부입니다.")])),
            hp(form),
        ),
    )
    app = split_document(read_document(path))
    assert (app.company, app.role, app.client_name) == ("한빛물류", "물류 기획", "김하늘")
    assert [(q.text, q.answer, q.limit) for q in app.questions] == [
        ("입사 후 포부를 기술하십시오.", "포부입니다.", None),
        ("성장과정", ANSWER, None),
        ("지원 동기 (500자)", "물류 현장에서 일한 경험이 있습니다.", 500),
    ]


def test_backslashes_in_zip_names_and_section_order(tmp_path: Path) -> None:
    path = hwpx(
        tmp_path / "a.hwpx",
        section(hp("1. 지원 동기를 쓰십시오. (700자)"), hp(ANSWER)),
        section(hp("2. 성장 과정을 쓰십시오. (500자)"), hp("둘째 답입니다.")),
        separator="\\",
    )
    assert _qa(path) == [
        ("지원 동기를 쓰십시오. (700자)", ANSWER),
        ("성장 과정을 쓰십시오. (500자)", "둘째 답입니다."),
    ]

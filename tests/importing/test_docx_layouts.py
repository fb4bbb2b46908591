"""Word documents as counselors receive them: every word once, in order, split into questions."""

from __future__ import annotations

from pathlib import Path

from desktop.importing.readers import read_document
from desktop.importing.split import split_document
from tests.importing.packages import docx, p, run, tbl, tc

ANSWER = "한빛물류의 입고 데이터 품질을 높이고 싶어 지원했습니다."
ANSWER_2 = "야간 입고의 오차율을 3.5%에서 0.8%로 낮췄습니다."


def _qa(path: Path) -> list[tuple[str, str]]:
    return [(q.text, q.answer) for q in split_document(read_document(path)).questions]


def test_paragraphs_and_tables_come_in_document_order(tmp_path: Path) -> None:
    body = (
        p("1. 지원 동기를 쓰십시오. (700자 이내)")
        + tbl([tc(ANSWER)])
        + p("2. 가장 어려웠던 경험은 무엇입니까? (500자)")
        + p(ANSWER_2)
    )
    assert _qa(docx(tmp_path / "a.docx", body)) == [
        ("지원 동기를 쓰십시오. (700자 이내)", ANSWER),
        ("가장 어려웠던 경험은 무엇입니까? (500자)", ANSWER_2),
    ]


def test_a_question_paragraph_above_an_answer_box(tmp_path: Path) -> None:
    # Neither label is a question line by itself; the box below makes it one.
    body = (
        p("지원동기")
        + p("")
        + tbl([tc(ANSWER)])
        + p("입사 후 포부를 자유롭게 기술하십시오")
        + tbl([tc(ANSWER_2, "두 번째 문단입니다.")])
    )
    assert _qa(docx(tmp_path / "a.docx", body)) == [
        ("지원동기", ANSWER),
        ("입사 후 포부를 자유롭게 기술하십시오", f"{ANSWER_2}\n두 번째 문단입니다."),
    ]


def test_rows_pairing_a_question_cell_with_an_answer_cell(tmp_path: Path) -> None:
    body = tbl(
        [tc("성 명"), tc("김하늘"), tc("지원 직무"), tc("물류 기획")],
        [tc("지원회사"), tc("한빛물류"), tc(""), tc("")],
    ) + tbl(
        [tc("성장과정"), tc(ANSWER)],
        [tc("지원 동기 및 입사 후 포부", "(500자 이내)"), tc(ANSWER_2, "끝으로 각오입니다.")],
    )
    app = split_document(read_document(docx(tmp_path / "a.docx", body)))
    assert (app.company, app.role, app.client_name) == ("한빛물류", "물류 기획", "김하늘")
    assert [(q.text, q.answer, q.limit) for q in app.questions] == [
        ("성장과정", ANSWER, None),
        ("지원 동기 및 입사 후 포부 (500자 이내)", f"{ANSWER_2}\n끝으로 각오입니다.", 500),
    ]


def test_a_table_of_dates_or_a_column_header_stays_text(tmp_path: Path) -> None:
    body = tbl(
        [tc("이름"), tc("국어"), tc("영어")],
        [tc("김하늘"), tc("90"), tc("85")],
    ) + tbl([tc("2021.03"), tc("물류 동아리 회장")], [tc("2022.07"), tc("물류센터 인턴")])
    app = split_document(read_document(docx(tmp_path / "a.docx", body)))
    assert app.client_name == ""
    assert [q.text for q in app.questions] == [""]
    assert app.questions[0].answer.split("\n") == [
        "이름", "국어", "영어", "김하늘", "90", "85",
        "2021.03", "물류 동아리 회장", "2022.07", "물류센터 인턴",
    ]  # fmt: skip


def test_merged_cells_are_read_once(tmp_path: Path) -> None:
    span = '<w:gridSpan w:val="2"/>'
    body = tbl(
        [tc("1. 지원 동기를 쓰십시오. (500자)", props=span)],
        [tc(ANSWER, props=span)],
        [tc("성장과정", props='<w:vMerge w:val="restart"/>'), tc("첫째 문단입니다.")],
        [tc(props="<w:vMerge/>"), tc("둘째 문단입니다.")],
    )
    assert _qa(docx(tmp_path / "a.docx", body)) == [
        ("지원 동기를 쓰십시오. (500자)", ANSWER),
        ("성장과정", "첫째 문단입니다.\n둘째 문단입니다."),
    ]


def test_nested_tables_and_text_boxes_once(tmp_path: Path) -> None:
    box = (
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic>'
        "<a:graphicData><wps:wsp><wps:txbx><w:txbxContent>"
        + p("상자 안의 글입니다.")
        + "</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
        "</w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>"
        + p("상자 안의 글입니다.")
        + "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
        "</w:r>"
    )
    body = p("본문 앞", box, " 본문 뒤") + tbl([tc(p("바깥 칸"), tbl([tc("안쪽 칸")]))])
    text = read_document(docx(tmp_path / "a.docx", body))
    assert text.split("\n") == ["본문 앞 본문 뒤", "상자 안의 글입니다.", "바깥 칸", "안쪽 칸"]


def test_content_controls_are_read_and_their_prompts_are_not(tmp_path: Path) -> None:
    prompt = (
        "<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        + p("여기를 눌러 내용을 입력하십시오.")
        + "</w:sdtContent></w:sdt>"
    )
    inline = (
        "<w:sdt><w:sdtPr><w:alias w:val='회사'/></w:sdtPr><w:sdtContent>"
        + run("한빛물류")
        + "</w:sdtContent></w:sdt>"
    )
    body = (
        p("회사: ", inline)
        + p("1. 지원 동기를 쓰십시오. (700자)")
        + "<w:sdt><w:sdtPr/><w:sdtContent>"
        + p(ANSWER)
        + "</w:sdtContent></w:sdt>"
        + p("2. 성장 과정을 쓰십시오. (500자)")
        + prompt
    )
    app = split_document(read_document(docx(tmp_path / "a.docx", body)))
    assert app.company == "한빛물류"
    assert [(q.text, q.answer) for q in app.questions] == [
        ("지원 동기를 쓰십시오. (700자)", ANSWER),
        ("성장 과정을 쓰십시오. (500자)", ""),
    ]


def test_inline_elements_keep_their_text(tmp_path: Path) -> None:
    highlighted = '<w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>품질</w:t></w:r>'
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://example.com" </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("누리집")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    body = (
        p("1. 지원 동기를 쓰십시오. (700자)")
        + p("입고 데이터 ", highlighted, "을 높였습니다.", "<w:r><w:br/></w:r>", "1) 기록 분석")
        + p(
            '<w:hyperlink w:anchor="x">' + run("회사") + "</w:hyperlink>",
            " ",
            field,
            "<w:del>" + "<w:r><w:delText>지운 말</w:delText></w:r>" + "</w:del>",
            "<w:ins>" + run("에서 배웠습니다.") + "</w:ins>",
            "<w:r><w:tab/><w:t>끝</w:t></w:r>",
        )
    )
    assert _qa(docx(tmp_path / "a.docx", body)) == [
        (
            "지원 동기를 쓰십시오. (700자)",
            "입고 데이터 품질을 높였습니다.\n1) 기록 분석\n회사 누리집에서 배웠습니다.\t끝",
        )
    ]


def test_strict_ooxml_is_read(tmp_path: Path) -> None:
    body = p("1. 지원 동기를 쓰십시오. (700자)") + tbl([tc(ANSWER)])
    assert _qa(docx(tmp_path / "strict.docx", body, strict=True)) == [
        ("지원 동기를 쓰십시오. (700자)", ANSWER)
    ]


def test_a_docx_named_hwpx_or_the_other_way_round_still_reads(tmp_path: Path) -> None:
    path = docx(tmp_path / "misnamed.hwpx", p("그냥 쓴 글입니다."))
    assert read_document(path) == "그냥 쓴 글입니다."

"""PDF import: wraps joined the way the writer wrapped, hyphens mended, page furniture dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.importing.readers import read_document
from desktop.importing.split import split_document
from tests.importing.pdf_builder import Line, pdf_bytes, typeset, width

QUESTION = "1. 지원 동기를 쓰십시오. (700자 이내)"
KO = (
    "저는 한빛물류의 입고 데이터 품질을 높이기 위해 지원했습니다. 대학에서 물류 동아리를 이끌며 "
    "야간 입고의 오차율을 3.5%에서 0.8%로 낮춘 경험이 있습니다. 입고 기록 1,200건을 분석하고 "
    "바코드 재확인 절차를 제안했습니다."
)
QUESTION_2 = "2. 가장 어려웠던 경험은 무엇입니까? (500자)"
KO_2 = (
    "물류센터 인턴으로 일하며 재고 실사 일정을 맞추지 못한 적이 있습니다. 작업 순서를 다시 짜서 "
    "이틀 만에 끝냈습니다."
)
EN = (
    "I applied because logistics data quality matters to me. During my internship I reconciled "
    "twelve hundred inbound records and proposed a barcode check that the warehouse adopted."
)


def _read(tmp_path: Path, pages: list[list[Line]], **kwargs: object) -> str:
    path = tmp_path / "essay.pdf"
    path.write_bytes(pdf_bytes(pages, **kwargs))  # type: ignore[arg-type]
    return read_document(path)


@pytest.mark.parametrize("justify", [False, True], ids=["left", "justified"])
def test_korean_wrapped_at_spaces_keeps_its_spaces(tmp_path: Path, justify: bool) -> None:
    # Hangul's default and CSS keep-all: a line ends before the word that did not fit.
    paragraphs = [QUESTION, KO, QUESTION_2, KO_2]
    pages = typeset(paragraphs, wrap="word", justify=justify)
    assert sum(len(page) for page in pages) > len(paragraphs)  # it did wrap
    assert _read(tmp_path, pages) == "\n".join(paragraphs)


@pytest.mark.parametrize("justify", [False, True], ids=["left", "justified"])
def test_korean_wrapped_inside_words_is_joined_without_spaces(
    tmp_path: Path, justify: bool
) -> None:
    # A browser's default: a line breaks between any two syllables ("위|해", "이|끌며").
    pages = typeset([QUESTION, KO], wrap="char", justify=justify, column=205)
    rows = [line.text for line in pages[0]]
    assert "".join(rows[1:]) == KO and all(row[-1] != "." for row in rows[1:-1])
    assert _read(tmp_path, pages) == f"{QUESTION}\n{KO}"


def test_a_tight_wrap_at_a_space_the_document_writes_elsewhere(tmp_path: Path) -> None:
    # Breaking anywhere, the writer broke at the space of "바코드 재확인"; that the document
    # writes both words apart elsewhere, and never together, tells the space was there. The
    # break inside "라벨을" has no such evidence and joins.
    x = 72.0
    lines = [
        Line(x, 700, "1. 지원 동기를 쓰십시오. (700자)"),
        Line(x, 686, "입고 기록을 분석한 뒤에 저는 새로 바코드"),
        Line(x, 672, "재확인 절차를 제안했고 재확인 뒤 바코드 라"),
        Line(x, 658, "벨을 다시 붙였습니다."),
    ]
    # Both wrapped lines are full to within a syllable, as a writer breaking anywhere leaves them.
    assert width(lines[2].text, 10) - width(lines[1].text, 10) <= 10
    assert _read(tmp_path, [lines]).split("\n")[1] == (
        "입고 기록을 분석한 뒤에 저는 새로 바코드 재확인 절차를 제안했고 재확인 뒤 바코드 라벨을 "
        "다시 붙였습니다."
    )


def test_english_wraps_and_hyphenation(tmp_path: Path) -> None:
    x = 72.0
    lines = [
        Line(x, 700, "Q1. Why do you want to join us? (300 words)"),
        Line(x, 686, "I want to improve data quality through careful hyphen-"),
        Line(x, 672, "ation of tasks, a re-check of every record and a re-"),
        Line(x, 658, "check of labels."),
    ]
    text = _read(tmp_path, [lines])
    assert text == (
        "Q1. Why do you want to join us? (300 words)\n"
        "I want to improve data quality through careful hyphenation of tasks, a re-check of "
        "every record and a re-check of labels."
    )


def test_a_question_is_never_joined_to_the_line_above(tmp_path: Path) -> None:
    x = 72.0
    full = "입고 데이터 품질을 높이기 위해 지원했습니다 그리고"  # ends flush with the column
    lines = [
        Line(x, 700, QUESTION),
        Line(x, 686, full),
        Line(x, 672, "2. 가장 어려웠던 경험은? (500자)"),
        Line(x, 658, "야간 입고의 오차율을 낮췄습니다."),
        Line(x, 644, full),
    ]
    app = split_document(_read(tmp_path, [lines]))
    assert [q.text for q in app.questions] == [QUESTION[3:], "가장 어려웠던 경험은? (500자)"]
    assert app.questions[0].answer == full


def test_headers_and_footers_repeating_on_pages_are_dropped(tmp_path: Path) -> None:
    paragraphs = [QUESTION] + [KO] * 6 + [QUESTION_2, KO_2]
    pages = typeset(paragraphs, wrap="word", top=700, bottom=550)
    assert len(pages) >= 3
    for number, page in enumerate(pages, start=1):
        page.insert(0, Line(72, 800, "한빛물류 2025 신입사원 입사지원서", size=8))
        page.append(Line(280, 40, f"- {number} -", size=8))
    text = _read(tmp_path, pages)
    assert text == "\n".join(paragraphs)  # a paragraph over a page break is one again


def test_a_one_page_pdf_keeps_its_title(tmp_path: Path) -> None:
    pages = typeset([QUESTION, KO], top=700)
    pages[0].insert(0, Line(72, 800, "자기소개서", size=14))
    assert _read(tmp_path, pages) == f"자기소개서\n{QUESTION}\n{KO}"


def test_a_filled_in_form_keeps_its_answers_in_fields(tmp_path: Path) -> None:
    # A PDF form filled in on screen keeps the answers as field values, not as page text.
    lines = [Line(72, 700, QUESTION), Line(72, 560, QUESTION_2)]
    fields = {0: [((72, 600, 520, 690), f"{KO}\r둘째 문단입니다."), ((72, 500, 520, 550), KO_2)]}
    app = split_document(_read(tmp_path, [lines], fields=fields))
    assert [(q.text, q.answer) for q in app.questions] == [
        (QUESTION[3:], f"{KO}\n둘째 문단입니다."),
        (QUESTION_2[3:], KO_2),
    ]


def test_a_korean_font_that_is_not_embedded(tmp_path: Path) -> None:
    # Adobe's UniKS-UCS2-H encoding, no ToUnicode map: the reader needs Adobe's Korean CMaps.
    text = _read(tmp_path, [[Line(72, 700, QUESTION), Line(72, 686, "한빛물류에 지원했습니다.")]],
                 korean_cmap=True)  # fmt: skip
    assert text == f"{QUESTION}\n한빛물류에 지원했습니다."


def test_english_and_a_pdf_written_by_qt(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QFontDatabase, QPageSize, QPdfWriter, QTextDocument

    korean = QFontDatabase.families(QFontDatabase.WritingSystem.Korean)
    if not korean:
        pytest.skip("no font with Hangul on this machine, so Qt cannot write the essay")
    path = tmp_path / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setResolution(72)
    document = QTextDocument()
    document.setDefaultFont(QFont(korean[0], 11))
    # Qt's PDF writer leaves digits set in a Latin run out of its ToUnicode map (pdftotext
    # cannot read them either), so the English answer and its question have none.
    question = "2. 우리 회사에 지원한 이유를 영어로 쓰십시오. (영어 단어 기준)"
    document.setPlainText("\n".join([QUESTION, KO, question, EN]))
    document.setPageSize(QSizeF(writer.width(), writer.height()))
    document.print_(writer)
    del writer
    app = split_document(read_document(path))
    assert [(q.text, q.answer) for q in app.questions] == [
        (QUESTION[3:], KO),
        (question[3:], EN),
    ]

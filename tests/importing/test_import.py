"""Importing essays: .txt (UTF-8, CP949), .md, .docx and .hwpx files the tests create, the
samples written out as text, and the refusals. The layouts of real forms, damaged files and PDFs
have their own test modules."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.importing.readers import ImportFailed, read_document
from desktop.importing.split import is_question_line, split_document
from desktop.paths import resource

ESSAY = """자기소개서
회사: 한빛물류
직무: 물류 SCM 기획
성명: 김하늘

1. 지원 동기와 입사 후 포부를 기술해 주십시오. (700자 이내)
한빛물류에 지원한 이유는 입고 데이터의 품질 때문입니다.
제가 한 일은 다음과 같습니다.
1) 입고 기록 1,200건 분석
2) 바코드 재확인 절차 제안

2. 가장 어려웠던 경험은 무엇입니까? (공백 제외 500자)
야간 입고의 오차율 3.5%를 0.8%로 낮췄습니다.
"""


def _check(result_text: str) -> None:
    app = split_document(result_text)
    assert (app.company, app.role, app.client_name) == ("한빛물류", "물류 SCM 기획", "김하늘")
    assert app.notes == "자기소개서"
    assert [(q.limit, q.profile) for q in app.questions[:2]] == [
        (700, "chars_incl_spaces"),
        (500, "chars_excl_spaces"),
    ]
    assert app.questions[0].answer.endswith("2) 바코드 재확인 절차 제안")  # a list, not a question
    assert app.questions[1].answer == "야간 입고의 오차율 3.5%를 0.8%로 낮췄습니다."


def test_text_in_utf8_with_bom_and_in_cp949(tmp_path: Path) -> None:
    for name, data in (
        ("utf8.txt", "\ufeff".encode() + ESSAY.replace("\n", "\r\n").encode()),
        ("korean-windows.txt", ESSAY.encode("cp949")),
    ):
        path = tmp_path / name
        path.write_bytes(data)
        _check(read_document(path))


def test_markdown_headings_are_questions(tmp_path: Path) -> None:
    path = tmp_path / "essay.md"
    path.write_text("## 지원 동기 (700자)\n첫 답변\n\n## 성장 과정\n둘째 답변\n", encoding="utf-8")
    app = split_document(read_document(path))
    assert [(q.text, q.answer, q.limit) for q in app.questions] == [
        ("지원 동기 (700자)", "첫 답변", 700),
        ("성장 과정", "둘째 답변", None),
    ]


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ESSAY.split("\n"):
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "[문항 3] 협업 경험을 쓰십시오.\n물류 동아리에서 일정을 맞췄습니다."
    path = tmp_path / "essay.docx"
    document.save(str(path))
    text = read_document(path)
    _check(text)
    app = split_document(text)
    assert app.questions[-1].text == "협업 경험을 쓰십시오."
    assert app.questions[-1].answer == "물류 동아리에서 일정을 맞췄습니다."


def _hwpx(path: Path, paragraphs: list[str]) -> None:
    ns = "http://www.hancom.co.kr/hwpml/2011/paragraph"
    body = "".join(
        f"<hp:p><hp:run><hp:t>{line.replace('&', '&amp;').replace('<', '&lt;')}</hp:t></hp:run>"
        "</hp:p>"
        for line in paragraphs
    )
    head = '<?xml version="1.0" encoding="UTF-8"?>'
    xml = f'{head}<hs:sec xmlns:hs="x" xmlns:hp="{ns}">{body}</hs:sec>'
    second = xml.replace(body, "<hp:p><hp:run><hp:t>[문항 3] 추가 질문</hp:t></hp:run></hp:p>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/hwp+zip")
        archive.writestr("Contents/section1.xml", second)  # stored out of order on purpose
        archive.writestr("Contents/section0.xml", xml)


def test_hwpx_sections_in_order(tmp_path: Path) -> None:
    path = tmp_path / "essay.hwpx"
    _hwpx(path, ESSAY.split("\n"))
    text = read_document(path)
    _check(text)
    assert split_document(text).questions[-1].text == "추가 질문"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("old.hwp", b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05", "save it as HWPX or DOCX"),
        ("renamed.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "is damaged"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "is damaged and cannot be read"),
        ("broken.hwpx", b"not a zip", "is damaged and cannot be read"),
        ("cut-short.pdf", b"%PDF-1.7", "is damaged and cannot be read"),
        ("essay.rtf", b"{\\rtf1 }", "only .txt, .md, .docx, .hwpx, .hwp, .pdf files"),
        ("latin1.txt", "café".encode("latin-1") + b"\xff\xfe\xfd", "neither UTF-8 nor CP949"),
    ],
)
def test_refusals_say_what_to_do(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ImportFailed, match=message):
        read_document(path)


def test_a_missing_file_is_a_message(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="cannot be opened"):
        read_document(tmp_path / "gone.txt")


def test_every_sample_survives_a_round_trip_through_text() -> None:
    data = json.loads(resource("samples", "applications.json").read_text(encoding="utf-8"))
    for app in data["applications"]:
        lines = [f"회사: {app['company']}", f"직무: {app['role']}", ""]
        for number, question in enumerate(app["questions"], start=1):
            lines += [f"[문항 {number}] {question['text']}", question["answer"], ""]
        result = split_document("\n".join(lines))
        assert result.company == app["company"] and result.role == app["role"]
        assert [q.answer for q in result.questions] == [
            q["answer"].strip() for q in app["questions"]
        ]
        for imported, original in zip(result.questions, app["questions"], strict=True):
            assert imported.text == original["text"].strip()


def test_without_question_lines_the_whole_text_is_one_answer() -> None:
    app = split_document("그냥 쓴 글입니다.\n두 줄입니다.")
    assert [(q.text, q.answer) for q in app.questions] == [("", "그냥 쓴 글입니다.\n두 줄입니다.")]
    assert not is_question_line("1) 입고 기록 1,200건 분석")
    assert is_question_line("Q2. Why us?") and is_question_line("③ 성장 과정을 쓰십시오.")

"""A page's drawing is taken out of its content stream before pdfminer reads it, and the rest is
tokenized by regular expressions: the text read is the same, every string kept byte for byte,
every object the one pdfminer's own parser makes."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
from pdfminer.pdfinterp import PDFContentParser, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSEOF

from desktop.importing import pdf_reader
from desktop.importing.pdf_content import objects
from desktop.importing.pdf_graphics import without_drawing
from desktop.importing.readers import read_document
from tests.importing.pdf_builder import pdf_bytes, typeset

RULES = (
    "q 0 842 m 594.96 842 l 594.96 0.2 l 0 0.2 l h W n 0 0 595 842 re W n /Cs1 cs 0 0 0 sc "
    "3 w /Cs1 CS 0 0 0 SC q 0.12 0 0 -0.12 0 842 cm 496 626 m 496 919 l S Q "
    "0.5 0.5 0.5 rg 10 10 100 20 re f 1 0 0 RG 10 10 m 20 20 30 30 40 40 c S Q "
)


def test_drawing_operators_go_and_text_operators_stay() -> None:
    data = (
        RULES.encode() + b"q 1 0 0 1 72 700 cm BT /F1 12 Tf 0 Tc [(a q Q 1 2 m b) -20 (c)] TJ "
        b"<0A 0B 0c> Tj ET Q q 0 0 m 1 1 l S Q"
    )
    lean = without_drawing(data)
    assert (
        lean.split()
        == (
            b"q 1 0 0 1 72 700 cm BT /F1 12 Tf 0 Tc [(a q Q 1 2 m b) -20 (c)] TJ <0A 0B 0c> Tj ET Q"
        ).split()
    )


def test_a_stream_with_an_inline_image_is_left_as_it_is() -> None:
    data = b"0 0 m 1 1 l S BI /W 1 /H 1 /BPC 8 /CS /G ID \x00 1 1 l EI"
    assert without_drawing(data) == data


@pytest.mark.parametrize("wrap", ["word", "char"])
def test_a_ruled_page_reads_as_it_did_with_its_drawing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, wrap: Literal["word", "char"]
) -> None:
    paragraphs = [
        "1. 지원 동기를 쓰십시오. (700자 이내)",
        "저는 한빛물류의 입고 데이터 품질을 높이기 위해 지원했습니다. 대학에서 물류 동아리를 "
        "이끌며 야간 입고의 오차율을 3.5%에서 0.8%로 낮춘 경험이 있습니다.",
    ]
    path = tmp_path / "ruled.pdf"
    path.write_bytes(pdf_bytes(typeset(paragraphs, wrap=wrap), drawing=RULES))
    lean = read_document(path)
    monkeypatch.setattr(pdf_reader, "TextInterpreter", PDFPageInterpreter)
    assert lean == read_document(path) == "\n".join(paragraphs)


@pytest.mark.parametrize(
    "data",
    [
        b"q 1 0 0 1 72.5 -.5 cm BT /F1#20x 12 Tf [(a\\(b\\)c\\101) -20 <48656c6c6f2> ] TJ ET",
        b"- + . 5.5.5 --5 1e5 true false > ) T* ' \" << /A 1 /B [1 2] /C << /D /E >> >> BDC",
        b"(nested ( parens ) kept) Tj (x\\\ny) Tj (\\q) Tj (\\0053\\r\\n) Tj <0A 0B 0c> Tj",
        b"% a comment (x\n1 2 m\r\n/Name#41B /a#zz ]] >> [ 1 2 Tj ] 3",
        b"BT /F1 1 Tf (unterminated",
        b"/TT3 1 Tf ({|) Tj [ (\xb3{) -8 (}) ] TJ { 1 {2 add} dup } x } ] { [ } ] x{y}z <0A>",
        b"[ { 1 2 ] 3 } 4 ] Tj << /P { 1 } >> BDC {",
    ],
    ids=[
        "text",
        "numbers-and-marks",
        "strings",
        "comments-and-strays",
        "cut-short",
        "procedures",
        "procedures-mismatched",
    ],
)
def test_the_fast_tokenizer_gives_pdfminers_objects(data: bytes) -> None:
    stream = PDFStream({}, data)
    stream.set_objid(1, 0)
    parser = PDFContentParser([stream])
    expected: list[object] = []
    while True:
        try:
            expected.append(parser.nextobject()[1])
        except PSEOF:
            break
    assert list(objects(data)) == expected

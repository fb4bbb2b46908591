"""Old binary Hangul files (HWP 5): the body once, in order, split into questions; the files it
cannot read (password, distribution-only, HWP 3, .doc) refused with a message that says why."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from desktop.importing.readers import ImportFailed, read_document
from desktop.importing.split import split_document
from tests.importing.hwp_builder import Control, Para, compound_file, file_header, hwp, tab

ANSWER = "한빛물류의 입고 데이터 품질을 높이고 싶어 지원했습니다."


def _write(tmp_path: Path, data: bytes, name: str = "essay.hwp") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _body() -> list[Para]:
    return [
        Para("회사: 한빛물류"),
        Para(
            "1. 지원 동기를 쓰십시오. (700자)",
            [Control(b"head", [[Para("한빛물류 입사지원서")]])],
        ),
        Para(
            "입고 데이터 품질을" + tab() + "높였습니다.\n1) 기록 분석",
            [Control(b"fn  ", [[Para("각주: 출처")]]), Control(b"tcmt", [[Para("숨은 설명")]])],
        ),
        Para("", [Control(b"tbl ", [[Para("성장과정")], [Para(ANSWER), Para("둘째 문단")]], 1, 2)]),
        Para("상자 옆 본문", [Control(b"gso ", [[Para("상자 안의 글")]])]),
    ]


@pytest.mark.parametrize("compressed", [True, False], ids=["compressed", "stored"])
def test_body_tables_and_text_boxes_once_without_headers_or_notes(
    tmp_path: Path, compressed: bool
) -> None:
    second = [Para("2. 가장 어려웠던 경험은? (500자)"), Para("야간 입고를 맡았습니다.")]
    path = _write(tmp_path, hwp(_body(), second, compressed=compressed))
    left_out: list[tuple[str, str]] = []
    app = split_document(read_document(path, left_out=left_out))
    assert left_out == [
        ("header", "한빛물류 입사지원서"),
        ("note", "각주: 출처"),
        ("comment", "숨은 설명"),
    ]
    assert app.company == "한빛물류"
    assert [(q.text, q.answer) for q in app.questions] == [
        ("지원 동기를 쓰십시오. (700자)", "입고 데이터 품질을\t높였습니다.\n1) 기록 분석"),
        ("성장과정", f"{ANSWER}\n둘째 문단\n상자 옆 본문\n상자 안의 글"),
        ("가장 어려웠던 경험은? (500자)", "야간 입고를 맡았습니다."),
    ]


def test_a_table_in_rows_and_columns(tmp_path: Path) -> None:
    cells = [[Para(text)] for text in ("성 명", "김하늘", "지원 직무", "물류 기획")]
    table = Control(b"tbl ", cells, rows=2, columns=2)
    app = split_document(read_document(_write(tmp_path, hwp([Para("", [table])]))))
    assert (app.client_name, app.role) == ("김하늘", "물류 기획")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (hwp([Para("암호")], password=True), "protected by a password"),
        (hwp([Para("배포")], distribution=True), "distribution-only document"),
        (b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 200, "save it as HWPX"),
        (compound_file({"WordDocument": b"\0" * 600}), "Word \\(.doc\\) file"),
        (compound_file({"EncryptedPackage": b"\0" * 600}), "Remove it in Word"),
    ],
    ids=["password", "distribution", "hwp3", "doc", "encrypted-docx"],
)
def test_files_it_cannot_read_say_why(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(ImportFailed, match=message):
        read_document(_write(tmp_path, data))


@pytest.mark.parametrize(
    "data",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100,  # an OLE header and nothing behind it
        b"not an hwp at all",
        compound_file({"FileHeader": file_header(), "BodyText/Section0": b"\x78\x9c broken"}),
        compound_file(  # a record longer than its stream
            {"FileHeader": file_header(compressed=False), "BodyText/Section0": b"\x42\x00\xf0\x0f"}
        ),
        compound_file({"FileHeader": file_header()}),  # no body at all
    ],
    ids=["ole-header-only", "not-ole", "bad-deflate", "record-overrun", "no-body"],
)
def test_damage_is_one_clear_message(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(ImportFailed, match="is damaged and cannot be read"):
        read_document(_write(tmp_path, data))


def test_no_raw_exception_escapes_random_damage(tmp_path: Path) -> None:
    good = hwp(_body())
    rng = random.Random(5)
    for attempt in range(80):
        broken = bytearray(good)
        if attempt % 4 == 0:
            broken = broken[: rng.randrange(len(broken))]
        else:
            for _ in range(rng.randrange(1, 6)):
                broken[rng.randrange(512, len(broken))] = rng.randrange(256)
        try:
            read_document(_write(tmp_path, bytes(broken)))
        except ImportFailed:
            pass


def test_a_hwp_named_docx_still_reads(tmp_path: Path) -> None:
    path = _write(tmp_path, hwp([Para("그냥 쓴 글입니다.")]), name="misnamed.docx")
    assert read_document(path) == "그냥 쓴 글입니다."

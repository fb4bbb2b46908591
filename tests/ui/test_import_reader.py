"""A file to import is read in another process: its text comes back as the dialog's preview
text, a reader's refusal as its message, and Cancel ends the reading."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.importing.errors import ImportFailed
from desktop.importing.readers import read_document
from desktop.importing.split import render_document, split_document
from desktop.store import Database
from desktop.ui.counsel.import_dialog import ImportDialog
from desktop.ui.counsel.import_reader import ImportReader
from tests.importing.pdf_builder import Line, pdf_bytes, typeset

ESSAY = [
    "1. 지원 동기를 쓰십시오. (700자 이내)",
    "저는 한빛물류의 입고 데이터 품질을 높이기 위해 지원했습니다. 대학에서 물류 동아리를 이끌며 "
    "야간 입고의 오차율을 3.5%에서 0.8%로 낮춘 경험이 있습니다.",
]


def _essay(times: int) -> list[str]:
    """``ESSAY`` ``times`` over, each answer starting at another sentence (a PDF's line that
    repeats at one place on most pages is its running title, and is left out)."""
    sentences = ESSAY[1].split(". ")
    out: list[str] = []
    for number in range(times):
        turn = number % len(sentences)
        out += [f"{ESSAY[0][:-1]} {number}자)", ". ".join(sentences[turn:] + sentences[:turn])]
    return out


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture(scope="module")
def reader(qapp: object) -> Iterator[ImportReader]:
    """One reading process for the module's files, as one "Import essays" has for its files
    (each setting the analyzer up would take seconds)."""
    one = ImportReader()
    yield one
    one.close()


def test_a_pdf_is_read_in_another_process_with_its_progress(
    tmp_path: Path, window: QWidget, reader: ImportReader
) -> None:
    path = tmp_path / "essay.pdf"
    path.write_bytes(pdf_bytes(typeset(_essay(40))))  # several pages
    seen: list[tuple[int, int]] = []
    reader.progressed.connect(lambda done, total: seen.append((done, total)))
    left_out: list[tuple[str, str]] = []
    expected = render_document(split_document(read_document(path, left_out=left_out)))
    assert reader.read(path, window) == (expected, left_out)
    assert seen and seen[-1][0] == seen[-1][1] > 1
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_damaged_file_fails_with_the_readers_message_and_the_next_file_reads(
    tmp_path: Path, window: QWidget, reader: ImportReader
) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf_bytes(typeset(ESSAY))[:300])  # a download that stopped
    with pytest.raises(ImportFailed, match="cut.pdf"):
        reader.read(path, window)
    sound = tmp_path / "essay.pdf"
    sound.write_bytes(pdf_bytes(typeset(ESSAY)))
    assert reader.read(sound, window) == (f"## {ESSAY[0][3:]}\n{ESSAY[1]}\n", [])


def test_cancel_ends_the_reading_and_the_next_file_gets_a_new_process(
    tmp_path: Path, window: QWidget, reader: ImportReader
) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes(typeset(_essay(300))))  # long enough to be read for a while
    QTimer.singleShot(300, reader.cancel)
    assert reader.read(path, window) is None
    assert not [p for p in multiprocessing.active_children() if p.name == "jaso-import"]
    short = tmp_path / "essay.pdf"
    short.write_bytes(pdf_bytes(typeset(ESSAY)))
    assert reader.read(short, window) is not None


def test_text_left_out_comes_back_and_the_preview_lists_it(
    tmp_path: Path, window: QWidget, db: Database, reader: ImportReader
) -> None:
    answers = [
        "입고 기록을 분석했습니다.",
        "바코드 재확인 절차를 제안했습니다.",
        "오차율을 낮췄습니다.",
    ]
    pages = [typeset([ESSAY[0], answer], top=700)[0] for answer in answers]
    for number, page in enumerate(pages, start=1):
        page.insert(0, Line(72, 800, "한빛물류 입사지원서", size=8))
        page.append(Line(280, 40, f"- {number} -", size=8))
    path = tmp_path / "essay.pdf"
    path.write_bytes(pdf_bytes(pages))
    read = reader.read(path, window)
    assert read is not None
    text, left_out = read
    assert left_out == [("page", "한빛물류 입사지원서"), ("page", "- 1 -")]
    dialog = ImportDialog(db, text, path.name, window, left_out)
    assert [q.answer for q in dialog.parsed.questions] == answers
    top = dialog.preview.topLevelItem(dialog.preview.topLevelItemCount() - 1)
    assert top is not None and top.childCount() == 2
    assert "2" in top.text(0) and top.child(0).text(0).endswith(": 한빛물류 입사지원서")

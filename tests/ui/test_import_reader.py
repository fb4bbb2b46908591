"""A file to import is read in another process: its text comes back as the dialog's preview
text, a reader's refusal as its message, and Cancel ends the reading."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from desktop.importing.errors import ImportFailed
from desktop.importing.reading_process import read_for_import
from desktop.ui.counsel.import_reader import ImportReader
from tests.importing.pdf_builder import pdf_bytes, typeset

ESSAY = [
    "1. 지원 동기를 쓰십시오. (700자 이내)",
    "저는 한빛물류의 입고 데이터 품질을 높이기 위해 지원했습니다. 대학에서 물류 동아리를 이끌며 "
    "야간 입고의 오차율을 3.5%에서 0.8%로 낮춘 경험이 있습니다.",
]


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_a_pdf_is_read_in_another_process_with_its_progress(
    tmp_path: Path, window: QWidget
) -> None:
    path = tmp_path / "essay.pdf"
    path.write_bytes(pdf_bytes(typeset(ESSAY * 40)))  # several pages
    reader = ImportReader(path)
    seen: list[tuple[int, int]] = []
    reader.progressed.connect(lambda done, total: seen.append((done, total)))
    assert reader.read(window) == read_for_import(path)
    assert seen and seen[-1][0] == seen[-1][1] > 1
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_a_damaged_file_fails_with_the_readers_message(tmp_path: Path, window: QWidget) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(pdf_bytes(typeset(ESSAY))[:300])  # a download that stopped
    with pytest.raises(ImportFailed, match="cut.pdf"):
        ImportReader(path).read(window)


def test_cancel_ends_the_reading(tmp_path: Path, window: QWidget) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(pdf_bytes(typeset(ESSAY * 300)))  # long enough to be read for a while
    reader = ImportReader(path)
    QTimer.singleShot(300, reader.cancel)
    assert reader.read(window) is None
    assert not [p for p in multiprocessing.active_children() if p.name == "jaso-import"]

"""The window keeps the writing in view: at 1200×800 and 1600×1000, in Korean and English, the
editor gets the room, the writing-help panel a bounded width, no horizontal scroll bar, question
titles in at most two lines; first start guides; search highlights its match."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor, QFont, QTextLayout
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollBar
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import applications as apps
from desktop.ui import window_layout
from desktop.ui.editor.row_delegate import MATCH_BACKGROUND
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend

LONG_QUESTION = (
    "지원 분야와 관련하여 본인이 보유한 역량을 구체적인 경험을 바탕으로 기술하고, "
    "입사 후 그 역량을 어떻게 발휘하여 회사의 성장에 기여할 수 있을지 "
    "구체적인 계획과 함께 작성해 주십시오. "
    "(최대 1,000자 입력가능, 공백 포함)"
)


def _line_count(text: str, font: QFont, width: int) -> int:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    count = 0
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        count += 1
    layout.endLayout()
    return count


@pytest.fixture(params=["ko", "en"])
def lang(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")
    QLocale.setDefault(QLocale(QLocale.Language.English))


@pytest.mark.parametrize("size", [(1200, 800), (1600, 1000)])
def test_the_editor_gets_the_room(
    qtbot: QtBot, db: Database, paths: AppPaths, lang: str, size: tuple[int, int]
) -> None:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        questions=[
            apps.NewQuestion(LONG_QUESTION, 1000, answer="물류센터에서 일했습니다. " * 30),
            apps.NewQuestion("성장 과정 (500자)", 500),
            apps.NewQuestion("입사 후 포부 (700자)", 700),
        ],
    )
    win = window_with_model(qtbot, db, paths, FakeBackend(), Settings())
    try:
        win.resize(*size)
        win.fit_panels()
        win.open_application(app_id)
        win.view._set_active(win.view.editors[0])  # noqa: SLF001
        win.view.review_all()  # a review fills the panel: it must not widen it
        qtbot.waitUntil(lambda: win.assist.critique.body.isVisible(), timeout=5000)
        win.assist.setCurrentWidget(win.assist.critique)
        qtbot.wait(50)
        width = win.width()
        help_width = win.assist_dock.width()
        assert window_layout.HELP_MIN <= help_width <= window_layout.HELP_MAX + 20
        editor = win.view.editors[0]
        assert editor.answer_edit.width() >= width * 0.45  # the editor has most of the width
        # No horizontal scroll bar anywhere in the window.
        for area in win.findChildren(QAbstractScrollArea):
            bar: QScrollBar = area.horizontalScrollBar()
            assert not (area.isVisible() and bar.isVisible()), type(area).__name__
        # One scroll area in the Review panel: its lists show every row, nothing to scroll.
        for listed in (win.assist.critique.strengths, win.assist.critique.improvements):
            assert listed.verticalScrollBar().maximum() == 0
        title = editor.header.title
        assert _line_count(title.text(), title.font(), title.contentsRect().width()) <= 2
        assert title.text() == title.full_text() or title.text().endswith("…")
        assert title.toolTip().endswith(LONG_QUESTION)
        buttons = editor.header.buttons
        assert all(
            b.isVisible() and b.geometry().right() <= editor.width() for b in buttons.values()
        )
    finally:
        assert win.assistant is not None and win.assistant.shutdown()


def test_first_start_offers_three_ways_in_and_says_what_the_model_does(
    qtbot: QtBot, db: Database, paths: AppPaths
) -> None:
    settings = Settings(model_path=str(paths.models_dir / "gemma-3-270m-Q8_0.gguf"))
    win = MainWindow(db, settings, paths)
    qtbot.addWidget(win)
    win.show()
    welcome = win.view.welcome
    assert welcome.isVisible()
    assert welcome.heading.text() == welcome.tr("Welcome to Jaso")
    assert "gemma-3-270m-Q8_0.gguf" in welcome.model.text()
    welcome.samples_button.click()
    assert win.list_panel.list.count() > 0 and win.view.record is not None
    assert not welcome.isVisible()


def test_an_application_without_questions_offers_add_question(
    qtbot: QtBot, db: Database, paths: AppPaths
) -> None:
    app_id = db.run(apps.create_application, company="다온은행")
    win = MainWindow(db, Settings(), paths)
    qtbot.addWidget(win)
    win.show()
    win.open_application(app_id)
    assert win.view.no_questions.isVisible()
    assert win.view.no_questions.add_button.isVisible()


def test_search_highlights_its_match_in_the_list(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int]
) -> None:
    win = MainWindow(db, Settings(), paths)
    qtbot.addWidget(win)
    win.resize(1200, 800)
    win.fit_panels()
    win.show()
    panel = win.list_panel
    panel.search.setText("오차율")
    qtbot.waitUntil(lambda: panel.highlighter.query == "오차율", timeout=3000)
    rows = [panel.list.item(i).text() for i in range(panel.list.count())]
    snippet_lines = [row.split("\n")[-1] for row in rows]
    assert snippet_lines and all("오차율" in line for line in snippet_lines)
    # the match is near the start of its line, not beyond the list's right edge
    metrics = panel.list.fontMetrics()
    for line in snippet_lines:
        before = line[: line.index("오차율") + 3]
        assert metrics.horizontalAdvance(before) < panel.list.viewport().width()
    image = panel.list.viewport().grab().toImage()
    match = QColor(MATCH_BACKGROUND)
    marked = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixelColor(x, y) == match
    )
    assert marked > 20  # the matches are painted highlighted


def test_history_rows_fit_without_a_horizontal_scroll_bar(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int], lang: str
) -> None:
    from desktop.store import questions as qs
    from desktop.ui.editor.history_dialog import HistoryDialog

    question = db.run(apps.get_application, application_id=sample_ids[0]).questions[0]
    db.run(qs.save_answer, question_id=question.id, text=question.answer + " 한 문장 더.")
    revisions = db.run(qs.list_revisions, question_id=question.id)
    dialog = HistoryDialog(revisions, question.answer)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    listed = dialog.list
    assert listed.count() >= 2
    assert not listed.horizontalScrollBar().isVisible()
    for row in range(listed.count()):
        rect = listed.visualItemRect(listed.item(row))
        lines = listed.item(row).text().split("\n")
        widest = max(listed.fontMetrics().horizontalAdvance(line) for line in lines)
        assert widest <= rect.width()  # nothing cut off on the right

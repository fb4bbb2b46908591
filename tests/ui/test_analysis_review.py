"""The Review tab says who wrote a review: the automatic analysis (no model), the model on top
of the analysis, or (earlier reviews) the model; and, when the model cannot critique, offers a
catalog model that fits this machine with its size and seconds per review."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.critique_types import CritiqueData
from desktop.model_offer import ModelOffer, critique_offer
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store import applications as apps
from desktop.store import critiques as cs
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from desktop.ui.models.model_manager import ModelManagerDialog
from desktop.writing.analysis_critique import analysis_critique, combine
from desktop.writing.checks import run_checks
from desktop.writing.essay import EssayRequest
from tests.ui.conftest import window_with_model
from tests.ui.fakes import FakeBackend, critique_json

ANSWER = (
    "저는 어릴 적부터 화목한 가정에서 자랐습니다. 물류센터에서 6개월 동안 일하며 출고 기록 "
    "3,000건을 정리했습니다. 검수 순서를 바꾸자고 제안했고, 두 달 만에 오류율이 1.2%에서 "
    "0.6%로 줄었습니다. 입사 후에는 한빛물류의 센터별 지표를 비교하는 일을 맡고 싶습니다."
)


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")


@pytest.fixture
def win(qtbot: QtBot, korean: None, db: Database, paths: AppPaths) -> Iterator[MainWindow]:
    # The model is the settings' (as the app loads it), its critique qualification not known.
    settings = Settings(model_path=str(paths.models_dir / "fake.gguf"))
    window = window_with_model(qtbot, db, paths, FakeBackend(), settings)
    yield window
    assert window.assistant is not None and window.assistant.shutdown()


def _analysis() -> CritiqueData:
    request = EssayRequest(
        text=ANSWER, question="지원 동기와 입사 후 포부 (700자)", company="한빛물류",
        role="물류 데이터 분석", limit=700,
    )  # fmt: skip
    return analysis_critique(request, run_checks(ANSWER, request.check_context()))


def _show(win: MainWindow, db: Database, data: CritiqueData) -> None:
    app_id = db.run(
        apps.create_application,
        company="한빛물류",
        role="물류 데이터 분석",
        questions=[apps.NewQuestion("지원 동기와 입사 후 포부 (700자)", answer=ANSWER)],
    )
    qid = db.run(apps.get_application, application_id=app_id).questions[0].id
    db.run(cs.save_critique, question_id=qid, text=ANSWER, data=data)
    win.reload_list(select_id=app_id)
    win.view.show_application(app_id)
    win.view._set_active(win.view.editors[0])  # noqa: SLF001


def _texts(widget: object) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]  # type: ignore[attr-defined]


def test_an_analysis_review_is_labelled_and_offers_a_model_that_fits(
    qtbot: QtBot, win: MainWindow, db: Database, paths: AppPaths
) -> None:
    _show(win, db, _analysis())
    panel = win.assist.critique
    assert panel.source.isVisibleTo(panel) and panel.source.text() == "자동 분석"
    improvements = _texts(panel.improvements)
    assert any("진부한 표현" in text and "«저는 어릴 적부터" in text for text in improvements)
    assert panel.bars["evidence"].value() >= 4
    # A model is loaded, but whether it can critique is not known yet: the analysis on display
    # says the model's critique was not used, and offers one that fits this machine.
    assert panel.ability.isVisibleTo(panel)
    assert "점검을 통과하지 못해" in panel.ability.text.text()
    offer = critique_offer(paths.models_dir)
    if offer is not None:
        assert offer.entry.name in panel.ability.offer.text()
        assert "GB" in panel.ability.offer.text() and "초" in panel.ability.offer.text()
    # The counselor's review mode reads the same critique and says who wrote it.
    assert "자동 분석" in win.assist.review_panel.status.text()


def test_a_model_that_cannot_critique_is_said_so_with_the_offer(
    qtbot: QtBot, win: MainWindow, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    _show(win, db, _analysis())
    panel = win.assist.critique
    offer = critique_offer(win.paths.models_dir)
    assert offer is not None  # the shipped catalog has a critique model for this machine
    panel.set_model_ability(False, ModelOffer(offer.entry, 24.4, measured=False))
    text = panel.ability.text.text() + panel.ability.offer.text()
    assert "첨삭할 수 없" in text and offer.entry.name in text and "약 24초" in text
    assert "모델 크기로 추정" in text
    opened: list[bool] = []
    monkeypatch.setattr(ModelManagerDialog, "exec", lambda _self: opened.append(True) or 0)
    with qtbot.waitSignal(panel.models_requested, timeout=1000):
        panel.ability.models_button.click()
    assert opened == [True]  # the main window's model manager
    panel.set_model_ability(True, None)
    assert not panel.ability.isVisibleTo(panel)


def test_a_model_on_the_analysis_is_labelled_and_its_items_marked(
    qtbot: QtBot, win: MainWindow, db: Database
) -> None:
    analysis = _analysis()
    model = json.loads(critique_json(ANSWER))
    _show(win, db, combine(analysis, model))
    panel = win.assist.critique
    assert panel.source.text() == "모델 + 자동 분석"
    texts = _texts(panel.improvements)
    assert texts[-1].startswith("(모델) ") and "회사 연결이 약합니다" in texts[-1]
    assert not any(text.startswith("(모델)") for text in texts[:-1])
    panel.set_model_ability(True, None)
    assert not panel.ability.isVisibleTo(panel)


def test_an_earlier_model_review_keeps_its_label(
    qtbot: QtBot, win: MainWindow, db: Database
) -> None:
    _show(win, db, json.loads(critique_json(ANSWER)))
    panel = win.assist.critique
    assert panel.source.text() == "모델"
    assert not panel.ability.isVisibleTo(panel)  # not known to fail, and not an analysis

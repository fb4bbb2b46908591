"""Both paths through the app, with a backend scripted at the engine boundary: one that answers
well, and one that answers like the starter model (a base model that counts up the scores,
copies its instructions and echoes the notes as a list; the outputs are the ones issue 26
quotes). Review shows the model's prose on the analysis, or the analysis alone; Draft… shows a
draft, or says the model cannot draft and checks the notes instead; interview feedback the
same."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import messages
from desktop.engine.backend import Chunk, ProgressCallback, SamplingParams
from desktop.engine.tasks.critique_schema import DIMENSIONS
from desktop.paths import AppPaths
from desktop.settings import Settings
from desktop.store import Database
from desktop.store.critiques import list_critiques
from desktop.ui.assist.draft_dialog import DraftDialog
from desktop.ui.i18n import install_translators
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import type_text, when_modal, window_with_model
from tests.ui.fakes import FakeBackend

# What the starter wrote (issue 26): its system prompt's sentence as the summary and as a
# strength, the scores counting up, the phone number as an improvement.
_PROMPT_SENTENCE = "고쳐 쓰기 제안에 사용자가 쓰지 않은 숫자, 이름, 날짜를 지어내지 않습니다."


def starter_critique() -> str:
    scores = {
        n: {"score": i % 5 + 1, "rationale": _PROMPT_SENTENCE} for i, n in enumerate(DIMENSIONS)
    }
    return json.dumps(
        {
            "scores": scores,
            "strengths": [{"point": _PROMPT_SENTENCE, "quote": ""}],
            "improvements": [
                {"issue": "답변: 010-1234-5678", "why": "고쳐 쓰는 방법", "suggestion": "→ 답변: …",
                 "severity": "critical", "quote": ""}
            ],
            "summary": _PROMPT_SENTENCE,
            "top_fixes": ["고쳐 쓰는 방법"],
        },
        ensure_ascii=False,
    )  # fmt: skip


def starter_feedback() -> str:
    scores = {n: {"score": 0, "rationale": "None (0."} for n in ("accuracy", "relevance",
              "consistency", "richness")}  # fmt: skip
    return json.dumps(
        {"scores": scores, "advice": "Answer the question in", "example_answer": "None (0."},
        ensure_ascii=False,
    )


class StarterLike(FakeBackend):
    """Continues text; judges nothing: every structured answer is the starter's nonsense, and a
    draft is the notes as a numbered list ending in an empty item."""

    def stream(
        self,
        prompt: str | Sequence[int],
        params: SamplingParams,
        cancel: threading.Event,
        on_progress: ProgressCallback | None = None,
    ) -> Iterator[Chunk]:
        text = prompt if isinstance(prompt, str) else "".join(map(chr, prompt))
        if params.json_schema is not None:
            fields = params.json_schema["properties"]
            if "example_answer" in fields:
                yield Chunk(starter_feedback())
                return
            if "scores" in fields:
                yield Chunk(starter_critique())
                return
        if "메모" in text:
            notes = text.split("메모:\n")[-1].split("<")[0].strip().split(", ")
            yield Chunk("".join(f"{i}. {note}\n" for i, note in enumerate(notes, 1)) + "4.")
            return
        yield from super().stream(prompt, params, cancel, on_progress)


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "ko")
    messages.set_language("ko")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    messages.set_language("en")


def _window(
    qtbot: QtBot, db: Database, paths: AppPaths, sample_ids: list[int], backend: FakeBackend
) -> MainWindow:
    settings = Settings(model_path=str(paths.models_dir / "fake.gguf"), suggest_auto=False)
    win = window_with_model(qtbot, db, paths, backend, settings)
    win.reload_list(select_id=sample_ids[0])
    win.view.show_application(sample_ids[0])
    win.view._set_active(win.view.editors[0])  # noqa: SLF001
    return win


@pytest.fixture(params=["good", "starter"])
def case(
    request: pytest.FixtureRequest,
    qtbot: QtBot,
    korean: None,
    db: Database,
    paths: AppPaths,
    sample_ids: list[int],
) -> Iterator[tuple[str, MainWindow]]:
    backend = FakeBackend() if request.param == "good" else StarterLike()
    win = _window(qtbot, db, paths, sample_ids, backend)
    yield request.param, win
    assert win.assistant is not None and win.assistant.shutdown()


def test_review_shows_the_model_on_the_analysis_or_the_analysis_alone(
    qtbot: QtBot, case: tuple[str, MainWindow], db: Database
) -> None:
    kind, win = case
    editor = win.view.editors[0]
    panel = win.assist.critique
    assert win.view.critique_queue is not None
    with qtbot.waitSignal(win.view.critique_queue.critique_saved, timeout=10_000):
        panel.review_button.click()
    [record] = db.run(list_critiques, question_id=editor.question_id)
    shown = [panel.improvements.item(i).text() for i in range(panel.improvements.count())]
    shown += [panel.strengths.item(i).text() for i in range(panel.strengths.count())]
    page = "\n".join([*shown, panel.summary.text(), panel.fixes.text()])
    assert any("«" in text for text in shown), "an improvement quotes the answer"
    assert _PROMPT_SENTENCE not in page and "010-1234-5678" not in page
    if kind == "good":
        assert record.data["source"] == "model+analysis"
        assert panel.source.text() == "모델 + 자동 분석"
        assert any(text.startswith("(모델)") for text in shown)
        assert not panel.ability.isVisibleTo(panel)
    else:
        assert record.data["source"] == "analysis"
        assert panel.source.text() == "자동 분석"
        assert panel.ability.isVisibleTo(panel)
        reason = panel.ability.text.text()
        assert reason == record.data["gate"]["message"] and "점검을 통과하지 못해" in reason
    vector = [panel.bars[name].value() for name in DIMENSIONS]
    assert vector != [1, 2, 3, 4, 5, 1] and all(1 <= v <= 5 for v in vector)


def test_draft_is_shown_or_the_model_says_it_cannot_draft(
    qtbot: QtBot, case: tuple[str, MainWindow]
) -> None:
    kind, win = case
    editor = win.view.editors[0]
    seen: list[str] = []

    def drive(dialog: object) -> None:
        assert isinstance(dialog, DraftDialog)
        dialog.notes.setPlainText("물류센터 아르바이트, 오차율 개선, 바코드 재확인")
        dialog.generate_button.click()
        qtbot.waitUntil(lambda: dialog.job is None, timeout=10_000)
        seen.append(dialog.preview.toPlainText() if dialog.preview.isVisibleTo(dialog) else "")
        seen.append(dialog.analysis.toPlainText() if dialog.analysis.isVisibleTo(dialog) else "")
        seen.append(str(dialog.insert_button.isEnabled()))
        dialog.reject()

    when_modal(drive)
    editor.draft_requested.emit(editor.question_id)
    preview, analysis, can_insert = seen
    if kind == "good":
        assert preview and not analysis and can_insert == "True"
    else:
        assert not preview and can_insert == "False"
        assert "초안을 쓸 수 없습니다" in analysis and "1. 물류센터" not in analysis
        assert "✗" in analysis and "수치" in analysis  # the notes have no figure


def test_interview_feedback_or_the_analysis_of_the_answer(
    qtbot: QtBot, case: tuple[str, MainWindow]
) -> None:
    kind, win = case
    dialog = win.open_interview()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=10_000)
    type_text(dialog.answer, "바코드 재확인 절차를 만들어 오차율을 낮췄습니다.")
    assert win.assistant is not None
    with qtbot.waitSignal(win.assistant.job_ended, timeout=10_000):
        qtbot.mouseClick(dialog.feedback_button, Qt.MouseButton.LeftButton)
    page = dialog.feedback.toPlainText()
    assert "None (0." not in page and "Answer the question in" not in page
    if kind == "good":
        assert "8 / 8" in page or "8/8" in page
    else:
        assert "면접 피드백" in page or "피드백을 줄 수 없" in page or "점검" in page
        assert "자동 분석" in page and "✓" in page
    dialog.close()

"""Render the app in a scene and save a PNG, to look at the UI and to show what changed.

Usage:
    python scripts/screenshot.py OUT.png [--scene SCENE] [--lang ko|en] [--size 1200x800]
    python scripts/screenshot.py --all DIR     # every scene, both sizes, both languages

Scenes: first-start (no application yet), three (an application with three questions),
empty (an application without questions), checks, suggestions, review (the Review tab after
Review), counsel (the Counselor tab), history, interview, models, import, application.
The model output comes from the scripted backend of the UI tests (tests/ui/fakes.py):
random-weight test models write noise, which shows nothing. Runs offscreen by default.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QDialog

SCENES = (
    "first-start", "three", "empty", "checks", "suggestions", "review", "counsel", "history",
    "interview",
)  # fmt: skip
# review-starter: the Review tab when the model answers like the starter (a base model): the
# automatic analysis alone, and a model that fits this machine offered.
# review-writing: Review pressed, the model still writing: the analysis shown meanwhile.
EXTRA_SCENES = ("models", "import", "application", "review-starter", "review-writing")
SIZES = ("1200x800", "1600x1000")
ASSIST = {"checks": "checks", "suggestions": "suggestions", "review": "critique",
          "counsel": "counsel", "review-starter": "critique",
          "review-writing": "critique"}  # fmt: skip

THREE = {
    "ko": (
        "한빛물류",
        "물류 SCM 기획",
        [
            (
                "한빛물류에 지원한 동기와 입사 후 이루고 싶은 목표를 구체적으로 기술해 주십시오. "
                "(최대 700자 입력가능, 공백 포함)",
                "[오차율 3.5%를 0.8%로 낮춘 입고 검수 개선]\n"
                "물류센터 아르바이트 당시 재고 오차율이 "
                "3.5%였고, 입고 기록 1,200건을 분석한 결과 오차의 70%가 야간 입고에서 "
                "발생했습니다. 바코드 재확인 절차를 제안해 석 달 만에 오차율을 0.8%로 낮췄습니다.",
            ),
            (
                "본인이 속한 조직에서 갈등을 해결한 경험을 서술해 주십시오. (공백 제외 500자)",
                "동아리 회계를 맡았을 때 예산 배분을 두고 두 팀이 맞섰습니다. 지난 3년의 지출을 "
                "표로 정리해 기준을 함께 정했고, 두 팀 모두 그 기준을 받아들였습니다.",
            ),
            ("직무 수행에 필요한 역량을 기르기 위해 노력한 경험을 작성해 주십시오. (1,000자)", ""),
        ],
    ),
    "en": (
        "Northwind Logistics",
        "Supply Chain Analyst",
        [
            (
                "Why do you want to join Northwind Logistics, and what would you aim to achieve in "
                "your first year? (250-400 words)",
                "During a summer at a fulfilment centre I found that 70% of stock errors came from "
                "night shifts. I proposed a barcode re-check and the error rate fell from 3.5% to "
                "0.8% in three months.",
            ),
            (
                "Describe a time you resolved a disagreement in a team. (300 words)",
                "As treasurer of a student club I tabulated three years of spending so that two "
                "teams could agree on a budget rule.",
            ),
            ("What have you done to build the skills this role needs? (300 words)", ""),
        ],
    ),
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", default="")
    parser.add_argument("--scene", default="three", choices=SCENES + EXTRA_SCENES)
    parser.add_argument("--lang", default="ko", choices=("ko", "en"))
    parser.add_argument("--size", default="1200x800")
    parser.add_argument("--all", default="", metavar="DIR")
    parser.add_argument("--dialog", default="", help="(older name for a dialog scene)")
    parser.add_argument("--assist", default="", help="(older name for a panel scene)")
    args = parser.parse_args()
    if args.all:
        return _all(Path(args.all))
    if not args.out:
        parser.error("OUT.png is needed (or --all DIR)")
    scene = args.dialog or {"critique": "review"}.get(args.assist, args.assist) or args.scene
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("JASO_NO_STARTER", "1")
    return _render(Path(args.out), scene, args.lang, args.size)


def _all(folder: Path) -> int:
    """Every scene at both sizes in both languages, each in its own process."""
    folder.mkdir(parents=True, exist_ok=True)
    failed = 0
    for scene in SCENES:
        for lang in ("ko", "en"):
            for size in SIZES:
                out = folder / f"{scene}-{lang}-{size}.png"
                command = [sys.executable, __file__, str(out), "--scene", scene, "--lang", lang,
                           "--size", size]  # fmt: skip
                failed += subprocess.run(command, check=False).returncode != 0
    return 1 if failed else 0


def _render(out: Path, scene: str, lang: str, size: str) -> int:
    from desktop.paths import app_paths, resource
    from desktop.settings import Settings
    from desktop.store import Database
    from desktop.store import applications as apps
    from desktop.store import questions as q
    from desktop.store.samples import import_applications
    from desktop.ui.editor.application_dialog import ApplicationDialog
    from desktop.ui.editor.history_dialog import HistoryDialog
    from desktop.ui.i18n import apply_ui_font, install_translators
    from desktop.ui.main_window import MainWindow

    width, height = (int(n) for n in size.split("x"))
    app = QApplication(sys.argv[:1])
    keep = install_translators(app, lang)
    apply_ui_font(app, lang)
    paths = app_paths(tempfile.mkdtemp())
    paths.ensure()
    db = Database(paths.database)
    data = json.loads(resource("samples", "applications.json").read_text(encoding="utf-8"))
    ids: list[int] = []
    if scene != "first-start":
        ids = db.run(import_applications, data=data)
    answer = data["applications"][0]["questions"][0]["answer"]
    if ids:
        db.run(q.add_revision, question_id=1, text=answer.replace("0.8%", "1%"), reason="autosave")
    if scene == "counsel":
        _seed_review(db, answer)
        _seed_clients(db, ids)
    shown = ids[0] if ids else None
    if scene in ("three", "review", "review-starter", "review-writing", "history", "suggestions"):
        company, role, questions = THREE[lang]
        shown = db.run(
            apps.create_application, company=company, role=role, lang=lang,
            questions=[apps.NewQuestion(text, answer=body) for text, body in questions],
        )  # fmt: skip
    elif scene == "empty":
        shown = db.run(apps.create_application, company="다온은행", role="기업금융 RM")
    elif scene == "checks":
        shown = ids[-3]  # many findings
    needs_model = scene in ASSIST or scene == "interview"
    assistant = (
        _scripted_assistant(starter=scene == "review-starter", held=scene == "review-writing")
        if needs_model
        else None
    )
    settings = Settings(language=lang)
    if needs_model:  # the model the app would have loaded from its settings
        settings.model_path = str(paths.models_dir / "qwen2.5-1.5b-instruct-q4_k_m.gguf")
    if scene == "first-start":
        settings.model_path = str(paths.models_dir / "gemma-3-270m-Q8_0.gguf")
    window = MainWindow(db, settings, paths, assistant, lang)
    window.resize(width, height)
    window.fit_panels()
    window.show()
    if shown is not None:
        window.reload_list(select_id=shown)
        window.view.show_application(shown)
    if scene in ASSIST:
        _assist(app, window, ASSIST[scene])
    target: QDialog | None = None
    if scene == "history":
        editor = window.view.editors[0]
        more = " 추가한 문장." if lang == "ko" else " One more sentence."
        db.run(q.save_answer, question_id=editor.question_id, text=editor.text() + more)
        revisions = db.run(q.list_revisions, question_id=editor.question_id)
        target = HistoryDialog(revisions, editor.text(), window)
    elif scene == "application":
        target = ApplicationDialog(window.view.record, window)
    elif scene == "models":
        target = _model_manager(window, paths)
    elif scene == "interview":
        target = _interview(app, window)
    elif scene == "import":
        from desktop.ui.counsel.import_dialog import ImportDialog

        raw = "회사: 한빛물류\n직무: 운송관리\n성명: 이하늘\n\n" + "\n".join(
            f"{n}. {q['text']}\n{q['answer']}" for n, q in
            enumerate(data["applications"][6]["questions"], 1)
        )  # fmt: skip
        target = ImportDialog(db, raw, "이하늘_한빛물류.docx", window)
    if target is not None:
        target.show()

    def grab() -> None:
        widget = target if target is not None else window
        widget.grab().save(str(out))
        app.quit()

    slow = needs_model or scene == "models"
    QTimer.singleShot(2500 if slow else 900, grab)
    app.exec()
    if assistant is not None:
        assistant.shutdown()  # type: ignore[attr-defined]
    del keep
    return 0


_KEEP: list[object] = []


def _model_manager(window: object, paths: object) -> QDialog:
    """The model manager during a download from a local, throttled hub server."""
    import os

    from desktop.engine.catalog import find_entry
    from desktop.engine.testmodel import build_test_model
    from desktop.secrets import SecretStore
    from desktop.settings import Settings
    from desktop.ui.models.model_manager import ModelManagerDialog
    from tests.engine.hub_server import HubFile, serve
    from tests.test_secrets import MemoryKeyring

    _KEEP.append(serve())
    hub = _KEEP[-1].__enter__()  # serves until the process ends
    os.environ["HF_ENDPOINT"] = hub.url
    tiny = build_test_model("tiny").gguf("q8_0")
    entry = find_entry("qwen2.5-1.5b-instruct-q4_k_m")
    assert entry is not None
    data = tiny.read_bytes()
    hub.add(entry.repo, entry.file, HubFile(data, rate=len(data) // 6))
    models_dir = paths.models_dir  # type: ignore[attr-defined]
    dialog = ModelManagerDialog(Settings(), models_dir, SecretStore(MemoryKeyring()), window)  # type: ignore[arg-type]
    dialog.import_file(tiny, copy=False)
    dialog.installed_table.selectRow(0)
    dialog._use("model_path")  # noqa: SLF001
    dialog.catalog_table.selectRow(0)
    dialog.start_download(entry)
    return dialog


SENTENCES = (
    "이 경험을 바탕으로 한빛물류의 입고 검수 기준을 센터마다 같게 맞추겠습니다.",
    "현장의 작은 오차도 데이터로 확인하는 습관이 제 강점입니다.",
    "입사 첫해에는 야간 입고 오차를 2% 이하로 줄이는 것을 목표로 삼겠습니다.",
    "동료들과 절차를 함께 다듬으며 개선을 이어가겠습니다.",
)


def _scripted_assistant(starter: bool = False, held: bool = False) -> object:
    """``held``: the model's critique waits (never released), as while a real one writes."""
    import threading
    from pathlib import Path

    from desktop.ui.models.assistant import Assistant
    from desktop.ui.models.llm_worker import LlmClient
    from tests.ui.fakes import FakeBackend, fake_factory
    from tests.ui.test_model_paths import StarterLike

    kind = StarterLike if starter else FakeBackend
    backend = kind(delay=0.02, sentences=SENTENCES, gate=threading.Event() if held else None)
    assistant = Assistant(LlmClient(fake_factory(backend)))
    assistant.load("fake", Path("qwen2.5-1.5b-instruct-q4_k_m.gguf"))
    return assistant


def _interview(app: QApplication, window: object) -> QDialog:
    """The practice dialog with scripted questions, an answer typed and its feedback."""
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    deadline = 200
    while not (window.assistant and window.assistant.ready) and deadline:
        app.processEvents()
        QThread.msleep(10)
        deadline -= 1
    dialog = window.open_interview()
    assert dialog is not None
    while dialog.session is None and deadline < 400:
        app.processEvents()
        QThread.msleep(10)
        deadline += 1
    dialog.answer.setPlainText(
        "입고 기록 1,200건을 분석해 야간 입고에서 오차가 몰린다는 것을 찾았고, 바코드 재확인 "
        "절차를 제안해 석 달 만에 오차율을 0.8%로 낮췄습니다."
    )
    dialog.request_feedback()
    return dialog


def _assist(app: QApplication, window: object, what: str) -> None:
    from desktop.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    editor = window.view.editors[0]
    window.activateWindow()
    editor.answer_edit.setFocus()
    editor.answer_edit.moveCursor(editor.answer_edit.textCursor().MoveOperation.End)
    window.view._set_active(editor)  # noqa: SLF001 (offscreen windows get no focus events)
    deadline = 200
    while not (window.assistant and window.assistant.ready) and deadline:
        app.processEvents()
        QThread.msleep(10)
        deadline -= 1
    panel = window.assist
    if what == "suggestions":
        panel.setCurrentWidget(panel.candidates)
        window.view.suggestions[editor.question_id].request_now()
    elif what == "counsel":
        panel.setCurrentWidget(panel.counsel)
        span = panel.comments.spans.get(panel.comments.comments[0].id)
        if span is not None:
            editor.select_nfc_span(*span)
            panel.comments.list.setCurrentRow(0)
    elif what == "critique":
        panel.setCurrentWidget(panel.critique)
        window.view.review_active()
    else:
        panel.setCurrentWidget(panel.checks)


def _seed_clients(db: object, ids: list[int]) -> None:
    """Three clients, and a paused batch over their answers with one failure."""
    from desktop.store import applications as apps
    from desktop.store import batches as bs

    names = ["김지원", "김지원", "박서준", "이하늘", "이하늘", "박서준"]
    for app_id, name in zip(ids, names, strict=False):
        db.run(apps.update_application, application_id=app_id, client_name=name)  # type: ignore[attr-defined]
    from desktop.store import questions as qs

    for app_id in ids[1:5]:
        first = db.run(apps.get_application, application_id=app_id).questions[0]  # type: ignore[attr-defined]
        db.run(qs.save_answer, question_id=first.id, text="동아리 회계를 맡아 장부를 정리했습니다.")  # type: ignore[attr-defined]
    answered = db.run(bs.answered_questions)  # type: ignore[attr-defined]
    questions = [q for app_id in ids[1:7] for q in answered.get(app_id, [])]
    batch = db.run(bs.create_batch, question_ids=questions)  # type: ignore[attr-defined]
    for seconds in (41.0, 38.5, 44.2):
        item = db.run(bs.claim_next, batch_id=batch)  # type: ignore[attr-defined]
        db.run(bs.complete_item, item_id=item.id, text="-", data={}, seconds=seconds)  # type: ignore[attr-defined]
    item = db.run(bs.claim_next, batch_id=batch)  # type: ignore[attr-defined]
    db.run(bs.fail_item, item_id=item.id, error="The model ran out of memory.")  # type: ignore[attr-defined]
    db.run(bs.set_batch_state, batch_id=batch, state="paused")  # type: ignore[attr-defined]


def _seed_review(db: object, answer: str) -> None:
    """A critique of the first answer with a counselor's review in progress, and comments."""
    from desktop.engine.tasks.critique_schema import DIMENSIONS
    from desktop.store import comments as cm
    from desktop.store import critiques as cs
    from desktop.store import reviews as rv

    data = {
        "scores": {name: {"score": 4, "rationale": ""} for name in DIMENSIONS},
        "strengths": [
            {"point": "오차율 3.5%→0.8%로 성과를 수치로 보였습니다.",
             "quote": "오차율을 0.8%로 낮췄습니다"},
            {"point": "두괄식 소제목으로 핵심을 먼저 말합니다.", "quote": ""},
        ],
        "improvements": [
            {"issue": "본인의 역할이 흐립니다", "why": "제안 이후 실행을 누가 했는지 없습니다.",
             "suggestion": "검수 절차를 직접 설계·교육한 부분을 한 문장 더하세요.",
             "severity": "major", "quote": "바코드 재확인 절차를 제안해"},
            {"issue": "회사 이해가 부족합니다", "why": "-", "suggestion": "-", "severity": "minor",
             "quote": ""},
        ],
        "summary": "수치로 증명된 개선 경험이 돋보입니다. "
                   "실행 과정의 본인 역할을 더하면 좋겠습니다.",
        "top_fixes": ["본인 역할 한 문장"],
    }  # fmt: skip
    record = db.run(cs.save_critique, question_id=1, text=answer, data=data)  # type: ignore[attr-defined]
    review = rv.current_review(record)
    review["strengths"][0]["state"] = "accepted"
    review["improvements"][0]["state"] = "accepted"
    review["improvements"][1]["state"] = "rejected"
    review["improvements"].append(
        {"issue": "WMS 목표의 근거", "why": "3년 목표가 갑자기 나옵니다.",
         "suggestion": "대시보드가 필요한 이유를 현장 경험과 잇기", "severity": "minor",
         "quote": "", "state": "accepted", "origin": "counselor"}
    )  # fmt: skip
    review["scores"]["job_company_fit"]["score"] = 3
    db.run(rv.save_review, critique_id=record.id, review=review)  # type: ignore[attr-defined]
    start = answer.index("바코드 재확인 절차를 제안해")
    db.run(cm.add_comment, question_id=1, start=start, end=start + 14,  # type: ignore[attr-defined]
           body="제안만 했나요, 직접 운영했나요? 면접에서 꼭 묻습니다.")  # fmt: skip
    start = answer.index("일하고 싶은 이유는")
    db.run(cm.add_comment, question_id=1, start=start, end=start + 10,  # type: ignore[attr-defined]
           body="더 짧게", replacement="지원한 이유는")  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())

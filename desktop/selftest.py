"""``jaso --self-test``: proves a build works end to end on this machine, frozen or not.

A temporary data home, a store round trip, a GGUF loaded (the bundled starter model when the
build has it, else the small self-test model), a continuation streamed and one critique written
under the critique's JSON schema through llguidance (each with its time); in a build with
transformers (gpu), the same on its backend with a small safetensors model; the main window
rendered offscreen, a report exported. Prints one line per step and exits 0 or 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.engine.backend import Backend, Message

SELFTEST_MODEL = ("selftest", "selftest.gguf")
MODEL_ENV = "JASO_SELFTEST_MODEL"  # another GGUF to test with (packagers, the tests)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _model_path() -> Path:
    """The model to test with: ``JASO_SELFTEST_MODEL``, else the starter model a release carries,
    else the bundled self-test model; from source, the test-model builder's tiny model."""
    from desktop.engine.packaged_models import bundled_starter
    from desktop.paths import resource

    if os.environ.get(MODEL_ENV):
        return Path(os.environ[MODEL_ENV])
    starter = bundled_starter()
    if starter is not None:
        return starter
    bundled = resource(*SELFTEST_MODEL)
    if bundled.is_file():
        return bundled
    if getattr(sys, "frozen", False):
        raise FileNotFoundError(f"the bundled self-test model is missing: {bundled}")
    from desktop.engine.testmodel import build_test_model

    return build_test_model("tiny").gguf("q4_0")


def _store(home: Path) -> str:
    from desktop.store import Database
    from desktop.store import applications as apps
    from desktop.store import questions as qs

    db = Database(home / "selftest.sqlite3")
    try:
        app_id = db.run(
            apps.create_application,
            company="한빛물류",
            questions=[apps.NewQuestion("지원동기 (500자)")],
        )
        question = db.run(apps.get_application, application_id=app_id).questions[0]
        db.run(qs.save_answer, question_id=question.id, text="물류센터에서 배웠습니다.")
        stored = db.run(qs.get_question, question_id=question.id)
        assert stored.answer == "물류센터에서 배웠습니다." and stored.char_limit == 500
        assert db.integrity_check() == "ok"
    finally:
        db.close()
    return "application, answer and revision written and read back; integrity ok"


def _model(home: Path) -> str:
    """Load the model as the app does, stream a continuation, and write one critique under the
    critique's JSON schema (constrained through llguidance): the whole model path a user needs."""
    from desktop.engine.backend import LoadOptions, create_backend
    from desktop.engine.load_probe import ModelProbe

    path = _model_path()
    # as in the app: tried first in a helper process (frozen: the app run as ``--jaso-child``)
    probe = ModelProbe(home / "model-probes.json")
    backend = create_backend("llama_cpp", probe=probe)
    timings: list[str] = []
    started = time.perf_counter()
    backend.load(LoadOptions(path, n_ctx=2048))
    timings.append(f"loaded {time.perf_counter() - started:.1f} s")
    assert probe.spawned == 1, f"{probe.spawned} trial loads"
    try:
        timings.append(_streamed(backend, 16))
        if backend.capabilities.json_schema:
            timings.append(_constrained(backend))
    finally:
        backend.close()
    from desktop.engine.cpu_variants import chosen_variant

    kernels = f"CPU kernels: {chosen_variant() or 'built in (no run-time variants)'}"
    return f"{path.name} tried in a helper; " + ", ".join(timings) + f"; {kernels}"


def _streamed(backend: Backend, count: int) -> str:
    """``count`` tokens of a continuation, greedy, streamed as the editor asks for them."""
    from desktop.engine.backend import SamplingParams

    started = time.perf_counter()
    prompt = backend.render_chat([{"role": "user", "content": "지원동기를 써 주세요."}])
    params = SamplingParams(max_tokens=count, temperature=0.0)
    chunks = list(backend.stream(prompt, params, threading.Event()))
    tokens = sum(1 for c in chunks if c.token_id is not None)
    assert tokens == count, f"{tokens} tokens"
    return f"{tokens} tokens streamed {time.perf_counter() - started:.1f} s"


HF_MODEL = ("selftest", "hf")  # the gpu build's small transformers model (safetensors)


def _hf_model_path() -> Path:
    from desktop.paths import resource

    bundled = resource(*HF_MODEL)
    if bundled.is_dir():
        return bundled
    if getattr(sys, "frozen", False):
        raise FileNotFoundError(f"the bundled transformers self-test model is missing: {bundled}")
    from desktop.engine.testmodel import build_test_model

    return build_test_model("tiny").hf_dir


def _transformers(home: Path) -> str:
    """The GPU build's own backend: torch and transformers import, a model loads on the best
    device here (CUDA, else the CPU), streams tokens and writes JSON under the critique schema.
    Builds without transformers (lite) report that and pass."""
    import importlib.util

    if importlib.util.find_spec("transformers") is None:
        return "not in this build (lite: llama.cpp only)"
    from desktop.engine.backend import LoadOptions, create_backend

    backend = create_backend("transformers")
    started = time.perf_counter()
    backend.load(LoadOptions(_hf_model_path(), n_ctx=2048))
    timings = [f"loaded on {getattr(backend, 'device', '?')} {time.perf_counter() - started:.1f} s"]
    try:
        timings.append(_streamed(backend, 8))
        if backend.capabilities.json_schema:
            timings.append(_constrained(backend, max_tokens=400))
    finally:
        backend.close()
    import torch

    return f"torch {torch.__version__}: " + ", ".join(timings)


def _constrained(backend: Backend, max_tokens: int = 1200) -> str:
    """One critique-shaped answer under the critique schema, so llguidance runs for real."""
    from desktop.engine.structured import generate_json_reply
    from desktop.engine.tasks.critique_schema import schema_for

    answer = "물류센터에서 재고 오차를 3%에서 1%로 줄였습니다. 그 경험으로 지원합니다."
    messages: list[Message] = [
        {"role": "system", "content": "자기소개서 답변을 JSON으로 평가합니다."},
        {"role": "user", "content": f"답변: {answer}"},
    ]
    started = time.perf_counter()
    attempts: list[int] = []
    data = generate_json_reply(
        backend, messages, schema_for(answer, "ko"), threading.Event(),
        temperature=0.0, seed=0, max_tokens=max_tokens, attempts=attempts, per_char=1.0,
    )  # fmt: skip
    assert isinstance(data, dict) and "scores" in data, "no critique object"
    return f"critique JSON under its schema {time.perf_counter() - started:.1f} s"


def _checks(home: Path) -> str:
    """The offline checks with their data files: the Korean analyzer (kiwipiepy's model) and the
    English word list, each finding a planted mistake."""
    from desktop.writing import korean
    from desktop.writing.checks import run_checks
    from desktop.writing.essay import EssayRequest

    started = time.perf_counter()
    korean.load()
    loaded = time.perf_counter() - started
    found = {}
    for text, lang, rule in (
        ("저는 팀에서 맡은 역활을 끝까지 해냈습니다. 리더쉽을 배웠습니다.", "ko", "KO."),
        ("I recieve feedback well and I act on it quickly.", "en", "EN.SPELL"),
    ):
        request = EssayRequest(text=text, company="한빛물류", lang=lang)
        rules = {flag.rule_id for flag in run_checks(text, request.check_context(lang))}
        assert any(r.startswith(rule) for r in rules), f"{lang}: no {rule} finding in {rules}"
        found[lang] = sorted(r for r in rules if r.startswith(rule))
    # The output gate's garbled rule, asked of the check worker process as the app asks it (a
    # spawned process of this executable: the editor's checks run there too).
    from desktop.ui.editor import check_runner

    started = time.perf_counter()
    read = check_runner.garbled_elsewhere(["이므샌 일괬하니다.", "지원 동기가 분명합니다."], "")
    check_runner.shutdown()
    assert read == [True, False], f"the check worker read {read}"
    return (
        f"Korean analyzer loaded {loaded:.1f} s; found {found['ko']} and {found['en']}; "
        f"the check worker read broken Korean in {time.perf_counter() - started:.1f} s"
    )


def _window(home: Path) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from desktop.paths import app_paths
    from desktop.settings import Settings
    from desktop.store import Database
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    paths = app_paths(home / "ui")
    paths.ensure()
    db = Database(paths.database)
    try:
        window = MainWindow(db, Settings(), paths)
        window.resize(1000, 700)
        window.show()
        app.processEvents()
        image = window.grab().toImage()
        assert not image.isNull() and image.width() >= 900
        window.close()
    finally:
        db.close()
    return f"main window rendered ({image.width()}x{image.height()}, {app.platformName()})"


def _reports(home: Path) -> str:
    """Import a .docx, then write its report as PDF (Qt, embedded fonts) and DOCX (templates)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from docx import Document

    from desktop.counsel.export import export_report
    from desktop.counsel.report import build_report
    from desktop.importing.readers import read_document
    from desktop.importing.save import save_imported
    from desktop.importing.split import split_document
    from desktop.store import Database

    source = home / "essay.docx"
    document = Document()
    for line in ("회사: 한빛물류", "[문항 1] 지원 동기 (500자)", "물류센터에서 배웠습니다."):
        document.add_paragraph(line)
    document.save(str(source))
    db = Database(home / "reports.sqlite3")
    try:
        app_id = db.run(save_imported, app=split_document(read_document(source)))
        report = db.run(build_report, application_id=app_id)
    finally:
        db.close()
    sizes = []
    for suffix in (".pdf", ".docx"):
        out = home / f"report{suffix}"
        export_report(report, out)
        assert out.stat().st_size > 1000, f"{out.name} is {out.stat().st_size} bytes"
        sizes.append(f"{out.name} {out.stat().st_size // 1024} KB")
    return ".docx imported; " + ", ".join(sizes)


def run_self_test() -> int:
    from desktop import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    _say(f"jaso {__version__} self-test ({frozen}, Python {sys.version.split()[0]})")
    failed = 0
    with tempfile.TemporaryDirectory(prefix="jaso-selftest-") as tmp:
        home = Path(tmp)
        os.environ["JASO_HOME"] = str(home)
        steps: list[tuple[str, Callable[[], str]]] = [
            ("store", lambda: _store(home)),
            ("model", lambda: _model(home)),
            ("transformers", lambda: _transformers(home)),
            ("checks", lambda: _checks(home)),
            ("window", lambda: _window(home)),
            ("reports", lambda: _reports(home)),
        ]
        for name, step in steps:
            started = time.perf_counter()
            try:
                detail = step()
            except Exception as exc:  # noqa: BLE001 (every failure is reported, none escapes)
                failed += 1
                _say(f"FAIL {name}: {type(exc).__name__}: {exc}")
                traceback.print_exc(file=sys.stderr)
            else:
                ms = (time.perf_counter() - started) * 1000
                _say(f"ok   {name}: {detail} ({ms:.0f} ms)")
    _say("self-test passed" if not failed else f"self-test FAILED ({failed} step(s))")
    return 1 if failed else 0

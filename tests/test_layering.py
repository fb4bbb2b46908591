"""Architecture rules: the core never imports Qt; the app starts without the heavy ML modules."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pace

DESKTOP = Path(__file__).resolve().parent.parent / "desktop"
CORE = ("engine", "store", "writing", "importing")


@pytest.mark.parametrize("package", CORE)
def test_core_packages_do_not_import_qt(package: str) -> None:
    offenders = []
    for path in (DESKTOP / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {n}"
                for n in names
                if n.startswith(("PySide6", "shiboken6", "desktop.ui"))
            ]
    assert offenders == []


def test_counsel_imports_qt_only_for_the_pdf_writer() -> None:
    users = set()
    for path in (DESKTOP / "counsel").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
                users.add(path.name)
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("desktop.ui"):
                users.add(f"{path.name} (desktop.ui)")
    assert users == {"pdf.py"}


def test_core_imports_leave_qt_unloaded() -> None:
    code = (
        "import sys, desktop.store, desktop.writing.counting, desktop.writing.limits, "
        "desktop.writing.request, desktop.writing.diff, desktop.store.backup, "
        "desktop.store.search, desktop.store.samples, desktop.engine\n"
        "print([m for m in sys.modules if m.startswith('PySide6')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


HEAVY = (
    "torch", "transformers", "llama_cpp", "accelerate", "gguf", "numpy", "docx", "lxml",
    "kiwipiepy", "kiwipiepy_model", "_kiwipiepy",
)  # fmt: skip


def test_gui_starts_without_heavy_modules(tmp_path: Path) -> None:
    code = f"""
import json, sys
from PySide6.QtWidgets import QApplication
from desktop.paths import app_paths
from desktop.settings import Settings
from desktop.store import Database
from desktop.ui.main_window import MainWindow
app = QApplication([])
paths = app_paths({str(tmp_path)!r}); paths.ensure()
window = MainWindow(Database(paths.database), Settings(), paths)
window.show(); app.processEvents()
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=pace.seconds(60),
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def test_editor_gets_the_analyzers_flags_without_loading_it(tmp_path: Path) -> None:
    """The Korean analyzer (seconds to load, holding the GIL) runs in the check worker: the GUI
    process shows its flags but never imports kiwipiepy."""
    code = f"""
import json, sys, time
from datetime import datetime
from PySide6.QtWidgets import QApplication
from desktop.store.records import QuestionRecord
from desktop.ui.editor.question_editor import QuestionEditor
app = QApplication([])
start = time.perf_counter()
question = QuestionRecord(1, 1, 0, "지원 동기", 500, "chars_incl_spaces", "", datetime.now())
editor = QuestionEditor(question, 1, lambda qid, text: datetime.now())
editor.show(); app.processEvents()
opened = time.perf_counter() - start
editor.answer_edit.setPlainText("저는 이 일을할수있습니다. 계시판에 올렸습니다.")
editor.run_checks()
deadline = time.time() + 50
while time.time() < deadline and not any(f.rule_id == "KO.SPACING" for f in editor.flags):
    app.processEvents(); time.sleep(0.02)
print(json.dumps({{
    "rules": sorted({{f.rule_id for f in editor.flags}}),
    "heavy": sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r}),
    "opened_s": opened,
}}))
"""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env,
        timeout=pace.seconds(90),
    )  # fmt: skip
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    assert {"KO.SPACING", "KO.TYPO"} <= set(result["rules"])
    assert result["opened_s"] < 1.0

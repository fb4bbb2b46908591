"""Architecture rules: the core never imports Qt; the app starts without the heavy ML modules."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_review_imports_qt_only_for_the_pdf_writer() -> None:
    users = set()
    for path in (DESKTOP / "review").rglob("*.py"):
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


HEAVY = ("torch", "transformers", "llama_cpp", "accelerate", "gguf", "numpy", "docx", "lxml")


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
        timeout=60,
    )
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []

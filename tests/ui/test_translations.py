"""Every user-visible string in the UI has a Korean translation, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.paths import resource

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "translations.py"


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def test_all_ui_strings_are_translated(tmp_path: Path) -> None:
    ts = tmp_path / "jaso_ko.ts"
    shutil.copy(resource("translations", "jaso_ko.ts"), ts)
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        from translations import sources  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", *sources(), "-ts", str(ts)],
        cwd=SCRIPT.parent.parent,
        check=True,
        capture_output=True,
    )
    untranslated = [
        message.findtext("source")
        for message in ET.parse(ts).iter("message")
        if (
            message.find("translation") is not None
            and message.find("translation").get("type") in ("unfinished", "vanished")
        )
    ]
    assert untranslated == [], "run scripts/translations.py update, translate, compile"


def test_compiled_translations_are_current(tmp_path: Path) -> None:
    qm = tmp_path / "jaso_ko.qm"
    subprocess.run(
        [_tool("lrelease"), str(resource("translations", "jaso_ko.ts")), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    assert qm.read_bytes() == resource("translations", "jaso_ko.qm").read_bytes()


def test_korean_translator_loads(qapp: QApplication) -> None:
    translator = QTranslator()
    assert translator.load("jaso_ko", str(resource("translations")))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Labels", "Draft") == "작성 중"
        assert QCoreApplication.translate("Counter", "%1 / %2 %3") == "%1 / %2%3"
    finally:
        QCoreApplication.removeTranslator(translator)

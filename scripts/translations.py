"""Keep the Qt translation files in step with the sources.

python scripts/translations.py update    # refresh resources/translations/*.ts from desktop/ui
python scripts/translations.py compile   # build the .qm files the app loads
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("ko",)


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def sources() -> list[str]:
    files = [*(ROOT / "desktop" / "ui").rglob("*.py"), ROOT / "desktop" / "app.py"]
    return sorted(str(p.relative_to(ROOT)) for p in files)


def update() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"jaso_{lang}.ts"
        subprocess.run(
            [_tool("lupdate"), "-no-obsolete", *sources(), "-ts", str(ts)], cwd=ROOT, check=True
        )


def compile_all() -> None:
    for lang in LANGUAGES:
        ts = TS_DIR / f"jaso_{lang}.ts"
        subprocess.run(
            [_tool("lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], cwd=ROOT, check=True
        )


if __name__ == "__main__":
    {"update": update, "compile": compile_all}[sys.argv[1]]()

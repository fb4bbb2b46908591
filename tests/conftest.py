from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples" / "applications.json"


@pytest.fixture(autouse=True)
def jaso_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data home; nothing touches the real user directories."""
    home = tmp_path / "home"
    monkeypatch.setenv("JASO_HOME", str(home))
    return home

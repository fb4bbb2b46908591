from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Apps started by tests do not join the 253 MB starter model into every temporary home
# (tests/test_starter.py turns it back on).
os.environ["JASO_NO_STARTER"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples" / "applications.json"


@pytest.fixture(autouse=True)
def jaso_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data home; nothing touches the real user directories."""
    home = tmp_path / "home"
    monkeypatch.setenv("JASO_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def gemma_gguf() -> Path:
    """Gemma 3 270M (base, Korean-capable, no chat template): the starter model, real weights.

    Installed by ``make test`` from the registry (the ``starter`` extra); joined once into the
    test-model cache. A missing package is an error, not a skip: these tests are the only
    evidence of what the model writes.
    """
    from desktop.engine.packaged_models import assemble_starter
    from desktop.engine.testmodel import default_cache_dir

    folder = default_cache_dir() / "real"
    folder.mkdir(parents=True, exist_ok=True)
    return assemble_starter(folder)


@pytest.fixture(scope="session")
def smollm2_gguf() -> Path:
    """SmolLM2-135M-Instruct Q4_1 (English, ChatML template), real weights, from its package."""
    from desktop.engine.packaged_models import smollm2_path

    return smollm2_path()

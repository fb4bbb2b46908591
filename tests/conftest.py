from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import pace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Apps started by tests do not join the 253 MB starter model into every temporary home
# (tests/test_starter.py turns it back on).
os.environ["JASO_NO_STARTER"] = "1"

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples" / "applications.json"


def pytest_configure(config: pytest.Config) -> None:
    """Measure the machine's pace once; child processes (apps, pytest runs) inherit it."""
    os.environ[pace.ENV] = f"{pace.factor():.2f}"
    _stretch_qt_waits()


def pytest_report_header(config: pytest.Config) -> str:
    return f"time limits x{pace.factor():.2f} (measured pace of this machine; tests/pace.py)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """pytest-timeout's limit (ini or a test's own mark) stretched by the measured pace."""
    default = 300.0
    for item in items:
        mark = item.get_closest_marker("timeout")
        quiet = float(mark.args[0]) if mark and mark.args else default
        item.add_marker(pytest.mark.timeout(pace.seconds(quiet)), append=False)


def _stretch_qt_waits() -> None:
    """pytest-qt's waits are limits for a hang, not schedules: stretch them with the pace."""
    from pytestqt.qtbot import QtBot

    for name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback"):
        original = getattr(QtBot, name)
        if getattr(original, "paced", False):
            continue

        def paced(self: QtBot, *args: object, _original: object = original, **kwargs: object):  # type: ignore[no-untyped-def]
            kwargs["timeout"] = pace.ms(int(kwargs.get("timeout", 5000)))  # type: ignore[call-overload]
            return _original(self, *args, **kwargs)  # type: ignore[operator]

        paced.paced = True  # type: ignore[attr-defined]
        setattr(QtBot, name, paced)


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


def load_analyzer() -> Iterator[Any]:
    """The Korean analyzer, loaded until the generator resumes, then let go: test modules
    without it check as the GUI process does."""
    from desktop.writing import korean

    loaded = korean.load()
    if loaded is None:
        pytest.skip("kiwipiepy is not installed")
    yield loaded
    korean._kiwi = None  # noqa: SLF001


@pytest.fixture(scope="module")
def kiwi() -> Iterator[Any]:
    """The Korean analyzer, loaded for the module."""
    yield from load_analyzer()

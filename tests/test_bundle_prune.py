"""A Qt plugin left out of the bundle takes the libraries only it needs, and nothing else."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _prune() -> object:
    spec = importlib.util.spec_from_file_location("prune", ROOT / "packaging" / "prune.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


prune = _prune()

# Who links against whom, as readelf would say.
GRAPH = {
    "/src/libqgtk3.so": ["libcairo.so.2", "libQt6Gui.so.6", "libglib-2.0.so.0"],
    "/src/libcairo.so.2": ["libpixman-1.so.0", "libfreetype.so.6"],
    "/src/libpixman-1.so.0": [],
    "/src/libQt6Gui.so.6": ["libfreetype.so.6", "libglib-2.0.so.0"],
    "/src/libfreetype.so.6": [],
    "/src/libglib-2.0.so.0": [],
    "/src/libqxcb.so": ["libQt6Gui.so.6"],
}
BINARIES = [
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY"),
    ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
    ("libpixman-1.so.0", "/src/libpixman-1.so.0", "BINARY"),
    ("libQt6Gui.so.6", "/src/libQt6Gui.so.6", "BINARY"),
    ("libfreetype.so.6", "/src/libfreetype.so.6", "BINARY"),
    ("libglib-2.0.so.0", "/src/libglib-2.0.so.0", "BINARY"),
]


def test_only_what_the_plugin_alone_needs_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prune, "needed", lambda path: GRAPH[path])
    kept, dropped = prune.without_plugins(BINARIES)  # type: ignore[attr-defined]
    assert dropped == ["libcairo.so.2", "libpixman-1.so.0", "libqgtk3.so"]
    # freetype is shared with Qt, glib with Qt: both stay, as does every other plugin.
    assert [Path(dest).name for dest, _, _ in kept] == [
        "libqxcb.so",
        "libQt6Gui.so.6",
        "libfreetype.so.6",
        "libglib-2.0.so.0",
    ]


def test_nothing_goes_without_the_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prune, "needed", lambda path: GRAPH[path])
    others = [entry for entry in BINARIES if "platformthemes" not in entry[0]]
    kept, dropped = prune.without_plugins(others)  # type: ignore[attr-defined]
    assert kept == others and dropped == []


@pytest.mark.skipif(not shutil.which("readelf"), reason="readelf (binutils) is not installed")
def test_needed_reads_a_real_library() -> None:
    import llama_cpp

    library = Path(llama_cpp.__file__).parent / "lib" / "libllama.so.0"
    names = prune.needed(str(library))  # type: ignore[attr-defined]
    assert "libggml.so.0" in names and "libggml-base.so.0" in names

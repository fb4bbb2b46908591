"""A backend whose import fails says why: "not installed" only when the package is absent."""

from __future__ import annotations

import importlib.metadata
import sys
from pathlib import Path

import pytest

from desktop.engine.backend import create_backend, import_failure
from desktop.engine.errors import BackendUnavailable
from desktop.messages import set_language

MISSING = ("설치되어 있지 않습니다.", "is not installed.")


def _failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> Exception:
    """The exception of importing a package ``brokenpkg`` whose ``__init__`` is ``body``."""
    (tmp_path / "brokenpkg").mkdir()
    (tmp_path / "brokenpkg" / "__init__.py").write_text(body, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(Exception) as caught:
        __import__("brokenpkg")
    monkeypatch.delitem(sys.modules, "brokenpkg", raising=False)
    return caught.value


def test_an_absent_package_is_not_installed() -> None:
    with pytest.raises(ImportError) as caught:
        __import__("jaso_no_such_package")
    error = import_failure(caught.value, "llama.cpp", MISSING)
    assert str(error) == "is not installed." and "jaso_no_such_package" in error.details


def test_metadata_missing_in_a_bundle_names_the_module_and_cause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What llguidance's __init__ did in the bundle without its dist-info.
    body = 'import importlib.metadata\nimportlib.metadata.version("brokenpkg")\n'
    exc = _failure(tmp_path, monkeypatch, body)
    assert isinstance(exc, importlib.metadata.PackageNotFoundError)
    message = str(import_failure(exc, "llama.cpp", MISSING))
    assert "not installed" not in message
    assert "brokenpkg" in message and "PackageNotFoundError" in message
    set_language("ko")
    try:
        korean = str(import_failure(exc, "llama.cpp", MISSING))
    finally:
        set_language("en")
    assert "불러오지 못했습니다" in korean and "brokenpkg" in korean
    assert "설치되어 있지 않습니다" not in korean


def test_a_dependency_missing_inside_an_installed_package_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exc = _failure(tmp_path, monkeypatch, "import jaso_missing_dependency\n")
    error = import_failure(exc, "llama.cpp", MISSING)
    # Really absent, so "not installed", with the absent module in the details.
    assert str(error) == "is not installed."
    assert "jaso_missing_dependency" in error.details


def test_the_llama_backend_reports_a_package_that_fails_on_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bundle fault of issue 28, reproduced: llguidance cannot read its own metadata."""
    real_version = importlib.metadata.version

    def version(name: str) -> str:
        if name == "llguidance":
            raise importlib.metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    for name in [m for m in sys.modules if m == "llguidance" or m.startswith("llguidance.")]:
        monkeypatch.delitem(sys.modules, name)
    for name in ("desktop.engine.constraint", "desktop.engine.llama_backend"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    with pytest.raises(BackendUnavailable) as caught:
        create_backend("llama_cpp")
    message = str(caught.value)
    assert "not installed" not in message
    assert "llguidance" in message and "failed to load" in message

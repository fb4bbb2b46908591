"""Every import the app makes, lazily too, works in a bundle: its package metadata is copied.

The frozen app of issue 28 could not load any model because llguidance's ``__init__`` reads its
own version and the bundle had no llguidance dist-info. These tests find that class of fault
without building: packaging/bundle_imports.py imports every module of the app and every module it
imports inside a function, in a fresh interpreter with the variant's left-out packages missing,
and records whose metadata is read.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _module() -> object:
    spec = importlib.util.spec_from_file_location(
        "bundle_imports", ROOT / "packaging" / "bundle_imports.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_imports = _module()


@functools.cache
def _recorded(variant: str) -> dict[str, Any]:
    """One recording per variant (a fresh interpreter importing everything: seconds)."""
    result: dict[str, Any] = bundle_imports.record(variant)  # type: ignore[attr-defined]
    return result


def test_lazy_imports_are_found_in_the_source() -> None:
    lazy = bundle_imports.lazy_modules()  # type: ignore[attr-defined]
    # The backends, the analyzer and the document readers are all imported inside functions.
    assert {"desktop.engine.llama_backend", "desktop.engine.hf_backend", "kiwipiepy"} <= lazy
    assert {"docx", "olefile", "llama_cpp", "llguidance"} <= lazy


@pytest.mark.parametrize("variant", ["lite", "gpu"])
def test_every_metadata_read_on_import_is_bundled(variant: str) -> None:
    recorded = _recorded(variant)
    read = recorded["read"]
    assert "llguidance" in read and "jaso" in read  # the recorder sees what the fault was
    missing = bundle_imports.missing_metadata(variant, read)  # type: ignore[attr-defined]
    assert missing == [], f"add to METADATA[{variant!r}] in packaging/bundle_imports.py"


@pytest.mark.parametrize("variant", ["lite", "gpu"])
def test_modules_fail_to_import_only_for_what_the_variant_leaves_out(variant: str) -> None:
    failed = _recorded(variant)["failed"]
    other = {name: why for name, why in failed.items() if "left out of the bundle" not in why}
    assert other == {}
    if variant == "lite":
        assert "desktop.engine.hf_backend" in failed  # torch is missing there, as it should be
    else:
        assert "desktop.engine.hf_backend" not in failed

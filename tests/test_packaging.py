"""Packaging helpers that run without building: deterministic archives, one version source."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _build_module() -> object:
    spec = importlib.util.spec_from_file_location("jaso_build", ROOT / "packaging" / "build.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_archives_are_byte_identical_whatever_the_file_times(tmp_path: Path) -> None:
    build = _build_module()
    bundle = tmp_path / "jaso"
    (bundle / "lib").mkdir(parents=True)
    (bundle / "jaso").write_bytes(b"\x7fELF binary")
    (bundle / "lib" / "libllama.so").write_bytes(b"shared library")
    first, second = tmp_path / "a.tar.gz", tmp_path / "b.tar.gz"
    build.deterministic_tar(bundle, first, 1_763_600_000)  # type: ignore[attr-defined]
    later = time.time() + 3600
    for path in bundle.rglob("*"):
        os.utime(path, (later, later))
    build.deterministic_tar(bundle, second, 1_763_600_000)  # type: ignore[attr-defined]
    assert (
        hashlib.sha256(first.read_bytes()).digest() == hashlib.sha256(second.read_bytes()).digest()
    )
    with tarfile.open(first) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["jaso/jaso", "jaso/lib", "jaso/lib/libllama.so"]
    assert {m.mtime for m in members} == {1_763_600_000} and {m.uid for m in members} == {0}


def test_one_version_source() -> None:
    import tomllib

    from desktop import __version__

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert __version__ == declared
    assert sys.version_info >= (3, 11)

"""``jaso models``: validate, import, list and download, as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.engine.testmodel import TestModel
from tests import pace
from tests.engine.hub_server import HubFile, serve


def jaso(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "models", *args],
        capture_output=True,
        text=True,
        timeout=pace.seconds(120),
        env={**os.environ, **(env or {})},
    )


@pytest.mark.parametrize(
    "content",
    [b"", b"GGUF", b"NOTAGGUF" * 100, b"GGUF\x03\x00\x00\x00" + b"\xff" * 200],
    ids=["empty", "magic-only", "wrong-magic", "garbage-header"],
)
def test_validate_rejects_bad_files_with_one_line(content: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    result = jaso("validate", str(path))
    assert result.returncode == 3
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "invalid model" in result.stderr


def test_validate_truncated_and_valid(tiny_model: TestModel, tmp_path: Path) -> None:
    data = tiny_model.gguf("q8_0").read_bytes()
    truncated = tmp_path / "cut.gguf"
    truncated.write_bytes(data[: len(data) // 2])
    assert jaso("validate", str(truncated)).returncode == 3
    ok = jaso("validate", str(tiny_model.gguf("q8_0")))
    assert ok.returncode == 0 and json.loads(ok.stdout)["info"]["architecture"] == "llama"


def test_import_list_and_download(tiny_model: TestModel, tmp_path: Path) -> None:
    source = tiny_model.gguf("q8_0")
    registered = jaso("import", str(source))
    assert registered.returncode == 0, registered.stderr
    copied = tmp_path / "mine.gguf"
    copied.write_bytes(source.read_bytes())
    assert jaso("import", "--copy", str(copied)).returncode == 0
    with serve() as hub:
        name = "qwen2.5-0.5b-instruct-q4_k_m.gguf"
        hub.add("Qwen/Qwen2.5-0.5B-Instruct-GGUF", name, HubFile(source.read_bytes()))
        downloaded = jaso("download", "qwen2.5-0.5b-instruct-q4_k_m", env={"HF_ENDPOINT": hub.url})
    assert downloaded.returncode == 0, downloaded.stderr
    listing = json.loads(jaso("list", "--json").stdout)
    installed = {Path(m["path"]).name: m for m in listing["installed"]}
    assert set(installed) == {"mine.gguf", name, source.name}
    assert installed[name]["name"] == "Qwen2.5 0.5B Instruct"  # matched to the catalog
    assert installed[name]["license"] == "Apache-2.0"
    assert installed[source.name]["in_models_dir"] is False
    assert all(m["valid"] for m in listing["installed"])
    assert any(entry["commercial_use"] is False for entry in listing["catalog"])
    unknown = jaso("download", "no-such-model")
    assert unknown.returncode == 2 and "not in the catalog" in unknown.stderr

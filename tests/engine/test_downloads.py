"""Downloads against a local server that speaks the hub's URLs (HF_ENDPOINT)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.engine.downloads import Download, DownloadError, DownloadStopped, hub_url
from desktop.engine.gguf_check import validate_in_subprocess
from desktop.engine.testmodel import TestModel
from tests.engine.hub_server import Hub, HubFile, serve

REPO = "Jaso/tiny-GGUF"
NAME = "tiny-q8_0.gguf"


@pytest.fixture
def hub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Hub]:
    with serve() as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        yield server


@pytest.fixture(scope="module")
def model_bytes(tiny_model: TestModel) -> bytes:
    return tiny_model.gguf("q8_0").read_bytes()


def test_complete_download_is_verified_and_valid(
    hub: Hub, model_bytes: bytes, tmp_path: Path
) -> None:
    hub.add(REPO, NAME, HubFile(model_bytes))
    seen = []
    target = tmp_path / NAME
    Download(hub_url(REPO, NAME), target).run(seen.append)
    assert target.read_bytes() == model_bytes
    assert (
        not (tmp_path / f"{NAME}.part").exists() and not (tmp_path / f"{NAME}.part.json").exists()
    )
    assert seen[-1].done == seen[-1].total == len(model_bytes)
    assert validate_in_subprocess(target).architecture == "llama"


def test_a_cut_transfer_resumes_with_a_range_request(
    hub: Hub, model_bytes: bytes, tmp_path: Path
) -> None:
    item = HubFile(model_bytes, cut_after=len(model_bytes) // 2)
    hub.add(REPO, NAME, item)
    target = tmp_path / NAME
    with pytest.raises(DownloadError, match="ended early|Cannot reach"):
        Download(hub_url(REPO, NAME), target).run()
    partial = tmp_path / f"{NAME}.part"
    assert partial.stat().st_size == len(model_bytes) // 2
    # A new Download object: as after an app restart, it finds the partial file and resumes.
    Download(hub_url(REPO, NAME), target).run()
    assert target.read_bytes() == model_bytes
    assert item.gets == ["", f"bytes={len(model_bytes) // 2}-"]


def test_a_corrupted_file_is_rejected_and_removed(
    hub: Hub, model_bytes: bytes, tmp_path: Path
) -> None:
    damaged = bytearray(model_bytes)
    damaged[len(damaged) // 3] ^= 0xFF
    hub.add(REPO, NAME, HubFile(bytes(damaged), sha256=_sha(model_bytes)))
    target = tmp_path / NAME
    with pytest.raises(DownloadError, match="corrupted"):
        Download(hub_url(REPO, NAME), target).run()
    assert not target.exists() and not (tmp_path / f"{NAME}.part").exists()


def test_catalog_checksum_wins_and_pause_keeps_the_partial(
    hub: Hub, model_bytes: bytes, tmp_path: Path
) -> None:
    hub.add(REPO, NAME, HubFile(model_bytes))
    target = tmp_path / NAME
    download = Download(hub_url(REPO, NAME), target, sha256="0" * 64)
    with pytest.raises(DownloadError, match="corrupted"):
        download.run()
    paused = Download(hub_url(REPO, NAME), target)
    paused.pause()
    with pytest.raises(DownloadStopped, match="paused"):
        paused.run()
    assert (tmp_path / f"{NAME}.part.json").exists()
    cancelled = Download(hub_url(REPO, NAME), target)
    cancelled.cancel()
    with pytest.raises(DownloadStopped, match="cancelled"):
        cancelled.run()
    assert not (tmp_path / f"{NAME}.part").exists()


def test_http_errors_and_tokens(hub: Hub, model_bytes: bytes, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match="not found"):
        Download(hub_url(REPO, "missing.gguf"), tmp_path / "missing.gguf").run()
    hub.add(REPO, NAME, HubFile(model_bytes, token="hf_abc"))
    with pytest.raises(DownloadError, match="refused access"):
        Download(hub_url(REPO, NAME), tmp_path / NAME).run()
    Download(hub_url(REPO, NAME), tmp_path / NAME, token="hf_abc").run()
    assert (tmp_path / NAME).stat().st_size == len(model_bytes)
    offline = Download("http://127.0.0.1:9/none.gguf", tmp_path / "none.gguf", timeout_s=2)
    with pytest.raises(DownloadError, match="Cannot reach"):
        offline.run()


def test_no_space_is_refused_before_downloading(
    hub: Hub, model_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    hub.add(REPO, NAME, HubFile(model_bytes))
    usage = shutil.disk_usage(tmp_path)
    monkeypatch.setattr(shutil, "disk_usage", lambda _p: usage._replace(free=1000))
    item = hub.files[f"/{REPO}/resolve/main/{NAME}"]
    with pytest.raises(DownloadError, match="Not enough free space"):
        Download(hub_url(REPO, NAME), tmp_path / NAME).run()
    assert item.gets == []  # nothing was transferred


def _sha(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()

"""Downloads against a local server that speaks the hub's URLs (HF_ENDPOINT)."""

from __future__ import annotations

import hashlib
import json
import random
import threading
import urllib.error
import urllib.request
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
    item = hub.files[f"/{REPO}/resolve/main/{NAME}"]
    assert item.cdn_auth == [], "the hub token must not be sent to the CDN host"
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
    return hashlib.sha256(data).hexdigest()


class _NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_the_fake_hub_answers_head_like_the_real_one(hub: Hub, tmp_path: Path) -> None:
    """HEAD is a 302 to another host with the file's size and SHA-256 in X-Linked-* headers;
    the redirect's own Content-Length is not the file's; the CDN serves ranges."""
    data = bytes(range(256)) * 40
    hub.add(REPO, NAME, HubFile(data))
    opener = urllib.request.build_opener(_NoFollow)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(urllib.request.Request(hub_url(REPO, NAME), method="HEAD"))
    headers = caught.value.headers
    assert caught.value.code == 302
    assert headers["X-Linked-Size"] == str(len(data))
    assert headers["X-Linked-Etag"] == f'"{_sha(data)}"'
    assert int(headers["Content-Length"]) != len(data)
    location = headers["Location"]
    assert location.startswith(hub.cdn_url) and hub.cdn_url != hub.url
    ranged = urllib.request.Request(location, headers={"Range": "bytes=100-"})
    with urllib.request.urlopen(ranged) as response:  # noqa: S310 (a local test server)
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 100-{len(data) - 1}/{len(data)}"
        assert response.read() == data[100:]


def test_pause_mid_transfer_then_resume_fetches_only_the_rest(hub: Hub, tmp_path: Path) -> None:
    """Paused while bytes flow through the CDN redirect, the partial file is kept; a new
    Download (as after a restart) asks the CDN for the rest with a Range at the partial size,
    and the result has the hub's SHA-256."""
    data = random.Random(7).randbytes(3 * (1 << 20) + 12_345)  # over two read chunks
    item = HubFile(data, rate=4 << 20)
    hub.add(REPO, NAME, item)
    target = tmp_path / NAME
    partial = tmp_path / f"{NAME}.part"
    first = Download(hub_url(REPO, NAME), target)
    flowing = threading.Event()
    outcome: list[BaseException] = []

    def on_progress(progress: object) -> None:
        flowing.set()

    def run_first() -> None:
        try:
            first.run(on_progress)
        except BaseException as exc:  # noqa: BLE001 (handed to the test thread)
            outcome.append(exc)

    worker = threading.Thread(target=run_first)
    worker.start()
    assert flowing.wait(30), "no progress reported"
    first.pause()
    worker.join(30)
    assert len(outcome) == 1 and isinstance(outcome[0], DownloadStopped), outcome
    assert "paused" in str(outcome[0])
    paused_at = partial.stat().st_size
    assert 0 < paused_at < len(data), paused_at
    assert partial.read_bytes() == data[:paused_at]
    assert json.loads((tmp_path / f"{NAME}.part.json").read_text("utf-8"))["total"] == len(data)
    assert not target.exists()

    seen: list[int] = []
    Download(hub_url(REPO, NAME), target).run(lambda p: seen.append(p.done))
    assert _sha(target.read_bytes()) == _sha(data)
    assert not partial.exists()
    assert item.gets[0] == "" and item.gets[-1] == f"bytes={paused_at}-"
    assert item.sent[-1] == len(data) - paused_at, "bytes before the pause were sent again"
    assert seen[0] > paused_at and seen[-1] == len(data)
    assert item.cdn_auth == []


def test_a_renamed_repo_redirects_relatively_and_the_size_is_the_files(
    hub: Hub, tmp_path: Path
) -> None:
    """The hub answers a renamed repository with a relative 307 whose Content-Length is the
    redirect body's: the size must come from the file, not from that body."""
    data = random.Random(8).randbytes(200_000)
    hub.add("Jaso/new-name", NAME, HubFile(data))
    hub.rename(REPO, "Jaso/new-name")
    seen: list[tuple[int, int | None]] = []
    target = tmp_path / NAME
    Download(hub_url(REPO, NAME), target).run(lambda p: seen.append((p.done, p.total)))
    assert target.read_bytes() == data
    assert seen[-1] == (len(data), len(data))


def test_a_partial_from_a_different_file_is_not_resumed(hub: Hub, tmp_path: Path) -> None:
    """The file changed on the hub since the pause (another size and checksum): the old partial
    is discarded rather than glued onto the new file's tail."""
    old = random.Random(9).randbytes(300_000)
    new = random.Random(10).randbytes(250_000)
    target = tmp_path / NAME
    partial = tmp_path / f"{NAME}.part"
    partial.write_bytes(old[:260_000])
    meta = {"url": hub_url(REPO, NAME), "total": len(old), "sha256": _sha(old)}
    (tmp_path / f"{NAME}.part.json").write_text(json.dumps(meta), "utf-8")
    item = HubFile(new)
    hub.add(REPO, NAME, item)
    Download(hub_url(REPO, NAME), target).run()
    assert target.read_bytes() == new
    assert item.gets == [""]

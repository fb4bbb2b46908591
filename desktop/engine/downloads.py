"""Model downloads from the Hugging Face hub (or ``HF_ENDPOINT``): resumable and verified.

Bytes go to ``<file>.part``, next to a small ``<file>.part.json`` that remembers the URL, so a
paused or interrupted download resumes with an HTTP Range request, also after a restart. The
free space is checked first; the SHA-256 is verified when known (the catalog's, or the hub's
``X-Linked-Etag``, which is the file's SHA-256 for LFS files); only then is the file renamed
into place.

The hub answers a model file's URL with a 302 to a CDN host (a signed URL) whose headers carry
the file's size and checksum. The token goes to the hub only, never to that other host (the
CDN's signature is its authorization, and a token would leak). A renamed repository answers with
a relative redirect, followed on the same host.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from http.client import HTTPMessage, HTTPResponse
from pathlib import Path
from typing import IO, Final
from urllib.parse import urljoin, urlsplit

from desktop.engine.errors import EngineError
from desktop.messages import say

CHUNK: Final = 1 << 20
SPACE_MARGIN: Final = 64 << 20
DEFAULT_ENDPOINT: Final = "https://huggingface.co"


class DownloadError(EngineError):
    """The download failed; the message says why in words a user can act on."""


class DownloadStopped(EngineError):
    """Paused (the partial file is kept) or cancelled (it is removed)."""


@dataclass(frozen=True)
class DownloadProgress:
    done: int
    total: int | None
    speed: float  # bytes per second, over the last few seconds
    eta_s: float | None


def hub_url(repo: str, file: str, revision: str = "main", endpoint: str | None = None) -> str:
    base = (endpoint or os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")
    return f"{base}/{repo}/resolve/{revision}/{file}"


_REDIRECTS: Final = (301, 302, 303, 307, 308)
_MAX_HOPS: Final = 5


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None  # the hub's 302 carries the file's size and checksum: read it, not follow


class _HubRedirect(urllib.request.HTTPRedirectHandler):
    """Follows redirects, carrying the token only while they stay on the hub's own host."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        token = req.unredirected_hdrs.get("Authorization")
        if new is not None and token and _same_host(req.full_url, new.full_url):
            new.add_unredirected_header("Authorization", token)
        return new


def _same_host(a: str, b: str) -> bool:
    one, two = urlsplit(a), urlsplit(b)
    return (one.scheme, one.netloc) == (two.scheme, two.netloc)


def _is_sha256(value: str | None) -> bool:
    return (
        bool(value) and len(value or "") == 64 and all(c in "0123456789abcdef" for c in value or "")
    )


class Download:
    """One file: ``run`` blocks until done, paused, cancelled or failed (use a thread)."""

    def __init__(
        self,
        url: str,
        target: Path,
        *,
        sha256: str | None = None,
        token: str | None = None,
        timeout_s: float = 30.0,
    ) -> None:
        self.url = url
        self.target = target
        self.sha256 = sha256.lower() if sha256 else None
        self.token = token
        self.timeout_s = timeout_s
        self.partial = target.with_name(target.name + ".part")
        self.meta = target.with_name(target.name + ".part.json")
        self._stop = threading.Event()
        self._reason = ""

    def pause(self) -> None:
        self._reason = "pause"
        self._stop.set()

    def cancel(self) -> None:
        self._reason = "cancel"
        self._stop.set()

    def _request(self, method: str, start: int = 0, url: str = "") -> urllib.request.Request:
        request = urllib.request.Request(url or self.url, method=method)
        request.add_header("User-Agent", "jaso")
        if self.token:
            # Unredirected: urllib would otherwise send it on to whatever host a redirect names.
            request.add_unredirected_header("Authorization", f"Bearer {self.token}")
        if start:
            request.add_header("Range", f"bytes={start}-")
        return request

    def _head(self) -> tuple[int | None, str | None]:
        """The file's size and SHA-256 as the hub states them (None where it does not).

        Redirects on the hub's own host (a renamed repository) are followed; the first one to
        another host (the CDN) is where the hub states the file's size and checksum. A
        redirect's own Content-Length is its short body's, never taken for the file's.
        """
        opener = urllib.request.build_opener(_NoRedirect)
        url = self.url
        for _hop in range(_MAX_HOPS):
            try:
                response = opener.open(self._request("HEAD", url=url), timeout=self.timeout_s)
                response.close()
                headers = response.headers
                size = headers.get("X-Linked-Size") or headers.get("Content-Length")
                break
            except urllib.error.HTTPError as exc:
                if exc.code not in _REDIRECTS:
                    raise
                headers = exc.headers
                size = headers.get("X-Linked-Size")
                location = urljoin(url, headers.get("Location") or "")
                if size or not location or not _same_host(url, location):
                    break
                url = location
        etag = (headers.get("X-Linked-Etag") or headers.get("ETag") or "").strip('"').lower()
        return (int(size) if size and size.isdigit() else None), (
            etag if _is_sha256(etag) else None
        )

    def _resume_from(self, total: int | None, expected: str | None) -> int:
        """The partial file's size if it is a start of this very file, else 0 (discarded)."""
        try:
            meta = json.loads(self.meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        same_file = (
            meta.get("url") == self.url
            and meta.get("total") == total
            and meta.get("sha256", expected) == expected
        )
        if same_file and self.partial.exists():
            size = self.partial.stat().st_size
            if total is None or size <= total:
                return size
        self.partial.unlink(missing_ok=True)
        return 0

    def run(self, on_progress: Callable[[DownloadProgress], None] | None = None) -> Path:
        try:
            return self._run(on_progress)
        except urllib.error.HTTPError as exc:
            raise DownloadError(_http_message(exc.code), f"{self.url}: {exc}") from exc
        except (TimeoutError, urllib.error.URLError, ConnectionError) as exc:
            raise DownloadError(
                say(
                    "모델 서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요. "
                    "다운로드는 멈춘 곳부터 이어 받습니다.",
                    "Cannot reach the model server. Check the connection and try again; the "
                    "download resumes where it stopped.",
                ),
                f"{self.url}: {exc}",
            ) from exc
        except OSError as exc:
            raise DownloadError(
                say(
                    f"모델 파일을 쓰지 못했습니다: {exc.strerror or exc}",
                    f"Writing the model file failed: {exc.strerror or exc}",
                ),
                str(exc),
            ) from exc

    def _run(self, on_progress: Callable[[DownloadProgress], None] | None) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        total, hub_sha = self._head()
        expected = self.sha256 or hub_sha
        start = self._resume_from(total, expected)
        if total is not None:
            free = shutil.disk_usage(self.target.parent).free
            if free < total - start + SPACE_MARGIN:
                raise DownloadError(
                    say(
                        f"여유 공간이 부족합니다. 모델에 필요한 공간: {_mb(total - start)}, "
                        f"{self.target.parent}의 남은 공간: {_mb(free)}.",
                        f"Not enough free space: the model needs {_mb(total - start)} and "
                        f"{_mb(free)} is free in {self.target.parent}.",
                    )
                )
        meta = {"url": self.url, "total": total, "sha256": expected}
        self.meta.write_text(json.dumps(meta), encoding="utf-8")
        digest = hashlib.sha256()
        if start:
            with self.partial.open("rb") as handle:
                for block in iter(lambda: handle.read(CHUNK), b""):
                    digest.update(block)
        if total is None or start < total:
            start, digest = self._fetch(start, total, digest, on_progress)
        if total is not None and start != total:
            raise DownloadError(
                say(
                    "다운로드가 중간에 끊겼습니다. 다시 시도하면 멈춘 곳부터 이어 받습니다.",
                    "The download ended early. Try again; it resumes where it stopped.",
                ),
                f"{start} of {total} bytes",
            )
        if expected and digest.hexdigest() != expected:
            self.partial.unlink(missing_ok=True)
            self.meta.unlink(missing_ok=True)
            raise DownloadError(
                say(
                    "받은 파일이 손상되어(체크섬 불일치) 삭제했습니다.",
                    "The downloaded file is corrupted (its checksum does not match) "
                    "and was removed.",
                ),
                f"expected {expected}, got {digest.hexdigest()}",
            )
        os.replace(self.partial, self.target)
        self.meta.unlink(missing_ok=True)
        return self.target

    def _fetch(
        self,
        start: int,
        total: int | None,
        digest: hashlib._Hash,
        on_progress: Callable[[DownloadProgress], None] | None,
    ) -> tuple[int, hashlib._Hash]:
        opener = urllib.request.build_opener(_HubRedirect)
        response: HTTPResponse = opener.open(self._request("GET", start), timeout=self.timeout_s)
        with response:
            if start and response.status != 206:  # the server ignored the Range: start over
                start = 0
                digest = hashlib.sha256()
            mode = "ab" if start else "wb"
            window: list[tuple[float, int]] = [(time.monotonic(), start)]
            with self.partial.open(mode) as handle:
                while True:
                    if self._stop.is_set():
                        handle.flush()
                        os.fsync(handle.fileno())
                        self._stopped()
                    block = response.read(CHUNK)
                    if not block:
                        break
                    handle.write(block)
                    digest.update(block)
                    start += len(block)
                    if on_progress:
                        on_progress(_progress(window, start, total))
                handle.flush()
                os.fsync(handle.fileno())
        return start, digest

    def _stopped(self) -> None:
        if self._reason == "cancel":
            self.partial.unlink(missing_ok=True)
            self.meta.unlink(missing_ok=True)
            raise DownloadStopped(say("다운로드를 취소했습니다.", "Download cancelled."))
        raise DownloadStopped(say("다운로드를 일시 중지했습니다.", "Download paused."))


def _progress(window: list[tuple[float, int]], done: int, total: int | None) -> DownloadProgress:
    now = time.monotonic()
    window.append((now, done))
    while len(window) > 2 and now - window[0][0] > 5.0:
        window.pop(0)
    seconds = now - window[0][0]
    speed = (done - window[0][1]) / seconds if seconds > 0 else 0.0
    eta = (total - done) / speed if total is not None and speed > 0 else None
    return DownloadProgress(done, total, speed, eta)


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _http_message(code: int) -> str:
    if code in (401, 403):
        return (
            "The model server refused access. The model may need a hub token (Settings ▸ "
            "Models) or accepting its licence on the hub."
        )
    if code == 404:
        return "The model file was not found on the server."
    if code == 416:
        return "The server could not resume this download; remove the partial file and retry."
    return f"The model server answered with an error (HTTP {code}). Try again later."

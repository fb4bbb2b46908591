"""A local server pair that answers like the Hugging Face hub and its CDN.

As on huggingface.co, ``HEAD`` or ``GET /<repo>/resolve/main/<file>`` of a large (LFS) file is a
302 redirect to another host (the CDN) carrying ``X-Linked-Size`` and ``X-Linked-Etag`` (the
file's SHA-256); its own ``Content-Length`` is that of the short redirect body, not the file's.
The CDN serves the bytes, with Range requests, at a signed URL, and refuses a request that also
carries an ``Authorization`` header (as S3 does: "only one auth mechanism allowed"), so a hub
token leaked to it fails the download. A renamed repository answers with a relative 307, as the
hub does, with no X-Linked headers.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class HubFile:
    data: bytes
    sha256: str = ""  # what the hub advertises; defaults to the data's own
    cut_after: int | None = None  # drop the connection after this many bytes, once
    token: str | None = None  # require "Authorization: Bearer <token>" at the hub
    rate: int | None = None  # bytes per second, to watch a download in progress
    lfs: bool = True  # redirected to the CDN (False: served by the hub itself, as small files)
    gets: list[str] = field(default_factory=list)  # the Range header of each GET of the bytes
    sent: list[int] = field(default_factory=list)  # body bytes written for each of those GETs
    cdn_auth: list[str] = field(default_factory=list)  # Authorization headers the CDN was sent


class Hub:
    def __init__(self) -> None:
        self.files: dict[str, HubFile] = {}
        self.blobs: dict[str, HubFile] = {}  # CDN path -> file
        self.renamed: dict[str, str] = {}  # old repo -> new repo
        self.url = ""
        self.cdn_url = ""

    def add(self, repo: str, name: str, item: HubFile) -> None:
        if not item.sha256:
            item.sha256 = hashlib.sha256(item.data).hexdigest()
        self.files[f"/{repo}/resolve/main/{name}"] = item
        self.blobs[f"/repos/{len(self.blobs):04d}/{item.sha256}"] = item

    def rename(self, old: str, new: str) -> None:
        self.renamed[old] = new

    def cdn_location(self, item: HubFile) -> str:
        path = next(p for p, blob in self.blobs.items() if blob is item)
        return f"{self.cdn_url}{path}?Expires=1893456000&Signature=c2lnbmVk&Key-Pair-Id=K2JCJ"


def _parse_range(header: str, size: int) -> tuple[int, int] | None:
    """``bytes=a-`` or ``bytes=a-b`` as (first, last) inclusive; None if not satisfiable."""
    first_s, _, last_s = header.removeprefix("bytes=").partition("-")
    first = int(first_s)
    last = min(int(last_s), size - 1) if last_s else size - 1
    return (first, last) if first <= last else None


def _handler(hub: Hub, *, cdn: bool) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _redirect(self, code: int, location: str, extra: dict[str, str]) -> None:
            body = f"Found. Redirecting to {location}".encode()
            self.send_response(code)
            self.send_header("Location", location)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command == "GET":
                self.wfile.write(body)

        def _hub(self) -> HubFile | None:
            """The hub's answer; returns the file only where the hub serves the bytes itself."""
            repo, sep, rest = self.path.lstrip("/").partition("/resolve/")
            if sep and repo in hub.renamed:
                self._redirect(307, f"/{hub.renamed[repo]}/resolve/{rest}", {})
                return None
            item = hub.files.get(self.path)
            if item is None:
                self.send_error(404)
                return None
            if item.token and self.headers.get("Authorization") != f"Bearer {item.token}":
                self.send_error(401)
                return None
            linked = {
                "X-Repo-Commit": "0" * 40,
                "ETag": f'"{item.sha256}"',
                "X-Linked-Etag": f'"{item.sha256}"',
                "X-Linked-Size": str(len(item.data)),
            }
            if item.lfs:
                self._redirect(302, hub.cdn_location(item), linked)
                return None
            return item

        def _file(self) -> HubFile | None:
            if not cdn:
                return self._hub()
            item = hub.blobs.get(self.path.partition("?")[0])
            auth = self.headers.get("Authorization")
            if item is not None and auth is not None:
                item.cdn_auth.append(auth)
                self.send_error(400, "Only one auth mechanism allowed")
                return None
            if item is None:
                self.send_error(404)
            return item

        def do_HEAD(self) -> None:  # noqa: N802 (http.server API)
            item = self._file()
            if item is None:
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(item.data)))
            self.send_header("Accept-Ranges", "bytes")
            self.send_header("ETag", f'"{item.sha256}"')
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            item = self._file()
            if item is None:
                return
            ranged = self.headers.get("Range", "")
            item.gets.append(ranged)
            span = _parse_range(ranged, len(item.data)) if ranged else (0, len(item.data) - 1)
            if span is None:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(item.data)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                item.sent.append(0)
                return
            start, last = span
            body = item.data[start : last + 1]
            self.send_response(206 if ranged else 200)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Accept-Ranges", "bytes")
            if ranged:
                self.send_header("Content-Range", f"bytes {start}-{last}/{len(item.data)}")
            self.end_headers()
            item.sent.append(0)
            if item.cut_after is not None and start < item.cut_after:
                self._send(item, body[: item.cut_after - start])
                item.cut_after = None
                self.close_connection = True
                return
            if item.rate:
                step = max(1, item.rate // 20)
                for offset in range(0, len(body), step):
                    self._send(item, body[offset : offset + step])
                    time.sleep(0.05)
                return
            self._send(item, body)

        def _send(self, item: HubFile, data: bytes) -> None:
            self.wfile.write(data)
            self.wfile.flush()
            item.sent[-1] += len(data)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that pause or cancel close the connection mid-transfer


@contextmanager
def serve() -> Iterator[Hub]:
    hub = Hub()
    servers = [
        _QuietServer(("127.0.0.1", 0), _handler(hub, cdn=False)),
        _QuietServer(("127.0.0.1", 0), _handler(hub, cdn=True)),
    ]
    hub.url, hub.cdn_url = (f"http://127.0.0.1:{s.server_address[1]}" for s in servers)
    for server in servers:
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield hub
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()

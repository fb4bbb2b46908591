"""A local server that speaks the hub's file URLs: HEAD with X-Linked-Size/Etag, Range GETs."""

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
    token: str | None = None  # require "Authorization: Bearer <token>"
    rate: int | None = None  # bytes per second, to watch a download in progress
    gets: list[str] = field(default_factory=list)  # the Range header of each GET


class Hub:
    def __init__(self) -> None:
        self.files: dict[str, HubFile] = {}
        self.url = ""

    def add(self, repo: str, name: str, item: HubFile) -> None:
        if not item.sha256:
            item.sha256 = hashlib.sha256(item.data).hexdigest()
        self.files[f"/{repo}/resolve/main/{name}"] = item


def _handler(hub: Hub) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *_args: object) -> None:
            pass

        def _file(self) -> HubFile | None:
            item = hub.files.get(self.path)
            if item is None:
                self.send_error(404)
                return None
            if item.token and self.headers.get("Authorization") != f"Bearer {item.token}":
                self.send_error(401)
                return None
            return item

        def do_HEAD(self) -> None:  # noqa: N802 (http.server API)
            item = self._file()
            if item is None:
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(item.data)))
            self.send_header("X-Linked-Size", str(len(item.data)))
            self.send_header("X-Linked-Etag", f'"{item.sha256}"')
            self.end_headers()

        def do_GET(self) -> None:  # noqa: N802 (http.server API)
            item = self._file()
            if item is None:
                return
            ranged = self.headers.get("Range", "")
            item.gets.append(ranged)
            start = int(ranged.removeprefix("bytes=").split("-")[0]) if ranged else 0
            body = item.data[start:]
            self.send_response(206 if ranged else 200)
            self.send_header("Content-Length", str(len(body)))
            if ranged:
                self.send_header(
                    "Content-Range", f"bytes {start}-{len(item.data) - 1}/{len(item.data)}"
                )
            self.end_headers()
            if item.cut_after is not None and start < item.cut_after:
                self.wfile.write(body[: item.cut_after - start])
                self.wfile.flush()
                item.cut_after = None
                self.close_connection = True
                return
            if item.rate:
                step = max(1, item.rate // 20)
                for offset in range(0, len(body), step):
                    self.wfile.write(body[offset : offset + step])
                    time.sleep(0.05)
                return
            self.wfile.write(body)

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients that pause or cancel close the connection mid-transfer


@contextmanager
def serve() -> Iterator[Hub]:
    hub = Hub()
    server = _QuietServer(("127.0.0.1", 0), _handler(hub))
    hub.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield hub
    finally:
        server.shutdown()
        server.server_close()

"""A real HTTP server on 127.0.0.1, in a thread, serving our fixture feeds and article pages."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FEEDS = Path(__file__).parent.parent / "fixtures" / "feeds"


class FeedServer(ThreadingHTTPServer):
    """Serves files under ``FEEDS`` with ETags; logs every request; paths in ``broken`` answer 503."""

    requests: list[str]
    broken: set[str]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{path.lstrip('/')}"

    def count(self, path: str) -> int:
        return self.requests.count("/" + path.lstrip("/"))


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?", 1)[0]
        self.server.requests.append(path)
        file = (FEEDS / path.lstrip("/")).resolve()
        if path in self.server.broken:
            self._answer(503, b"try later")
            return
        if FEEDS not in file.parents or not file.is_file():
            self._answer(404, b"not found")
            return
        body = file.read_bytes()
        etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        kind = "application/rss+xml" if file.suffix == ".xml" else "text/html; charset=utf-8"
        self._answer(200, body, kind, etag)

    def _answer(self, status: int, body: bytes, kind: str = "text/plain", etag: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if etag:
            self.send_header("ETag", etag)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer(("127.0.0.1", 0), _Handler)
    server.requests, server.broken = [], set()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


EXAMPLES = Path(__file__).parent.parent.parent / "examples"


@pytest.fixture(scope="session")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON-lines archive of 24 articles: each example article, and a later copy with one more line."""
    import json

    from sitmap.ingest import read_inputs
    from sitmap.model import Document

    documents = [item for item in read_inputs([str(EXAMPLES)]) if isinstance(item, Document)]
    path = tmp_path_factory.mktemp("archive") / "archive.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(2):
            for number, document in enumerate(documents):
                text = document.text + ("\n\nThis report was updated with no new details." if copy else "")
                record = {"id": f"archive-{copy}-{number:02d}", "text": text, "title": document.title,
                          "published": str(document.published), "source": "Archive Wire"}  # fmt: skip
                out.write(json.dumps(record) + "\n")
    return path

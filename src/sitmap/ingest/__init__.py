"""Ingest: article files, JSON lines, saved HTML pages and standard input, read into Documents.

Every input yields Documents or Failures, never an exception: a bad file is one Failure with a
clear reason and its raw bytes, and the rest of the batch goes on.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO

from sitmap.ingest.feeds import FeedEntry, parse_feed
from sitmap.ingest.html import html_document, read_html
from sitmap.ingest.jsonl import json_documents, read_json, read_jsonl, read_jsonl_stream
from sitmap.ingest.raw import DEFAULT_MAX_BYTES, SNIFF_BYTES, failure, read_file, read_stream, sniff_format
from sitmap.ingest.text_files import read_text_file, text_document
from sitmap.model import Document, Failure

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
FEED_REASON = "an RSS/Atom feed, not an article (feeds are polled by `sitmap watch`)"

Reader = Callable[..., Iterator[Document | Failure]]
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".html": read_html,
    ".htm": read_html,
}

__all__ = [
    "DEFAULT_MAX_BYTES",
    "READERS",
    "FeedEntry",
    "parse_feed",
    "read_html",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_path",
    "read_text_file",
]


def read_inputs(
    inputs: Sequence[str],
    *,
    published: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[Document | Failure]:
    """Documents and Failures from files, directories (recursively) and ``-`` for standard input.

    ``published`` dates documents that carry no date of their own. In a directory, hidden files
    and folders are skipped, and only files with a known extension (``READERS``) are read, so a
    README beside the articles is not taken for one; a file named on its own is always read,
    and sniffed when its extension is unknown.
    """
    for name in inputs:
        if name == STDIN:
            yield from read_stdin(stdin or sys.stdin.buffer, published=published, max_bytes=max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for file in _walk(path):
                yield from read_path(file, published=published, max_bytes=max_bytes)
        else:
            yield from read_path(path, published=published, max_bytes=max_bytes)


def read_path(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """The Documents and Failures of one file, read by its extension or, failing that, sniffed."""
    reader = READERS.get(path.suffix.lower())
    if reader is not None:
        yield from reader(path, published=published, max_bytes=max_bytes)
        return
    raw = read_file(path, max_bytes)
    if isinstance(raw, Failure):
        yield raw
        return
    yield from _read_sniffed(raw, str(path), published=published)


def read_stdin(
    stream: BinaryIO, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """The Documents and Failures of standard input, its format sniffed from the first bytes.

    JSON lines are streamed with the size limit per line; any other format is one document,
    limited as a whole.
    """
    try:
        head = stream.read(SNIFF_BYTES)
    except OSError as error:
        yield failure(STDIN_ORIGIN, f"cannot read input: {error.strerror or error}", key=STDIN_ORIGIN)
        return
    if sniff_format(head) == "jsonl":
        yield from read_jsonl_stream(
            stream, STDIN_ORIGIN, published=published, max_bytes=max_bytes, head=head
        )
        return
    rest = read_stream(stream, STDIN_ORIGIN, max(max_bytes - len(head), 0))
    if isinstance(rest, Failure) or len(head) > max_bytes:
        yield failure(STDIN_ORIGIN, f"input too large: over the limit of {max_bytes} bytes", key=STDIN_ORIGIN)
        return
    yield from _read_sniffed(head + rest, STDIN_ORIGIN, published=published)


def _read_sniffed(raw: bytes, origin: str, *, published: date | None) -> Iterator[Document | Failure]:
    """The Documents and Failures of bytes whose format is told by their first bytes."""
    kind = sniff_format(raw)
    if kind == "jsonl":
        import io

        yield from read_jsonl_stream(io.BytesIO(raw), origin, published=published, max_bytes=len(raw))
    elif kind == "json":
        yield from json_documents(raw, origin, published=published)
    elif kind == "html":
        yield html_document(raw, origin, published=published)
    elif kind == "feed":
        yield failure(origin, FEED_REASON, raw)
    else:
        yield text_document(raw, origin, published=published)


def _walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder`` with a known extension, depth first in sorted order, hidden ones skipped."""
    try:
        entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry)
        elif entry.suffix.lower() in READERS:
            yield entry

"""JSON Lines documents: one ``{"id", "text", "title"?, "published"?, "source"?, "url"?, "section"?}``
object per line; a ``.json`` file may hold one such object or an array of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from sitmap.ingest.raw import (
    DEFAULT_MAX_BYTES,
    content_id,
    decode_text,
    failure,
    iter_lines,
    parse_date,
    read_whole,
)
from sitmap.model import ArticleError, Document, Failure

OPTIONAL_FIELDS = ("title", "source", "url", "section")


def read_jsonl(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """A Document or a Failure for each non-blank line of a JSON Lines file.

    The file is streamed, so the size limit applies to each line (each document), not to the
    whole file: a backfill may hand over millions of articles in one file.
    """
    origin = str(path)
    try:
        stream = path.open("rb")
    except OSError as error:
        yield failure(origin, f"cannot read file: {error.strerror or error}", key=origin)
        return
    with stream:
        yield from read_jsonl_stream(stream, origin, published=published, max_bytes=max_bytes)


def read_jsonl_stream(
    stream: BinaryIO, origin: str, *, published: date | None = None, max_bytes: int, head: bytes = b""
) -> Iterator[Document | Failure]:
    """A Document or a Failure for each non-blank line of ``head`` then ``stream``."""
    seen_any = False
    try:
        for number, line, too_long in iter_lines(stream, max_bytes, head):
            where = f"{origin}:{number}"
            if too_long:
                yield failure(where, f"line {number} too large: over the limit of {max_bytes} bytes", line)
                seen_any = True
                continue
            line = line.rstrip(b"\r")
            if not line.strip():
                continue
            seen_any = True
            yield jsonl_document(line, where, line_number=number, published=published)
    except OSError as error:
        yield failure(origin, f"cannot read file: {error.strerror or error}", key=origin)
        return
    if not seen_any:
        yield failure(origin, "empty file (no JSON lines)", head, key=origin)


def jsonl_document(
    line: bytes, origin: str, *, line_number: int, published: date | None = None
) -> Document | Failure:
    """A Document from one JSON line, or a Failure naming the line and what is wrong with it."""
    try:
        record = json.loads(decode_text(line))
    except ArticleError as error:
        return failure(origin, f"line {line_number}: {error}", line)
    except json.JSONDecodeError as error:
        reason = f"line {line_number}: malformed JSON: {error.msg} at column {error.colno}"
        return failure(origin, reason, line)
    return record_document(
        record, line, origin, label=f"line {line_number}", published=published, fmt="jsonl"
    )


def read_json(
    path: Path, *, published: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | Failure]:
    """The Documents of a ``.json`` file holding one document object or an array of them."""
    return read_whole(path, max_bytes, lambda raw, origin: json_documents(raw, origin, published=published))


def json_documents(raw: bytes, origin: str, *, published: date | None = None) -> Iterator[Document | Failure]:
    """A Document or a Failure for each object of a JSON document or array of documents."""
    try:
        data = json.loads(decode_text(raw))
    except ArticleError as error:
        yield failure(origin, str(error), raw)
        return
    except json.JSONDecodeError as error:
        yield failure(origin, f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}", raw)
        return
    if not isinstance(data, list):
        yield record_document(data, raw, origin, label="document", published=published, fmt="json")
        return
    if not data:
        yield failure(origin, "empty JSON array (no documents)", raw)
    for index, record in enumerate(data):
        item_raw = json.dumps(record, ensure_ascii=False).encode("utf-8")
        yield record_document(
            record, item_raw, f"{origin}[{index}]", label=f"item {index}", published=published, fmt="json"
        )


def record_document(
    record: Any, raw: bytes, origin: str, *, label: str, published: date | None, fmt: str
) -> Document | Failure:
    """A Document from one decoded JSON object, or a Failure saying which field is wrong."""
    if not isinstance(record, dict):
        return failure(origin, f"{label}: expected a JSON object, got {type(record).__name__}", raw)
    text = record.get("text")
    if text is None:
        return failure(origin, f'{label}: no "text" field', raw)
    if not isinstance(text, str):
        return failure(origin, f'{label}: "text" must be a string, got {type(text).__name__}', raw)
    if not text.strip():
        return failure(origin, f'{label}: "text" is empty', raw)
    doc_id = record.get("id")
    if doc_id is not None and (isinstance(doc_id, bool) or not isinstance(doc_id, str | int)):
        return failure(origin, f'{label}: "id" must be a string or an integer, got {doc_id!r}', raw)
    fields: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            return failure(origin, f'{label}: "{name}" must be a string, got {value!r}', raw)
        fields[name] = value or None
    record_published = record.get("published")
    if record_published is not None:
        try:
            if not isinstance(record_published, str):
                raise ValueError(record_published)
            published = parse_date(record_published)
        except ValueError:
            return failure(
                origin,
                f'{label}: bad "published" date {record_published!r}'
                " (expected YYYY-MM-DD or an ISO datetime)",
                raw,
            )
    return Document(
        id=str(doc_id) if doc_id is not None and str(doc_id) else content_id(text),
        text=text,
        title=fields["title"],
        published=published,
        source=fields["source"],
        url=fields["url"],
        section=fields["section"],
        raw=raw,
        origin=origin,
        format=fmt,
    )

"""Raw bytes to checked text: content ids, size-limited reads, decoding and format sniffing.

Every reader goes through these helpers so that one bad input becomes one ``Failure`` with a
clear reason, the same bytes always get the same id, and nothing is read past the size limit.
"""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Literal

from sitmap.model import ArticleError, Document, Failure

Format = Literal["text", "jsonl", "json", "html", "feed"]

DEFAULT_MAX_BYTES = 5_000_000
CHUNK_BYTES = 65_536
SNIFF_BYTES = 4_096
# How much of an undecodable file charset detection looks at: enough to judge, cheap on big files.
DETECT_BYTES = 65_536
# Share of control characters above which decoded "text" is really binary.
MAX_CONTROL_SHARE = 0.01
_UTF16_32_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
HTML_TAGS = (b"<html", b"<!doctype html", b"<head", b"<body")
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def content_id(data: bytes | str) -> str:
    """The id of a piece of content: ``sha1:`` and the first 16 hex digits of its SHA-1.

    Text is hashed as UTF-8, so a JSON line's text and a file holding the same text differ only
    when their bytes differ.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return "sha1:" + hashlib.sha1(raw).hexdigest()[:16]


def failure(origin: str, reason: str, raw: bytes = b"", *, key: str | None = None) -> Failure:
    """A Failure whose id hashes the raw bytes, or ``key`` (the path) when there are none."""
    return Failure(doc_id=content_id(raw if key is None else key), origin=origin, reason=reason, raw=raw)


def read_file(path: Path, max_bytes: int) -> bytes | Failure:
    """The bytes of a file, or a Failure if it is unreadable or larger than ``max_bytes``.

    A file over the limit is never read whole: its size is checked first, and the read itself
    stops one byte past the limit (for files that grow, or devices that never end).
    """
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return failure(origin, f"file too large: {size} bytes, limit {max_bytes}", key=origin)
        with path.open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except OSError as error:
        return failure(origin, f"cannot read file: {error.strerror or error}", key=origin)
    if len(data) > max_bytes:
        return failure(origin, f"file too large: over the limit of {max_bytes} bytes", key=origin)
    return data


def read_whole(
    path: Path, max_bytes: int, parse: Callable[[bytes, str], Iterable[Document | Failure]]
) -> Iterator[Document | Failure]:
    """The records ``parse`` makes of a whole file's bytes, or the Failure saying why it cannot be read."""
    raw = read_file(path, max_bytes)
    if isinstance(raw, Failure):
        yield raw
        return
    yield from parse(raw, str(path))


def read_stream(stream: BinaryIO, origin: str, max_bytes: int) -> bytes | Failure:
    """At most ``max_bytes`` from a stream, or a Failure if the stream holds more."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        return failure(origin, f"cannot read input: {error.strerror or error}", key=origin)
    if len(data) > max_bytes:
        return failure(origin, f"input too large: over the limit of {max_bytes} bytes", key=origin)
    return data


def iter_lines(stream: BinaryIO, max_bytes: int, head: bytes = b"") -> Iterator[tuple[int, bytes, bool]]:
    """Numbered lines (without the newline) of ``head`` then ``stream``, each with a too-long flag.

    A line longer than ``max_bytes`` is not kept: its first ``max_bytes`` bytes are yielded with
    the flag set and the rest is skipped, so one runaway line cannot exhaust memory.
    """
    buffer = head
    number = 0
    exhausted = False
    while True:
        newline = buffer.find(b"\n")
        while newline < 0 and not exhausted and len(buffer) <= max_bytes:
            chunk = stream.read(CHUNK_BYTES)
            if not chunk:
                exhausted = True
                break
            start = len(buffer)
            buffer += chunk
            newline = buffer.find(b"\n", start)
        if newline < 0 and len(buffer) > max_bytes:
            number += 1
            yield number, buffer[:max_bytes], True
            remainder = _skip_to_next_line(stream, buffer)
            if remainder is None:
                return
            buffer = remainder
            continue
        if newline < 0:
            if buffer:
                number += 1
                yield number, buffer, False
            return
        number += 1
        line = buffer[:newline]
        yield number, line[:max_bytes], len(line) > max_bytes
        buffer = buffer[newline + 1 :]


def _skip_to_next_line(stream: BinaryIO, buffer: bytes) -> bytes | None:
    """What follows the next newline of ``buffer`` then ``stream``, or None at the end of input."""
    newline = buffer.find(b"\n")
    while newline < 0:
        buffer = stream.read(CHUNK_BYTES)
        if not buffer:
            return None
        newline = buffer.find(b"\n")
    return buffer[newline + 1 :]


def decode_text(raw: bytes) -> str:
    """The UTF-8 text of ``raw`` (a leading byte-order mark dropped), or ArticleError saying why not.

    Text in another encoding is refused rather than guessed at, with the encoding it looks like,
    so that no article is stored with silently garbled characters; its bytes are kept in the
    Failure and it can be converted (``iconv -f cp1252 -t utf-8``) and read again.
    """
    if not raw.strip():
        raise ArticleError("empty file" if not raw else "empty file (only whitespace)")
    for bom, encoding in _UTF16_32_BOMS:
        if raw.startswith(bom):
            raise ArticleError(f"not UTF-8 (looks like {encoding}, byte-order mark found)")
    if b"\x00" in raw[:DETECT_BYTES]:
        raise ArticleError("binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(_describe_undecodable(raw, error)) from None
    if _control_share(text[:DETECT_BYTES]) > MAX_CONTROL_SHARE:
        raise ArticleError("binary file (control characters in the data)")
    return text


def _describe_undecodable(raw: bytes, error: UnicodeDecodeError) -> str:
    """Why bytes are not UTF-8: the encoding they look like, or that they look binary."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:DETECT_BYTES]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        if _control_share(str(best)) <= MAX_CONTROL_SHARE:
            return f"not UTF-8 (looks like {best.encoding}; invalid byte at offset {error.start})"
    return f"binary or undecodable file (not UTF-8 at byte offset {error.start})"


def _control_share(text: str) -> float:
    """The share of characters that are control characters other than whitespace."""
    if not text:
        return 0.0
    controls = sum(1 for char in text if char < " " and char not in _ALLOWED_CONTROLS)
    return controls / len(text)


def sniff_format(head: bytes) -> Format:
    """The format of an input with no telling extension, from its first bytes.

    JSON lines when the first non-blank character is ``{``, a JSON array for ``[``, a feed for
    an XML document whose root is ``rss``/``feed``/``rdf``, HTML when a tag such as ``<html>``,
    ``<!doctype html>``, ``<head>`` or ``<body>`` appears early, else text.
    """
    start = head[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"{"):
        return "jsonl"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"<?xml") or start.startswith(b"<rss") or start.startswith(b"<feed"):
        if b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start:
            return "feed"
    if start.startswith(b"<") and any(tag in start for tag in HTML_TAGS):
        return "html"
    return "text"


def parse_date(value: str) -> date:
    """A date from ``YYYY-MM-DD`` or an ISO 8601 datetime; ValueError for anything else."""
    text = value.strip()
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text).date()

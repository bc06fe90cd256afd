"""HTTP GET for feeds and article pages, with conditional requests and a size limit (standard library)."""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

USER_AGENT = "sitmap-watch/0.1 (+https://github.com/sitmap)"
TIMEOUT_SECONDS = 20.0
MAX_BYTES = 5_000_000


class FetchError(Exception):
    """A page or feed could not be fetched: the address and the reason."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response: its body (empty when not modified) and the validators for the next request."""

    url: str
    body: bytes
    not_modified: bool = False
    etag: str | None = None
    modified: str | None = None


def fetch(
    url: str,
    etag: str | None = None,
    modified: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
) -> Fetched:
    """The body at ``url``; a 304 answer to the given validators comes back as ``not_modified``.

    Raises FetchError on a network error, an HTTP error status or a body over ``max_bytes``.
    """
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            final_url = response.geturl()
            new_etag, new_modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    except urllib.error.HTTPError as error:
        error.close()
        if error.code == 304:
            return Fetched(url, b"", not_modified=True, etag=etag, modified=modified)
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise FetchError(f"{url}: {reason}") from None
    if len(body) > max_bytes:
        raise FetchError(f"{url}: larger than the limit of {max_bytes} bytes")
    return Fetched(final_url, body, etag=new_etag, modified=new_modified)

"""Documents in the database: every raw input kept, good or failed, keyed by document id."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, select

from sitmap.model import Document, Failure
from sitmap.store.schema import documents


def document_row(document: Document, events: int) -> dict[str, Any]:
    """The ``documents`` row of a document that was read and coded into ``events`` events."""
    return {
        "id": document.id, "status": "ok", "reason": "", "origin": document.origin,
        "format": document.format, "source": document.source, "url": document.url,
        "title": document.title, "published": document.published, "section": document.section,
        "text": document.text, "raw": document.raw, "ingested_at": datetime.now(UTC), "events": events,
    }  # fmt: skip


def failure_row(failure: Failure) -> dict[str, Any]:
    """The ``documents`` row of an input that could not be read."""
    return {
        "id": failure.doc_id, "status": "failed", "reason": failure.reason, "origin": failure.origin,
        "format": "", "source": None, "url": None, "title": None, "published": None, "section": None,
        "text": "", "raw": failure.raw, "ingested_at": datetime.now(UTC), "events": 0,
    }  # fmt: skip


def processed_ids(engine: Engine, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are already stored as successfully processed documents."""
    wanted = list(set(ids))
    found: set[str] = set()
    with engine.connect() as connection:
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            query = select(documents.c.id).where(documents.c.id.in_(chunk), documents.c.status == "ok")
            found.update(connection.scalars(query))
    return found


def store_documents(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Insert or replace document rows (a failed input that now reads well replaces its failure);
    a batch is one delete and one many-row insert."""
    if not rows:
        return
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), 500):
        connection.execute(delete(documents).where(documents.c.id.in_(ids[start : start + 500])))
    connection.execute(insert(documents), list({row["id"]: row for row in rows}.values()))


def list_documents(engine: Engine, failed: bool = False, limit: int | None = None) -> list[dict[str, Any]]:
    """Stored documents (without their raw bytes and text), newest first; only failed ones if asked."""
    columns = [c for c in documents.c if c.name not in ("raw", "text")]
    query = select(*columns).order_by(documents.c.ingested_at.desc(), documents.c.id)
    if failed:
        query = query.where(documents.c.status == "failed")
    if limit:
        query = query.limit(limit)
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def get_document(engine: Engine, doc_id: str) -> dict[str, Any] | None:
    """One stored document with its text (not its raw bytes), or None."""
    columns = [c for c in documents.c if c.name != "raw"]
    with engine.connect() as connection:
        row = connection.execute(select(*columns).where(documents.c.id == doc_id)).first()
    return dict(row._mapping) if row else None

"""The database tables (SQLAlchemy Core), the same on SQLite and PostgreSQL.

Alembic migrations in ``migrations/`` create them; this module is the schema they must match
(a test compares the two).
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(128), primary_key=True),
    Column("status", String(16), nullable=False),  # "ok" or "failed"
    Column("reason", Text, nullable=False, default=""),
    Column("origin", Text, nullable=False, default=""),
    Column("format", String(16), nullable=False, default=""),
    Column("source", Text),
    Column("url", Text),
    Column("title", Text),
    Column("published", Date),
    Column("section", Text),
    Column("text", Text, nullable=False, default=""),
    Column("raw", LargeBinary, nullable=False, default=b""),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("events", Integer, nullable=False, default=0),
)
Index("ix_documents_status", documents.c.status)

events = Table(
    "events",
    metadata,
    Column("event_id", String(64), primary_key=True),
    Column("event_date", Date),
    Column("time_precision", Integer, nullable=False),
    Column("disorder_type", String(64), nullable=False),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("actor1", Text, nullable=False, default=""),
    Column("assoc_actor_1", Text, nullable=False, default=""),
    Column("inter1", Integer),
    Column("actor2", Text, nullable=False, default=""),
    Column("assoc_actor_2", Text, nullable=False, default=""),
    Column("inter2", Integer),
    Column("interaction", Integer),
    Column("civilian_targeting", String(32), nullable=False, default=""),
    Column("country", Text, nullable=False, default=""),
    Column("iso3", String(3), nullable=False, default=""),
    Column("admin1", Text, nullable=False, default=""),
    Column("admin2", Text, nullable=False, default=""),
    Column("location", Text, nullable=False, default=""),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("geonameid", Integer),
    Column("fatalities", Integer, nullable=False, default=0),
    Column("fatalities_low", Integer),
    Column("fatalities_high", Integer),
    Column("claimed_by", Text, nullable=False, default=""),
    Column("claims", JSON, nullable=False),
    Column("territory", JSON),
    Column("notes", Text, nullable=False, default=""),
    Column("confidence", Float, nullable=False, default=0.0),
    Column("tags", JSON, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_events_date", events.c.event_date)
Index("ix_events_country", events.c.country)
Index("ix_events_type", events.c.event_type)
Index("ix_events_position", events.c.latitude, events.c.longitude)

sources = Table(
    "sources",
    metadata,
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("doc_id", String(128), primary_key=True),
    Column("source", Text),
    Column("url", Text),
    Column("published", Date),
)
Index("ix_sources_doc", sources.c.doc_id)

evidence = Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("doc_id", String(128), nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("field", String(64), nullable=False),
    Column("text", Text, nullable=False, default=""),
)
Index("ix_evidence_event", evidence.c.event_id)

statistics = Table(
    "statistics",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("doc_id", String(128), nullable=False),
    Column("scope", Text, nullable=False),
    Column("what", Text, nullable=False),
    Column("value", Integer, nullable=False),
    Column("period_start", Date),
    Column("period_end", Date),
    Column("claimed_by", Text, nullable=False, default=""),
    Column("evidence", JSON),
)

merges = Table(
    "merges",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    Column("merged_id", String(64), nullable=False),
    Column("doc_id", String(128), nullable=False),
    Column("score", Float, nullable=False),
    Column("reasons", JSON, nullable=False),
    Column("merged_at", DateTime(timezone=True), nullable=False),
)
Index("ix_merges_event", merges.c.event_id)

# API keys for POST /documents: only a per-key salt and scrypt hash are kept (migration 0002).
api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(16), primary_key=True),
    Column("name", Text, nullable=False),
    Column("salt", LargeBinary, nullable=False),
    Column("hash", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    Column("uses", Integer, nullable=False, default=0),
)

# Feed cursors of `sitmap watch` (migration 0003).
feeds = Table(
    "feeds",
    metadata,
    Column("url", String(1024), primary_key=True),
    Column("title", Text),
    Column("etag", Text),
    Column("modified", Text),
    Column("status", String(16), nullable=False),  # "new", "ok", "not-modified" or "failing"
    Column("failures", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("last_polled", DateTime(timezone=True)),
    Column("last_success", DateTime(timezone=True)),
    Column("next_poll", DateTime(timezone=True)),
    Column("entries", Integer, nullable=False, default=0),
    Column("documents", Integer, nullable=False, default=0),
)

feed_entries = Table(
    "feed_entries",
    metadata,
    Column("feed_url", String(1024), primary_key=True),
    Column("entry_id", String(1024), primary_key=True),
    Column("link", Text),
    Column("doc_id", String(128)),
    Column("status", String(16), nullable=False),  # "ok", "failed" or "pending"
    Column("attempts", Integer, nullable=False, default=0),
    Column("reason", Text, nullable=False, default=""),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)

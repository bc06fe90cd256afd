"""The event store: SQLAlchemy tables on SQLite (default) or PostgreSQL, migrated by Alembic."""

from sitmap.store.database import DB_ENV, DEFAULT_DB, database_url, open_database
from sitmap.store.documents import get_document, list_documents, processed_ids
from sitmap.store.events import (
    EventFilter,
    SaveReport,
    count_events,
    get_event,
    merge_log,
    query_events,
    query_statistics,
    save_result,
)

__all__ = [
    "DB_ENV", "DEFAULT_DB", "EventFilter", "SaveReport", "count_events", "database_url", "get_document",
    "get_event", "list_documents", "merge_log", "open_database", "processed_ids", "query_events",
    "query_statistics", "save_result",
]  # fmt: skip

"""Initial schema: documents, events, sources, evidence, statistics, merges.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(128), primary_key=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("origin", sa.Text, nullable=False),
        sa.Column("format", sa.String(16), nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("section", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw", sa.LargeBinary, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("events", sa.Integer, nullable=False),
    )
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_table(
        "events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("event_date", sa.Date),
        sa.Column("time_precision", sa.Integer, nullable=False),
        sa.Column("disorder_type", sa.String(64), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("actor1", sa.Text, nullable=False),
        sa.Column("assoc_actor_1", sa.Text, nullable=False),
        sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.Text, nullable=False),
        sa.Column("assoc_actor_2", sa.Text, nullable=False),
        sa.Column("inter2", sa.Integer),
        sa.Column("interaction", sa.Integer),
        sa.Column("civilian_targeting", sa.String(32), nullable=False),
        sa.Column("country", sa.Text, nullable=False),
        sa.Column("iso3", sa.String(3), nullable=False),
        sa.Column("admin1", sa.Text, nullable=False),
        sa.Column("admin2", sa.Text, nullable=False),
        sa.Column("location", sa.Text, nullable=False),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("geonameid", sa.Integer),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("claimed_by", sa.Text, nullable=False),
        sa.Column("claims", sa.JSON, nullable=False),
        sa.Column("territory", sa.JSON),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_events_date", "events", ["event_date"])
    op.create_index("ix_events_country", "events", ["country"])
    op.create_index("ix_events_type", "events", ["event_type"])
    op.create_table(
        "sources",
        sa.Column(
            "event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("doc_id", sa.String(128), primary_key=True),
        sa.Column("source", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Date),
    )
    op.create_index("ix_sources_doc", "sources", ["doc_id"])
    op.create_table(
        "evidence",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("doc_id", sa.String(128), nullable=False),
        sa.Column("sentence", sa.Integer, nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_evidence_event", "evidence", ["event_id"])
    op.create_table(
        "statistics",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("doc_id", sa.String(128), nullable=False),
        sa.Column("scope", sa.Text, nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("value", sa.Integer, nullable=False),
        sa.Column("period_start", sa.Date),
        sa.Column("period_end", sa.Date),
        sa.Column("claimed_by", sa.Text, nullable=False),
        sa.Column("evidence", sa.JSON),
    )
    op.create_table(
        "merges",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "event_id", sa.String(64), sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("merged_id", sa.String(64), nullable=False),
        sa.Column("doc_id", sa.String(128), nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reasons", sa.JSON, nullable=False),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_merges_event", "merges", ["event_id"])


def downgrade() -> None:
    for table in ("merges", "statistics", "evidence", "sources", "events", "documents"):
        op.drop_table(table)

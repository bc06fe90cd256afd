"""Feed cursors for `sitmap watch`: one row per feed, one per entry dealt with.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "feeds",
        sa.Column("url", sa.String(1024), primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("etag", sa.Text),
        sa.Column("modified", sa.Text),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text, nullable=False),
        sa.Column("last_polled", sa.DateTime(timezone=True)),
        sa.Column("last_success", sa.DateTime(timezone=True)),
        sa.Column("next_poll", sa.DateTime(timezone=True)),
        sa.Column("entries", sa.Integer, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
    )
    op.create_table(
        "feed_entries",
        sa.Column("feed_url", sa.String(1024), primary_key=True),
        sa.Column("entry_id", sa.String(1024), primary_key=True),
        sa.Column("link", sa.Text),
        sa.Column("doc_id", sa.String(128)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("feed_entries")
    op.drop_table("feeds")

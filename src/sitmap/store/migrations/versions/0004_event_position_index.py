"""An index on the events' position, for the bbox and distance ("near") filters.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_position", "events", ["latitude", "longitude"])


def downgrade() -> None:
    op.drop_index("ix_events_position", table_name="events")

"""Index ``staff_session.expires_at``: every console login deletes the expired sessions
(``accounts.login``), which without it reads the whole table.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_staff_session_expires_at", "staff_session", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_staff_session_expires_at", table_name="staff_session")

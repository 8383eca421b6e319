"""Certificates printed at terminals (issue #23): the certificate registry and the issued
certificates, each by its verification code.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certificate_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("issuer", sa.String(length=80), nullable=False),
        sa.Column("service_code", sa.String(length=60), nullable=True),
        sa.Column("body", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("id_hash", "kind"),
    )
    op.create_index("ix_certificate_record_id_hash", "certificate_record", ["id_hash"])
    op.create_table(
        "issued_certificate",
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("title", sa.String(length=60), nullable=False),
        sa.Column("issuer", sa.String(length=80), nullable=False),
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("terminal_id", sa.String(length=16), nullable=False),
        sa.Column("hall_id", sa.String(length=16), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index("ix_issued_certificate_id_hash", "issued_certificate", ["id_hash"])


def downgrade() -> None:
    op.drop_index("ix_issued_certificate_id_hash", table_name="issued_certificate")
    op.drop_table("issued_certificate")
    op.drop_index("ix_certificate_record_id_hash", table_name="certificate_record")
    op.drop_table("certificate_record")

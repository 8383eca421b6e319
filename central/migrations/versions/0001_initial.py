"""Central's schema as ``create_all`` made it before migrations (issue #19).

A database made by ``create_all`` before this revision existed is adopted at this revision
(``central.schema``): its tables are compared with these and then stamped. Types are
SQLAlchemy's generic ones, so the same revision runs on SQLite and PostgreSQL: strings as
VARCHAR (of the model's ``max_length``, or unbounded), datetimes with a time zone (sqlmodel's
``UTCDateTime``), unique constraints unnamed like those ``create_all`` made.

Revision ID: 0001
Revises: (none)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision: str | None = None
branch_labels = None
depends_on = None


def _text(length: int | None = None) -> sa.String:
    return sa.String(length=length)


def _when() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "appointment",
        sa.Column("appointment_id", _text(64), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("day", _text(10), nullable=False),
        sa.Column("slot_start", _when(), nullable=False),
        sa.Column("slot_end", _when(), nullable=False),
        sa.Column("service_code", _text(60), nullable=False),
        sa.Column("queue", _text(30), nullable=False),
        sa.Column("id_number_hash", _text(64), nullable=False),
        sa.Column("checked_in", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("appointment_id"),
    )
    op.create_index("ix_appointment_day", "appointment", ["day"])
    op.create_index("ix_appointment_hall_id", "appointment", ["hall_id"])

    op.create_table(
        "assist_call",
        sa.Column("call_id", _text(40), nullable=False),
        sa.Column("terminal_id", _text(40), nullable=False),
        sa.Column("hall_id", _text(40), nullable=False),
        sa.Column("page", _text(40), nullable=False),
        sa.Column("reason", _text(40), nullable=False),
        sa.Column("state", _text(20), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("acknowledged_at", _when(), nullable=True),
        sa.Column("closed_at", _when(), nullable=True),
        sa.PrimaryKeyConstraint("call_id"),
    )
    op.create_index("ix_assist_call_hall_id", "assist_call", ["hall_id"])
    op.create_index("ix_assist_call_terminal_id", "assist_call", ["terminal_id"])

    op.create_table(
        "attachment_blob",
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("sha256", _text(64), nullable=False),
        sa.Column("size_bytes", sa.Integer(), nullable=False),
        sa.Column("received", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("completed_at", _when(), nullable=True),
        sa.PrimaryKeyConstraint("terminal_id", "sha256"),
    )

    op.create_table(
        "attachment_chunk",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("sha256", _text(64), nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("terminal_id", "sha256", "offset"),
    )
    op.create_index("ix_attachment_chunk_sha256", "attachment_chunk", ["sha256"])
    op.create_index("ix_attachment_chunk_terminal_id", "attachment_chunk", ["terminal_id"])

    op.create_table(
        "calendar_document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", _text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )

    op.create_table(
        "case_record",
        sa.Column("case_no", _text(40), nullable=False),
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("receipt_no", _text(40), nullable=False),
        sa.Column("service_code", _text(60), nullable=False),
        sa.Column("id_number_hash", _text(64), nullable=True),
        sa.Column("agent_id_number_hash", _text(64), nullable=True),
        sa.Column("state", _text(20), nullable=False),
        sa.Column("promised_date", _text(), nullable=True),
        sa.Column("departments", _text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("case_no"),
    )
    op.create_index("ix_case_record_agent_id_number_hash", "case_record", ["agent_id_number_hash"])
    op.create_index("ix_case_record_id_number_hash", "case_record", ["id_number_hash"])
    op.create_index("ix_case_record_receipt_no", "case_record", ["receipt_no"])

    op.create_table(
        "case_supplement",
        sa.Column("case_no", _text(40), nullable=False),
        sa.Column("materials", _text(), nullable=False),
        sa.Column("note", _text(500), nullable=False),
        sa.Column("requested_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("case_no"),
    )

    op.create_table(
        "catalog_item",
        sa.Column("code", _text(60), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", _text(), nullable=False),
        sa.Column("removed", sa.Boolean(), nullable=False),
        sa.Column("feed_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("code"),
    )
    op.create_index("ix_catalog_item_feed_version", "catalog_item", ["feed_version"])

    op.create_table(
        "central_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", _when(), nullable=False),
        sa.Column("actor", _text(60), nullable=False),
        sa.Column("action", _text(60), nullable=False),
        sa.Column("target", _text(120), nullable=False),
        sa.Column("detail", _text(400), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_central_audit_at", "central_audit", ["at"])

    op.create_table(
        "central_meta",
        sa.Column("key", _text(60), nullable=False),
        sa.Column("value", _text(200), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )

    op.create_table(
        "counter",
        sa.Column("name", _text(120), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )

    op.create_table(
        "followup_plan",
        sa.Column("tracking_no", _text(40), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("kind", _text(20), nullable=False),
        sa.Column("opened_at", _when(), nullable=False),
        sa.Column("deadline", _text(10), nullable=False),
        sa.Column("owner", _text(40), nullable=False),
        sa.Column("action", _text(2000), nullable=False),
        sa.Column("result", _text(2000), nullable=False),
        sa.Column("closed_at", _when(), nullable=True),
        sa.Column("level", sa.Integer(), nullable=True),
        sa.Column("appealed_at", _when(), nullable=True),
        sa.Column("appeal_reason", _text(20), nullable=False),
        sa.PrimaryKeyConstraint("tracking_no"),
    )
    op.create_index("ix_followup_plan_hall_id", "followup_plan", ["hall_id"])

    op.create_table(
        "followup_record",
        sa.Column("tracking_no", _text(40), nullable=False),
        sa.Column("kind", _text(20), nullable=False),
        sa.Column("state", _text(20), nullable=False),
        sa.Column("answer", _text(), nullable=False),
        sa.Column("updated_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("tracking_no"),
    )

    op.create_table(
        "hall_window",
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=False),
        sa.Column("name", _text(40), nullable=False),
        sa.Column("queues", _text(200), nullable=False),
        sa.Column("open", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("hall_id", "window_no"),
    )

    op.create_table(
        "idempotency_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("key", _text(100), nullable=False),
        sa.Column("scope", _text(40), nullable=False),
        sa.Column("body_hash", _text(64), nullable=False),
        sa.Column("state", _text(12), nullable=False),
        sa.Column("lease", _text(32), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("response", _text(), nullable=True),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("terminal_id", "key"),
    )
    op.create_index("ix_idempotency_record_created_at", "idempotency_record", ["created_at"])

    op.create_table(
        "intake_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("key", _text(100), nullable=False),
        sa.Column("kind", _text(20), nullable=False),
        sa.Column("body", _text(), nullable=False),
        sa.Column("reference", _text(40), nullable=True),
        sa.Column("accepted_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("terminal_id", "key"),
    )
    op.create_index("ix_intake_item_kind", "intake_item", ["kind"])
    op.create_index("ix_intake_item_reference", "intake_item", ["reference"])

    op.create_table(
        "search_miss",
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("day", _text(10), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("queries", _text(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "day"),
    )
    op.create_index("ix_search_miss_hall_id", "search_miss", ["hall_id"])

    op.create_table(
        "seen_signature",
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("token", _text(128), nullable=False),
        sa.Column("seen_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id", "token"),
    )
    op.create_index("ix_seen_signature_seen_at", "seen_signature", ["seen_at"])

    op.create_table(
        "shared_record",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("id_hash", _text(64), nullable=False),
        sa.Column("material", _text(80), nullable=False),
        sa.Column("licence_no", _text(60), nullable=False),
        sa.Column("issuer", _text(80), nullable=False),
        sa.Column("issued_on", _text(10), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_shared_record_id_hash", "shared_record", ["id_hash"])

    op.create_table(
        "staff_account",
        sa.Column("username", _text(40), nullable=False),
        sa.Column("role", _text(20), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("password_hash", _text(200), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", _when(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("username"),
    )

    op.create_table(
        "staff_session",
        sa.Column("token_hash", _text(64), nullable=False),
        sa.Column("username", _text(40), nullable=False),
        sa.Column("csrf", _text(64), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("expires_at", _when(), nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_staff_session_username", "staff_session", ["username"])

    op.create_table(
        "terminal",
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("secret", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", _when(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id"),
    )

    op.create_table(
        "terminal_heartbeat",
        sa.Column("terminal_id", _text(16), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("received_at", _when(), nullable=False),
        sa.Column("body", _text(), nullable=False),
        sa.Column("previous_pending", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("terminal_id"),
    )
    op.create_index("ix_terminal_heartbeat_hall_id", "terminal_heartbeat", ["hall_id"])

    op.create_table(
        "ticket",
        sa.Column("ticket_id", _text(64), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("queue", _text(30), nullable=False),
        sa.Column("day", _text(10), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("issued_at", _when(), nullable=False),
        sa.Column("called", sa.Boolean(), nullable=False),
        sa.Column("origin", _text(16), nullable=False),
        sa.Column("display", _text(30), nullable=False),
        sa.Column("void", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Boolean(), nullable=False),
        sa.Column("holder_hash", _text(64), nullable=True),
        sa.PrimaryKeyConstraint("ticket_id"),
        sa.UniqueConstraint("hall_id", "queue", "day", "origin", "number"),
    )
    op.create_index("ix_ticket_holder_hash", "ticket", ["holder_hash"])

    op.create_table(
        "ticket_call",
        sa.Column("ticket_id", _text(64), nullable=False),
        sa.Column("hall_id", _text(16), nullable=False),
        sa.Column("day", _text(10), nullable=False),
        sa.Column("queue", _text(30), nullable=False),
        sa.Column("window_no", sa.Integer(), nullable=False),
        sa.Column("state", _text(20), nullable=False),
        sa.Column("called_at", _when(), nullable=False),
        sa.Column("recalls", sa.Integer(), nullable=False),
        sa.Column("finished_at", _when(), nullable=True),
        sa.Column("transferred_at", _when(), nullable=True),
        sa.PrimaryKeyConstraint("ticket_id"),
    )
    op.create_index("ix_ticket_call_day", "ticket_call", ["day"])
    op.create_index("ix_ticket_call_hall_id", "ticket_call", ["hall_id"])


def downgrade() -> None:
    op.drop_table("ticket_call")
    op.drop_table("ticket")
    op.drop_table("terminal_heartbeat")
    op.drop_table("terminal")
    op.drop_table("staff_session")
    op.drop_table("staff_account")
    op.drop_table("shared_record")
    op.drop_table("seen_signature")
    op.drop_table("search_miss")
    op.drop_table("intake_item")
    op.drop_table("idempotency_record")
    op.drop_table("hall_window")
    op.drop_table("followup_record")
    op.drop_table("followup_plan")
    op.drop_table("counter")
    op.drop_table("central_meta")
    op.drop_table("central_audit")
    op.drop_table("catalog_item")
    op.drop_table("case_supplement")
    op.drop_table("case_record")
    op.drop_table("calendar_document")
    op.drop_table("attachment_chunk")
    op.drop_table("attachment_blob")
    op.drop_table("assist_call")
    op.drop_table("appointment")

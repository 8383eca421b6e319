"""Table models (sqlmodel) mirroring the schema that :mod:`kiosk.store.migrations` builds.

The migrations are the source of truth for the schema; these classes are how code reads and
writes rows. ``tests/unit/test_store.py`` checks that both agree column by column.
"""

from __future__ import annotations

from sqlmodel import Field, SQLModel


class TerminalMeta(SQLModel, table=True):
    """Small key/value facts about this terminal (catalog version, last sync, …)."""

    __tablename__ = "terminal_meta"

    key: str = Field(primary_key=True)
    value: str


class SubmissionRow(SQLModel, table=True):
    """An application accepted at this terminal (受理). ``payload`` is JSON."""

    __tablename__ = "submission"

    id: int | None = Field(default=None, primary_key=True)
    receipt_no: str = Field(unique=True)
    service_code: str
    created_at: str
    payload: str
    case_no: str | None = None
    promised_date: str | None = None


class OutboxRow(SQLModel, table=True):
    """One item to send to the central service, written in the same transaction as its row."""

    __tablename__ = "outbox"

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    idempotency_key: str = Field(unique=True)
    payload: str
    state: str = "pending"
    attempts: int = 0
    created_at: str
    next_attempt_at: str | None = None
    last_error: str | None = None
    error_kind: str | None = None  # kiosk.sync.outbox.ErrorKind
    sent_at: str | None = None
    submission_id: int | None = Field(default=None, foreign_key="submission.id")
    sealed: bytes | None = None
    purged_at: str | None = None


class PrintJobRow(SQLModel, table=True):
    """One slip to print (receipt, ticket, notification slip …) and how printing went.

    ``document`` is the serialized document, so a failed or lost slip can be printed again;
    ``status`` is queued → printing → printed | failed; ``reason`` is a machine-readable code.
    """

    __tablename__ = "print_job"

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    reference: str = ""
    document: str
    status: str = "queued"
    reason: str | None = None
    attempts: int = 0
    created_at: str
    printed_at: str | None = None


class CatalogThemeRow(SQLModel, table=True):
    """A life event the catalog groups services by (主题), in display order."""

    __tablename__ = "catalog_theme"

    code: str = Field(primary_key=True)
    name: str
    position: int


class CatalogServiceRow(SQLModel, table=True):
    """One service item; ``item`` is its JSON object in the exchange format (with the guide)."""

    __tablename__ = "catalog_service"

    code: str = Field(primary_key=True)
    name: str
    theme: str = Field(foreign_key="catalog_theme.code")
    department: str
    position: int
    popularity: int = 0
    item: str


class CatalogSearchRow(SQLModel, table=True):
    """Search keys computed at import (pinyin, initials), so the index builds without pypinyin.

    ``name_pinyin`` holds syllables separated by spaces; ``keywords`` and ``keywords_pinyin``
    are JSON lists in the same order; ``body`` is the guide text searched last.
    """

    __tablename__ = "catalog_search"

    code: str = Field(primary_key=True, foreign_key="catalog_service.code")
    name_pinyin: str
    name_initials: str
    keywords: str
    keywords_pinyin: str
    body: str


class CaseStatusRow(SQLModel, table=True):
    """The last status central reported for a case (办件进度); ``payload`` is the wire JSON."""

    __tablename__ = "case_status"

    case_no: str = Field(primary_key=True)
    receipt_no: str
    state: str
    version: int
    payload: str
    updated_at: str
    fetched_at: str
    owner_hash: str | None = None


class StaffCredentialRow(SQLModel, table=True):
    """The staff PIN (scrypt string) and its failure/lockout counters (see kiosk.staff)."""

    __tablename__ = "staff_credential"

    name: str = Field(primary_key=True)
    pin_hash: str
    failures: int = 0
    lockouts: int = 0
    locked_until: str | None = None
    updated_at: str


class AuditLogRow(SQLModel, table=True):
    """One staff or vendor action: who, what, when (never personal data)."""

    __tablename__ = "audit_log"

    id: int | None = Field(default=None, primary_key=True)
    at: str
    actor: str
    action: str
    detail: str = ""


class ReceiptSequenceRow(SQLModel, table=True):
    """The last sequence number used on a day: receipts under ``yymmdd``, notification
    slips under ``slip-yymmdd``."""

    __tablename__ = "receipt_sequence"

    day: str = Field(primary_key=True)
    last_seq: int


class QueueTicketRow(SQLModel, table=True):
    """A queue ticket (取号) taken here; issued only once printed or shown with consent."""

    __tablename__ = "queue_ticket"

    ticket_id: str = Field(primary_key=True)
    hall_id: str
    queue: str
    day: str
    number: int
    display: str
    origin: str = ""
    status: str = "pending_print"
    priority: bool = False
    priority_proven: bool = False
    holder_hash: str | None = None
    service_code: str | None = None
    people_ahead: int | None = None
    estimated_wait_min: int | None = None
    print_job_id: int | None = None
    reason: str | None = None
    created_at: str
    issued_at: str | None = None


class AppointmentCacheRow(SQLModel, table=True):
    """One of the day's appointments in this hall as last fetched (for offline check-in)."""

    __tablename__ = "appointment_cache"

    appointment_id: str = Field(primary_key=True)
    day: str
    slot_start: str
    slot_end: str
    service_code: str
    queue: str
    id_number_hash: str
    checked_in: bool = False
    fetched_at: str


class FollowUpRow(SQLModel, table=True):
    """A complaint, question or bad rating's 整改 left here, by tracking number; never any
    personal data."""

    __tablename__ = "followup"

    tracking_no: str = Field(primary_key=True)
    kind: str
    topic: str = ""
    created_at: str
    state: str = "submitted"
    answer: str = ""
    fetched_at: str | None = None


class AttachmentRow(SQLModel, table=True):
    """A scan or signed document made at this terminal, sealed, keyed by its sha256.

    ``sealed`` is ``nonce || AES-GCM(bytes)`` under the outbox key (associated data: the
    hash), ``None`` once purged; ``uploaded_at`` is set when central said it holds it whole.
    """

    __tablename__ = "attachment"

    sha256: str = Field(primary_key=True)
    media_type: str
    size_bytes: int
    pages: int = 1
    sealed: bytes | None = None
    created_at: str
    uploaded_at: str | None = None
    purged_at: str | None = None


class SubmissionAttachmentRow(SQLModel, table=True):
    """Which submission references which attachment (for its material)."""

    __tablename__ = "submission_attachment"

    submission_id: int = Field(primary_key=True, foreign_key="submission.id")
    sha256: str = Field(primary_key=True, foreign_key="attachment.sha256")
    material_code: str


class CertificateJobRow(SQLModel, table=True):
    """A certificate printed on the A4 printer (自助打印证明) and how it went.

    ``sealed`` holds the issued certificate (the holder in full) as ``nonce || AES-GCM`` under
    the outbox key with the code as associated data, for staff reprints that day; ``None``
    once the day is over. ``status``: printing → printed | failed (``reason``: a code).
    """

    __tablename__ = "certificate_job"

    id: int | None = Field(default=None, primary_key=True)
    kind: str
    title: str = ""
    code: str
    status: str = "printing"
    reason: str | None = None
    attempts: int = 1
    sealed: bytes | None = None
    created_at: str
    printed_at: str | None = None

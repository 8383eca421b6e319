"""Central's tables (SQLModel) and its database handle (engines: ``central.engines``).

The schema is made and changed by Alembic migrations (``central/migrations``, run by
``central.schema``), never by ``create_all``: a model change needs a revision there.
``CENTRAL_TABLES`` lists central's tables so that, in a process that also holds the
terminal's models (demo mode), the terminal's tables are never taken for central's.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Column, LargeBinary, UniqueConstraint, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlmodel import Field, Session, SQLModel, col, select

from central.certificate_rows import CertificateRecordRow, IssuedCertificateRow
from central.engines import PoolSettings, make_engine, relaxed_engine
from central.photo_rows import ReferencePhotoRow
from central.sealing import PREFIX, Sealer, is_sealed

SEAL_PREFIX = PREFIX.decode()


def utcnow() -> datetime:
    """Timezone-aware now in UTC (stored naive-UTC by SQLite, aware by PostgreSQL)."""
    return datetime.now(UTC)


class Terminal(SQLModel, table=True):
    """A terminal allowed to call the API; ``secret`` is the shared HMAC key, sealed."""

    __tablename__ = "terminal"

    terminal_id: str = Field(primary_key=True, max_length=16)
    hall_id: str = Field(max_length=16)
    secret: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)
    enabled: bool = True


class SeenSignature(SQLModel, table=True):
    """Nonces (or signature hashes) seen within the freshness window: replay protection."""

    __tablename__ = "seen_signature"

    terminal_id: str = Field(primary_key=True, max_length=16)
    token: str = Field(primary_key=True, max_length=128)
    seen_at: datetime = Field(default_factory=utcnow, index=True)


class IdempotencyRecord(SQLModel, table=True):
    """One idempotency key of one terminal: its body hash and, once done, its answer."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("terminal_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    terminal_id: str = Field(max_length=16)
    key: str = Field(max_length=100)
    scope: str = Field(max_length=40)
    body_hash: str = Field(max_length=64)
    state: str = Field(default="processing", max_length=12)
    lease: str = Field(max_length=32)
    status_code: int | None = None
    response: str | None = None
    created_at: datetime = Field(default_factory=utcnow, index=True)


class IntakeItem(SQLModel, table=True):
    """Every accepted item, once: the exactly-once ledger (tests count rows here).

    ``body`` is the item as accepted, sealed (:meth:`Database.open_body` reads it): it holds
    names, ID numbers, phones and the citizen's own words.
    """

    __tablename__ = "intake_item"
    __table_args__ = (UniqueConstraint("terminal_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    terminal_id: str = Field(max_length=16)
    key: str = Field(max_length=100)
    kind: str = Field(max_length=20, index=True)
    body: str
    reference: str | None = Field(default=None, max_length=40, index=True)
    accepted_at: datetime = Field(default_factory=utcnow)


class CaseRecord(SQLModel, table=True):
    """A case (办件) created from a submission; ``detail`` holds department progress JSON."""

    __tablename__ = "case_record"

    case_no: str = Field(primary_key=True, max_length=40)
    terminal_id: str = Field(max_length=16)
    receipt_no: str = Field(max_length=40, index=True)
    service_code: str = Field(max_length=60)
    id_number_hash: str | None = Field(default=None, max_length=64, index=True)
    agent_id_number_hash: str | None = Field(default=None, max_length=64, index=True)
    state: str = Field(max_length=20)
    promised_date: str | None = None
    departments: str = "[]"
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow)


class Counter(SQLModel, table=True):
    """Atomic counters: queue numbers per hall/queue/day, case numbers per day."""

    __tablename__ = "counter"

    name: str = Field(primary_key=True, max_length=120)
    value: int = 0


class TicketRow(SQLModel, table=True):
    """A numbered queue ticket; ``origin`` is the terminal that numbered it offline ("" when
    central numbered it), so offline blocks never collide with central's sequence."""

    __tablename__ = "ticket"
    __table_args__ = (UniqueConstraint("hall_id", "queue", "day", "origin", "number"),)

    ticket_id: str = Field(primary_key=True, max_length=64)
    hall_id: str = Field(max_length=16)
    queue: str = Field(max_length=30)
    day: str = Field(max_length=10)
    number: int
    issued_at: datetime = Field(default_factory=utcnow)
    called: bool = False
    origin: str = Field(default="", max_length=16)
    display: str = Field(default="", max_length=30)
    void: bool = False
    priority: bool = False
    holder_hash: str | None = Field(default=None, max_length=64, index=True)


class AppointmentRow(SQLModel, table=True):
    """A booked appointment (created through the staff API in the reference service)."""

    __tablename__ = "appointment"

    appointment_id: str = Field(primary_key=True, max_length=64)
    hall_id: str = Field(max_length=16, index=True)
    day: str = Field(max_length=10, index=True)
    slot_start: datetime
    slot_end: datetime
    service_code: str = Field(max_length=60)
    queue: str = Field(default="A", max_length=30)
    id_number_hash: str = Field(max_length=64)
    checked_in: bool = False


class FollowUpRow(SQLModel, table=True):
    """A complaint or consultation question's state and answer (no personal data here)."""

    __tablename__ = "followup_record"

    tracking_no: str = Field(primary_key=True, max_length=40)
    kind: str = Field(max_length=20)
    state: str = Field(default="received", max_length=20)
    answer: str = ""
    updated_at: datetime = Field(default_factory=utcnow)


class AssistCallRow(SQLModel, table=True):
    """A citizen's call for a person at a terminal: open → acknowledged → closed."""

    __tablename__ = "assist_call"

    call_id: str = Field(primary_key=True, max_length=40)
    terminal_id: str = Field(max_length=40, index=True)
    hall_id: str = Field(max_length=40, index=True)
    page: str = Field(max_length=40)
    reason: str = Field(default="", max_length=40)
    state: str = Field(default="open", max_length=20)
    created_at: datetime = Field(default_factory=utcnow)
    acknowledged_at: datetime | None = None
    closed_at: datetime | None = None


class HallWindowRow(SQLModel, table=True):
    """A service window (窗口) of a hall and the queues it serves, in the order it calls them
    (the hall's rule: e.g. the appointment queue first, then priority, then the others)."""

    __tablename__ = "hall_window"

    hall_id: str = Field(primary_key=True, max_length=16)
    window_no: int = Field(primary_key=True)
    name: str = Field(default="", max_length=40)
    queues: str = Field(max_length=200)  # queue codes, comma-separated, in calling order
    open: bool = True


class TicketCallRow(SQLModel, table=True):
    """Where a ticket stands once a window has called it: ``called`` (at ``window_no``),
    ``no_show`` (过号), ``done``, or ``transferred`` (waiting again in ``queue``)."""

    __tablename__ = "ticket_call"

    ticket_id: str = Field(primary_key=True, max_length=64)
    hall_id: str = Field(max_length=16, index=True)
    day: str = Field(max_length=10, index=True)
    queue: str = Field(max_length=30)
    window_no: int
    state: str = Field(default="called", max_length=20)
    called_at: datetime = Field(default_factory=utcnow)
    recalls: int = 0
    finished_at: datetime | None = None
    transferred_at: datetime | None = None


class StaffAccountRow(SQLModel, table=True):
    """A hall staff account of the web console: ``window`` staff call tickets, a ``manager``
    also configures the hall's windows, an ``admin`` also manages accounts."""

    __tablename__ = "staff_account"

    username: str = Field(primary_key=True, max_length=40)
    role: str = Field(max_length=20)
    hall_id: str = Field(max_length=16)
    password_hash: str = Field(max_length=200)
    failed_logins: int = 0
    locked_until: datetime | None = None
    disabled: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class StaffSessionRow(SQLModel, table=True):
    """A console login: the cookie holds the token, the database only its SHA-256."""

    __tablename__ = "staff_session"

    token_hash: str = Field(primary_key=True, max_length=64)
    username: str = Field(max_length=40, index=True)
    csrf: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)  # expired sessions are deleted at each login


class AuditRow(SQLModel, table=True):
    """Central's audit log: who did what to which object, when (no personal data)."""

    __tablename__ = "central_audit"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=60)
    action: str = Field(max_length=60)
    target: str = Field(default="", max_length=120)
    detail: str = Field(default="", max_length=400)


class TerminalHeartbeatRow(SQLModel, table=True):
    """A terminal's last heartbeat (``body``: the wire JSON, no personal data)."""

    __tablename__ = "terminal_heartbeat"

    terminal_id: str = Field(primary_key=True, max_length=16)
    hall_id: str = Field(max_length=16, index=True)
    received_at: datetime = Field(default_factory=utcnow)
    body: str
    previous_pending: int = 0  # the backlog of the heartbeat before, to see it grow


class SearchMissRow(SQLModel, table=True):
    """A terminal's searches that found nothing on one day, as its heartbeat last said
    (``queries``: JSON ``{text: n}`` of short queries without digits; replaced, not added)."""

    __tablename__ = "search_miss"

    terminal_id: str = Field(primary_key=True, max_length=16)
    day: str = Field(primary_key=True, max_length=10)  # YYYY-MM-DD, the terminal's day
    hall_id: str = Field(max_length=16, index=True)
    count: int = 0
    queries: str = "{}"


class FollowUpPlanRow(SQLModel, table=True):
    """The hall's work on a follow-up: a complaint, a question or a bad rating's 整改 — whose
    it is, by when (working days of the hall's calendar), what was done and what came of it."""

    __tablename__ = "followup_plan"

    tracking_no: str = Field(primary_key=True, max_length=40)
    hall_id: str = Field(max_length=16, index=True)
    kind: str = Field(max_length=20)
    opened_at: datetime = Field(default_factory=utcnow)
    deadline: str = Field(max_length=10)  # ISO date, the last working day to close it
    owner: str = Field(default="", max_length=40)
    action: str = Field(default="", max_length=2000)
    result: str = Field(default="", max_length=2000)
    closed_at: datetime | None = None
    level: int | None = None  # a rating's level (1 非常不满意, 2 不满意)
    appealed_at: datetime | None = None  # the citizen's one appeal (申诉) reopened it
    appeal_reason: str = Field(default="", max_length=20)


class CatalogItemRow(SQLModel, table=True):
    """The feed's current state of one service item; ``feed_version`` of its last change."""

    __tablename__ = "catalog_item"

    code: str = Field(primary_key=True, max_length=60)
    version: int
    body: str
    removed: bool = False
    feed_version: int = Field(index=True)


class CalendarRow(SQLModel, table=True):
    """The official holiday arrangement published to terminals (one row: the latest)."""

    __tablename__ = "calendar_document"

    id: int = Field(default=1, primary_key=True)
    version: int
    body: str


class SharedRecordRow(SQLModel, table=True):
    """A licence or record of the reference e-licence registry (电子证照库), by owner.

    The stand-in for the province's data-sharing platform: the owner is indexed only by the
    deployment's keyed ID hash, like cases."""

    __tablename__ = "shared_record"

    id: int | None = Field(default=None, primary_key=True)
    id_hash: str = Field(max_length=64, index=True)
    material: str = Field(max_length=80)
    licence_no: str = Field(max_length=60)
    issuer: str = Field(max_length=80)
    issued_on: str | None = Field(default=None, max_length=10)


class AttachmentBlobRow(SQLModel, table=True):
    """A file a terminal uploads (a scan, a signed document), addressed by its sha256.

    Scoped to the terminal, so no terminal learns what another one sent. ``received`` is the
    offset of the next chunk; ``complete`` once the whole file was checked against its hash.
    """

    __tablename__ = "attachment_blob"

    terminal_id: str = Field(primary_key=True, max_length=16)
    sha256: str = Field(primary_key=True, max_length=64)
    size_bytes: int = Field(ge=0)
    received: int = 0
    complete: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    completed_at: datetime | None = None


class AttachmentChunkRow(SQLModel, table=True):
    """One received chunk of an attachment, sealed (``Sealer``): personal data at rest."""

    __tablename__ = "attachment_chunk"
    __table_args__ = (UniqueConstraint("terminal_id", "sha256", "offset"),)

    id: int | None = Field(default=None, primary_key=True)
    terminal_id: str = Field(max_length=16, index=True)
    sha256: str = Field(max_length=64, index=True)
    offset: int = Field(ge=0)
    length: int = Field(ge=0)
    data: bytes = Field(sa_column=Column(LargeBinary, nullable=False))


class CaseSupplementRow(SQLModel, table=True):
    """A case put into 待补正: which materials staff asked for, and when (JSON list)."""

    __tablename__ = "case_supplement"

    case_no: str = Field(primary_key=True, max_length=40)
    materials: str = "[]"
    note: str = Field(default="", max_length=500)
    requested_at: datetime = Field(default_factory=utcnow)


class CentralMeta(SQLModel, table=True):
    """Facts about the database itself, e.g. which one-time data migrations are done."""

    __tablename__ = "central_meta"

    key: str = Field(primary_key=True, max_length=60)
    value: str = Field(max_length=200)


CENTRAL_TABLES = [
    t.__table__  # type: ignore[union-attr]
    for t in (
        Terminal,
        SeenSignature,
        IdempotencyRecord,
        IntakeItem,
        CaseRecord,
        Counter,
        TicketRow,
        AppointmentRow,
        CatalogItemRow,
        FollowUpRow,
        AssistCallRow,
        HallWindowRow,
        TicketCallRow,
        StaffAccountRow,
        StaffSessionRow,
        AuditRow,
        TerminalHeartbeatRow,
        SearchMissRow,
        FollowUpPlanRow,
        CalendarRow,
        SharedRecordRow,
        AttachmentBlobRow,
        AttachmentChunkRow,
        CaseSupplementRow,
        CertificateRecordRow,
        IssuedCertificateRow,
        ReferencePhotoRow,
        CentralMeta,
    )
]


# The database not answering in time: PostgreSQL's statement timeout or a lost connection,
# SQLite's lock still held after its busy timeout (OperationalError), or no pooled connection
# free within the pool's timeout. Nothing of the request was committed: answered 503, and
# the caller comes back (central.gate.database_unavailable).
DATABASE_UNAVAILABLE = (OperationalError, PoolTimeout)


def as_utc(value: datetime) -> datetime:
    """SQLite hands datetimes back naive; they were stored in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


class Database:
    """Central's database handle, passed to every router (no module-level engine).

    ``sealer`` seals terminal secrets and intake bodies under a key kept outside the
    database (``central.sealing``); those stored in clear by an older version are sealed on
    open. Reading still accepts a body in clear (:meth:`open_body`): a central of the older
    version writing to the same database during an upgrade must not make items unreadable.
    """

    def __init__(
        self,
        url: str,
        seal_key_file: Path | None = None,
        pool: PoolSettings | None = None,
        *,
        migrate: bool = False,
    ) -> None:
        self.url = url
        self.sealer = Sealer.for_database(url, seal_key_file)
        self.engine = make_engine(url, pool, migrate=migrate)
        self._relaxed = relaxed_engine(url, self.engine)
        self.is_sqlite = url.startswith("sqlite")
        self._is_postgresql = url.startswith("postgresql")
        self._seal_clear_secrets()
        self._seal_clear_bodies()

    def _seal_clear_secrets(self) -> None:
        with self.session() as s:
            for terminal in s.exec(select(Terminal)):
                if not is_sealed(bytes(terminal.secret)):
                    terminal.secret = self.sealer.seal(bytes(terminal.secret))
                    s.add(terminal)

    def _seal_clear_bodies(self, chunk: int = 500) -> int:
        sealed = 0
        while True:
            with self.session() as s:
                rows = s.exec(
                    select(IntakeItem)
                    .where(col(IntakeItem.body).not_like(f"{SEAL_PREFIX}%"))
                    .limit(chunk)
                ).all()
                for row in rows:
                    row.body = self.sealer.seal_text(row.body)
                    s.add(row)
            sealed += len(rows)
            if len(rows) < chunk:
                return sealed

    def open_body(self, item: IntakeItem) -> str:
        """The accepted item's JSON (sealed at rest)."""
        return self.sealer.open_text(item.body)

    def get_meta(self, s: Session, key: str) -> str | None:
        """A value of ``central_meta`` inside the caller's session."""
        row = s.get(CentralMeta, key)
        return row.value if row is not None else None

    @contextmanager
    def session(self, *, durable: bool = True) -> Iterator[Session]:
        """One unit of work: committed on success, rolled back on error. ``durable=False``:
        its commit is not flushed to disk on its own, only with the next durable one; for a
        write a power cut may take back because the request commits durably after it."""
        bind = self.engine if durable else self._relaxed
        with Session(bind, expire_on_commit=False) as session:
            try:
                if not durable and self._is_postgresql:
                    session.execute(text("SET LOCAL synchronous_commit TO OFF"))
                yield session
                session.commit()
            except Exception:
                session.rollback()
                raise

    def check(self) -> str | None:
        """``None`` when the database answers a ``SELECT 1``, else why not (for /health)."""
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as exc:  # any failure to reach it: the reason, never the URL
            return f"database unavailable: {type(exc).__name__}"
        return None

    def close(self) -> None:
        """Release pooled connections."""
        if self._relaxed is not self.engine:
            self._relaxed.dispose()
        self.engine.dispose()

"""Print jobs in the store: nothing printed is ever only in memory.

A job is written (``queued``) before any byte goes to the printer, moves to ``printing``
while the worker has it, and ends ``printed`` or ``failed`` with a reason code. The document
is kept, so staff can reprint any job of the day (:meth:`PrintJobs.reprint`) and a queue
ticket's caller can tell whether it really came out (:meth:`PrintJobs.latest_for`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import text
from sqlmodel import Session, col, select

from kiosk.printing.document import Document
from kiosk.store import Store
from kiosk.store.models import PrintJobRow

JobStatus = Literal["queued", "printing", "printed", "failed"]
Clock = Callable[[], datetime]
# Writes of a job's owner made in the transaction that records the job's end.
InTransaction = Callable[[Session], None]


_COLUMN_NAMES = (
    "id",
    "kind",
    "reference",
    "status",
    "reason",
    "attempts",
    "created_at",
    "printed_at",
    "document",
)
_COLUMNS = ", ".join(_COLUMN_NAMES)  # as the raw statements below return them
_ANY_QUEUED = text("SELECT 1 FROM print_job WHERE status='queued' LIMIT 1")
# The oldest queued job becomes ``printing`` with one more attempt, and is returned (one
# statement: the ORM's select, load and flush would cost more than the claim itself).
_CLAIM = text(
    "UPDATE print_job SET status='printing', reason=NULL, attempts=attempts+1 "
    "WHERE id=(SELECT id FROM print_job WHERE status='queued' ORDER BY id LIMIT 1) "
    f"RETURNING {_COLUMNS}"
)

# A job's end (one statement: it is on the way of every slip to the screen); a failed job
# keeps the time it was last printed.
_FINISH = text(
    "UPDATE print_job SET status=:status, reason=:reason, "
    "printed_at=COALESCE(:printed_at, printed_at) "
    f"WHERE id=:id RETURNING {_COLUMNS}"
)


class JobNotFound(LookupError):
    """No print job with that id (or not one of today's, for a reprint)."""

    reason = "job_not_found"


def _now() -> datetime:
    return datetime.now().astimezone()


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class PrintJob:
    """A print job as the store has it. ``document_json`` is parsed on demand."""

    id: int
    kind: str
    reference: str
    status: JobStatus
    reason: str | None
    attempts: int
    created_at: datetime
    printed_at: datetime | None
    document_json: str

    @property
    def document(self) -> Document:
        """The document to print (raises ``DocumentError`` when the row is corrupt)."""
        return Document.from_json(self.document_json)

    @classmethod
    def from_values(cls, values: Sequence[Any]) -> PrintJob:
        """Convert a ``print_job`` row read as :data:`_COLUMNS`."""
        job_id, kind, reference, status, reason, attempts, created, printed, document = values
        return cls(
            id=job_id,
            kind=kind,
            reference=reference,
            status=cast(JobStatus, status),
            reason=reason,
            attempts=attempts,
            created_at=datetime.fromisoformat(created),
            printed_at=datetime.fromisoformat(printed) if printed else None,
            document_json=document,
        )

    @classmethod
    def from_row(cls, row: PrintJobRow) -> PrintJob:
        """Convert a table row."""
        assert row.id is not None
        return cls.from_values([getattr(row, name) for name in _COLUMN_NAMES])


class PrintJobs:
    """The ``print_job`` table: add, claim, finish, list and reprint jobs.

    Each method is one short transaction; call from worker threads, not the GUI thread.
    """

    def __init__(self, store: Store, clock: Clock = _now) -> None:
        self._store = store
        self._clock = clock

    def add(self, document: Document, session: Session | None = None) -> PrintJob:
        """Queue ``document`` for printing, in the caller's write ``session`` when given (the
        job then exists exactly when the caller's own rows do)."""
        row = PrintJobRow(
            kind=document.kind,
            reference=document.reference,
            document=document.to_json(),
            created_at=_stamp(self._clock()),
        )
        if session is not None:
            session.add(row)
            session.flush()
            return PrintJob.from_row(row)
        with self._store.session(write=True) as own:
            own.add(row)
            own.flush()
            return PrintJob.from_row(row)

    def get(self, job_id: int) -> PrintJob:
        """One job by id; :class:`JobNotFound` when there is none."""
        with self._store.session() as session:
            row = session.get(PrintJobRow, job_id)
            if row is None:
                raise JobNotFound(f"no print job {job_id}")
            return PrintJob.from_row(row)

    def list_today(self) -> list[PrintJob]:
        """Today's jobs, newest first (what staff may reprint)."""
        day = self._clock().date().isoformat()
        with self._store.session() as session:
            rows = session.exec(
                select(PrintJobRow)
                .where(col(PrintJobRow.created_at).startswith(day))
                .order_by(col(PrintJobRow.id).desc())
            ).all()
            return [PrintJob.from_row(r) for r in rows]

    def latest_for(self, reference: str, kind: str | None = None) -> PrintJob | None:
        """The newest job printing ``reference`` (e.g. a ticket id), if any."""
        with self._store.session() as session:
            query = select(PrintJobRow).where(PrintJobRow.reference == reference)
            if kind is not None:
                query = query.where(PrintJobRow.kind == kind)
            row = session.exec(query.order_by(col(PrintJobRow.id).desc())).first()
            return PrintJob.from_row(row) if row is not None else None

    def claim_next(self, *, look_first: bool = True) -> PrintJob | None:
        """Take the oldest queued job: mark it ``printing`` and count the attempt.

        ``look_first=False`` when a job was just queued (the printer was woken for it):
        the claim goes ahead without the read that spares the lock when there is none.

        Not synced on its own (``durable=False``): a power cut that loses the mark leaves the
        job ``queued``, and the next start prints queued and printing jobs of today alike; only
        the attempt count may be one short. The job's end is written durably."""
        if look_first:
            # A read first, which takes no lock: asked when there is most likely nothing
            # (after every job, at every poll), the claim never holds up the next slip's
            # own write (a ticket and its job) on its way.
            with self._store.session() as session:
                if session.execute(_ANY_QUEUED).first() is None:
                    return None
        with self._store.session(write=True, durable=False) as session:
            found = session.execute(_CLAIM).first()
            return PrintJob.from_values(found) if found is not None else None

    def mark_printed(self, job_id: int, also: InTransaction | None = None) -> PrintJob:
        """The printer took the job and reported no problem. ``also(session)`` writes in the
        same transaction (what the job's owner records with it: a ticket now issued)."""
        return self._finish(job_id, "printed", None, also)

    def mark_failed(self, job_id: int, reason: str, also: InTransaction | None = None) -> PrintJob:
        """The job did not (completely) print; ``reason`` is a code such as ``paper_out``;
        ``also`` as for :meth:`mark_printed`."""
        return self._finish(job_id, "failed", reason, also)

    def _finish(
        self, job_id: int, status: JobStatus, reason: str | None, also: InTransaction | None
    ) -> PrintJob:
        printed_at = _stamp(self._clock()) if status == "printed" else None
        with self._store.session(write=True) as session:
            found = session.execute(
                _FINISH,
                {"id": job_id, "status": status, "reason": reason, "printed_at": printed_at},
            ).first()
            if found is None:
                raise JobNotFound(f"no print job {job_id}")
            if also is not None:
                also(session)
            return PrintJob.from_values(found)

    def reprint(self, job_id: int) -> PrintJob:
        """Queue one of today's jobs again (staff reprint, or retry after paper came back).

        A job already queued or printing is left as it is.
        """
        day = self._clock().date().isoformat()
        with self._store.session(write=True) as session:
            row = session.get(PrintJobRow, job_id)
            if row is None or not row.created_at.startswith(day):
                raise JobNotFound(f"no print job {job_id} from today to reprint")
            if row.status in ("printed", "failed"):
                row.status, row.reason = "queued", None
                session.add(row)
                session.flush()
            return PrintJob.from_row(row)

    def recover(self) -> tuple[int, int]:
        """At start: requeue today's interrupted jobs; expire older unfinished ones.

        Returns (requeued, expired). A slip from a previous day is useless to the citizen
        who waited for it, so it is not printed out of the blue.
        """
        day = self._clock().date().isoformat()
        requeued = expired = 0
        with self._store.session(write=True) as session:
            rows = session.exec(
                select(PrintJobRow).where(col(PrintJobRow.status).in_(("queued", "printing")))
            ).all()
            for row in rows:
                if row.created_at.startswith(day):
                    if row.status == "printing":
                        row.status = "queued"
                        requeued += 1
                else:
                    row.status, row.reason = "failed", "expired"
                    expired += 1
                session.add(row)
        return requeued, expired

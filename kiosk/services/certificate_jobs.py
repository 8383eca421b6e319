"""Certificates printed on A4, tracked like receipts (:mod:`kiosk.printing.jobs`).

Each print is a ``certificate_job`` row: written (``printing``) before the PDF goes to the
printer, then ``printed`` or ``failed`` with the printer's reason code. The issued certificate
is kept sealed in the row (the outbox key, the code as associated data) so staff can print it
again the same day (a jammed sheet, a citizen who left it in the tray); after its day the
sealed copy is dropped and only the kind, the code and the outcome stay. Nothing here logs
or returns the holder's name or ID number except :meth:`CertificateJobs.certificate`, which
the reprint needs.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, cast

from sqlmodel import Session, col, select

from kiosk.contract import IssuedCertificate
from kiosk.contract.certificates import format_code
from kiosk.store import Store
from kiosk.store.models import CertificateJobRow
from kiosk.sync.crypto import FieldCipher

CertificateStatus = Literal["printing", "printed", "failed"]
Clock = Callable[[], datetime]


class CertificateJobNotFound(LookupError):
    """No certificate job with that id among today's (older ones cannot be reprinted)."""

    reason = "job_not_found"


def _now() -> datetime:
    return datetime.now().astimezone()


def _aad(code: str) -> str:
    return f"certificate_job:{code}"


@dataclass(frozen=True)
class CertificateJob:
    """A row without the sealed certificate: what the staff screen lists."""

    id: int
    kind: str
    title: str  # e.g. 社会保险参保缴费证明（个人）: the kind's, nothing personal
    code: str  # as printed, in groups of four
    status: CertificateStatus
    reason: str | None
    attempts: int
    created_at: datetime
    reprintable: bool

    @classmethod
    def from_row(cls, row: CertificateJobRow) -> CertificateJob:
        assert row.id is not None
        return cls(
            id=row.id,
            kind=row.kind,
            title=row.title,
            code=format_code(row.code),
            status=cast(CertificateStatus, row.status),
            reason=row.reason,
            attempts=row.attempts,
            created_at=datetime.fromisoformat(row.created_at),
            reprintable=row.sealed is not None and row.status != "printing",
        )


class CertificateJobs:
    """The ``certificate_job`` table. Each method is one short transaction (worker threads)."""

    def __init__(self, store: Store, cipher: FieldCipher, clock: Clock = _now) -> None:
        self._store = store
        self._cipher = cipher
        self._clock = clock

    def start(self, certificate: IssuedCertificate, verify_url: str) -> int:
        """Record a print about to be sent; returns the job's id."""
        plain = json.dumps(
            {"certificate": certificate.model_dump(mode="json"), "verify_url": verify_url},
            ensure_ascii=False,
        ).encode()
        row = CertificateJobRow(
            kind=certificate.kind,
            title=certificate.title,
            code=certificate.code,
            sealed=self._cipher.seal_bytes(plain, _aad(certificate.code)),
            created_at=self._clock().isoformat(timespec="seconds"),
        )
        with self._store.session(write=True) as session:
            session.add(row)
            session.flush()
            assert row.id is not None
            return row.id

    def again(self, job_id: int) -> None:
        """A reprint of today's job ``job_id`` is about to be sent."""
        with self._store.session(write=True) as session:
            row = self._today(session, job_id)
            row.status, row.reason, row.attempts = "printing", None, row.attempts + 1
            session.add(row)

    def finish(self, job_id: int, reason: str | None) -> None:
        """The job came out (``reason`` None) or failed with ``reason``."""
        with self._store.session(write=True) as session:
            row = session.get(CertificateJobRow, job_id)
            if row is None:
                raise CertificateJobNotFound(f"no certificate job {job_id}")
            row.status, row.reason = ("printed", None) if reason is None else ("failed", reason)
            if reason is None:
                row.printed_at = self._clock().isoformat(timespec="seconds")
            session.add(row)

    def certificate(self, job_id: int) -> tuple[IssuedCertificate, str]:
        """Today's job's certificate and verify address, unsealed (for a reprint only)."""
        with self._store.session() as session:
            row = self._today(session, job_id)
            sealed, code = row.sealed, row.code
        if sealed is None:
            raise CertificateJobNotFound(f"certificate job {job_id} is no longer held")
        data = json.loads(self._cipher.open_bytes(sealed, _aad(code)))
        return IssuedCertificate.model_validate(data["certificate"]), str(data["verify_url"])

    def list_today(self) -> list[CertificateJob]:
        """Today's jobs, newest first."""
        start = self._day_start()
        with self._store.session() as session:
            rows = session.exec(
                select(CertificateJobRow)
                .where(CertificateJobRow.created_at >= start)
                .order_by(col(CertificateJobRow.id).desc())
            ).all()
            return [CertificateJob.from_row(r) for r in rows]

    def forget_old(self) -> int:
        """Drop the sealed certificates of earlier days (at start-up); returns how many."""
        start = self._day_start()
        with self._store.session(write=True) as session:
            rows = session.exec(
                select(CertificateJobRow).where(
                    CertificateJobRow.created_at < start,
                    col(CertificateJobRow.sealed).is_not(None),
                )
            ).all()
            for row in rows:
                row.sealed = None
                session.add(row)
            return len(rows)

    def _day_start(self) -> str:
        now = self._clock()
        return now.replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")

    def _today(self, session: Session, job_id: int) -> CertificateJobRow:
        row = session.get(CertificateJobRow, job_id)
        if row is None or row.created_at < self._day_start():
            raise CertificateJobNotFound(f"no certificate job {job_id} of today")
        return row

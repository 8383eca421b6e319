"""Scans and signed documents: sealed at the terminal, uploaded to central before their case.

Storing (:func:`store_documents`) happens inside the submit transaction: each
:class:`kiosk.domain.application.Document` becomes an ``attachment`` row keyed by its
sha256, its bytes sealed with AES-GCM under the outbox key (:class:`FieldCipher`, the hash as
associated data), and a ``submission_attachment`` link. So a submission and its files are
accepted together or not at all.

Uploading (:class:`Uploader`, called by :class:`kiosk.sync.runner.SyncRunner` before a
submission is posted): central is asked how many bytes it holds (``GET
/attachments/{sha256}``), the rest is sent in chunks (``PUT`` with ``Content-Range``), and
a refused offset resumes from the offset central names. Central verifies the hash and size
of the whole file; once it holds it, ``uploaded_at`` is set and it is not asked again
unless central answers a submission with 409 and the hash among the missing ones.

Purging (:func:`purge`): the sealed bytes go once every submission that references them was
acknowledged more than ``retention_days`` ago. Nothing here logs a byte, a name or a hash of
a person's file: counts and sizes only.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlmodel import Session

from drivers.errors import ReasonError
from kiosk.contract import ATTACHMENT_CHUNK_BYTES, MAX_ATTACHMENT_BYTES
from kiosk.domain.application import Document
from kiosk.store import Store
from kiosk.store.models import AttachmentRow, SubmissionAttachmentRow
from kiosk.sync.client import CentralClient, PermanentError
from kiosk.sync.crypto import FieldCipher, SealError
from kiosk.sync.outbox import iso, utcnow

log = logging.getLogger(__name__)


class AttachmentError(ReasonError, ValueError):
    """A document that cannot be kept or sent; ``reason``: ``attachment_too_large``,
    ``attachment_empty``, ``attachment_unavailable`` (its sealed bytes are gone or do not
    open) or ``attachment_refused`` (central refused the file for good)."""


def check_document(doc: Document) -> None:
    """Refuse a document central would refuse (empty, or over the per-file cap)."""
    if not doc.data:
        raise AttachmentError("attachment_empty", "a document without bytes")
    if len(doc.data) > MAX_ATTACHMENT_BYTES:
        raise AttachmentError(
            "attachment_too_large",
            f"a document of {len(doc.data)} bytes is over the {MAX_ATTACHMENT_BYTES} byte cap",
        )


def store_documents(
    session: Session,
    submission_id: int,
    documents: Iterable[tuple[str, Document]],
    cipher: FieldCipher,
    now: datetime,
) -> tuple[int, int]:
    """Seal and link ``(material_code, document)`` pairs inside the caller's transaction;
    returns ``(files, bytes)``. A file already stored (same hash) is linked, not copied."""
    files = size = 0
    for code, doc in documents:
        digest = seal_document(session, doc, cipher, now)
        if session.get(SubmissionAttachmentRow, (submission_id, digest)) is None:
            session.add(
                SubmissionAttachmentRow(
                    submission_id=submission_id, sha256=digest, material_code=code
                )
            )
        files += 1
        size += len(doc.data)
    session.flush()
    return files, size


def open_attachment(store: Store, cipher: FieldCipher, digest: str) -> bytes:
    """The plain bytes of a stored attachment, checked against their hash."""
    with store.session() as s:
        row = s.get(AttachmentRow, digest)
        sealed = row.sealed if row is not None else None
    if sealed is None:
        raise AttachmentError("attachment_unavailable", "the attachment's bytes are not here")
    try:
        data = cipher.open_bytes(sealed, digest)
    except SealError:
        raise AttachmentError("attachment_unavailable", "the attachment does not open") from None
    if hashlib.sha256(data).hexdigest() != digest:
        raise AttachmentError("attachment_unavailable", "the attachment's bytes changed")
    return data


def waiting_uploads(store: Store, submission_id: int) -> list[str]:
    """Hashes of a submission's attachments central has not confirmed yet."""
    with store.session() as s:
        rows = s.execute(
            text(
                "SELECT a.sha256 FROM submission_attachment sa "
                "JOIN attachment a ON a.sha256 = sa.sha256 "
                "WHERE sa.submission_id = :id AND a.uploaded_at IS NULL ORDER BY sa.material_code"
            ),
            {"id": submission_id},
        ).all()
    return [str(r[0]) for r in rows]


def waiting_among(store: Store, digests: Iterable[str]) -> list[str]:
    """The hashes among ``digests`` central has not confirmed yet (a 补正's files, named in
    its body rather than linked to a submission). A hash not stored here is returned too:
    the upload then fails as ``attachment_unavailable``, never silently skipped."""
    wanted = sorted(set(digests))
    if not wanted:
        return []
    with store.session() as s:
        return [
            d
            for d in wanted
            if s.execute(
                text("SELECT 1 FROM attachment WHERE sha256=:h AND uploaded_at IS NOT NULL"),
                {"h": d},
            ).first()
            is None
        ]


def seal_document(session: Session, doc: Document, cipher: FieldCipher, now: datetime) -> str:
    """Keep ``doc`` sealed inside the caller's transaction (once per hash); its sha256."""
    check_document(doc)
    digest = doc.sha256
    if session.get(AttachmentRow, digest) is None:
        session.add(
            AttachmentRow(
                sha256=digest,
                media_type=doc.media_type,
                size_bytes=len(doc.data),
                pages=doc.pages,
                sealed=cipher.seal_bytes(doc.data, digest),
                created_at=iso(now),
            )
        )
    else:  # the same bytes again (a repeated application): keep them until both are done
        session.execute(
            text("UPDATE attachment SET purged_at=NULL WHERE sha256=:h AND sealed IS NOT NULL"),
            {"h": digest},
        )
    return digest


def mark_uploaded(store: Store, digest: str, now: datetime | None = None) -> None:
    """Central holds ``digest`` whole."""
    with store.session(write=True) as s:
        s.execute(
            text("UPDATE attachment SET uploaded_at=:now WHERE sha256=:h"),
            {"now": iso(now or utcnow()), "h": digest},
        )


def mark_missing(store: Store, digests: Iterable[str]) -> int:
    """Central said it does not hold these (a 409): ask it again before the next post."""
    wanted = list(digests)
    if not wanted:
        return 0
    with store.session(write=True) as s:
        changed = 0
        for digest in wanted:
            result = s.execute(
                text("UPDATE attachment SET uploaded_at=NULL WHERE sha256=:h"), {"h": digest}
            )
            changed += int(result.rowcount)  # type: ignore[attr-defined]
    return changed


# Who refers to each stored file, and whether central has it: the submissions that list it
# (through their outbox item) and the 补正 items that name it in their (public) payload.
# (Inlined rather than a WITH clause: Python's sqlite3 counts the rows an UPDATE changed only
# when the statement starts with UPDATE.)
_REFERRERS = (
    "(SELECT sa.sha256 AS sha256, o.state AS state, o.sent_at AS sent_at "
    " FROM submission_attachment sa LEFT JOIN outbox o ON o.submission_id = sa.submission_id "
    " UNION ALL "
    " SELECT json_extract(j.value, '$.sha256'), o.state, o.sent_at "
    " FROM outbox o, json_each(o.payload, '$.attachments') j "
    " WHERE o.kind = 'supplement' AND json_valid(o.payload))"
)


def purge(store: Store, now: datetime | None = None, retention_days: int = 7) -> int:
    """Drop the sealed bytes of files whose every referrer — an application's submission or
    a 补正 — central acknowledged more than ``retention_days`` ago; returns how many files
    were purged. A file nothing refers to yet (its item being written) is kept."""
    moment = now or utcnow()
    cutoff = iso(moment - timedelta(days=retention_days))
    with store.session(write=True) as s:
        result = s.execute(
            text(
                "UPDATE attachment SET sealed=NULL, purged_at=:now "
                "WHERE sealed IS NOT NULL "
                f"AND sha256 IN (SELECT sha256 FROM {_REFERRERS}) "
                f"AND sha256 NOT IN (SELECT sha256 FROM {_REFERRERS} "
                "  WHERE state IS NULL OR state != 'sent' OR sent_at >= :cutoff)"
            ),
            {"now": iso(moment), "cutoff": cutoff},
        )
        purged = int(result.rowcount)  # type: ignore[attr-defined]
    if purged:
        log.info("purged the bytes of %d attachment(s) past retention", purged)
    return purged


@dataclass
class UploadStats:
    """What one upload did (for logs and the benchmark): files, bytes sent, chunks."""

    files: int = 0
    sent_bytes: int = 0
    chunks: int = 0
    resumed: int = 0


class Uploader:
    """Sends stored attachments to central, resuming where central's copy ends."""

    def __init__(
        self,
        store: Store,
        client: CentralClient,
        cipher: FieldCipher,
        chunk_bytes: int = ATTACHMENT_CHUNK_BYTES,
    ) -> None:
        self.store = store
        self.client = client
        self.cipher = cipher
        self.chunk_bytes = chunk_bytes
        self.stats = UploadStats()

    def upload_for(self, submission_id: int) -> int:
        """Make sure central holds every attachment of the submission; returns how many
        were confirmed now. Raises :class:`TransientError` (try again later) or
        :class:`AttachmentError` (never going to work from here)."""
        return self.upload_all(waiting_uploads(self.store, submission_id))

    def upload_all(self, digests: Iterable[str]) -> int:
        """Send each of ``digests`` central does not hold yet (see :meth:`upload_for`)."""
        done = 0
        for digest in digests:
            self.upload(digest)
            mark_uploaded(self.store, digest)
            done += 1
        return done

    def upload(self, digest: str) -> None:
        """Send one attachment from the offset central holds."""
        data = open_attachment(self.store, self.cipher, digest)
        state = self.client.attachment_state(digest)
        if state.complete:
            return
        offset = state.received if state.size_bytes in (None, len(data)) else 0
        if offset:
            self.stats.resumed += 1
        restarted = False
        # Each round sends one chunk; a refused offset costs one round, and central's
        # offset only grows, so this ends (a generous bound guards against a confused peer).
        for _ in range(4 * (len(data) // self.chunk_bytes + 2)):
            end = min(offset + self.chunk_bytes, len(data))
            try:
                state = self.client.put_attachment_chunk(
                    digest, offset, data[offset:end], len(data)
                )
            except PermanentError as exc:
                if exc.status == 422 and not restarted:
                    # Central threw a mismatching copy away: one fresh start from byte 0.
                    restarted, offset = True, 0
                    continue
                raise AttachmentError(
                    "attachment_refused", f"central refused an attachment: {exc}"
                ) from None
            self.stats.chunks += 1
            self.stats.sent_bytes += end - offset
            if state.complete:
                self.stats.files += 1
                return
            offset = state.received
        raise AttachmentError("attachment_refused", "central's offset does not move on")

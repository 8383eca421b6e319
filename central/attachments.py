"""Attachments: content-addressed, chunked, resumable uploads from terminals; staff download.

``GET /api/v1/attachments/{sha256}`` answers how many bytes central holds of that file (for
this terminal: files are scoped to the terminal that sends them); ``PUT`` with
``Content-Range: bytes <start>-<end>/<total>`` appends one chunk at exactly the offset held
(anything else: 409 naming ``expected_offset``). When the last byte arrives the whole file
is read back, checked against its sha256 and announced size, and either marked complete or
thrown away (422 ``sha256_mismatch``). A file over :data:`MAX_ATTACHMENT_BYTES` is refused
before a byte is kept (413 ``attachment_too_large``).

Storage: chunks are rows (``attachment_chunk``), each sealed with the database's
:class:`central.sealing.Sealer`. A table rather than files because appending a chunk and
moving the offset are then one transaction: a crash can never leave a file longer or shorter
than the offset central answers with, the bytes follow the database's own backups and
permissions, and any SQLAlchemy database works. A deployment with far more volume would move
the sealed chunks to object storage behind the same two operations.

Intake asks :func:`missing_for` before accepting a submission: every attachment it names
(except a commitment sent as the hash of its text) must be held whole, same size, or the
submission is answered 409 with the missing hashes and not recorded.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import delete, update
from sqlmodel import Session, col, select
from starlette.concurrency import run_in_threadpool

from central.auth import AUTH_RESPONSES, Principal
from central.db import AttachmentBlobRow, AttachmentChunkRow, CaseRecord, Database, IntakeItem
from central.throttle import Throttle
from kiosk.contract import (
    API_PREFIX,
    ATTACHMENT_CHUNK_BYTES,
    MAX_ATTACHMENT_BYTES,
    Attachment,
    AttachmentState,
    CaseAttachment,
    CaseAttachmentList,
    CaseSupplement,
    Submission,
    needs_upload,
)

log = logging.getLogger(__name__)

SHA256 = r"^[0-9a-f]{64}$"
# At most four default chunks per request: a terminal may send bigger ones, not huge ones.
MAX_CHUNK_BYTES = 4 * ATTACHMENT_CHUNK_BYTES
PURGE_EVERY_S = 3600.0  # abandoned uploads are looked for at most this often
_RANGE = re.compile(r"^bytes (\d{1,12})-(\d{1,12})/(\d{1,12})$")


@dataclass(frozen=True)
class Appended:
    """The outcome of one PUT: an HTTP status and the body to answer with."""

    status: int
    body: dict[str, Any]


def _state(blob: AttachmentBlobRow | None, digest: str) -> AttachmentState:
    if blob is None:
        return AttachmentState(sha256=digest, received=0)
    return AttachmentState(
        sha256=digest, received=blob.received, size_bytes=blob.size_bytes, complete=blob.complete
    )


class AttachmentStore:
    """The chunk table behind the routes (and intake's check, and staff download)."""

    def __init__(
        self,
        db: Database,
        abandon_after: timedelta = timedelta(days=30),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.db = db
        self.abandon_after = abandon_after
        self.clock = clock  # seconds since the epoch (tests pass their own)
        self._purge = Throttle(PURGE_EVERY_S)

    def _now(self) -> datetime:
        return datetime.fromtimestamp(self.clock(), UTC)

    def purge_abandoned(self) -> int:
        """Delete uploads begun more than ``abandon_after`` ago and never completed (the
        terminal gave the item up, or sent it again under another hash); how many. A terminal
        that does come back finds offset 0 and sends the file again."""
        cutoff = self._now() - self.abandon_after
        with self.db.session() as s:
            stale = s.exec(
                select(AttachmentBlobRow.terminal_id, AttachmentBlobRow.sha256).where(
                    col(AttachmentBlobRow.complete).is_(False),
                    col(AttachmentBlobRow.created_at) < cutoff,
                )
            ).all()
            for terminal_id, digest in stale:
                _drop(s, terminal_id, digest)
        if stale:
            log.info("deleted %d abandoned attachment uploads", len(stale))
        return len(stale)

    def _maybe_purge(self) -> None:
        now = self.clock()
        with self._purge.turn(now) as due:
            if not due:
                return
            self.purge_abandoned()

    def state(self, terminal_id: str, digest: str) -> AttachmentState:
        """How much of ``digest`` the terminal's copy holds."""
        with self.db.session() as s:
            return _state(s.get(AttachmentBlobRow, (terminal_id, digest)), digest)

    def append(
        self, terminal_id: str, digest: str, start: int, total: int, chunk: bytes
    ) -> Appended:
        """Put ``chunk`` at ``start`` of a file of ``total`` bytes (see the module doc)."""
        self._maybe_purge()
        with self.db.session() as s:
            blob = s.get(AttachmentBlobRow, (terminal_id, digest))
            if blob is not None and blob.complete:
                return Appended(200, _state(blob, digest).model_dump(mode="json"))
            if blob is not None and blob.size_bytes != total:
                if start != 0:
                    return _wrong_offset(0, "size differs from the upload begun")
                _drop(s, terminal_id, digest)  # a fresh start of the same hash
                s.flush()
                blob = None
            held = blob.received if blob is not None else 0
            if start != held:
                return _wrong_offset(held, "not the offset held")
            if blob is None:
                blob = AttachmentBlobRow(
                    terminal_id=terminal_id, sha256=digest, size_bytes=total, created_at=self._now()
                )
                s.add(blob)
                s.flush()
            moved = s.execute(
                update(AttachmentBlobRow)
                .where(
                    col(AttachmentBlobRow.terminal_id) == terminal_id,
                    col(AttachmentBlobRow.sha256) == digest,
                    col(AttachmentBlobRow.received) == held,
                )
                .values(received=held + len(chunk))
            )
            if moved.rowcount != 1:  # type: ignore[attr-defined]
                return _wrong_offset(held, "another upload moved on")
            s.add(
                AttachmentChunkRow(
                    terminal_id=terminal_id,
                    sha256=digest,
                    offset=start,
                    length=len(chunk),
                    data=self.db.sealer.seal(chunk),
                )
            )
            s.flush()
            s.refresh(blob)
            if blob.received < total:
                return Appended(200, _state(blob, digest).model_dump(mode="json"))
            whole = hashlib.sha256()
            size = 0
            for part in self._chunks(s, terminal_id, digest):
                whole.update(part)
                size += len(part)
            if size != total or whole.hexdigest() != digest:
                _drop(s, terminal_id, digest)
                log.warning("terminal %s: an attachment did not match its hash", terminal_id)
                return Appended(422, {"detail": "sha256_mismatch", "expected_offset": 0})
            blob.complete, blob.completed_at = True, self._now()
            s.add(blob)
            return Appended(201, _state(blob, digest).model_dump(mode="json"))

    def _chunks(self, s: Session, terminal_id: str, digest: str) -> Iterable[bytes]:
        rows = s.exec(
            select(AttachmentChunkRow)
            .where(
                AttachmentChunkRow.terminal_id == terminal_id, AttachmentChunkRow.sha256 == digest
            )
            .order_by(col(AttachmentChunkRow.offset))
        )
        for row in rows:
            yield self.db.sealer.open(bytes(row.data))

    def read(self, terminal_id: str, digest: str) -> bytes | None:
        """The whole unsealed file, or ``None`` unless complete (staff download)."""
        with self.db.session() as s:
            blob = s.get(AttachmentBlobRow, (terminal_id, digest))
            if blob is None or not blob.complete:
                return None
            return b"".join(self._chunks(s, terminal_id, digest))

    def held(self, s: Session, terminal_id: str, digests: Iterable[str]) -> dict[str, int]:
        """Sizes of the complete files among ``digests`` (inside the caller's session)."""
        wanted = sorted(set(digests))
        if not wanted:
            return {}
        rows = s.exec(
            select(AttachmentBlobRow).where(
                AttachmentBlobRow.terminal_id == terminal_id,
                col(AttachmentBlobRow.sha256).in_(wanted),
                col(AttachmentBlobRow.complete).is_(True),
            )
        )
        return {r.sha256: r.size_bytes for r in rows}

    def missing_for(self, terminal_id: str, sub: Submission | CaseSupplement) -> list[str]:
        """Hashes of the item's attachments not held whole (same size) by central."""
        needed = [a for a in sub.attachments if needs_upload(a)]
        if not needed:
            return []
        with self.db.session() as s:
            held = self.held(s, terminal_id, (a.sha256 for a in needed))
        return sorted({a.sha256 for a in needed if held.get(a.sha256) != a.size_bytes})


def _wrong_offset(expected: int, why: str) -> Appended:
    return Appended(409, {"detail": f"wrong_offset: {why}", "expected_offset": expected})


def _drop(s: Session, terminal_id: str, digest: str) -> None:
    s.execute(
        delete(AttachmentChunkRow).where(
            col(AttachmentChunkRow.terminal_id) == terminal_id,
            col(AttachmentChunkRow.sha256) == digest,
        )
    )
    s.execute(
        delete(AttachmentBlobRow).where(
            col(AttachmentBlobRow.terminal_id) == terminal_id,
            col(AttachmentBlobRow.sha256) == digest,
        )
    )


def parse_range(value: str) -> tuple[int, int, int] | None:
    """``bytes start-end/total`` → ``(start, end, total)``; ``None`` when malformed."""
    found = _RANGE.match(value.strip())
    if not found:
        return None
    start, end, total = (int(g) for g in found.groups())
    if end < start or end >= total:
        return None
    return start, end, total


Digest = Annotated[str, Path(pattern=SHA256, description="sha256 of the whole file (hex)")]


def build_router(store: AttachmentStore, auth: Any) -> APIRouter:
    """Terminal routes: state and chunked upload of one file."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/attachments", tags=["attachments"], responses=AUTH_RESPONSES
    )

    @router.get("/{sha256}", response_model=AttachmentState)
    def attachment_state(sha256: Digest, who: Principal = Depends(auth)) -> AttachmentState:
        """How many bytes of this file central holds (the offset to resume from)."""
        return store.state(who.terminal_id, sha256)

    @router.put(
        "/{sha256}",
        response_model=AttachmentState,
        responses={
            201: {"description": "the file is complete and its hash checked"},
            400: {"description": "bad Content-Range, or the body is not the range's length"},
            409: {"description": "wrong offset: the body names expected_offset"},
            413: {"description": "attachment_too_large or chunk too large"},
            422: {"description": "sha256_mismatch: the file was thrown away"},
        },
    )
    async def put_chunk(
        sha256: Digest,
        request: Request,
        content_range: Annotated[str, Header(max_length=60)],
        who: Principal = Depends(auth),
    ) -> JSONResponse:
        """One chunk of the file at the offset central holds (``Content-Range``)."""
        parsed = parse_range(content_range)
        if parsed is None:
            raise HTTPException(status_code=400, detail="Content-Range: bytes start-end/total")
        start, end, total = parsed
        if total > MAX_ATTACHMENT_BYTES:
            return JSONResponse(
                status_code=413,
                content={"detail": "attachment_too_large", "limit_bytes": MAX_ATTACHMENT_BYTES},
            )
        if end - start + 1 > MAX_CHUNK_BYTES:
            return JSONResponse(
                status_code=413,
                content={"detail": "chunk_too_large", "limit_bytes": MAX_CHUNK_BYTES},
            )
        chunk = await request.body()
        if len(chunk) != end - start + 1:
            raise HTTPException(status_code=400, detail="body length differs from Content-Range")
        out = await run_in_threadpool(store.append, who.terminal_id, sha256, start, total, chunk)
        return JSONResponse(status_code=out.status, content=out.body)

    return router


def case_submission(db: Database, s: Session, case_no: str) -> tuple[CaseRecord, Submission]:
    """A case and the submission it was made from (404 when there is no such case)."""
    case = s.get(CaseRecord, case_no)
    item = s.exec(
        select(IntakeItem).where(IntakeItem.kind == "submission", IntakeItem.reference == case_no)
    ).first()
    if case is None or item is None:
        raise HTTPException(status_code=404, detail="no such case")
    return case, Submission.model_validate_json(db.open_body(item))


def case_files(
    db: Database, s: Session, case_no: str
) -> tuple[CaseRecord, list[tuple[str, Attachment]]]:
    """A case and every file it names with the terminal holding it: its submission's, then
    each 补正's in arrival order (a 补正 may come from another terminal of the hall)."""
    case = s.get(CaseRecord, case_no)
    if case is None:
        raise HTTPException(status_code=404, detail="no such case")
    item = s.exec(
        select(IntakeItem).where(IntakeItem.kind == "submission", IntakeItem.reference == case_no)
    ).first()
    # A case made some other way (a back office, the demo's seed) has no submission's files.
    sub = Submission.model_validate_json(db.open_body(item)) if item is not None else None
    files = [(case.terminal_id, a) for a in (sub.attachments if sub else [])]
    supplements = s.exec(
        select(IntakeItem)
        .where(IntakeItem.kind == "supplement", IntakeItem.reference == case_no)
        .order_by(col(IntakeItem.id))
    )
    for item in supplements:
        more = CaseSupplement.model_validate_json(db.open_body(item)).attachments
        files.extend((item.terminal_id, a) for a in more)
    return case, files


def build_staff_router(db: Database, store: AttachmentStore, staff: Any) -> APIRouter:
    """Staff routes (bearer token): a case's files, and each file's unsealed bytes."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/staff/cases", tags=["staff"], dependencies=[Depends(staff)]
    )

    @router.get("/{case_no}/attachments", response_model=CaseAttachmentList)
    def case_attachments(case_no: str) -> CaseAttachmentList:
        """What the case's submission names: type, pages, size, hash, and a download link
        for each file central holds."""
        with db.session() as s:
            _case, files = case_files(db, s, case_no)
            held = {
                (terminal, digest): size
                for terminal in {t for t, _ in files}
                for digest, size in store.held(s, terminal, (a.sha256 for _, a in files)).items()
            }
        out = []
        for terminal, a in files:
            whole = held.get((terminal, a.sha256)) == a.size_bytes
            out.append(
                CaseAttachment(
                    material_code=a.material_code,
                    name=a.name,
                    media_type=a.media_type,
                    pages=a.pages,
                    size_bytes=a.size_bytes,
                    sha256=a.sha256,
                    commitment=a.commitment,
                    held=whole,
                    download=f"{API_PREFIX}/staff/cases/{case_no}/attachments/{a.sha256}"
                    if whole
                    else None,
                )
            )
        return CaseAttachmentList(case_no=case_no, attachments=out)

    @router.get(
        "/{case_no}/attachments/{sha256}",
        response_class=Response,
        responses={200: {"content": {"application/octet-stream": {}}}, 404: {}},
    )
    def download(case_no: str, sha256: Digest) -> Response:
        """The file's bytes, unsealed (staff only; never cached)."""
        with db.session() as s:
            case, files = case_files(db, s, case_no)
        found = [(t, a) for t, a in files if a.sha256 == sha256]
        data = next((d for t, _ in found if (d := store.read(t, sha256)) is not None), None)
        named = found[0][1] if found else None
        if named is None or data is None:
            raise HTTPException(status_code=404, detail="no such file for this case")
        return file_download(data, named.media_type, case.case_no, named.material_code)

    return router


def file_download(data: bytes, media_type: str, case_no: str, material_code: str) -> Response:
    """A case's file for staff: never cached, saved as ``{case}-{material}.pdf``, never
    sniffed into something the browser would run."""
    kind = "pdf" if media_type == "application/pdf" else "bin"
    filename = f"{case_no}-{material_code}.{kind}"
    return Response(
        content=data,
        media_type=media_type,
        headers={
            "Cache-Control": "no-store",
            "Content-Disposition": f'attachment; filename="{filename}"',
            "X-Content-Type-Options": "nosniff",
        },
    )

"""Idempotent intake of every outbox kind: one item per request, or a batch.

``POST /api/v1/intake/<kind>`` with an ``Idempotency-Key`` header, or
``POST /api/v1/intake/batch`` with a key per item (the terminal's sync worker uses the batch:
one signed request carries up to a few hundred items, each answered and replayed on its own).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Header, HTTPException
from fastapi.responses import JSONResponse
from sqlmodel import Session, select

from central.attachments import AttachmentStore
from central.auth import AUTH_RESPONSES, Principal
from central.cases import create_case, take_supplement
from central.counters import next_value
from central.db import AppointmentRow, FollowUpRow, IntakeItem, TicketRow
from central.idempotency import Idempotency, Outcome, Rejected, Work, body_hash
from central.plans import BAD_LEVELS, open_plan, open_rectification
from central.queue import issue_ticket
from central.sealing import Sealer
from kiosk.contract import (
    API_PREFIX,
    AppointmentCheckIn,
    BatchItemResult,
    BatchRequest,
    BatchResponse,
    CaseSupplement,
    Complaint,
    ConsultationQuestion,
    Evaluation,
    IntakeAck,
    IntakeKind,
    Submission,
    Ticket,
    TicketRecord,
    WireModel,
    parse_intake,
)
from kiosk.contract.intake import KEY_PATTERN, IntakeModel

# Body fields that name where an item comes from. Central never believes them: the signed
# terminal says which terminal and hall sent it, and the ledger keeps those values instead.
_SENDER_FIELDS = ("hall_id", "terminal_id", "origin")


def _as_sent_by(item: WireModel, who: Principal) -> WireModel:
    """``item`` with its hall, terminal and origin replaced by the signed terminal's."""
    fields = type(item).model_fields
    claimed = {"hall_id": who.hall_id, "terminal_id": who.terminal_id, "origin": who.terminal_id}
    update = {k: v for k, v in claimed.items() if k in fields and getattr(item, k) is not None}
    return item.model_copy(update=update)


@dataclass(frozen=True)
class IntakeKeys:
    """What intake needs besides the database: the seal for the ledger's bodies (they hold
    names, ID numbers, phones and the citizen's words) and the deployment's ID-hash key."""

    sealer: Sealer
    id_hash_key: bytes
    # Where uploaded files are held: a submission naming files not held whole gets 409.
    attachments: AttachmentStore | None = None


def _ledger(
    s: Session,
    keys: IntakeKeys,
    who: Principal,
    key: str,
    kind: str,
    item: WireModel,
    ref: str | None,
) -> None:
    s.add(
        IntakeItem(
            terminal_id=who.terminal_id,
            key=key,
            kind=kind,
            body=keys.sealer.seal_text(_as_sent_by(item, who).model_dump_json()),
            reference=ref,
        )
    )


def _handle(s: Session, keys: IntakeKeys, who: Principal, key: str, item: WireModel) -> IntakeAck:
    now = datetime.now(UTC)
    if isinstance(item, Submission):
        case = create_case(s, who.terminal_id, item, keys.id_hash_key)
        _ledger(s, keys, who, key, "submission", item, case.case_no)
        return IntakeAck(
            key=key,
            kind=IntakeKind.SUBMISSION,
            accepted_at=now,
            case_no=case.case_no,
            receipt_no=item.receipt_no,
            promised_date=item.promised_date,
        )
    if isinstance(item, CaseSupplement):
        case = take_supplement(s, item)
        _ledger(s, keys, who, key, "supplement", item, case.case_no)
        return IntakeAck(
            key=key,
            kind=IntakeKind.SUPPLEMENT,
            accepted_at=now,
            case_no=case.case_no,
            receipt_no=case.receipt_no,
            promised_date=date.fromisoformat(case.promised_date) if case.promised_date else None,
        )
    if isinstance(item, TicketRecord):
        ticket = _record_ticket(s, who, item)
        _ledger(s, keys, who, key, "ticket", item, item.ticket_id)
        return IntakeAck(
            key=key,
            kind=IntakeKind.TICKET,
            accepted_at=now,
            ticket_number=ticket.number,
            ticket_display=ticket.display,
        )
    if isinstance(item, AppointmentCheckIn):
        appt = s.get(AppointmentRow, item.appointment_id)
        if appt is None or appt.hall_id != who.hall_id:
            raise Rejected(422, "unknown appointment")
        appt.checked_in = True
        s.add(appt)
        _ledger(s, keys, who, key, "checkin", item, item.appointment_id)
        return IntakeAck(key=key, kind=IntakeKind.CHECKIN, accepted_at=now)
    if isinstance(item, Complaint | ConsultationQuestion):
        prefix = "TS" if isinstance(item, Complaint) else "ZX"
        day = now.strftime("%Y%m%d")
        # The terminal numbers the slip it printed (offline too); central keeps that number.
        tracking = item.tracking_no or f"{prefix}{day}{next_value(s, f'{prefix}:{day}'):06d}"
        kind = IntakeKind.COMPLAINT if isinstance(item, Complaint) else IntakeKind.CONSULTATION
        if s.get(FollowUpRow, tracking) is not None:
            raise Rejected(422, "tracking number already used")
        s.add(FollowUpRow(tracking_no=tracking, kind=kind.value))
        suggestion = isinstance(item, ConsultationQuestion) and item.category == "suggestion"
        open_plan(s, tracking, who.hall_id, "suggestion" if suggestion else kind.value, now)
        _ledger(s, keys, who, key, kind.value, item, tracking)
        return IntakeAck(key=key, kind=kind, accepted_at=now, tracking_no=tracking)
    rectification = None
    if isinstance(item, Evaluation) and item.level in BAD_LEVELS:
        rectification = open_rectification(s, who.hall_id, item.level, now, item.tracking_no)
    _ledger(s, keys, who, key, IntakeKind.EVALUATION.value, item, rectification)
    return IntakeAck(
        key=key, kind=IntakeKind.EVALUATION, accepted_at=now, tracking_no=rectification
    )


def _record_ticket(s: Session, who: Principal, item: TicketRecord) -> Ticket:
    """A ticket the terminal issued (numbered here or offline), or one it voided.

    The hall and the offline origin are the signed terminal's, whatever the body says.
    """
    origin = who.terminal_id if item.number is not None else ""
    existing = s.get(TicketRow, item.ticket_id)
    if existing is not None and existing.hall_id != who.hall_id:
        raise Rejected(422, "conflict: ticket id belongs to another hall")
    if existing is not None and item.status == "void":
        existing.void = True
        s.add(existing)
    ticket = issue_ticket(
        s,
        who.hall_id,
        item.queue,
        item.day,
        item.ticket_id,
        item.number if existing is None and item.number is not None else None,
        origin=origin,
        issued_at=item.taken_at,
        priority=item.priority,
    )
    if existing is None and item.status == "void":
        row = s.get(TicketRow, item.ticket_id)
        if row is not None:
            row.void = True
            s.add(row)
    return ticket


def _work(
    keys: IntakeKeys, who: Principal, key: str, kind: str, body: dict[str, Any]
) -> Work | Outcome:
    try:
        item = parse_intake(kind, body)
    except ValueError as exc:
        return Outcome(422, {"detail": str(exc)})
    if isinstance(item, Submission | CaseSupplement) and keys.attachments is not None:
        # Asked before the key is claimed, so a 409 is not stored: the terminal uploads what
        # is missing and sends the same item under the same key again.
        missing = keys.attachments.missing_for(who.terminal_id, item)
        if missing:
            return Outcome(409, {"detail": "attachments_missing", "missing": missing})

    def handler(s: Session) -> tuple[int, dict[str, Any]]:
        return 201, _handle(s, keys, who, key, item).model_dump(mode="json")

    # The hash is taken of the validated item, so key order, spacing and omitted defaults
    # do not make the "same" body look different.
    digest = body_hash(item.model_dump(mode="json"))
    return Work(key=key, scope=f"intake:{kind}", body_hash=digest, handler=handler)


def run_items(
    idem: Idempotency,
    keys: IntakeKeys,
    who: Principal,
    items: list[tuple[str, str, dict[str, Any]]],
) -> list[Outcome]:
    """Validate and perform ``(key, kind, body)`` items; invalid ones answer 422 unrecorded."""
    prepared = [_work(keys, who, key, kind, body) for key, kind, body in items]
    works = [p for p in prepared if isinstance(p, Work)]
    done = iter(idem.run(who.terminal_id, works) if works else [])
    return [p if isinstance(p, Outcome) else next(done) for p in prepared]


def build_router(idem: Idempotency, auth: Any, keys: IntakeKeys) -> APIRouter:
    """The intake routes; ``auth`` is the terminal-signature dependency."""
    router = APIRouter(prefix=f"{API_PREFIX}/intake", tags=["intake"], responses=AUTH_RESPONSES)

    @router.post("/batch", response_model=BatchResponse)
    def intake_batch(batch: BatchRequest, who: Principal = Depends(auth)) -> BatchResponse:
        """Many items at once; each is answered (and replayed) under its own key."""
        outcomes = run_items(idem, keys, who, [(i.key, i.kind.value, i.body) for i in batch.items])
        results = []
        for item, out in zip(batch.items, outcomes, strict=True):
            ok = 200 <= out.status < 300
            results.append(
                BatchItemResult(
                    key=item.key,
                    status=out.status,
                    ack=IntakeAck.model_validate(out.body) if ok else None,
                    error=None if ok else str(out.body.get("detail", "")),
                    replayed=out.replayed,
                    missing=list(out.body.get("missing", [])) if not ok else [],
                )
            )
        return BatchResponse(results=results)

    @router.post(
        "/{kind}",
        response_model=IntakeAck,
        status_code=201,
        responses={
            409: {"description": "in progress, or attachments missing (``missing``)"},
            422: {"description": "key reused"},
        },
    )
    def intake_one(
        kind: IntakeKind,
        body: Annotated[IntakeModel, Body(discriminator="kind")],
        who: Principal = Depends(auth),
        idempotency_key: str = Header(pattern=KEY_PATTERN),
    ) -> JSONResponse:
        """One item of ``kind`` (a Submission, TicketRecord, … as named by the path)."""
        if body.kind != kind.value:
            raise HTTPException(status_code=422, detail="body kind does not match the path")
        payload = body.model_dump(mode="json")
        (out,) = run_items(idem, keys, who, [(idempotency_key, kind.value, payload)])
        if out.status == 409 and "missing" in out.body:
            return JSONResponse(status_code=409, content=out.body)
        if not 200 <= out.status < 300:
            raise HTTPException(status_code=out.status, detail=out.body.get("detail"))
        headers = {"Idempotent-Replayed": "true"} if out.replayed else {}
        return JSONResponse(status_code=out.status, content=out.body, headers=headers)

    return router


def count_items(s: Session, terminal_id: str | None = None) -> dict[str, int]:
    """How many items of each kind central holds (for tests and the staff API)."""
    query = select(IntakeItem.kind)
    if terminal_id:
        query = query.where(IntakeItem.terminal_id == terminal_id)
    counts: dict[str, int] = {}
    for kind in s.exec(query):
        counts[kind] = counts.get(kind, 0) + 1
    return counts

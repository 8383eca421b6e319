"""Queue numbering per hall, queue and day (atomic across terminals) and appointments."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from sqlmodel import Session, col, select

from central.auth import AUTH_RESPONSES, Principal
from central.calling import position, ticket_state
from central.counters import next_value
from central.db import AppointmentRow, Database, TicketRow, as_utc
from central.idempotency import Idempotency, Rejected, Work, body_hash
from kiosk.contract import (
    API_PREFIX,
    Appointment,
    AppointmentList,
    Ticket,
    TicketPosition,
    TicketRequest,
)
from kiosk.contract.intake import KEY_PATTERN

DISPLAY_WRAP = 999  # A001 … A999, then A001 again (the ticket id stays unique)
DISPLAY_CHARS = 30  # the ticket table's display column (TicketRow.display)


def display_number(queue: str, number: int, origin: str = "") -> str:
    """The printed number: wraps per day at 999; offline ones carry their terminal's prefix."""
    shown = f"{queue}{(number - 1) % DISPLAY_WRAP + 1:03d}"
    return f"{origin}-{shown}" if origin else shown


class DuplicateTicket(Exception):
    """The holder already has a live ticket in this queue today."""


class ForeignTicket(Exception):
    """The ticket id is already a ticket of another hall."""


def issue_ticket(
    s: Session,
    hall_id: str,
    queue: str,
    day: date,
    ticket_id: str,
    number: int | None = None,
    *,
    origin: str = "",
    issued_at: datetime | None = None,
    holder_hash: str | None = None,
    priority: bool = False,
) -> Ticket:
    """Number a ticket (or record an offline-issued ``number`` of ``origin``); same id → same.

    People ahead are the tickets of the queue still waiting that a window would call first,
    whoever numbered them (:func:`central.calling.position`).
    """
    row = s.get(TicketRow, ticket_id)
    if row is not None and row.hall_id != hall_id:
        raise ForeignTicket(ticket_id)
    new = row is None
    if row is None:
        if holder_hash:
            live = s.exec(
                select(TicketRow.ticket_id).where(
                    TicketRow.hall_id == hall_id,
                    TicketRow.queue == queue,
                    TicketRow.day == day.isoformat(),
                    TicketRow.holder_hash == holder_hash,
                    col(TicketRow.void).is_(False),
                    col(TicketRow.called).is_(False),
                )
            ).first()
            if live is not None:
                raise DuplicateTicket(live)
        if number is None:
            origin = ""
            number = next_value(s, f"queue:{hall_id}:{queue}:{day.isoformat()}")
        display = display_number(queue, number, origin)
        if len(display) > DISPLAY_CHARS:  # PostgreSQL would refuse the row: say why, as 422
            raise Rejected(422, f"queue code too long for a ticket number: {queue[:40]!r}")
        row = TicketRow(
            ticket_id=ticket_id,
            hall_id=hall_id,
            queue=queue,
            day=day.isoformat(),
            number=number,
            origin=origin,
            display=display,
            holder_hash=holder_hash,
            priority=priority,
        )
        if issued_at is not None:
            row.issued_at = issued_at.astimezone(UTC)
        s.add(row)
        s.flush()
    waiting, estimate = position(s, row, new=new)
    return Ticket(
        ticket_id=row.ticket_id,
        hall_id=row.hall_id,
        queue=row.queue,
        day=date.fromisoformat(row.day),
        number=row.number,
        display=row.display or display_number(row.queue, row.number, row.origin),
        issued_at=as_utc(row.issued_at),
        waiting_before=waiting,
        estimated_wait_min=estimate,
    )


def build_router(db: Database, idem: Idempotency, auth: Any) -> APIRouter:
    """Ticket and appointment routes for terminals."""
    router = APIRouter(prefix=API_PREFIX, tags=["queue"], responses=AUTH_RESPONSES)

    @router.post("/queue/tickets", response_model=Ticket, status_code=201)
    def take_ticket(
        req: TicketRequest,
        who: Principal = Depends(auth),
        idempotency_key: str = Header(pattern=KEY_PATTERN),
    ) -> JSONResponse:
        """The next number of a queue in the terminal's hall, today unless ``day`` is given."""
        day = req.day or datetime.now(UTC).date()

        def handler(s: Session) -> tuple[int, dict[str, Any]]:
            try:
                ticket = issue_ticket(
                    s, who.hall_id, req.queue, day, req.ticket_id, holder_hash=req.holder_hash
                )
            except DuplicateTicket:
                raise Rejected(422, "duplicate_ticket") from None
            except ForeignTicket:
                raise Rejected(422, "conflict: ticket id belongs to another hall") from None
            return 201, ticket.model_dump(mode="json")

        work = Work(idempotency_key, "queue", body_hash(req.model_dump(mode="json")), handler)
        (out,) = idem.run(who.terminal_id, [work])
        if out.status >= 300:
            raise HTTPException(status_code=out.status, detail=out.body.get("detail"))
        return JSONResponse(status_code=out.status, content=out.body)

    @router.get(
        "/queue/tickets/{ticket_id}",
        response_model=TicketPosition,
        responses={404: {"description": "no such ticket in this hall"}},
    )
    def ticket_position(ticket_id: str, who: Principal = Depends(auth)) -> TicketPosition:
        """Where a ticket of the terminal's hall stands: waiting (people ahead), called (which
        window), done, 过号 or void. A citizen scanning a ticket at a terminal is told."""
        with db.session() as s:
            row = s.get(TicketRow, ticket_id)
            if row is None or row.hall_id != who.hall_id:
                raise HTTPException(status_code=404, detail="no such ticket")
            return ticket_state(s, row)

    @router.get(
        "/queue/numbers/{display}",
        response_model=TicketPosition,
        responses={404: {"description": "no ticket of that number that day in this hall"}},
    )
    def number_position(
        display: str = Path(max_length=30, pattern=r"^[A-Za-z0-9-]+$"),
        day: date = Query(),
        who: Principal = Depends(auth),
    ) -> TicketPosition:
        """Where the ticket numbered ``display`` on ``day`` in the terminal's hall stands: a
        number typed at any terminal of the hall, whichever terminal gave it out. The number
        is what the hall display shows anyway; nothing about its holder is answered."""
        with db.session() as s:
            row = s.exec(
                select(TicketRow)
                .where(
                    TicketRow.hall_id == who.hall_id,
                    TicketRow.day == day.isoformat(),
                    TicketRow.display == display.upper(),
                )
                .order_by(col(TicketRow.issued_at).desc())
            ).first()
            if row is None:
                raise HTTPException(status_code=404, detail="no such ticket")
            return ticket_state(s, row)

    @router.get("/appointments", response_model=AppointmentList)
    def appointments(day: date = Query(), who: Principal = Depends(auth)) -> AppointmentList:
        """Appointments of ``day`` in the terminal's hall, by slot."""
        with db.session() as s:
            rows = s.exec(
                select(AppointmentRow)
                .where(AppointmentRow.hall_id == who.hall_id, AppointmentRow.day == day.isoformat())
                .order_by(col(AppointmentRow.slot_start))
            ).all()
        items = [
            Appointment(
                appointment_id=r.appointment_id,
                hall_id=r.hall_id,
                day=date.fromisoformat(r.day),
                slot_start=as_utc(r.slot_start),
                slot_end=as_utc(r.slot_end),
                service_code=r.service_code,
                queue=r.queue,
                id_number_hash=r.id_number_hash,
                checked_in=r.checked_in,
            )
            for r in rows
        ]
        return AppointmentList(hall_id=who.hall_id, day=day, appointments=items)

    return router

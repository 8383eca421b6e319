"""Queue numbering per hall, queue and day (atomic across terminals) and appointments."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query
from fastapi.responses import JSONResponse
from sqlmodel import Session, col, func, select

from central.auth import Principal
from central.counters import next_value
from central.db import AppointmentRow, Database, TicketRow, as_utc
from central.idempotency import Idempotency, Work, body_hash
from kiosk.contract import API_PREFIX, Appointment, AppointmentList, Ticket, TicketRequest
from kiosk.contract.intake import KEY_PATTERN


def _display(queue: str, number: int) -> str:
    return f"{queue}{number:03d}"


def issue_ticket(
    s: Session, hall_id: str, queue: str, day: date, ticket_id: str, number: int | None = None
) -> Ticket:
    """Number a ticket (or record an offline-issued ``number``); same ``ticket_id`` → same."""
    row = s.get(TicketRow, ticket_id)
    if row is None:
        if number is None:
            number = next_value(s, f"queue:{hall_id}:{queue}:{day.isoformat()}")
        row = TicketRow(
            ticket_id=ticket_id, hall_id=hall_id, queue=queue, day=day.isoformat(), number=number
        )
        s.add(row)
        s.flush()
    waiting = s.exec(
        select(func.count())
        .select_from(TicketRow)
        .where(
            TicketRow.hall_id == row.hall_id,
            TicketRow.queue == row.queue,
            TicketRow.day == row.day,
            TicketRow.number < row.number,
            col(TicketRow.called).is_(False),
        )
    ).one()
    return Ticket(
        ticket_id=row.ticket_id,
        hall_id=row.hall_id,
        queue=row.queue,
        day=date.fromisoformat(row.day),
        number=row.number,
        display=_display(row.queue, row.number),
        issued_at=as_utc(row.issued_at),
        waiting_before=int(waiting),
    )


def build_router(db: Database, idem: Idempotency, auth: Any) -> APIRouter:
    """Ticket and appointment routes for terminals."""
    router = APIRouter(prefix=API_PREFIX, tags=["queue"])

    @router.post("/queue/tickets", response_model=Ticket, status_code=201)
    def take_ticket(
        req: TicketRequest,
        who: Principal = Depends(auth),
        idempotency_key: str = Header(pattern=KEY_PATTERN),
    ) -> JSONResponse:
        """The next number of a queue in the terminal's hall, today unless ``day`` is given."""
        day = req.day or datetime.now(UTC).date()

        def handler(s: Session) -> tuple[int, dict[str, Any]]:
            ticket = issue_ticket(s, who.hall_id, req.queue, day, req.ticket_id)
            return 201, ticket.model_dump(mode="json")

        work = Work(idempotency_key, "queue", body_hash(req.model_dump(mode="json")), handler)
        (out,) = idem.run(who.terminal_id, [work])
        if out.status >= 300:
            raise HTTPException(status_code=out.status, detail=out.body.get("detail"))
        return JSONResponse(status_code=out.status, content=out.body)

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

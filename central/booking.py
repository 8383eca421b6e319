"""Appointment slots (预约时段) terminals can offer and book, per hall.

The reference service opens the same slots on every working day of the Chinese calendar (the
official arrangement where published, else the statutory holidays: :mod:`central.calendar_feed`)
(09:00–12:00 and 13:30–16:30 hall time, one hour each) with a fixed capacity per hall; a real
deployment replaces :func:`day_slots` with its own schedule. Booking is idempotent under the
terminal's ``Idempotency-Key`` and refuses a full, unknown or already started slot with 422
``slot_full`` / ``no_such_slot`` / ``slot_past``; a slot that has started is not offered.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from fastapi import APIRouter, Depends, Header, HTTPException, Query
from fastapi.responses import JSONResponse
from sqlmodel import Session, select

from central.auth import AUTH_RESPONSES, Principal
from central.calendar_feed import central_calendar
from central.db import AppointmentRow, Database, as_utc
from central.idempotency import Idempotency, Work, body_hash
from kiosk.contract import API_PREFIX, Appointment, BookingRequest, Slot, SlotList
from kiosk.contract.calendar import WorkCalendar
from kiosk.contract.intake import KEY_PATTERN

HALL_TZ = timezone(timedelta(hours=8))
SLOT_STARTS = (time(9), time(10), time(11), time(13, 30), time(14, 30), time(15, 30))
SLOT_CAPACITY = 4
MAX_DAYS = 14
# Slot arithmetic (a day's slots end an hour after they start, in hall time) must stay inside
# the calendar: nothing is bookable in the last days before 9999-12-31.
LAST_BOOKABLE_DAY = date.max - timedelta(days=2)


def day_slots(day: date, calendar: WorkCalendar | None = None) -> list[tuple[datetime, datetime]]:
    """The (start, end) of every slot of ``day`` in hall time; none on a non-working day
    (调休 Saturdays are open; statutory holidays are closed in every year)."""
    calendar = calendar or WorkCalendar.with_documents([])
    if not calendar.is_working_day(day):
        return []
    out = []
    for start in SLOT_STARTS:
        begin = datetime.combine(day, start, HALL_TZ)
        out.append((begin, begin + timedelta(hours=1)))
    return out


def _booked(s: Session, hall_id: str, day: date) -> dict[datetime, int]:
    rows = s.exec(
        select(AppointmentRow).where(
            AppointmentRow.hall_id == hall_id, AppointmentRow.day == day.isoformat()
        )
    ).all()
    counts: dict[datetime, int] = {}
    for r in rows:
        key = as_utc(r.slot_start)
        counts[key] = counts.get(key, 0) + 1
    return counts


def build_router(db: Database, idem: Idempotency, auth: Any) -> APIRouter:
    """Slot availability and booking routes for terminals."""
    router = APIRouter(prefix=API_PREFIX, tags=["appointments"], responses=AUTH_RESPONSES)

    @router.get("/appointments/slots", response_model=SlotList)
    def slots(
        service_code: str = Query(min_length=1, max_length=60),
        start: date = Query(),
        days: int = Query(default=7, ge=1, le=MAX_DAYS),
        who: Principal = Depends(auth),
    ) -> SlotList:
        """Slots of ``days`` days from ``start`` with how many places are taken."""
        if start > LAST_BOOKABLE_DAY - timedelta(days=days - 1):
            raise HTTPException(status_code=422, detail="start is past the last bookable day")
        out: list[Slot] = []
        now = datetime.now(UTC)
        calendar = central_calendar(db)
        with db.session() as s:
            for offset in range(days):
                day = start + timedelta(days=offset)
                booked = _booked(s, who.hall_id, day)
                for begin, end in day_slots(day, calendar):
                    if begin <= now:
                        continue  # started or over: not offered
                    # Aware datetimes compare as instants: UTC keys match hall-time slots.
                    taken = booked.get(begin, 0)
                    out.append(Slot(start=begin, end=end, capacity=SLOT_CAPACITY, booked=taken))
        return SlotList(hall_id=who.hall_id, service_code=service_code, slots=out)

    @router.post("/appointments/book", response_model=Appointment, status_code=201)
    def book(
        req: BookingRequest,
        who: Principal = Depends(auth),
        idempotency_key: str = Header(pattern=KEY_PATTERN),
    ) -> JSONResponse:
        """Book ``req.slot_start`` in the terminal's hall if a place is left."""
        try:
            day = req.slot_start.astimezone(HALL_TZ).date()
        except OverflowError:  # an instant whose hall-time date is past year 9999
            raise HTTPException(status_code=422, detail="no_such_slot") from None
        if day > LAST_BOOKABLE_DAY:
            raise HTTPException(status_code=422, detail="no_such_slot")

        calendar = central_calendar(db)

        def handler(s: Session) -> tuple[int, dict[str, Any]]:
            match = [b for b in day_slots(day, calendar) if b[0] == req.slot_start]
            if not match:
                return 422, {"detail": "no_such_slot"}
            begin, end = match[0]
            if begin <= datetime.now(UTC):
                return 422, {"detail": "slot_past"}
            if _booked(s, who.hall_id, day).get(begin, 0) >= SLOT_CAPACITY:
                return 422, {"detail": "slot_full"}
            row = AppointmentRow(
                appointment_id=req.appointment_id,
                hall_id=who.hall_id,
                day=day.isoformat(),
                # Stored in UTC like every central time (SQLite drops the offset).
                slot_start=begin.astimezone(UTC),
                slot_end=end.astimezone(UTC),
                service_code=req.service_code,
                id_number_hash=req.id_number_hash,
            )
            s.add(row)
            s.flush()
            appt = Appointment(
                appointment_id=row.appointment_id,
                hall_id=row.hall_id,
                day=day,
                slot_start=begin,
                slot_end=end,
                service_code=row.service_code,
                queue=row.queue,
                id_number_hash=row.id_number_hash,
            )
            return 201, appt.model_dump(mode="json")

        work = Work(idempotency_key, "booking", body_hash(req.model_dump(mode="json")), handler)
        (out,) = idem.run(who.terminal_id, [work])
        if out.status >= 300:
            raise HTTPException(status_code=out.status, detail=out.body.get("detail"))
        return JSONResponse(status_code=out.status, content=out.body)

    return router

"""A small staff API (bearer token): move cases on, publish catalog items, book appointments.

Enough for a demo to show progress changing; a real deployment connects its own back office.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from central.cases import apply_update, request_supplement, supplement_of, to_status
from central.catalog_feed import publish
from central.db import AppointmentRow, CaseRecord, Database, IntakeItem, TicketRow
from central.intake import count_items
from kiosk.contract import (
    API_PREFIX,
    Appointment,
    CaseState,
    CaseStatus,
    CatalogUpload,
    StaffCaseUpdate,
    StaffSupplementRequest,
    keyed_id_hash,
)


class NewAppointment(BaseModel):
    """Staff API body: book an appointment (the ID number is stored only as a hash)."""

    # The columns' lengths: PostgreSQL refuses longer text, SQLite would store it.
    appointment_id: str = Field(min_length=1, max_length=64)
    hall_id: str = Field(min_length=1, max_length=16)
    day: date
    slot_start: datetime
    slot_end: datetime
    service_code: str = Field(min_length=1, max_length=60)
    queue: str = Field(default="A", min_length=1, max_length=30)
    id_number: str = Field(max_length=40)


def build_router(db: Database, staff: Any, id_hash_key: bytes) -> APIRouter:
    """Staff routes, all behind the staff token dependency."""
    router = APIRouter(prefix=f"{API_PREFIX}/staff", tags=["staff"], dependencies=[Depends(staff)])

    @router.post("/cases/{case_no}/advance", response_model=CaseStatus)
    def advance(case_no: str, change: StaffCaseUpdate) -> CaseStatus:
        """Move a case (or one department's part of it) to ``state``."""
        with db.session() as s:
            case = s.get(CaseRecord, case_no)
            if case is None:
                raise HTTPException(status_code=404, detail="no such case")
            s.add(apply_update(case, change))
            return to_status(case, supplement_of(s, case))

    @router.post("/cases/{case_no}/supplement", response_model=CaseStatus)
    def supplement(case_no: str, request: StaffSupplementRequest) -> CaseStatus:
        """Put a case into 待补正 with the list of missing materials (the terminal shows them
        when the citizen looks the case up)."""
        with db.session() as s:
            case = s.get(CaseRecord, case_no)
            if case is None:
                raise HTTPException(status_code=404, detail="no such case")
            if case.state in (CaseState.COMPLETED.value, CaseState.REJECTED.value):
                raise HTTPException(status_code=409, detail="the case is closed")
            s.add(request_supplement(s, case, request.materials, request.note))
            return to_status(case, request.materials)

    @router.get("/cases", response_model=list[CaseStatus])
    def cases() -> list[CaseStatus]:
        """Every case (reference service: small data)."""
        with db.session() as s:
            return [to_status(c) for c in s.exec(select(CaseRecord))]

    @router.put("/catalog", response_model=dict[str, int])
    def catalog(upload: CatalogUpload) -> dict[str, int]:
        """Publish items / withdraw codes; answers the new feed version."""
        with db.session() as s:
            return {"version": publish(s, upload)}

    @router.post("/appointments", response_model=Appointment, status_code=201)
    def book(new: NewAppointment) -> Appointment:
        """Book an appointment for a citizen."""
        row = AppointmentRow(
            appointment_id=new.appointment_id,
            hall_id=new.hall_id,
            day=new.day.isoformat(),
            slot_start=new.slot_start,
            slot_end=new.slot_end,
            service_code=new.service_code,
            queue=new.queue,
            id_number_hash=keyed_id_hash(id_hash_key, new.id_number),
        )
        appt = Appointment(
            appointment_id=row.appointment_id,
            hall_id=row.hall_id,
            day=new.day,
            slot_start=new.slot_start,
            slot_end=new.slot_end,
            service_code=row.service_code,
            queue=row.queue,
            id_number_hash=row.id_number_hash,
        )
        row.slot_start, row.slot_end = appt.slot_start, appt.slot_end
        try:
            with db.session() as s:
                s.add(row)
        except IntegrityError:
            raise HTTPException(status_code=409, detail="appointment id already used") from None
        return appt

    @router.get("/stats", response_model=dict[str, Any])
    def stats() -> dict[str, Any]:
        """Counts of accepted items per kind, and of duplicates (always 0: keys are unique)."""
        with db.session() as s:
            items = list(s.exec(select(IntakeItem.terminal_id, IntakeItem.key)))
            tickets = len(list(s.exec(select(TicketRow.ticket_id))))
            return {
                "items": count_items(s),
                "total": len(items),
                "distinct_keys": len(set(items)),
                "tickets": tickets,
            }

    return router

"""Complaints (投诉) and consultation questions (咨询留言) after intake: state and answer.

Terminals look one up by its tracking number (no personal data in the answer); staff move a
complaint on or answer a question through the staff API.

A tracking number ends in four random characters, so it cannot be guessed from its neighbours;
and each terminal may miss only :data:`MISSES_PER_HOUR` lookups an hour (then 429), so nobody
at a terminal can try numbers until one fits and read somebody else's answer.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Session

from central import plans
from central.auth import AUTH_RESPONSES
from central.counters import next_value
from central.db import Counter, Database, FollowUpPlanRow, FollowUpRow, as_utc
from kiosk.contract import (
    API_PREFIX,
    FollowUpAppeal,
    FollowUpQuery,
    FollowUpStatus,
    StaffFollowUpUpdate,
)


def to_status(row: FollowUpRow, plan: FollowUpPlanRow | None = None) -> FollowUpStatus:
    """The wire form of a follow-up, with its plan's deadline, owner, action and result."""
    extra: dict[str, Any] = {}
    if plan is not None:
        extra = {
            "deadline": date.fromisoformat(plan.deadline),
            "owner": plan.owner,
            "action": plan.action,
            "result": plan.result,
            "appealed": plan.appealed_at is not None,
        }
    return FollowUpStatus(
        tracking_no=row.tracking_no,
        kind=row.kind,
        state=row.state,
        answer=row.answer,
        updated_at=as_utc(row.updated_at),
        **extra,
    )


# Unknown tracking numbers one terminal may look up in an hour before it is refused (429).
MISSES_PER_HOUR = 10


def _misses_key(terminal_id: str, now: datetime) -> str:
    return f"followup-miss:{terminal_id}:{now:%Y%m%d%H}"


def _misses(s: Session, key: str) -> int:
    counter = s.get(Counter, key)
    return counter.value if counter is not None else 0


def build_router(db: Database, auth: Any) -> APIRouter:
    """``POST /followups/lookup`` for terminals."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/followups", tags=["followups"], responses=AUTH_RESPONSES
    )

    @router.post(
        "/lookup",
        response_model=FollowUpStatus,
        responses={
            404: {"description": "no such tracking number"},
            429: {"description": "too many unknown numbers from this terminal this hour"},
        },
    )
    def lookup(query: FollowUpQuery, who: Any = Depends(auth)) -> FollowUpStatus:
        """State and answer of one complaint or question; 404 when central does not know it,
        429 once the terminal has missed :data:`MISSES_PER_HOUR` times this hour."""
        key = _misses_key(who.terminal_id, datetime.now(UTC))
        with db.session() as s:
            if _misses(s, key) >= MISSES_PER_HOUR:
                raise HTTPException(
                    status_code=429,
                    detail="too many unknown tracking numbers; try again later",
                    headers={"Retry-After": "3600"},
                )
            row = s.get(FollowUpRow, query.tracking_no)
            if row is not None:
                return to_status(row, s.get(FollowUpPlanRow, row.tracking_no))
            next_value(s, key)
        raise HTTPException(status_code=404, detail="no such tracking number")

    @router.post(
        "/appeal",
        response_model=FollowUpStatus,
        responses={404: {"description": "no such 整改"}, 422: {"description": "cannot appeal"}},
    )
    def appeal(request: FollowUpAppeal, who: Any = Depends(auth)) -> FollowUpStatus:
        """The citizen does not accept a closed 整改: it reopens once, with a new deadline."""
        try:
            with db.session() as s:
                row = plans.appeal(
                    s, who.hall_id, request.tracking_no, request.reason, datetime.now(UTC)
                )
                return to_status(row, s.get(FollowUpPlanRow, row.tracking_no))
        except plans.AppealRefused as exc:
            status = 404 if exc.reason == "unknown" else 422
            raise HTTPException(status_code=status, detail=exc.reason) from None

    return router


def build_staff_router(db: Database, staff: Any) -> APIRouter:
    """Staff routes: list follow-ups, move one on (answer it)."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/staff/followups", tags=["staff"], dependencies=[Depends(staff)]
    )

    @router.get("", response_model=list[FollowUpStatus])
    def listing() -> list[FollowUpStatus]:
        """Every complaint and question (reference service: small data)."""
        from sqlmodel import select

        with db.session() as s:
            return [to_status(r) for r in s.exec(select(FollowUpRow))]

    @router.post("/{tracking_no}", response_model=FollowUpStatus)
    def update(tracking_no: str, change: StaffFollowUpUpdate) -> FollowUpStatus:
        """Move a complaint on, or answer a question."""
        with db.session() as s:
            row = s.get(FollowUpRow, tracking_no)
            if row is None:
                raise HTTPException(status_code=404, detail="no such tracking number")
            row.state = change.state
            if change.answer:
                row.answer = change.answer
            row.updated_at = datetime.now(UTC)
            s.add(row)
            return to_status(row)

    return router

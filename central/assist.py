"""Calls for a person from terminals (呼叫工作人员), and the staff routes that take them.

A terminal raises a call and then asks whether staff have taken it (it keeps its lamp
blinking until they have). Staff list the open calls of their hall, take one ("on my way")
and close it. A terminal sees only its own calls.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from sqlmodel import col, select

from central.auth import AUTH_RESPONSES
from central.db import AssistCallRow, Database, as_utc
from kiosk.contract import API_PREFIX, AssistCall, AssistRequest, AssistStatus, StaffAssistUpdate


def _status(row: AssistCallRow) -> AssistStatus:
    return AssistStatus(
        call_id=row.call_id,
        state=row.state,
        created_at=as_utc(row.created_at),
        acknowledged_at=as_utc(row.acknowledged_at) if row.acknowledged_at else None,
    )


def _call(row: AssistCallRow) -> AssistCall:
    return AssistCall(
        **_status(row).model_dump(),
        terminal_id=row.terminal_id,
        hall_id=row.hall_id,
        page=row.page,
        reason=row.reason,
    )


def build_router(db: Database, auth: Any) -> APIRouter:
    """``POST /assist`` and ``GET /assist/{call_id}`` for terminals."""
    router = APIRouter(prefix=f"{API_PREFIX}/assist", tags=["assist"], responses=AUTH_RESPONSES)

    @router.post("", response_model=AssistStatus, status_code=201)
    def raise_call(request: AssistRequest, who: Any = Depends(auth)) -> AssistStatus:
        """Raise a call for a person at the signing terminal; an open call of the same
        terminal is answered again instead of raising a second one."""
        with db.session() as s:
            open_call = s.exec(
                select(AssistCallRow).where(
                    AssistCallRow.terminal_id == who.terminal_id,
                    col(AssistCallRow.state).in_(("open", "acknowledged")),
                )
            ).first()
            if open_call is not None:
                return _status(open_call)
            row = AssistCallRow(
                call_id=f"HJ{secrets.token_hex(8).upper()}",
                terminal_id=who.terminal_id,
                hall_id=who.hall_id,
                page=request.page,
                reason=request.reason,
            )
            s.add(row)
            s.flush()
            return _status(row)

    @router.get(
        "/{call_id}",
        response_model=AssistStatus,
        responses={404: {"description": "no such call of this terminal"}},
    )
    def call_state(call_id: str, who: Any = Depends(auth)) -> AssistStatus:
        """Whether staff have taken the call yet (only the terminal's own calls)."""
        with db.session() as s:
            row = s.get(AssistCallRow, call_id)
            if row is None or row.terminal_id != who.terminal_id:
                raise HTTPException(status_code=404, detail="no such call")
            return _status(row)

    return router


def build_staff_router(db: Database, staff: Any) -> APIRouter:
    """Staff routes: the calls of a hall, taking and closing one."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/staff/assist", tags=["staff"], dependencies=[Depends(staff)]
    )

    @router.get("", response_model=list[AssistCall])
    def listing(
        hall_id: str | None = Query(default=None, max_length=40),
        state: str = Query(default="open", pattern="^(open|acknowledged|closed|all)$"),
    ) -> list[AssistCall]:
        """Calls, oldest first: the open ones unless ``state`` says otherwise."""
        query = select(AssistCallRow).order_by(col(AssistCallRow.created_at))
        if hall_id is not None:
            query = query.where(AssistCallRow.hall_id == hall_id)
        if state != "all":
            query = query.where(AssistCallRow.state == state)
        with db.session() as s:
            return [_call(row) for row in s.exec(query)]

    @router.post(
        "/{call_id}",
        response_model=AssistCall,
        responses={404: {"description": "no such call"}},
    )
    def update(call_id: str, change: StaffAssistUpdate) -> AssistCall:
        """Take a call (``acknowledged``) or close it (``closed``)."""
        now = datetime.now(UTC)
        with db.session() as s:
            row = s.get(AssistCallRow, call_id)
            if row is None:
                raise HTTPException(status_code=404, detail="no such call")
            if row.state != "closed":
                row.state = change.state
                row.acknowledged_at = row.acknowledged_at or now
                if change.state == "closed":
                    row.closed_at = now
                s.add(row)
            return _call(row)

    return router

"""Complaints (投诉) and consultation questions (咨询留言) after intake: state and answer.

Terminals look one up by its tracking number (no personal data in the answer); staff move a
complaint on or answer a question through the staff API.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException

from central.auth import AUTH_RESPONSES
from central.db import Database, FollowUpRow, as_utc
from kiosk.contract import API_PREFIX, FollowUpQuery, FollowUpStatus, StaffFollowUpUpdate


def to_status(row: FollowUpRow) -> FollowUpStatus:
    """The wire form of a follow-up."""
    return FollowUpStatus(
        tracking_no=row.tracking_no,
        kind=row.kind,
        state=row.state,
        answer=row.answer,
        updated_at=as_utc(row.updated_at),
    )


def build_router(db: Database, auth: Any) -> APIRouter:
    """``POST /followups/lookup`` for terminals."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/followups", tags=["followups"], responses=AUTH_RESPONSES
    )

    @router.post(
        "/lookup",
        response_model=FollowUpStatus,
        responses={404: {"description": "no such tracking number"}},
    )
    def lookup(query: FollowUpQuery, who: Any = Depends(auth)) -> FollowUpStatus:
        """State and answer of one complaint or question; 404 when central does not know it."""
        with db.session() as s:
            row = s.get(FollowUpRow, query.tracking_no)
            if row is None:
                raise HTTPException(status_code=404, detail="no such tracking number")
            return to_status(row)

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

"""Calendar feed: the State Council's holiday arrangement as data, beside the catalog feed.

Staff publish a whole calendar document (``PUT /api/v1/staff/calendar``), validated as a whole
by the same model the terminals use; terminals fetch it when central's version is newer than
theirs (``GET /api/v1/calendar?since=N``) and install it like a catalog change. Central's own
appointment slots follow the same calendar (:func:`central_calendar`).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from pydantic import ValidationError

from central.auth import AUTH_RESPONSES
from central.db import CalendarRow, Database
from kiosk.contract import API_PREFIX, CalendarFeed
from kiosk.contract.base import MAX_INT32
from kiosk.contract.calendar import CalendarDocument, WorkCalendar


def published(db: Database) -> CalendarDocument | None:
    """The published calendar document, or None."""
    with db.session() as s:
        row = s.get(CalendarRow, 1)
    return CalendarDocument.model_validate_json(row.body) if row is not None else None


def central_calendar(db: Database) -> WorkCalendar:
    """The package's official years overridden by the published document."""
    doc = published(db)
    return WorkCalendar.with_documents([doc] if doc is not None else [])


def build_router(db: Database, auth: Any) -> APIRouter:
    """The terminals' calendar route."""
    router = APIRouter(prefix=API_PREFIX, tags=["calendar"], responses=AUTH_RESPONSES)

    @router.get("/calendar", response_model=CalendarFeed)
    def calendar(
        since: int = Query(default=0, ge=0, le=MAX_INT32), _who: Any = Depends(auth)
    ) -> CalendarFeed:
        """The calendar document when it is newer than ``since``."""
        with db.session() as s:
            row = s.get(CalendarRow, 1)
        if row is None:
            return CalendarFeed(version=0)
        if row.version <= since:
            return CalendarFeed(version=row.version)
        doc = CalendarDocument.model_validate_json(row.body)
        return CalendarFeed(version=row.version, document=doc.model_dump(mode="json"))

    return router


def build_staff_router(db: Database, staff: Any) -> APIRouter:
    """Staff route to publish a calendar document."""
    router = APIRouter(prefix=f"{API_PREFIX}/staff", tags=["staff"], dependencies=[Depends(staff)])

    @router.put("/calendar", response_model=dict[str, int])
    def publish(document: dict[str, Any]) -> dict[str, int]:
        """Validate the whole document and publish it; an older or equal version is refused."""
        try:
            doc = CalendarDocument.model_validate(document)
        except ValidationError as exc:
            problems = [
                f"{'.'.join(str(p) for p in e['loc']) or '(document)'}: {e['msg']}"
                for e in exc.errors()
            ]
            raise HTTPException(422, {"error": "invalid_calendar", "problems": problems}) from None
        with db.session() as s:
            row = s.get(CalendarRow, 1)
            if row is not None and doc.version <= row.version:
                raise HTTPException(409, {"error": "not_newer", "published_version": row.version})
            body = doc.model_dump_json()
            if row is None:
                row = CalendarRow(id=1, version=doc.version, body=body)
            else:
                row.version, row.body = doc.version, body
            s.add(row)
        return {"version": doc.version}

    return router

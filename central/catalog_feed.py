"""Catalog feed: a snapshot of every live service item, or the changes since a version.

The feed version is a counter bumped by each publication; every item remembers the feed
version of its last change, so a delta is one indexed query.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Depends, Query
from sqlmodel import Session, col, select

from central.auth import AUTH_RESPONSES
from central.counters import next_value
from central.db import CatalogItemRow, Counter, Database
from kiosk.contract import API_PREFIX, CatalogDelta, CatalogSnapshot, CatalogUpload
from kiosk.contract.base import MAX_INT32


def feed_version(s: Session) -> int:
    """The current feed version (0 before anything was published)."""
    value = s.exec(select(Counter.value).where(Counter.name == "catalog")).first()
    return int(value or 0)


def publish(s: Session, upload: CatalogUpload) -> int:
    """Upsert items and withdraw codes under one new feed version; returns it."""
    version = next_value(s, "catalog")
    for item in upload.items:
        row = s.get(CatalogItemRow, item["code"])
        body = json.dumps(item, ensure_ascii=False, sort_keys=True)
        if row is None:
            row = CatalogItemRow(
                code=item["code"], version=item["version"], body=body, feed_version=version
            )
        else:
            row.version, row.body, row.removed, row.feed_version = (
                item["version"],
                body,
                False,
                version,
            )
        s.add(row)
    for code in upload.removed:
        row = s.get(CatalogItemRow, code)
        if row is not None and not row.removed:
            row.removed, row.feed_version = True, version
            s.add(row)
    return version


def build_router(db: Database, auth: Any) -> APIRouter:
    """Catalog snapshot and delta routes for terminals."""
    router = APIRouter(prefix=f"{API_PREFIX}/catalog", tags=["catalog"], responses=AUTH_RESPONSES)

    @router.get("/snapshot", response_model=CatalogSnapshot)
    def snapshot(_who: Any = Depends(auth)) -> CatalogSnapshot:
        """Every live item and the feed version they are at."""
        with db.session() as s:
            version = feed_version(s)
            rows = s.exec(
                select(CatalogItemRow)
                .where(col(CatalogItemRow.removed).is_(False))
                .order_by(col(CatalogItemRow.code))
            ).all()
        return CatalogSnapshot(version=version, items=[json.loads(r.body) for r in rows])

    @router.get("/delta", response_model=CatalogDelta)
    def delta(since: int = Query(ge=0, le=MAX_INT32), _who: Any = Depends(auth)) -> CatalogDelta:
        """Items changed and codes removed after feed version ``since``."""
        with db.session() as s:
            version = feed_version(s)
            rows = s.exec(select(CatalogItemRow).where(CatalogItemRow.feed_version > since)).all()
        changed = [json.loads(r.body) for r in rows if not r.removed]
        removed = sorted(r.code for r in rows if r.removed)
        return CatalogDelta(
            since=since, version=max(version, since), changed=changed, removed=removed
        )

    return router

"""The reference e-licence registry (电子证照库) and the terminals' check against it.

A province's terminals ask its data-sharing platform whether a licence or record exists for
the person in front of them, so a 免提交 material is really settled rather than just labelled.
This reference central keeps a small registry of its own — seeded for the sample cards in the
demo and by tests through :func:`add_record`, the way a deployment would load an export — and
answers ``POST /api/v1/shared/check``. A licence number leaves central masked; the owner is
found by the deployment's keyed ID hash, never by the number itself; nothing about the check
is stored.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Depends
from sqlmodel import Session, select

from central.auth import AUTH_RESPONSES, Principal
from central.db import Database, SharedRecordRow
from kiosk.contract import (
    API_PREFIX,
    SharedCheck,
    SharedCheckResult,
    SharedFinding,
    keyed_id_hash,
)


def mask_licence(number: str) -> str:
    """``JH110105202401020034`` → ``JH**************0034``: enough to recognise, not to use."""
    if len(number) <= 6:
        return "*" * len(number)
    return number[:2] + "*" * (len(number) - 6) + number[-4:]


def add_record(
    s: Session,
    id_hash_key: bytes,
    id_number: str,
    material: str,
    licence_no: str,
    issuer: str,
    issued_on: date | None = None,
) -> SharedRecordRow:
    """Put one licence of ``id_number``'s into the registry (the material's catalog name)."""
    row = SharedRecordRow(
        id_hash=keyed_id_hash(id_hash_key, id_number),
        material=material,
        licence_no=licence_no,
        issuer=issuer,
        issued_on=issued_on.isoformat() if issued_on else None,
    )
    s.add(row)
    return row


def check(s: Session, id_hash_key: bytes, query: SharedCheck) -> SharedCheckResult:
    """Each asked material found or not, in the order asked."""
    digest = keyed_id_hash(id_hash_key, query.id_number)
    rows = s.exec(select(SharedRecordRow).where(SharedRecordRow.id_hash == digest)).all()
    held = {row.material: row for row in rows}
    findings = []
    for material in query.materials:
        row = held.get(material)
        findings.append(
            SharedFinding(material=material, found=False)
            if row is None
            else SharedFinding(
                material=material,
                found=True,
                licence_no=mask_licence(row.licence_no),
                issuer=row.issuer,
                issued_on=date.fromisoformat(row.issued_on) if row.issued_on else None,
            )
        )
    return SharedCheckResult(findings=findings)


def build_router(db: Database, auth: Any, id_hash_key: bytes) -> APIRouter:
    """``POST /shared/check`` for terminals."""
    router = APIRouter(
        prefix=f"{API_PREFIX}/shared", tags=["shared data"], responses=AUTH_RESPONSES
    )

    @router.post("/check", response_model=SharedCheckResult)
    def shared_check(query: SharedCheck, who: Principal = Depends(auth)) -> SharedCheckResult:
        """Whether data sharing holds each material for the person (licence numbers masked)."""
        with db.session() as s:
            return check(s, id_hash_key, query)

    return router

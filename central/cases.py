"""Cases (办件) and their status: created from submissions, looked up by terminals.

Lookup works by case number, by receipt number, or by ID number for the owner (the terminal
sends the ID number read from the citizen's card; central compares a hash).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any

from fastapi import APIRouter, Depends
from sqlmodel import Session, col, or_, select

from central.auth import AUTH_RESPONSES, Principal
from central.counters import next_value
from central.db import CaseRecord, Database, as_utc
from kiosk.contract import (
    API_PREFIX,
    CaseLookup,
    CaseState,
    CaseStatus,
    CaseStatusList,
    CaseStatusQuery,
    DepartmentProgress,
    StaffCaseUpdate,
    Submission,
)


def id_hash(id_number: str) -> str:
    """How central indexes ID numbers: a hash, so the index never holds them in clear."""
    return hashlib.sha256(id_number.strip().upper().encode()).hexdigest()


def create_case(s: Session, terminal_id: str, sub: Submission) -> CaseRecord:
    """A new case for an accepted submission, numbered ``ZW<yyyymmdd><seq>``."""
    day = datetime.now(UTC).strftime("%Y%m%d")
    case_no = f"ZW{day}{next_value(s, f'case:{day}'):06d}"
    case = CaseRecord(
        case_no=case_no,
        terminal_id=terminal_id,
        receipt_no=sub.receipt_no,
        service_code=sub.service_code,
        id_number_hash=id_hash(sub.applicant.id_number) if sub.applicant.id_number else None,
        agent_id_number_hash=(
            id_hash(sub.agent.id_number) if sub.agent and sub.agent.id_number else None
        ),
        state=CaseState.RECEIVED.value,
        promised_date=sub.promised_date.isoformat() if sub.promised_date else None,
    )
    s.add(case)
    return case


def to_status(case: CaseRecord) -> CaseStatus:
    """The wire form of a case."""
    return CaseStatus(
        case_no=case.case_no,
        receipt_no=case.receipt_no,
        service_code=case.service_code,
        state=CaseState(case.state),
        promised_date=date.fromisoformat(case.promised_date) if case.promised_date else None,
        departments=[DepartmentProgress.model_validate(d) for d in json.loads(case.departments)],
        version=case.version,
        updated_at=as_utc(case.updated_at),
    )


def apply_update(case: CaseRecord, change: StaffCaseUpdate) -> CaseRecord:
    """Move a case (or one department's part) on; the overall state follows the departments."""
    now = datetime.now(UTC)
    departments: list[dict[str, Any]] = json.loads(case.departments)
    if change.department:
        entry = DepartmentProgress(
            department=change.department,
            state=change.state,
            step=change.step,
            note=change.note,
            updated_at=now,
        ).model_dump(mode="json")
        departments = [d for d in departments if d["department"] != change.department] + [entry]
        states = {d["state"] for d in departments}
        if states <= {CaseState.COMPLETED.value}:
            case.state = CaseState.COMPLETED.value
        elif CaseState.REJECTED.value in states:
            case.state = CaseState.REJECTED.value
        else:
            case.state = CaseState.IN_PROGRESS.value
    else:
        case.state = change.state.value
    if change.promised_date:
        case.promised_date = change.promised_date.isoformat()
    case.departments = json.dumps(departments, ensure_ascii=False)
    case.version += 1
    case.updated_at = now
    return case


def build_router(db: Database, auth: Any) -> APIRouter:
    """Case lookup and status routes for terminals."""
    router = APIRouter(prefix=f"{API_PREFIX}/cases", tags=["cases"], responses=AUTH_RESPONSES)

    @router.post("/lookup", response_model=CaseStatusList)
    def lookup(query: CaseLookup, who: Principal = Depends(auth)) -> CaseStatusList:
        """By case number, receipt number, or the owner's ID number (in the body, not the URL)."""
        stmt = select(CaseRecord)
        if query.case_no:
            stmt = stmt.where(CaseRecord.case_no == query.case_no)
        elif query.receipt_no:
            stmt = stmt.where(CaseRecord.receipt_no == query.receipt_no)
        else:
            # The owner is the applicant or the agent who applied on the applicant's behalf.
            digest = id_hash(query.id_number or "")
            stmt = stmt.where(
                or_(CaseRecord.id_number_hash == digest, CaseRecord.agent_id_number_hash == digest)
            )
        with db.session() as s:
            rows = s.exec(stmt.order_by(col(CaseRecord.updated_at).desc()).limit(50)).all()
            return CaseStatusList(cases=[to_status(r) for r in rows])

    @router.post("/status", response_model=CaseStatusList)
    def status(query: CaseStatusQuery, who: Principal = Depends(auth)) -> CaseStatusList:
        """Current status of the listed cases (the terminal's open ones); unknown ones omitted."""
        with db.session() as s:
            rows = s.exec(select(CaseRecord).where(col(CaseRecord.case_no).in_(query.case_nos)))
            return CaseStatusList(cases=[to_status(r) for r in rows])

    return router

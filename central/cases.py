"""Cases (办件) and their status: created from submissions, looked up by terminals.

Lookup works by case number, by receipt number, or by ID number for the owner (the terminal
sends the ID number read from the citizen's card; central compares its keyed hash).
"""

from __future__ import annotations

import json
import logging
import zlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends
from sqlmodel import Session, col, or_, select

from central.auth import AUTH_RESPONSES, Principal
from central.counters import next_value
from central.db import CaseRecord, CaseSupplementRow, CentralMeta, Database, IntakeItem, as_utc
from central.idempotency import Rejected
from kiosk.contract import (
    API_PREFIX,
    CaseLookup,
    CaseState,
    CaseStatus,
    CaseStatusList,
    CaseStatusQuery,
    CaseSupplement,
    DepartmentProgress,
    StaffCaseUpdate,
    Submission,
    keyed_id_hash,
)

log = logging.getLogger(__name__)

# central_meta: how case owners' ID numbers are hashed (absent: bare SHA-256, older versions).
META_OWNER_HASH = "case_owner_hash"
OWNER_HASH_KEYED = "hmac-sha256"


# A day's case numbers come from this many counters, a terminal always drawing on the same
# one: a counter's row is locked from its increment to the end of the submission's
# transaction, so with one counter every submission of a province waited for the one before
# (on PostgreSQL; SQLite runs one transaction at a time anyway).
CASE_STRIPES = 16


def next_case_no(s: Session, terminal_id: str, day: str) -> str:
    """``ZW<yyyymmdd><7 digits>``: unique, from the terminal's stripe of the day's counters.

    Stripe ``k``'s n-th number is ``(n - 1) * CASE_STRIPES + k + 1``, so stripes never meet;
    numbers rise per terminal but not across a hall, and leave gaps. Seven digits, where
    versions with one counter wrote six: a number of theirs is never taken again, even
    while both run during an upgrade.
    """
    stripe = zlib.crc32(terminal_id.encode()) % CASE_STRIPES
    drawn = next_value(s, f"case:{day}:{stripe:02d}")
    return f"ZW{day}{(drawn - 1) * CASE_STRIPES + stripe + 1:07d}"


def create_case(s: Session, terminal_id: str, sub: Submission, id_hash_key: bytes) -> CaseRecord:
    """A new case for an accepted submission, numbered by :func:`next_case_no`.

    The owners' ID numbers are indexed only as :func:`kiosk.contract.keyed_id_hash` under
    the deployment's key, the hash every terminal of the deployment computes too.
    """
    day = datetime.now(UTC).strftime("%Y%m%d")
    case_no = next_case_no(s, terminal_id, day)
    case = CaseRecord(
        case_no=case_no,
        terminal_id=terminal_id,
        receipt_no=sub.receipt_no,
        service_code=sub.service_code,
        state=CaseState.RECEIVED.value,
        promised_date=sub.promised_date.isoformat() if sub.promised_date else None,
    )
    index_owners(case, sub, id_hash_key)
    s.add(case)
    return case


def index_owners(case: CaseRecord, sub: Submission, id_hash_key: bytes) -> None:
    """Set the case's applicant and agent hashes from the submission."""
    applicant = sub.applicant.id_number
    agent = sub.agent.id_number if sub.agent else None
    case.id_number_hash = keyed_id_hash(id_hash_key, applicant) if applicant else None
    case.agent_id_number_hash = keyed_id_hash(id_hash_key, agent) if agent else None


def rehash_case_owners(db: Database, id_hash_key: bytes) -> int:
    """Once per database: replace the bare SHA-256 owner hashes of older versions.

    A bare hash cannot be turned into a keyed one, but the case's submission is in the
    intake ledger with the ID numbers: each case is hashed again from it. A case without a
    ledger item (made some other way) loses its owner hashes; it is still found by case and
    receipt number. Returns how many cases were hashed again.
    """
    done = 0
    with db.session() as s:
        if db.get_meta(s, META_OWNER_HASH) == OWNER_HASH_KEYED:
            return 0
        ledger = {
            item.reference: item
            for item in s.exec(select(IntakeItem).where(IntakeItem.kind == "submission"))
        }
        for case in s.exec(select(CaseRecord)):
            item = ledger.get(case.case_no)
            if item is None:
                case.id_number_hash = case.agent_id_number_hash = None
            else:
                sub = Submission.model_validate_json(db.open_body(item))
                index_owners(case, sub, id_hash_key)
                done += 1
            s.add(case)
        s.add(CentralMeta(key=META_OWNER_HASH, value=OWNER_HASH_KEYED))
    if done:
        log.info("hashed the owners of %d case(s) again with the deployment's key", done)
    return done


def supplement_of(s: Session, case: CaseRecord) -> list[str]:
    """The materials staff asked for while the case is in 待补正 (else none)."""
    if case.state != CaseState.SUPPLEMENT_NEEDED.value:
        return []
    row = s.get(CaseSupplementRow, case.case_no)
    return list(json.loads(row.materials)) if row is not None else []


def request_supplement(
    s: Session, case: CaseRecord, materials: list[str], note: str = ""
) -> CaseRecord:
    """Put ``case`` into 待补正 (``supplement_needed``) naming what is still needed."""
    row = s.get(CaseSupplementRow, case.case_no) or CaseSupplementRow(case_no=case.case_no)
    row.materials = json.dumps(materials, ensure_ascii=False)
    row.note = note
    row.requested_at = datetime.now(UTC)
    s.add(row)
    return apply_update(case, StaffCaseUpdate(state=CaseState.SUPPLEMENT_NEEDED, note=note))


def take_supplement(s: Session, item: CaseSupplement, now: datetime | None = None) -> CaseRecord:
    """Accept the 补正 ``item`` for its case: the case must be in 待补正 and the item must
    name exactly the materials staff asked for (each by the staff's words, once).

    The case goes back to ``accepted`` for staff to continue. The days it spent waiting for
    the citizen are not counted against the promised date (补正期间不计入承诺时限): the
    promised date moves on by as many days. Raises :class:`Rejected` (stored and replayed
    like any answer) when the case is unknown (404), not in 待补正 (422;
    e.g. staff moved it on, or another terminal's 补正 came first), or the materials differ
    (422).
    """
    moment = now or datetime.now(UTC)
    case = s.get(CaseRecord, item.case_no)
    if case is None or (item.receipt_no and item.receipt_no != case.receipt_no):
        raise Rejected(404, "no such case")
    if case.state != CaseState.SUPPLEMENT_NEEDED.value:
        raise Rejected(422, "the case is not awaiting a supplement")
    asked = supplement_of(s, case)
    named = [a.name for a in item.attachments]
    if sorted(named) != sorted(set(named)) or set(named) != set(asked):
        raise Rejected(422, "materials differ from those asked for")
    row = s.get(CaseSupplementRow, case.case_no)
    waited = (moment.date() - as_utc(row.requested_at).date()).days if row is not None else 0
    if case.promised_date and waited > 0:
        later = date.fromisoformat(case.promised_date) + timedelta(days=waited)
        case.promised_date = later.isoformat()
    return apply_update(case, StaffCaseUpdate(state=CaseState.ACCEPTED, note="已补正"))


def to_status(case: CaseRecord, missing: list[str] | None = None) -> CaseStatus:
    """The wire form of a case (``missing``: the materials of a case in 待补正)."""
    return CaseStatus(
        case_no=case.case_no,
        receipt_no=case.receipt_no,
        service_code=case.service_code,
        state=CaseState(case.state),
        promised_date=date.fromisoformat(case.promised_date) if case.promised_date else None,
        departments=[DepartmentProgress.model_validate(d) for d in json.loads(case.departments)],
        version=case.version,
        updated_at=as_utc(case.updated_at),
        missing_materials=missing or [],
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


def build_router(db: Database, auth: Any, id_hash_key: bytes) -> APIRouter:
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
            digest = keyed_id_hash(id_hash_key, query.id_number or "")
            stmt = stmt.where(
                or_(CaseRecord.id_number_hash == digest, CaseRecord.agent_id_number_hash == digest)
            )
        with db.session() as s:
            rows = s.exec(stmt.order_by(col(CaseRecord.updated_at).desc()).limit(50)).all()
            return CaseStatusList(cases=[to_status(r, supplement_of(s, r)) for r in rows])

    @router.post("/status", response_model=CaseStatusList)
    def status(query: CaseStatusQuery, who: Principal = Depends(auth)) -> CaseStatusList:
        """Current status of the listed cases (the terminal's open ones); unknown ones omitted."""
        with db.session() as s:
            rows = s.exec(select(CaseRecord).where(col(CaseRecord.case_no).in_(query.case_nos)))
            return CaseStatusList(cases=[to_status(r, supplement_of(s, r)) for r in rows])

    return router

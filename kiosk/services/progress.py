"""Progress of cases (办件进度): by card, by a typed receipt number, or by the receipt's QR code.

Central answers when reachable; the answer is stored in ``case_status`` so that offline the
terminal shows the last known status and when it was fetched. Owner rule: the full case
(department notes included) only to the card of its applicant or agent; a receipt number
alone shows the status and steps without anything personal.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import parse_qs, urlparse

from sqlalchemy import text
from sqlmodel import col, select

from kiosk.catalog.calendar import work_calendar
from kiosk.contract import FINAL_CASE_STATES, CaseLookup, CaseState, CaseStatus
from kiosk.contract.calendar import WorkCalendar
from kiosk.domain.identity import Identity
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.store import Store
from kiosk.store.models import CaseStatusRow
from kiosk.sync.client import CentralError
from kiosk.sync.idkey import IdHasher
from kiosk.sync.outbox import iso, parse_iso, utcnow
from kiosk.sync.runner import store_case_status

log = logging.getLogger(__name__)

RECEIPT_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{3,39}$")
# The last digits of a receipt number, typed instead of all of it by the card holder.
TAIL_PATTERN = re.compile(r"^\d{4,8}$")
QR_KEYS = ("no", "receipt_no", "receipt", "r")


@dataclass(frozen=True)
class DepartmentView:
    """One department's part of a case handled in parallel (并联办理)."""

    department: str
    state: str
    step: str
    note: str  # empty unless the viewer is the owner
    updated_at: datetime


@dataclass(frozen=True)
class CaseView:
    """One case as the progress screen shows it.

    ``state`` is a :class:`~kiosk.contract.CaseState` value; ``overdue`` when the promised
    date has passed and the case is not final; ``parallel`` when several departments handle
    it. ``owner`` tells whether notes are included. ``fetched_at`` is when this status came
    from central (show it when ``ProgressAnswer.offline``). ``promised_estimated`` when the
    promised date lies in a year without the State Council's holiday arrangement (预计).
    """

    case_no: str
    receipt_no: str
    service_code: str
    state: str
    promised_date: date | None
    overdue: bool
    final: bool
    parallel: bool
    departments: list[DepartmentView]
    updated_at: datetime
    fetched_at: datetime
    owner: bool
    promised_estimated: bool = False
    # 待补正: what staff asked for, in their words (material names, no personal data).
    missing_materials: tuple[str, ...] = ()


@dataclass(frozen=True)
class ProgressAnswer:
    """The cases found; ``offline`` when central could not be asked (last known status)."""

    cases: list[CaseView]
    offline: bool


def receipt_from_scan(data: str) -> str:
    """The receipt number in a scanned code: the receipt's QR URL or the bare number.

    Raises :class:`ServiceError` ``not_a_receipt`` for anything else.
    """
    data = data.strip()
    if data.lower().startswith(("http://", "https://")):
        query = parse_qs(urlparse(data).query)
        for key in QR_KEYS:
            if query.get(key):
                data = query[key][0].strip()
                break
        else:
            raise ServiceError("not_a_receipt", "the code holds no receipt number")
    if not RECEIPT_PATTERN.match(data):
        raise ServiceError("not_a_receipt", "the code is not a receipt number")
    return data


class ProgressService:
    """Look up case progress (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        *,
        central: Central | None = None,
        clock: Callable[[], datetime] = local_now,
        id_hasher: IdHasher | None = None,
    ) -> None:
        self.store = store
        self.central = central or Central(None)
        self.clock = clock
        # Owner hashes stay on this terminal (offline lookups); keyed all the same.
        self.id_hasher = id_hasher or IdHasher(None)

    def by_card(self, identity: Identity) -> ProgressAnswer:
        """All cases of the card holder (as applicant or agent), with full detail."""
        owner = self.id_hasher(identity.id_number)
        try:
            found = self.central.call(
                lambda c: c.lookup_cases(CaseLookup(id_number=identity.id_number))
            )
        except CentralError as exc:
            log.info("progress by card from the last known status (%s)", exc.reason)
            return ProgressAnswer(self._stored(owner_hash=owner), offline=True)
        self._remember(found, owner)
        return ProgressAnswer(self._stored(case_nos=[c.case_no for c in found]), offline=False)

    def by_receipt(self, receipt_no: str, identity: Identity | None = None) -> ProgressAnswer:
        """The case of a receipt number; notes only when ``identity`` owns it.

        With a card, the last 4–8 digits of the number are enough: they pick among the
        holder's own cases (``card_required`` without one).
        Raises :class:`ServiceError` ``not_a_receipt`` (malformed) or ``not_found``.
        """
        receipt_no = "".join(receipt_no.split()).upper()
        if TAIL_PATTERN.match(receipt_no):
            return self._by_tail(receipt_no, identity)
        if not RECEIPT_PATTERN.match(receipt_no):
            raise ServiceError("not_a_receipt", "the receipt number is malformed")
        offline = False
        try:
            found = self.central.call(lambda c: c.lookup_cases(CaseLookup(receipt_no=receipt_no)))
            self._remember(found, None)
        except CentralError as exc:
            log.info("progress by receipt from the last known status (%s)", exc.reason)
            offline = True
        owned = self._owned_by(identity, offline) if identity is not None else set()
        cases = self._stored(receipt_no=receipt_no, owned=owned)
        if not cases:
            raise ServiceError("not_found", "no case with this receipt number", offline=offline)
        return ProgressAnswer(cases, offline=offline)

    def _by_tail(self, digits: str, identity: Identity | None) -> ProgressAnswer:
        if identity is None:
            raise ServiceError("card_required", "the last digits need the holder's card")
        mine = self.by_card(identity)
        cases = [
            case
            for case in mine.cases
            if "".join(filter(str.isdigit, case.receipt_no)).endswith(digits)
        ]
        if not cases:
            raise ServiceError(
                "not_found", "none of the holder's cases ends so", offline=mine.offline
            )
        return ProgressAnswer(cases, offline=mine.offline)

    def by_scan(self, data: str, identity: Identity | None = None) -> ProgressAnswer:
        """The case of a scanned receipt QR code (see :func:`receipt_from_scan`)."""
        return self.by_receipt(receipt_from_scan(data), identity)

    # -- store --------------------------------------------------------------------------------

    def _owned_by(self, identity: Identity, offline: bool) -> set[str]:
        owner = self.id_hasher(identity.id_number)
        if not offline:
            try:
                found = self.central.call(
                    lambda c: c.lookup_cases(CaseLookup(id_number=identity.id_number))
                )
                self._remember(found, owner)
            except CentralError:
                pass
        with self.store.session() as s:
            rows = s.exec(select(CaseStatusRow.case_no).where(CaseStatusRow.owner_hash == owner))
            return set(rows)

    def _remember(self, found: list[CaseStatus], owner: str | None) -> None:
        now = utcnow()
        store_case_status(self.store, found, now)
        with self.store.session(write=True) as s:
            for case in found:
                # Same version means store_case_status kept the row: still mark it fetched now.
                s.execute(
                    text(
                        "UPDATE case_status SET fetched_at=:now, "
                        "owner_hash=COALESCE(:owner, owner_hash) WHERE case_no=:no"
                    ),
                    {"now": iso(now), "owner": owner, "no": case.case_no},
                )

    def _stored(
        self,
        *,
        case_nos: list[str] | None = None,
        owner_hash: str | None = None,
        receipt_no: str | None = None,
        owned: set[str] | None = None,
    ) -> list[CaseView]:
        query = select(CaseStatusRow)
        if case_nos is not None:
            query = query.where(col(CaseStatusRow.case_no).in_(case_nos))
        if owner_hash is not None:
            query = query.where(CaseStatusRow.owner_hash == owner_hash)
        if receipt_no is not None:
            query = query.where(CaseStatusRow.receipt_no == receipt_no)
        with self.store.session() as s:
            rows = list(s.exec(query.order_by(col(CaseStatusRow.updated_at).desc())))
        full = receipt_no is None  # by card: every case found is the holder's own
        calendar = work_calendar(self.store)
        return [self._view(r, full or r.case_no in (owned or set()), calendar) for r in rows]

    def _view(self, row: CaseStatusRow, owner: bool, calendar: WorkCalendar) -> CaseView:
        status = CaseStatus.model_validate_json(row.payload)
        today = self.clock().date()
        final = status.state in FINAL_CASE_STATES
        promised = status.promised_date
        return CaseView(
            promised_estimated=bool(promised and not final and not calendar.day(promised).official),
            case_no=status.case_no,
            receipt_no=status.receipt_no,
            service_code=status.service_code,
            state=CaseState(status.state).value,
            promised_date=status.promised_date,
            overdue=bool(status.promised_date and status.promised_date < today and not final),
            final=final,
            parallel=len(status.departments) > 1,
            departments=[
                DepartmentView(
                    department=d.department,
                    state=d.state.value,
                    step=d.step,
                    note=d.note if owner else "",
                    updated_at=d.updated_at,
                )
                for d in status.departments
            ],
            updated_at=status.updated_at,
            fetched_at=parse_iso(row.fetched_at),
            owner=owner,
            missing_materials=tuple(status.missing_materials),
        )

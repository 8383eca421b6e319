"""Complaints and reports (投诉举报): filed at the terminal, tracked by number.

A complaint names a category and optionally the service, window and staff number it is
against. It may be anonymous: then no card is needed and nothing personal is kept — no
identity, no phone, no ID hash, in no table (the outbox item carries no complainant).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.contract import Applicant, Complaint
from kiosk.domain.identity import Identity
from kiosk.printing.layouts import AcknowledgementData, acknowledgement
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.services.consult import check_phone
from kiosk.services.followups import Filed, FollowUps, FollowUpView, check_text, new_tracking_no
from kiosk.store import Store
from kiosk.sync.outbox import enqueue


@dataclass(frozen=True)
class ComplaintCategory:
    """A category the screen offers (code sent to central, name printed)."""

    code: str
    name: str


CATEGORIES: tuple[ComplaintCategory, ...] = (
    ComplaintCategory("attitude", "服务态度"),
    ComplaintCategory("efficiency", "办事效率"),
    ComplaintCategory("extra_materials", "要求额外材料"),
    ComplaintCategory("fees", "违规收费"),
    ComplaintCategory("integrity", "廉政问题"),
    ComplaintCategory("facilities", "设施环境"),
    ComplaintCategory("other", "其他"),
)


class ComplaintService:
    """File complaints and look them up (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        *,
        hall_id: str,
        hall_name: str,
        terminal_id: str,
        central: Central | None = None,
        printing: PrintWorker | None = None,
        notify_sync: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.store = store
        self.hall_id = hall_id
        self.hall_name = hall_name
        self.terminal_id = terminal_id
        self.notify_sync = notify_sync or (lambda: None)
        self.clock = clock
        self.followups = FollowUps(store, central or Central(None), printing, clock)

    def categories(self) -> list[ComplaintCategory]:
        """The categories in display order."""
        return list(CATEGORIES)

    def file(
        self,
        category: str,
        text: str,
        *,
        anonymous: bool,
        identity: Identity | None = None,
        phone: str = "",
        against_service: str | None = None,
        against_window: str | None = None,
        against_staff: str | None = None,
    ) -> Filed:
        """File a complaint; returns its tracking number and the slip's print job.

        Raises :class:`ServiceError`: ``unknown_category``, ``text_empty``,
        ``text_too_long``, ``card_required`` (named complaint without a card), ``bad_phone``.
        """
        chosen = next((c for c in CATEGORIES if c.code == category), None)
        if chosen is None:
            raise ServiceError("unknown_category", f"no complaint category {category!r}")
        body = check_text(text)
        complainant: Applicant | None = None
        if not anonymous:
            if identity is None:
                raise ServiceError("card_required", "a named complaint needs a card")
            complainant = Applicant(
                name=identity.name or identity.name_en,
                id_number=identity.id_number,
                phone=check_phone(phone) if phone.strip() else None,
            )
        # Anonymous: the identity and phone are not even looked at from here on.
        now = self.clock()
        with self.store.session(write=True) as s:
            tracking = new_tracking_no(s, "complaint", self.terminal_id, now)
            self.followups.add(s, tracking, "complaint", chosen.code)
            item = Complaint(
                complaint_id=uuid.uuid4().hex,
                hall_id=self.hall_id,
                category=chosen.code,
                text=body,
                complainant=complainant,
                anonymous=anonymous,
                filed_at=now,
                tracking_no=tracking,
                against_service=against_service,
                against_window=against_window,
                against_staff=against_staff,
            )
            enqueue(s, "complaint", item, f"complaint-{tracking}")
        self.notify_sync()
        slip = acknowledgement(
            AcknowledgementData(
                kind="complaint",
                hall_name=self.hall_name,
                tracking_no=tracking,
                created_at=now,
                detail=chosen.name,
                message="我们将在 5 个工作日内处理，可凭编号在自助终端查询处理进度。",
            )
        )
        return Filed(tracking, self.followups.print_slip(slip))

    def status(self, tracking_no: str) -> FollowUpView:
        """Where the complaint stands (``not_found`` when unknown)."""
        return self.followups.status(tracking_no, "complaint")

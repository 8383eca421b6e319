"""Complaints and reports (投诉): filed at the terminal, tracked by number.

A complaint names a category and optionally the service, window and staff number it is
against. It may be anonymous: then no card is needed and nothing personal is kept — no
identity, no phone, no ID hash, in no table (the outbox item carries no complainant).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from kiosk.contract import Applicant, Complaint
from kiosk.domain.identity import Identity
from kiosk.services.common import ServiceError
from kiosk.services.consult import check_phone
from kiosk.services.followups import Filed, FollowUpDesk, FollowUpView, check_text


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


class ComplaintService(FollowUpDesk):
    """File complaints and look them up (call from a worker thread)."""

    kind = "complaint"

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
        """File a complaint; returns its tracking number and the slip's printing.

        Raises :class:`ServiceError`: ``unknown_category``, ``text_empty``,
        ``text_too_long``, ``card_required`` (named complaint without a card), ``invalid_phone``.
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

        def build(tracking: str, now: datetime) -> Complaint:
            return Complaint(
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

        # What the slip says it is about: counts and places, never the complaint's own words.
        about = [f"投诉内容 {len(body)} 字"]
        if against_window:
            about.append(f"涉及窗口 {against_window}")
        return self._file(
            chosen.code,
            build,
            detail=chosen.name,
            message="我们将在 5 个工作日内处理，可凭编号在自助终端查询处理进度。",
            summary="；".join(about),
        )

    def status(self, tracking_no: str) -> FollowUpView:
        """Where the complaint stands (``not_found`` when unknown)."""
        return self._status(tracking_no)

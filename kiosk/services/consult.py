"""Consultation (咨询): the guide's FAQ and phone, and questions left for an answer later.

A question (topic, text, phone for the answer) is written with its outbox item in one
transaction and gets a tracking number on a slip; the answer is looked up by that number.
The phone travels sealed in the outbox and is never in the ``followup`` table.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.contract import Applicant, ConsultationQuestion
from kiosk.domain.catalog import ServiceItem
from kiosk.domain.identity import Identity
from kiosk.printing.layouts import AcknowledgementData, acknowledgement
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.services.followups import Filed, FollowUps, FollowUpView, check_text, new_tracking_no
from kiosk.store import Store
from kiosk.sync.outbox import enqueue

PHONE = re.compile(r"^\+?[0-9][0-9 -]{4,19}$")


@dataclass(frozen=True)
class FaqItem:
    """One question and answer of a guide."""

    question: str
    answer: str


@dataclass(frozen=True)
class ConsultInfo:
    """What the consultation screen shows for one service."""

    service_code: str
    service_name: str
    phone: str
    place: str
    hours: str
    complaint_phone: str
    faq: list[FaqItem]


def check_phone(phone: str) -> str:
    """A phone number as typed (digits, spaces, dashes, leading +); ``bad_phone`` otherwise."""
    phone = phone.strip()
    if not PHONE.match(phone):
        raise ServiceError("bad_phone", "the phone number is not valid")
    return phone


class ConsultService:
    """FAQ from the catalog; questions left for the department (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        service_lookup: Callable[[str], ServiceItem],
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
        self.service_lookup = service_lookup
        self.hall_id = hall_id
        self.hall_name = hall_name
        self.terminal_id = terminal_id
        self.notify_sync = notify_sync or (lambda: None)
        self.clock = clock
        self.followups = FollowUps(store, central or Central(None), printing, clock)

    def info(self, service_code: str) -> ConsultInfo:
        """The guide's consultation phone, place, hours and FAQ (``CatalogNotFound`` if none)."""
        item = self.service_lookup(service_code)
        guide = item.guide
        return ConsultInfo(
            service_code=item.code,
            service_name=item.name,
            phone=guide.consultation.phone,
            place=guide.consultation.place,
            hours=guide.consultation.hours,
            complaint_phone=guide.complaint_phone,
            faq=[FaqItem(f.question, f.answer) for f in guide.faq],
        )

    def ask(
        self,
        topic: str,
        text: str,
        phone: str,
        *,
        service_code: str | None = None,
        identity: Identity | None = None,
    ) -> Filed:
        """Leave a question; returns its tracking number and the slip's print job.

        Raises :class:`ServiceError` ``text_empty``, ``text_too_long`` or ``bad_phone``.
        """
        body = check_text(text)
        phone = check_phone(phone)
        now = self.clock()
        with self.store.session(write=True) as s:
            tracking = new_tracking_no(s, "consultation", self.terminal_id, now)
            self.followups.add(s, tracking, "consultation", topic.strip()[:60])
            asker = (
                Applicant(name=identity.name or identity.name_en, id_number=identity.id_number)
                if identity is not None
                else None
            )
            question = ConsultationQuestion(
                question_id=uuid.uuid4().hex,
                hall_id=self.hall_id,
                service_code=service_code,
                text=body,
                asker=asker,
                asked_at=now,
                tracking_no=tracking,
                topic=topic.strip()[:60],
                phone=phone,
            )
            enqueue(s, "consultation", question, f"consultation-{tracking}")
        self.notify_sync()
        slip = acknowledgement(
            AcknowledgementData(
                kind="consultation",
                hall_name=self.hall_name,
                tracking_no=tracking,
                created_at=now,
                detail=topic.strip()[:60] or "-",
                message="答复将以短信或电话告知，也可凭编号在自助终端查询答复。",
            )
        )
        return Filed(tracking, self.followups.print_slip(slip))

    def answer(self, tracking_no: str) -> FollowUpView:
        """The question's state and answer (``not_found`` when unknown)."""
        return self.followups.status(tracking_no, "consultation")

"""Consultation (咨询): the guide's FAQ and phone, and questions left for an answer later.

A question (topic, text, phone for the answer) is written with its outbox item in one
transaction and gets a tracking number on a slip; the answer is looked up by that number.
The phone travels sealed in the outbox and is never in the ``followup`` table.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Unpack

from kiosk.contract import Applicant, ConsultationQuestion
from kiosk.domain.catalog import ServiceItem
from kiosk.domain.identity import Identity
from kiosk.forms import is_valid_phone
from kiosk.services.common import ServiceError
from kiosk.services.followups import DeskWiring, Filed, FollowUpDesk, FollowUpView, check_text
from kiosk.store import Store

# A suggestion's kind and the topic it travels under (never personal: a fixed text).
SUGGESTION_TOPICS = {"simplify": "我有建议：简化办事", "proof": "我有建议：取消不必要的证明"}
SUGGESTION_ABOUT = "涉及事项："


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
    """A phone number as typed, by the terminal's one phone rule
    (:func:`kiosk.forms.is_valid_phone`); ``invalid_phone`` otherwise."""
    phone = phone.strip()
    if not is_valid_phone(phone):
        raise ServiceError("invalid_phone", "the phone number is not valid")
    return phone


def last_digits(phone: str, n: int = 4) -> str:
    """The last ``n`` digits of a phone number (what a slip may show of it)."""
    return "".join(ch for ch in phone if ch.isdigit())[-n:]


class ConsultService(FollowUpDesk):
    """FAQ from the catalog; questions left for the department (call from a worker thread)."""

    kind = "consultation"

    def __init__(
        self,
        store: Store,
        service_lookup: Callable[[str], ServiceItem],
        **wiring: Unpack[DeskWiring],
    ) -> None:
        super().__init__(store, **wiring)
        self.service_lookup = service_lookup

    def info(self, service_code: str) -> ConsultInfo:
        """The guide's consultation phone, place, hours and FAQ (``CatalogNotFound`` if none)."""
        item = self.service_lookup(service_code)
        guide = item.guide
        return ConsultInfo(
            service_code=item.code,
            service_name=item.name,
            phone=guide.consultation.phone,
            place=guide.consultation.place,
            hours=guide.consultation.hours or "",
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
        """Leave a question; returns its tracking number and the slip's printing.

        Raises :class:`ServiceError` ``text_empty``, ``text_too_long`` or ``invalid_phone``.
        """
        body = check_text(text)
        phone = check_phone(phone)
        topic = topic.strip()[:60]
        asker = (
            Applicant(name=identity.name or identity.name_en, id_number=identity.id_number)
            if identity is not None
            else None
        )

        def build(tracking: str, now: datetime) -> ConsultationQuestion:
            return ConsultationQuestion(
                question_id=uuid.uuid4().hex,
                hall_id=self.hall_id,
                service_code=service_code,
                text=body,
                asker=asker,
                asked_at=now,
                tracking_no=tracking,
                topic=topic,
                phone=phone,
            )

        return self._file(
            topic,
            build,
            detail=topic,
            message="答复将以短信或电话告知，也可凭编号在自助终端查询答复。",
            summary=f"留言 {len(body)} 字；答复发送至尾号 {last_digits(phone)} 的电话",
        )

    def suggest(
        self, kind: str, about: str, text: str, phone: str = "", *, service_code: str | None = None
    ) -> Filed:
        """Leave a suggestion (我有建议, 群众点菜): ``kind`` ``simplify`` (a service to make
        simpler) or ``proof`` (a needless proof); ``about`` is the service or what the citizen
        was looking for. The phone is optional (an answer is then looked up by number only).
        It travels like a question, with ``category`` "suggestion"; ``about`` and the text
        travel sealed, the topic says only the kind.

        Raises :class:`ServiceError` ``text_empty``, ``text_too_long``, ``invalid_phone`` or
        ``invalid_kind``.
        """
        if kind not in SUGGESTION_TOPICS:
            raise ServiceError("invalid_kind", f"unknown suggestion kind {kind!r}")
        about = about.strip()[:100]
        body = check_text(text)
        body = check_text(f"{SUGGESTION_ABOUT}{about}\n{body}" if about else body)
        phone = check_phone(phone) if phone.strip() else ""
        topic = SUGGESTION_TOPICS[kind]

        def build(tracking: str, now: datetime) -> ConsultationQuestion:
            return ConsultationQuestion(
                question_id=uuid.uuid4().hex,
                hall_id=self.hall_id,
                service_code=service_code,
                text=body,
                asked_at=now,
                tracking_no=tracking,
                topic=topic,
                phone=phone or None,
                category="suggestion",
            )

        summary = f"建议 {len(body)} 字"
        if phone:
            summary += f"；答复发送至尾号 {last_digits(phone)} 的电话"
        return self._file(
            topic,
            build,
            detail=topic,
            message="感谢您的建议。处理结果可凭编号在自助终端查询。",
            summary=summary,
        )

    def answer(self, tracking_no: str) -> FollowUpView:
        """The question's state and answer (``not_found`` when unknown)."""
        return self._status(tracking_no)

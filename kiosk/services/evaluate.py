"""Rate the service (好差评): five levels, four on-site criteria, sent through the outbox.

One rating per visit: the outbox idempotency key is ``eval-<visit_id>``, so a second rating
of the same visit is refused (``already_rated``) instead of counted twice. Skipping writes
nothing. The two lowest levels need at least one reason.

A rating of 不满意 or 非常不满意 opens a 整改 (rectification) at central
(:mod:`central.plans`). The terminal numbers it (``ZG…``, like a complaint's number) in the
same transaction as the outbox item, then hands the item to central at once under the same
idempotency key (the outbox's later send is answered with the same acknowledgement). Only when
central acknowledged that number does the screen and the slip promise the visit back within
:data:`RECTIFICATION_WORKING_DAYS` working days, with the deadline central's plan computed;
otherwise they say the number can be looked up once the rating has reached central. By the
number the citizen later sees the 整改 (owner, deadline, action, result) and may appeal once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import IntEnum

from sqlalchemy.exc import IntegrityError

from drivers.errors import ReasonError
from kiosk.contract import BatchItem, Evaluation, IntakeKind, parse_intake
from kiosk.printing.followup_slips import AcknowledgementData, acknowledgement
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError
from kiosk.services.followups import HOTLINE, FollowUps, FollowUpView, new_tracking_no
from kiosk.store import Store
from kiosk.store.models import FollowUpRow, OutboxRow
from kiosk.sync.client import CentralError, PermanentError
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import enqueue, iso, utcnow

log = logging.getLogger(__name__)

CRITERIA = ("overall", "efficiency", "service_level", "attitude")
# 国办发〔2019〕51号: a bad rating is verified, fixed and answered within 15 working days.
RECTIFICATION_WORKING_DAYS = 15
LEVEL_NAMES = {5: "非常满意", 4: "满意", 3: "基本满意", 2: "不满意", 1: "非常不满意"}
APPEAL_REASONS = ("not_fixed", "no_contact", "disagree")
PROMISE = "我们将在{days}个工作日内回访整改（{deadline}前）。"


class Level(IntEnum):
    """非常满意 (5) … 非常不满意 (1)."""

    VERY_SATISFIED = 5
    SATISFIED = 4
    BASIC = 3
    DISSATISFIED = 2
    VERY_DISSATISFIED = 1


class EvaluationError(ReasonError, ValueError):
    """A rating that cannot be taken; ``reason``: ``invalid_level``, ``unknown_criterion``,
    ``reason_required``, ``comment_too_long``, ``already_rated``."""


@dataclass(frozen=True)
class Rating:
    """What the rating page collected; ``criteria`` maps each of :data:`CRITERIA` to 1..5."""

    level: int
    criteria: dict[str, int] = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    comment: str = ""


def check(rating: Rating) -> None:
    """Raise :class:`EvaluationError` for a rating the page should not have let through."""
    if rating.level not in tuple(Level):
        raise EvaluationError("invalid_level", "level must be 1..5")
    for name, value in rating.criteria.items():
        if name not in CRITERIA:
            raise EvaluationError("unknown_criterion", f"unknown criterion {name!r}")
        if value not in tuple(Level):
            raise EvaluationError("invalid_level", f"{name} must be 1..5")
    if rating.level <= Level.DISSATISFIED and not [r for r in rating.reasons if r.strip()]:
        raise EvaluationError("reason_required", "a low rating needs a reason")
    if len(rating.comment) > 1000:
        raise EvaluationError("comment_too_long", "the comment is over 1000 characters")


@dataclass(frozen=True)
class Rated:
    """A rating queued. For a bad one: its 整改 number, whether central acknowledged it
    (``confirmed``; only then is there a ``deadline`` and a promise), and the slip."""

    key: str
    tracking_no: str | None = None
    confirmed: bool = False
    deadline: date | None = None
    slip: PrintFuture | None = None


def _chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def next_step(deadline: date | None) -> str:
    """What a 整改 slip says happens next: the promise only for one central recorded."""
    if deadline is not None:
        return (
            PROMISE.format(days=RECTIFICATION_WORKING_DAYS, deadline=_chinese_date(deadline))
            + "可凭此编号在自助终端“评价”页查询整改结果；对结果不满意可申诉一次。"
        )
    return (
        "网络暂时中断，您的评价已保存在本终端，联网后送达并登记整改。"
        "登记后可凭此编号在自助终端“评价”页查询整改进度和回访时间。"
    )


class EvaluationService:
    """Queues ratings of one hall's visits for central; a bad one opens its 整改."""

    def __init__(
        self,
        store: Store,
        hall_id: str,
        *,
        cipher: FieldCipher | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        central: Central | None = None,
        printing: PrintWorker | None = None,
        terminal_id: str = "T01",
        hall_name: str = "",
    ) -> None:
        self.store = store
        self.hall_id = hall_id
        self.cipher = cipher
        self.clock = clock
        self.central = central or Central(None)
        self.terminal_id = terminal_id
        self.hall_name = hall_name
        self.followups = FollowUps(store, self.central, printing, clock)

    def rate(self, visit_id: str, rating: Rating, receipt_no: str | None = None) -> Rated:
        """Queue the rating of ``visit_id``; a bad one gets its 整改 number, is handed to
        central at once, and its acknowledgement slip printed."""
        check(rating)
        now = self.clock()
        bad = rating.level <= Level.DISSATISFIED
        key = f"eval-{visit_id}"
        try:
            with self.store.session(write=True) as s:
                tracking = (
                    new_tracking_no(s, "rectification", self.terminal_id, now.astimezone())
                    if bad
                    else None
                )
                body = Evaluation(
                    visit_id=visit_id,
                    hall_id=self.hall_id,
                    level=rating.level,
                    reasons=[r.strip() for r in rating.reasons if r.strip()],
                    criteria=dict(rating.criteria),
                    comment=rating.comment.strip(),
                    receipt_no=receipt_no,
                    rated_at=now,
                    tracking_no=tracking,
                )
                enqueue(s, "evaluation", body, key=key, cipher=self.cipher)
                if tracking is not None:
                    self.followups.add(s, tracking, "rectification", LEVEL_NAMES[rating.level])
        except IntegrityError:
            raise EvaluationError("already_rated", "this visit was already rated") from None
        if tracking is None:
            return Rated(key)
        deadline = self._hand_over(key, body, tracking)
        slip = self.followups.print_slip(
            acknowledgement(
                AcknowledgementData(
                    kind="evaluation",
                    hall_name=self.hall_name,
                    tracking_no=tracking,
                    created_at=now.astimezone(),
                    detail=LEVEL_NAMES[rating.level],
                    message=next_step(deadline),
                    hotline=HOTLINE,
                )
            )
        )
        return Rated(key, tracking, deadline is not None, deadline, slip)

    def _hand_over(self, key: str, body: Evaluation, tracking: str) -> date | None:
        """Send the rating now; central's plan deadline once it acknowledged ``tracking``
        (None: not recorded yet, the outbox delivers it later)."""
        if not self.central.configured:
            return None
        try:
            wire = parse_intake("evaluation", body.model_dump(mode="json"))
            item = BatchItem(key=key, kind=IntakeKind.EVALUATION, body=wire.model_dump(mode="json"))
        except ValueError as exc:  # the outbox reports it to staff as a dead item
            log.warning("rating cannot be handed over now: %s", type(exc).__name__)
            return None
        try:
            reply = self.central.call(lambda c: c.send_batch([item]))
            result = next((r for r in reply.results if r.key == key), None)
            if result is None or result.ack is None or result.ack.tracking_no != tracking:
                log.warning("rating not acknowledged with its 整改 number: the outbox retries")
                return None
            self._mark_sent(key)
            status = self.central.call(lambda c: c.followup(tracking))
        except CentralError as exc:
            log.info("整改 not confirmed now (%s): the outbox delivers the rating", exc.reason)
            return None
        with self.store.session(write=True) as s:
            row = s.get(FollowUpRow, tracking)
            if row is not None:
                row.state, row.fetched_at = status.state, iso(utcnow())
                s.add(row)
        return status.deadline

    def _mark_sent(self, key: str) -> None:
        """The outbox item central just acknowledged is not sent again (unless already
        claimed by the sync worker: its send is answered from central's idempotency record)."""
        from sqlmodel import select

        with self.store.session(write=True) as s:
            row = s.exec(select(OutboxRow).where(OutboxRow.idempotency_key == key)).first()
            if row is not None and row.state == "pending":
                row.state, row.sent_at, row.last_error, row.error_kind = (
                    "sent",
                    iso(utcnow()),
                    None,
                    None,
                )
                s.add(row)

    def rectification(self, tracking_no: str) -> FollowUpView:
        """A bad rating's 整改 by its number (state, deadline, owner, action, result)."""
        return self.followups.status(tracking_no, "rectification")

    def appeal(self, tracking_no: str, reason: str) -> FollowUpView:
        """申诉: the citizen does not accept a closed 整改 (once). Raises
        :class:`ServiceError`: ``appeal_reason_required``, ``not_found``,
        ``already_appealed``, ``not_closed``, ``not_appealable``, ``appeal_offline``."""
        if reason not in APPEAL_REASONS:
            raise ServiceError("appeal_reason_required", "no appeal reason chosen")
        number = tracking_no.strip().upper().replace(" ", "")
        try:
            self.central.call(lambda c: c.appeal(number, reason))
        except PermanentError as exc:
            if exc.status == 404:
                raise ServiceError("not_found", "central knows no such 整改") from None
            for refusal in ("already_appealed", "not_closed", "not_appealable"):
                if refusal in str(exc):
                    log.info("appeal refused: %s", refusal)
                    raise ServiceError(refusal, "central refused the appeal") from None
            raise ServiceError("appeal_failed", "central refused the appeal") from None
        except CentralError as exc:
            log.info("appeal not sent: central not reachable (%s)", exc.reason)
            raise ServiceError("appeal_offline", "central not reachable") from None
        return self.rectification(number)

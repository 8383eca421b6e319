"""Tracking numbers for complaints and questions, and their state from central.

The terminal numbers the slip it prints at once (offline too): ``TS`` (投诉), ``ZX`` (咨询) or
``ZG`` (a bad rating's 整改, :mod:`kiosk.services.evaluate`)
+ date + terminal id + a per-day sequence + four random characters, e.g.
``TS20261128T010007K3QZ``; central keeps that number. The random tail (Crockford base 32, so
``O``/``I``/``L`` typed by mistake still match) is what makes an answer private: the rest of the
number is guessable from a neighbour's slip. Unknown numbers are limited per terminal (here and
at central), so nobody can try numbers until one fits. The ``followup`` table holds only the
number, kind, topic and the answer: never who asked or complained.
"""

from __future__ import annotations

import logging
import secrets
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, Literal, TypedDict

from pydantic import BaseModel
from sqlmodel import Session

from kiosk.printing.document import Document
from kiosk.printing.followup_slips import AcknowledgementData, acknowledgement
from kiosk.printing.jobs import PrintJob
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now, next_local
from kiosk.store import Store
from kiosk.store.models import FollowUpRow
from kiosk.sync.client import CentralError
from kiosk.sync.outbox import enqueue

log = logging.getLogger(__name__)

PREFIXES = {"complaint": "TS", "consultation": "ZX", "rectification": "ZG"}
# Printed on every complaint and question slip: the national public-service hotline.
HOTLINE = "12345"
MAX_TEXT = 4000
# Crockford's base 32: no I, L, O or U, so the tail reads back unambiguously.
TAIL_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TAIL_LENGTH = 4
# Readings of letters a citizen may type for the tail's digits.
TAIL_READINGS = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Unknown numbers this terminal answers in an hour before it asks the citizen to wait
# (central has its own, per-terminal limit as well).
LOCAL_MISSES_PER_HOUR = 10


@dataclass(frozen=True)
class FollowUpView:
    """A complaint's or question's state: ``submitted`` (not yet at central), ``received``,
    ``in_progress``, ``answered``, ``closed``; ``answer`` once given. ``offline`` when
    central could not be asked (the last known state is shown, fetched at ``fetched_at``)."""

    tracking_no: str
    kind: str
    topic: str
    state: str
    answer: str
    created_at: datetime
    fetched_at: datetime | None
    offline: bool
    # The plan as central answered now (not kept offline): a 整改's deadline, owner, action,
    # result, and whether the citizen already appealed.
    deadline: date | None = None
    owner: str = ""
    action: str = ""
    result: str = ""
    appealed: bool = False


@dataclass(frozen=True)
class Filed:
    """What the screen shows after filing: the tracking number and the slip's print job."""

    tracking_no: str
    slip: PrintFuture | None  # None: the slip could not be queued (the filing stands)

    @property
    def print_job(self) -> PrintJob | None:
        """The slip's print job as queued."""
        return self.slip.job if self.slip is not None else None


def check_text(text: str) -> str:
    """The citizen's text, trimmed; ``text_empty`` / ``text_too_long`` otherwise."""
    text = text.strip()
    if not text:
        raise ServiceError("text_empty", "the text is empty")
    if len(text) > MAX_TEXT:
        raise ServiceError("text_too_long", f"the text is longer than {MAX_TEXT} characters")
    return text


def new_tracking_no(s: Session, kind: str, terminal_id: str, now: datetime) -> str:
    """The next tracking number of ``kind`` at this terminal (inside the caller's txn)."""
    day = now.strftime("%Y%m%d")
    seq = next_local(s, f"tracking:{kind}:{day}")
    tail = "".join(secrets.choice(TAIL_ALPHABET) for _ in range(TAIL_LENGTH))
    return f"{PREFIXES[kind]}{day}{terminal_id}{seq:04d}{tail}"


def normalize_tracking_no(typed: str) -> str:
    """What the citizen typed, as the number is stored: no spaces or dashes, upper case, and
    letters mistaken for digits in the random tail read as the digits they look like."""
    compact = "".join(typed.split()).replace("-", "").upper()
    head, tail = compact[:-TAIL_LENGTH], compact[-TAIL_LENGTH:]
    return head + tail.translate(TAIL_READINGS)


class FollowUps:
    """The local ``followup`` table and central's lookup, shared by consult and complaints."""

    def __init__(
        self,
        store: Store,
        central: Central,
        printing: PrintWorker | None,
        clock: Callable[[], datetime],
    ) -> None:
        self.store = store
        self.central = central
        self.printing = printing
        self.clock = clock
        self._misses: deque[datetime] = deque()  # when unknown numbers were asked for

    def _refuse_when_guessing(self) -> None:
        now = self.clock()
        while self._misses and (now - self._misses[0]).total_seconds() >= 3600:
            self._misses.popleft()
        if len(self._misses) >= LOCAL_MISSES_PER_HOUR:
            log.warning("follow-up lookups refused: too many unknown numbers this hour")
            raise ServiceError("too_many_lookups", "too many unknown numbers this hour")

    def _missed(self) -> ServiceError:
        self._misses.append(self.clock())
        return ServiceError("not_found", "unknown tracking number")

    def add(self, s: Session, tracking_no: str, kind: str, topic: str) -> None:
        """Record a new follow-up inside the caller's transaction."""
        s.add(
            FollowUpRow(
                tracking_no=tracking_no,
                kind=kind,
                topic=topic,
                created_at=self.clock().isoformat(timespec="seconds"),
            )
        )

    def print_slip(self, document: Document) -> PrintFuture | None:
        """Queue the acknowledgement slip; a printer problem does not undo the filing."""
        if self.printing is None:
            return None
        try:
            return self.printing.submit(document)
        except Exception:
            log.exception("acknowledgement slip could not be queued")
            return None

    def status(self, tracking_no: str, kind: str) -> FollowUpView:
        """State and answer of ``tracking_no``; ``not_found`` if neither side knows it."""
        tracking_no = normalize_tracking_no(tracking_no)
        self._refuse_when_guessing()
        if not tracking_no.startswith(PREFIXES[kind]):
            raise self._missed()
        offline = False
        plan: dict[str, Any] = {}
        try:
            answer = self.central.call(lambda c: c.followup(tracking_no))
            plan = {
                "deadline": answer.deadline,
                "owner": answer.owner,
                "action": answer.action,
                "result": answer.result,
                "appealed": answer.appealed,
            }
            with self.store.session(write=True) as s:
                row = s.get(FollowUpRow, tracking_no) or FollowUpRow(
                    tracking_no=tracking_no,
                    kind=kind,
                    created_at=answer.updated_at.isoformat(timespec="seconds"),
                )
                row.state, row.answer = answer.state, answer.answer
                row.fetched_at = self.clock().isoformat(timespec="seconds")
                s.add(row)
        except CentralError as exc:
            if exc.status == 429:
                log.warning("central refused follow-up lookups from this terminal for now")
                raise ServiceError("too_many_lookups", "central refused: too many misses") from exc
            # 404: central has not received it yet (still in the outbox), not an outage.
            offline = exc.status != 404
            if offline:
                log.info("follow-up from the last known state (%s)", exc.reason)
        with self.store.session() as s:
            known = s.get(FollowUpRow, tracking_no)
        if known is None or known.kind != kind:
            error = self._missed()
            error.details["offline"] = offline
            raise error
        return FollowUpView(
            tracking_no=known.tracking_no,
            kind=known.kind,
            topic=known.topic,
            state=known.state,
            answer=known.answer,
            created_at=datetime.fromisoformat(known.created_at),
            fetched_at=datetime.fromisoformat(known.fetched_at) if known.fetched_at else None,
            offline=offline,
            **plan,
        )


class DeskWiring(TypedDict, total=False):
    """The keyword arguments of :class:`FollowUpDesk` after the store (for subclasses)."""

    hall_id: str
    hall_name: str
    terminal_id: str
    central: Central | None
    printing: PrintWorker | None
    notify_sync: Callable[[], None] | None
    clock: Callable[[], datetime]


class FollowUpDesk:
    """What consultation and complaints share: the hall's identity, the ``followup`` table,
    and filing an item with its outbox entry and acknowledgement slip (call from a worker)."""

    kind: ClassVar[Literal["complaint", "consultation"]]

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

    def _file(
        self,
        topic: str,
        build: Callable[[str, datetime], BaseModel],
        *,
        detail: str,
        message: str,
        summary: str = "",
    ) -> Filed:
        """Number, record and enqueue one item in a single transaction, then print its slip.

        ``build(tracking_no, now)`` makes the item sent to central.
        """
        now = self.clock()
        with self.store.session(write=True) as s:
            tracking = new_tracking_no(s, self.kind, self.terminal_id, now)
            self.followups.add(s, tracking, self.kind, topic)
            enqueue(s, self.kind, build(tracking, now), f"{self.kind}-{tracking}")
        self.notify_sync()
        slip = acknowledgement(
            AcknowledgementData(
                kind=self.kind,
                hall_name=self.hall_name,
                tracking_no=tracking,
                created_at=now,
                detail=detail or "-",
                message=message,
                summary=summary,
                hotline=HOTLINE,
            )
        )
        return Filed(tracking, self.followups.print_slip(slip))

    def _status(self, tracking_no: str) -> FollowUpView:
        return self.followups.status(tracking_no, self.kind)

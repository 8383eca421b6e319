"""Where do I go? (我该去哪): a ticket holder scans or types the ticket and hears where it is.

The printed ticket carries a QR code ``TICKET:<hall>:<ticket id>:<number>`` (the same the
screen shows when the ticket could not be printed). The terminal asks central for the
ticket's :class:`~kiosk.contract.TicketPosition`: waiting (people ahead and the estimate from
the day's real calls), called (which window), done, 过号 (no show) or void. A typed number
(``A007``) is found among the tickets this terminal gave out today.

Offline the terminal cannot know whether a number was called: the answer says so (``offline``)
and carries what the terminal recorded when the ticket was taken, marked as such.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import col, select

from kiosk.services.common import Central, ServiceError, local_now
from kiosk.store import Store
from kiosk.store.models import QueueTicketRow
from kiosk.sync.client import CentralError

log = logging.getLogger(__name__)

SCAN_PREFIX = "TICKET:"
MAX_CODE = 200


def scan_code(hall_id: str, ticket_id: str, display: str) -> str:
    """What the ticket's QR code holds (printed and on screen)."""
    return f"{SCAN_PREFIX}{hall_id}:{ticket_id}:{display}"


def is_ticket_code(text: str) -> bool:
    """Whether a scanned ``text`` is a queue ticket's QR code (of any hall)."""
    return text.strip().upper().startswith(SCAN_PREFIX)


@dataclass(frozen=True)
class TicketCode:
    """A ticket named by a scan (``ticket_id`` known) or typed (only its number)."""

    hall_id: str
    ticket_id: str
    display: str


def parse_code(text: str, hall_id: str) -> TicketCode:
    """A scanned QR code or a typed number; ``ticket_code_invalid`` otherwise,
    ``other_hall`` for another hall's ticket."""
    text = "".join(text.split())
    if not text or len(text) > MAX_CODE:
        raise ServiceError("ticket_code_invalid", "empty or oversized ticket code")
    if text.upper().startswith(SCAN_PREFIX):
        parts = text[len(SCAN_PREFIX) :].split(":")
        if len(parts) != 3 or not all(parts):
            raise ServiceError("ticket_code_invalid", "a TICKET code without hall, id, number")
        hall, ticket_id, display = parts
        if hall != hall_id:
            raise ServiceError("other_hall", "a ticket of another hall")
        return TicketCode(hall, ticket_id, display.upper())
    typed = text.upper()
    if not all(c.isalnum() or c == "-" for c in typed):
        raise ServiceError("ticket_code_invalid", "a typed ticket number with odd characters")
    return TicketCode(hall_id, "", typed)


@dataclass(frozen=True)
class WhereTo:
    """Where a ticket stands. ``state``: waiting | called | done | no_show | void, or
    ``unknown`` when central could not be asked (``offline``). ``recorded_ahead`` /
    ``recorded_wait_min``: the figures the terminal kept from when the ticket was taken
    (None: numbered offline), shown only as such."""

    display: str
    queue: str
    state: str
    offline: bool
    waiting_before: int | None = None
    estimated_wait_min: int | None = None
    window_no: int | None = None
    window_name: str = ""
    recorded_ahead: int | None = None
    recorded_wait_min: int | None = None
    recorded_at: datetime | None = None


class TicketPositions:
    """Answers 我该去哪 for the tickets of this hall (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        central: Central,
        *,
        hall_id: str,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.store = store
        self.central = central
        self.hall_id = hall_id
        self.clock = clock

    def _local(self, code: TicketCode) -> QueueTicketRow | None:
        with self.store.session() as s:
            if code.ticket_id:
                return s.get(QueueTicketRow, code.ticket_id)
            return s.exec(
                select(QueueTicketRow)
                .where(
                    QueueTicketRow.day == self.clock().date().isoformat(),
                    QueueTicketRow.display == code.display,
                    col(QueueTicketRow.status).in_(("issued", "shown_on_screen")),
                )
                .order_by(col(QueueTicketRow.created_at).desc())
            ).first()

    def where(self, text: str) -> WhereTo:
        """The answer for a scanned code or a typed number.

        Raises :class:`ServiceError`: ``ticket_code_invalid``, ``other_hall``, ``not_found``
        (central does not know it), ``not_found_offline`` (a typed number this terminal did
        not give out today, while central cannot be asked). A typed number another terminal
        of the hall gave out is asked of central by number.
        """
        code = parse_code(text, self.hall_id)
        row = self._local(code)
        ticket_id = code.ticket_id or (row.ticket_id if row is not None else "")
        display = row.display if row is not None else code.display
        day = self.clock().date()
        try:
            if ticket_id:
                answer = self.central.call(lambda c: c.ticket_position(ticket_id))
            else:  # typed, and not given out here: another terminal of the hall's, maybe
                answer = self.central.call(lambda c: c.number_position(display, day))
        except CentralError as exc:
            if exc.status == 404:
                raise ServiceError("not_found", "central does not know this ticket") from None
            if not ticket_id:
                # Offline, a number this terminal did not give out cannot be looked up.
                raise ServiceError(
                    "not_found_offline", "typed number, central unreachable"
                ) from None
            log.info("ticket position unknown: central not reachable (%s)", exc.reason)
            return WhereTo(
                display=display,
                queue=row.queue if row is not None else "",
                state="unknown",
                offline=True,
                recorded_ahead=row.people_ahead if row is not None else None,
                recorded_wait_min=row.estimated_wait_min if row is not None else None,
                recorded_at=datetime.fromisoformat(row.created_at) if row is not None else None,
            )
        waiting = answer.state == "waiting"
        return WhereTo(
            display=answer.display,
            queue=answer.queue,
            state=answer.state,
            offline=False,
            waiting_before=answer.waiting_before if waiting else None,
            estimated_wait_min=answer.estimated_wait_min if waiting else None,
            window_no=answer.window_no,
            window_name=answer.window_name,
        )

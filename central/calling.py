"""Calling (叫号): the hall's windows call its waiting tickets, one window at a time per ticket.

A ticket waits in its queue from the moment it is issued until a window calls it. Each window
serves a list of queues in the order it calls them (the hall's rule: e.g. ``Y,P,A`` calls the
appointment queue first, then priority, then the rest); within a queue a ticket transferred
from another window comes first, then a ticket whose priority was proven, then by the time of
issue. Window staff then recall the ticket, mark it 过号 (no show), finish it, or transfer it to
another queue, where it waits again.

A call is a row of ``ticket_call`` keyed by the ticket: two windows calling at the same moment
cannot both take one ticket (the second insert fails and that window takes the next one). Every
change bumps the hall's display counter, which the hall display follows (:mod:`central.display`).

"People ahead" and the waiting estimate come from the same data: the tickets of the queue still
waiting that would be called first, times the day's average service time of the queue (done
calls; :data:`DEFAULT_SERVICE_MIN` until there are :data:`MIN_SAMPLES` of them) shared among
the open windows that serve the queue.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from central.counters import next_value
from central.db import Counter, HallWindowRow, TicketCallRow, TicketRow, as_utc
from kiosk.contract import TicketPosition

DEFAULT_SERVICE_MIN = 4.0  # minutes per person until the day has its own figure
MIN_SAMPLES = 3
LAST_CALLS = 8  # calls the hall display lists


class CallingError(Exception):
    """A calling action that cannot be done; ``status`` is the HTTP answer."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


@dataclass(frozen=True)
class Waiting:
    """A ticket waiting in ``queue`` (its own, or the one it was transferred to)."""

    ticket: TicketRow
    queue: str
    transferred: bool

    def key(self) -> tuple[bool, bool, datetime]:
        """Order within a queue: transferred first, then proven priority, then oldest."""
        return (not self.transferred, not self.ticket.priority, as_utc(self.ticket.issued_at))


def display_key(hall_id: str, day: str) -> str:
    """The counter the hall display watches."""
    return f"display:{hall_id}:{day}"


def queues_of(window: HallWindowRow) -> list[str]:
    return [q for q in window.queues.split(",") if q]


def waiting(s: Session, hall_id: str, day: str, queues: list[str]) -> list[Waiting]:
    """Tickets of ``day`` waiting in any of ``queues``, unordered."""
    rows = s.exec(
        select(TicketRow, TicketCallRow)
        .outerjoin(TicketCallRow, col(TicketCallRow.ticket_id) == col(TicketRow.ticket_id))
        .where(
            TicketRow.hall_id == hall_id,
            TicketRow.day == day,
            col(TicketRow.void).is_(False),
            or_(
                and_(col(TicketCallRow.ticket_id).is_(None), col(TicketRow.queue).in_(queues)),
                and_(
                    col(TicketCallRow.state) == "transferred", col(TicketCallRow.queue).in_(queues)
                ),
            ),
        )
    ).all()
    return [
        Waiting(ticket, call.queue if call is not None else ticket.queue, call is not None)
        for ticket, call in rows
    ]


def in_calling_order(items: list[Waiting], queues: list[str]) -> list[Waiting]:
    """``items`` in the order a window serving ``queues`` calls them."""
    rank = {q: i for i, q in enumerate(queues)}
    return sorted(items, key=lambda w: (rank.get(w.queue, len(rank)), *w.key()))


def average_service_min(s: Session, hall_id: str, day: str, queue: str) -> float:
    """The day's mean minutes from call to finish in ``queue`` (default before enough)."""
    rows = s.exec(
        select(TicketCallRow.called_at, TicketCallRow.finished_at).where(
            TicketCallRow.hall_id == hall_id,
            TicketCallRow.day == day,
            TicketCallRow.queue == queue,
            TicketCallRow.state == "done",
        )
    ).all()
    spans = [(as_utc(end) - as_utc(start)).total_seconds() / 60 for start, end in rows if end]
    if len(spans) < MIN_SAMPLES:
        return DEFAULT_SERVICE_MIN
    return max(0.5, sum(spans) / len(spans))


def open_windows_for(s: Session, hall_id: str, queue: str) -> int:
    windows = s.exec(
        select(HallWindowRow).where(HallWindowRow.hall_id == hall_id, col(HallWindowRow.open))
    ).all()
    return sum(1 for w in windows if queue in queues_of(w))


def _count_ahead(s: Session, ticket: TicketRow, queue: str, *, transferred: bool) -> int:
    """How many of the tickets :func:`waiting` in ``queue`` have a smaller :meth:`Waiting.key`
    than ``ticket`` (one COUNT in the database instead of loading every waiting ticket).

    The key is (not transferred, not priority, issued_at) compared as a tuple: a ticket is
    ahead when it wins on the first field that differs.
    """
    other_transferred = col(TicketCallRow.ticket_id).is_not(None)
    other_priority = col(TicketRow.priority)
    earlier = col(TicketRow.issued_at) < ticket.issued_at
    if ticket.priority:
        by_priority_then_time = and_(other_priority, earlier)
    else:
        by_priority_then_time = or_(other_priority, earlier)
    if transferred:
        ahead = and_(other_transferred, by_priority_then_time)
    else:
        ahead = or_(other_transferred, by_priority_then_time)
    statement = (
        select(func.count())
        .select_from(TicketRow)
        .outerjoin(TicketCallRow, col(TicketCallRow.ticket_id) == col(TicketRow.ticket_id))
        .where(
            TicketRow.hall_id == ticket.hall_id,
            TicketRow.day == ticket.day,
            col(TicketRow.void).is_(False),
            col(TicketRow.ticket_id) != ticket.ticket_id,
            or_(
                and_(col(TicketCallRow.ticket_id).is_(None), col(TicketRow.queue) == queue),
                and_(col(TicketCallRow.state) == "transferred", col(TicketCallRow.queue) == queue),
            ),
            ahead,
        )
    )
    return int(s.exec(statement).one())


def position(s: Session, ticket: TicketRow, *, new: bool = False) -> tuple[int, int]:
    """People ahead of a waiting ``ticket`` in its queue, and the estimated wait (minutes).
    ``new``: the ticket was created in this transaction, so no call of it exists yet."""
    call = None if new else s.get(TicketCallRow, ticket.ticket_id)
    queue = call.queue if call is not None else ticket.queue
    ahead = _count_ahead(s, ticket, queue, transferred=call is not None)
    per_person = average_service_min(s, ticket.hall_id, ticket.day, queue)
    windows = max(1, open_windows_for(s, ticket.hall_id, queue))
    return ahead, math.ceil(ahead * per_person / windows)


def bump(s: Session, hall_id: str, day: str) -> None:
    next_value(s, display_key(hall_id, day))


def call_next(s: Session, hall_id: str, window_no: int, now: datetime) -> TicketCallRow | None:
    """Call the next waiting ticket for window ``window_no``; None when nobody waits."""
    window = s.get(HallWindowRow, (hall_id, window_no))
    if window is None:
        raise CallingError(404, "no such window")
    if not window.open:
        raise CallingError(409, "window closed")
    day = now.astimezone().date().isoformat()
    queues = queues_of(window)
    for item in in_calling_order(waiting(s, hall_id, day, queues), queues):
        call = _claim(s, item, window_no, now)
        if call is not None:
            item.ticket.called = True
            s.add(item.ticket)
            bump(s, hall_id, day)
            return call
    return None


def _claim(s: Session, item: Waiting, window_no: int, now: datetime) -> TicketCallRow | None:
    ticket = item.ticket
    if item.transferred:
        moved = s.execute(
            update(TicketCallRow)
            .where(
                col(TicketCallRow.ticket_id) == ticket.ticket_id,
                col(TicketCallRow.state) == "transferred",
            )
            .values(state="called", window_no=window_no, called_at=now, recalls=0)
        )
        if moved.rowcount != 1:  # type: ignore[attr-defined]
            return None
        call = s.get(TicketCallRow, ticket.ticket_id)
        if call is not None:
            s.refresh(call)
        return call
    call = TicketCallRow(
        ticket_id=ticket.ticket_id,
        hall_id=ticket.hall_id,
        day=ticket.day,
        queue=item.queue,
        window_no=window_no,
        called_at=now,
    )
    try:
        with s.begin_nested():
            s.add(call)
            s.flush()
    except IntegrityError:
        return None  # another window called it this instant
    return call


def _called(s: Session, hall_id: str, ticket_id: str) -> TicketCallRow:
    call = s.get(TicketCallRow, ticket_id)
    if call is None or call.hall_id != hall_id:
        raise CallingError(404, "ticket not called")
    if call.state != "called":
        raise CallingError(409, f"ticket is {call.state}")
    return call


def recall(s: Session, hall_id: str, ticket_id: str, now: datetime) -> TicketCallRow:
    """Call the same ticket again (the display shows and says it once more)."""
    call = _called(s, hall_id, ticket_id)
    call.recalls += 1
    call.called_at = now
    s.add(call)
    bump(s, hall_id, call.day)
    return call


def finish(
    s: Session, hall_id: str, ticket_id: str, now: datetime, *, no_show: bool
) -> TicketCallRow:
    """The window is done with the ticket: served (``done``) or 过号 (``no_show``)."""
    call = _called(s, hall_id, ticket_id)
    call.state = "no_show" if no_show else "done"
    call.finished_at = now
    s.add(call)
    bump(s, hall_id, call.day)
    return call


def transfer(s: Session, hall_id: str, ticket_id: str, queue: str, now: datetime) -> TicketCallRow:
    """Send a called ticket to wait in ``queue`` (ahead of that queue's own tickets)."""
    windows = s.exec(select(HallWindowRow).where(HallWindowRow.hall_id == hall_id)).all()
    if not any(queue in queues_of(w) for w in windows):
        raise CallingError(422, "no window serves that queue")
    call = _called(s, hall_id, ticket_id)
    call.state = "transferred"
    call.queue = queue
    call.transferred_at = now
    s.add(call)
    ticket = s.get(TicketRow, ticket_id)
    if ticket is not None:
        ticket.called = False
        s.add(ticket)
    bump(s, hall_id, call.day)
    return call


def ticket_state(s: Session, ticket: TicketRow) -> TicketPosition:
    """The wire form of where ``ticket`` stands."""
    call = s.get(TicketCallRow, ticket.ticket_id)
    base = {"ticket_id": ticket.ticket_id, "display": ticket.display, "queue": ticket.queue}
    if ticket.void:
        return TicketPosition(**base, state="void")
    if call is None or call.state == "transferred":
        ahead, estimate = position(s, ticket)
        queue = call.queue if call is not None else ticket.queue
        return TicketPosition(
            **{**base, "queue": queue},
            state="waiting",
            waiting_before=ahead,
            estimated_wait_min=estimate,
        )
    window = s.get(HallWindowRow, (ticket.hall_id, call.window_no))
    return TicketPosition(
        **{**base, "queue": call.queue},
        state=call.state,
        window_no=call.window_no,
        window_name=window.name if window is not None else "",
    )


def display_state(s: Session, hall_id: str, day: date) -> dict[str, Any]:
    """What the hall display shows: each window's current call and the last calls."""
    iso = day.isoformat()
    version = s.get(Counter, display_key(hall_id, iso))
    windows = {
        w.window_no: w
        for w in s.exec(select(HallWindowRow).where(HallWindowRow.hall_id == hall_id)).all()
    }
    calls = s.exec(
        select(TicketCallRow, TicketRow)
        .join(TicketRow, col(TicketRow.ticket_id) == col(TicketCallRow.ticket_id))
        .where(TicketCallRow.hall_id == hall_id, TicketCallRow.day == iso)
        .where(col(TicketCallRow.state).in_(("called", "done", "no_show")))
        .order_by(col(TicketCallRow.called_at).desc())
        .limit(max(LAST_CALLS, len(windows)) * 2)
    ).all()

    def item(call: TicketCallRow, ticket: TicketRow) -> dict[str, Any]:
        window = windows.get(call.window_no)
        return {
            "key": f"{call.ticket_id}:{as_utc(call.called_at).isoformat()}",
            "display": ticket.display,
            "window_no": call.window_no,
            "window_name": window.name if window is not None else "",
            "called_at": as_utc(call.called_at).isoformat(timespec="seconds"),
        }

    current = {}
    for call, ticket in calls:
        if call.state == "called" and call.window_no not in current:
            current[call.window_no] = item(call, ticket)
    return {
        "hall_id": hall_id,
        "version": version.value if version is not None else 0,
        "current": [current[n] for n in sorted(current)],
        "recent": [item(c, t) for c, t in calls[:LAST_CALLS]],
    }


def today() -> date:
    """The hall's day at central (local time of the server)."""
    return datetime.now(UTC).astimezone().date()

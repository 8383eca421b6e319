"""People ahead of a ticket, counted by central's database (one COUNT), against the rule
written out in Python over every waiting ticket: transferred first, then proven priority,
then the time of issue; void, called and finished tickets and other queues never count."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from central.calling import Waiting, position, waiting
from central.db import Database, TicketCallRow, TicketRow
from tests.conftest import CentralDb

HALL = "H0001"
DAY = "2026-12-03"


@pytest.fixture
def db(central_db: CentralDb) -> Iterator[Database]:
    database = Database(central_db.url, central_db.seal_key_file)
    yield database
    database.close()


def ahead_by_rule(db: Database, ticket_id: str) -> int:
    """The rule as the calling order states it, over all waiting tickets of the queue."""
    with db.session() as s:
        ticket = s.get(TicketRow, ticket_id)
        assert ticket is not None
        call = s.get(TicketCallRow, ticket_id)
        queue = call.queue if call is not None else ticket.queue
        me = Waiting(ticket, queue, call is not None)
        others = waiting(s, HALL, DAY, [queue])
        return sum(1 for w in others if w.ticket.ticket_id != ticket_id and w.key() < me.key())


def fill_hall(db: Database, seed: int, count: int) -> list[str]:
    """``count`` tickets in queues A/B with mixed priority, voids, calls and transfers; some
    share their time of issue (ties are nobody's ahead)."""
    rnd = random.Random(seed)
    start = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)
    ids: list[str] = []
    with db.session() as s:
        for n in range(count):
            ticket_id = f"t{seed}-{n:03d}"
            ids.append(ticket_id)
            issued = start + timedelta(seconds=rnd.randrange(0, count // 2 + 1))
            queue = rnd.choice("AB")
            s.add(
                TicketRow(
                    ticket_id=ticket_id,
                    hall_id=rnd.choice([HALL, HALL, HALL, "H0002"]),
                    queue=queue,
                    day=rnd.choice([DAY, DAY, DAY, "2026-12-02"]),
                    number=n + 1,
                    display=f"{queue}{n + 1:03d}",
                    issued_at=issued,
                    priority=rnd.random() < 0.3,
                    void=rnd.random() < 0.1,
                )
            )
            state = rnd.choice([None, None, "called", "done", "no_show", "transferred"])
            if state is not None:
                s.add(
                    TicketCallRow(
                        ticket_id=ticket_id,
                        hall_id=HALL,
                        day=DAY,
                        queue=rnd.choice("AB"),
                        window_no=1,
                        state=state,
                    )
                )
    return ids


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_people_ahead_match_the_calling_rule(db: Database, seed: int) -> None:
    ids = fill_hall(db, seed, 80)
    checked = 0
    for ticket_id in ids:
        with db.session() as s:
            ticket = s.get(TicketRow, ticket_id)
            assert ticket is not None
            if ticket.hall_id != HALL or ticket.day != DAY:
                continue
            ahead, _estimate = position(s, ticket)
        assert ahead == ahead_by_rule(db, ticket_id), ticket_id
        checked += 1
    assert checked > 30


def test_a_fresh_ticket_counts_those_issued_before_it(db: Database) -> None:
    fill_hall(db, 4, 40)
    with db.session() as s:
        row = TicketRow(ticket_id="fresh", hall_id=HALL, queue="A", day=DAY, number=999)
        s.add(row)  # issued now: after every ticket of the fill
        s.flush()
        ahead, _estimate = position(s, row)
    assert ahead == ahead_by_rule(db, "fresh") > 0

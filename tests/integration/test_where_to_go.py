"""我该去哪 over real HTTP: a ticket's QR code (or its typed number) scanned at the terminal
is answered from central's calls — waiting with people ahead, called to a window, 过号,
finished — and offline the terminal says it cannot know."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from central.testing import CentralProcess
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.services.tickets.position import TicketPositions, scan_code
from kiosk.services.tickets.transitions import LOCAL_ESTIMATE_MAX_AGE_S
from tests.integration.services_env import Terminal, client_for

WAIT_S = 30


def window(central: CentralProcess, no: int, queues: list[str], name: str = "") -> None:
    central.staff("PUT", f"/halls/H0001/windows/{no}", {"name": name, "queues": queues})


def take(term: Terminal, queue: str = "A") -> tuple[str, str]:
    ticket = term.tickets.take(queue)
    assert ticket.status == "issued"
    return ticket.ticket_id, ticket.display


def positions(term: Terminal) -> TicketPositions:
    return TicketPositions(term.store, term.central(), hall_id=term.hall_id)


def test_the_printed_ticket_carries_the_code_the_terminal_reads(terminal: Terminal) -> None:
    ticket_id, display = take(terminal)
    printed = [job for job in terminal.emulator.jobs if job.complete]
    assert printed[-1].qr_codes == [scan_code("H0001", ticket_id, display)]
    assert any("扫码" in line for line in printed[-1].lines)


def test_waiting_then_called_then_no_show_as_the_windows_call(
    central: CentralProcess, terminal: Terminal
) -> None:
    window(central, 3, ["A"], "综合受理")
    first_id, first = take(terminal)
    second_id, second = take(terminal)
    where = positions(terminal)

    answer = where.where(scan_code("H0001", second_id, second))
    assert (answer.state, answer.offline, answer.waiting_before) == ("waiting", False, 1)
    assert answer.estimated_wait_min is not None and answer.estimated_wait_min > 0
    assert answer.window_no is None

    call = central.staff("POST", "/halls/H0001/windows/3/call-next")["call"]
    assert call["ticket_id"] == first_id
    called = where.where(scan_code("H0001", first_id, first))
    assert (called.state, called.window_no, called.window_name) == ("called", 3, "综合受理")
    # The second in line now has nobody ahead; typing the number finds the same ticket.
    typed = where.where(second.lower())
    assert (typed.display, typed.state, typed.waiting_before) == (second, "waiting", 0)

    central.staff("POST", f"/halls/H0001/calls/{first_id}/no-show")
    assert where.where(scan_code("H0001", first_id, first)).state == "no_show"
    central.staff("POST", "/halls/H0001/windows/3/call-next")
    central.staff("POST", f"/halls/H0001/calls/{second_id}/finish")
    assert where.where(second).state == "done"


def test_codes_that_are_not_this_halls_tickets_get_a_reason(terminal: Terminal) -> None:
    where = positions(terminal)
    take(terminal)
    with pytest.raises(ServiceError) as other:
        where.where(scan_code("H0002", "abc", "A001"))
    assert other.value.reason == "other_hall"
    with pytest.raises(ServiceError) as unknown:
        where.where(scan_code("H0001", "no-such-ticket", "A999"))
    assert unknown.value.reason == "not_found"
    with pytest.raises(ServiceError) as typed:
        where.where("Z123")  # no such number given out here today
    assert typed.value.reason == "not_found"
    for odd in ("", "TICKET:H0001:only-two", "A00<script>"):
        with pytest.raises(ServiceError) as bad:
            where.where(odd)
        assert bad.value.reason == "ticket_code_invalid"


def test_offline_the_terminal_says_it_cannot_know_and_keeps_the_figure_as_of_taking(
    central: CentralProcess, terminal: Terminal, tmp_path: Path
) -> None:
    take(terminal)
    ticket_id, display = take(terminal)
    dead = Central(client_for("http://127.0.0.1:9", terminal.terminal_id, "x"))
    answer = TicketPositions(terminal.store, dead, hall_id="H0001").where(
        scan_code("H0001", ticket_id, display)
    )
    assert (answer.state, answer.offline, answer.display) == ("unknown", True, display)
    assert answer.waiting_before is None and answer.window_no is None
    assert answer.recorded_ahead == 1  # what central said when it was taken, kept as such
    assert answer.recorded_at is not None


def test_a_ticket_numbered_offline_gets_the_terminals_own_estimate_said_as_such(
    central: CentralProcess, terminal: Terminal
) -> None:
    window(central, 3, ["A"])
    take(terminal)
    second = terminal.tickets.take("A")  # online: central's figure for the queue
    assert second.people_ahead == 1 and second.estimated_wait_min is not None
    per_person = second.estimated_wait_min / second.people_ahead
    assert second.local_ahead is None  # numbered by central: no local estimate
    terminal.tickets.central.connect(None)  # the network goes down
    third = terminal.tickets.take("A")
    assert third.offline and third.people_ahead is None
    assert (third.local_ahead, third.local_wait_min) == (2, round(per_person * 2))
    fourth = terminal.tickets.take("A")
    assert fourth.local_ahead == 3  # the offline ticket before it counts too
    other_queue = terminal.tickets.take("B")
    assert other_queue.offline and other_queue.local_ahead is None  # no figure for B
    later = local_now() + timedelta(seconds=LOCAL_ESTIMATE_MAX_AGE_S + 60)
    terminal.tickets.clock = lambda: later
    stale = terminal.tickets.take("A")
    assert stale.offline and stale.local_ahead is None  # central's figure is too old


def test_a_number_typed_at_another_terminal_of_the_hall_is_asked_of_central(
    central: CentralProcess, two_terminals: tuple[Terminal, Terminal]
) -> None:
    here, there = two_terminals
    window(central, 2, ["A"], "综合受理")
    _, first = take(there)
    _, second = take(there)
    where = positions(here)
    # Given out by the other terminal: not in this terminal's store, so central is asked.
    answer = where.where(second.lower())
    assert (answer.display, answer.state, answer.offline) == (second, "waiting", False)
    assert answer.waiting_before == 1
    central.staff("POST", "/halls/H0001/windows/2/call-next")
    called = where.where(first)
    assert (called.state, called.window_no) == ("called", 2)
    with pytest.raises(ServiceError) as unknown:
        where.where("A999")
    assert unknown.value.reason == "not_found"
    # Offline, a number this terminal did not give out cannot be known: said so.
    offline = TicketPositions(here.store, Central(None), hall_id=here.hall_id)
    with pytest.raises(ServiceError) as cut_off:
        offline.where(second)
    assert cut_off.value.reason == "not_found_offline"

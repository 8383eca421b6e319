"""Queue tickets: central numbering across terminals, offline blocks, print gating, one per card."""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text

from central.testing import CentralProcess
from kiosk.contract import TicketRequest
from kiosk.printing.escpos_render import Renderer
from kiosk.printing.jobs import JobNotFound, PrintJobs
from kiosk.printing.outcome import PrintFuture
from kiosk.printing.profiles import DEFAULT_PROFILE, get_profile
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import ServiceError
from kiosk.services.tickets import display_number
from tests.central_ledger import query
from tests.integration.services_env import Terminal, client_for, person

ELDER = "110105195001010012"
WAIT_S = 30
RENDER = Renderer(get_profile(DEFAULT_PROFILE)).render


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(tmp_path / "t01")
    yield term
    term.close()


def outbox_tickets(term: Terminal) -> list[str]:
    with term.store.session() as s:
        return [r[0] for r in s.execute(text("SELECT payload FROM outbox WHERE kind='ticket'"))]


def central_tickets(central: CentralProcess) -> list[tuple[str, str, int, str, int]]:
    rows = query(
        central, "SELECT ticket_id, origin, number, display, void FROM ticket ORDER BY issued_at"
    )
    return [
        (tid, origin, number, display, int(void)) for tid, origin, number, display, void in rows
    ]


def test_display_numbers_wrap_after_999_but_ids_stay_unique() -> None:
    assert display_number("A", 1) == "A001"
    assert display_number("A", 999) == "A999"
    assert display_number("A", 1000) == "A001"
    assert display_number("V", 7, "T01") == "T01-V007"


def test_several_terminals_taking_numbers_at_once_never_get_the_same_one(
    central: CentralProcess,
) -> None:
    secrets = {f"T{i:02d}": central.add_terminal(f"T{i:02d}") for i in range(1, 7)}
    central.start()
    numbers: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def terminal(tid: str) -> None:
        client = client_for(central.url, tid, secrets[tid])
        try:
            for _ in range(15):
                tid_ = uuid.uuid4().hex
                got = client.take_ticket(TicketRequest(ticket_id=tid_, queue="A"), f"k-{tid_}")
                with lock:
                    numbers.append(got.number)
        except BaseException as exc:  # reported below, not swallowed
            errors.append(exc)
        finally:
            client.close()

    threads = [threading.Thread(target=terminal, args=(t,)) for t in secrets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    assert sorted(numbers) == list(range(1, 6 * 15 + 1))


def test_online_ticket_is_numbered_by_central_with_people_ahead(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    term = Terminal(tmp_path / "t", central_url=central.url, secret=secret)
    try:
        first = term.tickets.take("A")
        second = term.tickets.take("A")
    finally:
        term.close()
    assert (first.display, first.people_ahead, first.offline) == ("A001", 0, False)
    assert (second.display, second.people_ahead) == ("A002", 1)
    assert second.estimated_wait_min is not None and second.estimated_wait_min > 0
    assert "A002" in term.printed_text()


def test_offline_tickets_use_the_terminal_block_and_join_central_on_reconnect(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    # Central is not running yet: the terminal numbers tickets itself.
    term = Terminal(tmp_path / "t", central_url=central.url, secret=secret)
    try:
        offline = [term.tickets.take("A").display for _ in range(3)]
        assert offline == ["T01-A001", "T01-A002", "T01-A003"]
        assert len(outbox_tickets(term)) == 3
        central.start()
        assert term.runner is not None
        assert term.runner.drain().sent == 3
        term.tickets.central.network_back()  # what the health monitor reports
        online = term.tickets.take("A")
    finally:
        term.close()
    rows = central_tickets(central)
    assert [(r[1], r[2], r[3]) for r in rows[:3]] == [
        ("T01", 1, "T01-A001"),
        ("T01", 2, "T01-A002"),
        ("T01", 3, "T01-A003"),
    ]
    # Central's own sequence starts at 1 too: the prefix keeps the two apart.
    assert (online.display, online.people_ahead) == ("A001", 3)


def test_a_ticket_that_did_not_print_is_not_issued(offline: Terminal) -> None:
    offline.emulator.set(paper="out")
    with pytest.raises(ServiceError) as failed:
        offline.tickets.take("A")
    assert failed.value.reason == "print_failed"
    assert failed.value.details["print_reason"] == "paper_out"
    ticket = failed.value.details["ticket"]
    assert ticket.status == "print_failed"
    assert outbox_tickets(offline) == []

    offline.emulator.set(paper="ok")
    reprinted = offline.tickets.retry_print(ticket.ticket_id)
    assert reprinted.status == "issued"
    assert ticket.display in offline.printed_text()
    assert len(outbox_tickets(offline)) == 1


def test_a_ticket_is_issued_in_the_transaction_that_records_its_slip_printed(
    offline: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The move to ``issued`` goes with the job's durable ``printed`` (a commit step), not
    in a write of its own after it: with that separate write made impossible, the ticket is
    issued all the same, its outbox item written, and the caller answered from that row."""
    states = offline.tickets.states

    def no_write_of_its_own(*_a: object, **_k: object) -> None:
        raise AssertionError("the ticket was moved in a transaction of its own")

    monkeypatch.setattr(states, "move", no_write_of_its_own)
    monkeypatch.setattr(states, "row", no_write_of_its_own)  # nor read again after
    ticket = offline.tickets.take("A")
    assert ticket.status == "issued"
    job = offline.printing.jobs.latest_for(ticket.ticket_id, kind="ticket")
    assert job is not None and job.status == "printed"
    with offline.store.session() as s:
        status, issued_at = s.execute(
            text("SELECT status, issued_at FROM queue_ticket WHERE ticket_id=:t"),
            {"t": ticket.ticket_id},
        ).one()
    assert status == "issued" and issued_at
    assert len(outbox_tickets(offline)) == 1


def test_a_failing_write_beside_the_printed_mark_costs_neither_the_mark_nor_the_ticket(
    offline: Terminal, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A commit step that fails is rolled back alone (its savepoint): the job is still
    recorded as printed, and the ticket is issued by the write after it instead."""
    states = offline.tickets.states
    real = states.move_in
    calls: list[str] = []

    def fails_once(*args: object, **kwargs: object) -> object:
        calls.append("x")
        if len(calls) == 1:
            raise RuntimeError("disk hiccup")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(states, "move_in", fails_once)
    with caplog.at_level(logging.ERROR):
        ticket = offline.tickets.take("A")
    assert ticket.status == "issued"
    assert len(calls) == 2, "the step, then the ticket's own move"
    job = offline.printing.jobs.latest_for(ticket.ticket_id, kind="ticket")
    assert job is not None and job.status == "printed"
    assert offline.tickets.get(ticket.ticket_id).status == "issued"
    assert len(outbox_tickets(offline)) == 1
    assert "a write to go with its end failed" in caplog.text


def test_a_ticket_reprinted_from_the_staff_screen_is_issued_not_voided_at_the_visit_end(
    offline: Terminal,
) -> None:
    """Staff reprint the job itself (nobody follows that print for the ticket): the store
    says it printed, so the end of the visit issues the ticket instead of voiding it."""
    offline.emulator.set(paper="out")
    with pytest.raises(ServiceError) as failed:
        offline.tickets.take("A")
    ticket = failed.value.details["ticket"]
    offline.emulator.set(paper="ok")
    job = offline.printing.jobs.latest_for(ticket.ticket_id, kind="ticket")
    assert job is not None
    assert offline.printing.reprint(job.id).result(WAIT_S).printed
    assert offline.tickets.get(ticket.ticket_id).status == "print_failed"
    offline.tickets.void_unprinted()
    assert offline.tickets.get(ticket.ticket_id).status == "issued"
    assert len(outbox_tickets(offline)) == 1


def test_a_ticket_waiting_for_the_printer_at_a_restart_is_issued_once_it_prints(
    offline: Terminal,
) -> None:
    offline.printing.stop()  # the power goes before the printer thread gets to the job
    before = offline.other_tickets(offline.printing, print_wait_s=0)
    with pytest.raises(ServiceError) as waiting:
        before.take("A")
    assert waiting.value.reason == "print_timeout"
    ticket_id = waiting.value.details["ticket"].ticket_id
    # The next start: a new print worker on the same store, the services follow their jobs.
    printer = offline.printing.printer
    restarted = PrintWorker(printer, PrintJobs(offline.store), RENDER, poll_s=0.2)
    after = offline.other_tickets(restarted)
    assert after.resume() == 1
    job = restarted.jobs.latest_for(ticket_id, kind="ticket")
    assert job is not None
    restarted.start()
    try:
        assert restarted.watch(job.id).result(WAIT_S).printed
    finally:
        restarted.stop()
    assert after.get(ticket_id).status == "issued"
    assert len(outbox_tickets(offline)) == 1


class PowerGone(Exception):
    """The terminal stops here (raised where a kill would land)."""


def test_an_earlier_days_ticket_whose_slip_printed_is_issued_at_start_not_voided(
    offline: Terminal,
) -> None:
    printed = offline.tickets.take("A")
    offline.emulator.set(paper="out")
    with pytest.raises(ServiceError):
        offline.tickets.take("B")
    (unprinted,) = offline.tickets.states.unprinted()
    with offline.store.session(write=True) as s:
        # a power cut took back the printed one's ``issued`` move (it is not synced on its
        # own), and the terminal starts again the next day
        s.execute(
            text("UPDATE queue_ticket SET status='pending_print' WHERE ticket_id=:t"),
            {"t": printed.ticket_id},
        )
        s.execute(text("DELETE FROM outbox WHERE kind='ticket'"))  # same transaction as it
        s.execute(text("UPDATE queue_ticket SET day='2000-01-01'"))
    assert offline.tickets.expire_stale() == 2
    assert offline.tickets.get(printed.ticket_id).status == "issued"
    assert offline.tickets.get(unprinted).status == "void"


def test_a_ticket_stopped_right_after_its_write_is_printed_at_the_restart(
    offline: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    offline.printing.stop()
    before = offline.other_tickets(offline.printing, print_wait_s=0)

    def stop(*_args: object) -> None:
        raise PowerGone

    monkeypatch.setattr(offline.printing, "wake", stop)  # just after the commit
    with pytest.raises(PowerGone):
        before.take("A")
    (ticket_id,) = before.states.unprinted()
    job = offline.printing.jobs.latest_for(ticket_id, kind="ticket")
    assert job is not None and job.status == "queued"
    # the ticket and its job were written together: it knows its job already
    assert before.states.row(ticket_id).print_job_id == job.id
    restarted = PrintWorker(offline.printing.printer, PrintJobs(offline.store), RENDER, poll_s=0.2)
    after = offline.other_tickets(restarted)
    assert after.resume() == 1
    restarted.start()
    try:
        assert restarted.watch(job.id).result(WAIT_S).printed
    finally:
        restarted.stop()
    assert after.get(ticket_id).status == "issued"


def test_a_ticket_whose_write_fails_leaves_neither_job_nor_future_behind(
    offline: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slip's job is followed before its transaction commits; when that transaction
    rolls back the printer forgets the future, so the next job (which SQLite gives the same
    id) is not answered by a stale one."""
    followed: list[PrintFuture] = []
    follow = offline.tickets.printer.follow

    def follow_then_fail(ticket_id: str, future: PrintFuture) -> None:
        follow(ticket_id, future)
        followed.append(future)
        raise PowerGone

    monkeypatch.setattr(offline.tickets.printer, "follow", follow_then_fail)
    with pytest.raises(PowerGone):
        offline.tickets.take("A")
    monkeypatch.undo()
    (stale,) = followed
    assert offline.tickets.states.unprinted() == []
    assert offline.printing.jobs.list_today() == []
    with pytest.raises(JobNotFound):
        offline.printing.watch(stale.job_id)
    ticket = offline.tickets.take("A")
    assert ticket.status == "issued"
    assert offline.tickets.states.row(ticket.ticket_id).print_job_id == stale.job_id
    assert not stale.done()


def test_a_ticket_left_without_its_job_id_by_an_older_run_finds_the_job_at_the_restart(
    offline: Terminal,
) -> None:
    offline.printing.stop()
    queue = offline.tickets.hall_queues.get("A")
    assert queue is not None
    ticket_id = uuid.uuid4().hex
    with offline.store.session(write=True) as s:
        row = offline.tickets.numbering.insert(
            s, ticket_id, queue, offline.tickets.clock(), None, None, False, None
        )
    offline.printing.jobs.add(offline.tickets.printer.slip(row, queue))
    restarted = PrintWorker(offline.printing.printer, PrintJobs(offline.store), RENDER, poll_s=0.2)
    after = offline.other_tickets(restarted)
    assert after.resume() == 1
    job = restarted.jobs.latest_for(ticket_id, kind="ticket")
    assert job is not None
    assert after.states.row(ticket_id).print_job_id == job.id
    restarted.start()
    try:
        assert restarted.watch(job.id).result(WAIT_S).printed
    finally:
        restarted.stop()
    assert after.get(ticket_id).status == "issued"


def test_a_ticket_stopped_before_its_slip_was_queued_is_void_at_the_restart(
    offline: Terminal,
) -> None:
    queue = offline.tickets.hall_queues.get("A")
    assert queue is not None
    now = offline.tickets.clock()
    with offline.store.session(write=True) as s:
        row = offline.tickets.numbering.insert(
            s, uuid.uuid4().hex, queue, now, None, None, False, None
        )
    assert offline.tickets.resume() == 1
    assert offline.tickets.get(row.ticket_id).status == "void"
    assert offline.printing.jobs.latest_for(row.ticket_id, kind="ticket") is None


def test_the_citizen_may_read_the_number_off_the_screen_instead(offline: Terminal) -> None:
    offline.emulator.set(paper="out")
    with pytest.raises(ServiceError) as failed:
        offline.tickets.take("A")
    ticket = failed.value.details["ticket"]
    shown = offline.tickets.show_on_screen(ticket.ticket_id)
    assert shown.status == "shown_on_screen"
    assert len(outbox_tickets(offline)) == 1


def test_a_cancelled_unprinted_ticket_is_void_and_frees_the_queue_for_that_card(
    offline: Terminal,
) -> None:
    offline.emulator.set(paper="out")
    with pytest.raises(ServiceError) as failed:
        offline.tickets.take("A", identity=person())
    assert offline.tickets.cancel(failed.value.details["ticket"].ticket_id).status == "void"
    offline.emulator.set(paper="ok")
    assert offline.tickets.take("A", identity=person()).status == "issued"


def test_one_card_holds_one_live_ticket_per_queue(offline: Terminal) -> None:
    first = offline.tickets.take("A", identity=person())
    with pytest.raises(ServiceError) as again:
        offline.tickets.take("A", identity=person())
    assert again.value.reason == "already_holding"
    assert again.value.details["display"] == first.display
    assert offline.tickets.take("B", identity=person()).status == "issued"
    assert offline.tickets.take("A").status == "issued"  # no card: not limited


def test_central_refuses_a_second_live_ticket_taken_at_another_terminal(
    central: CentralProcess, tmp_path: Path
) -> None:
    secrets = {t: central.add_terminal(t) for t in ("T01", "T02")}
    central.start()
    one = Terminal(tmp_path / "1", "T01", central_url=central.url, secret=secrets["T01"])
    two = Terminal(tmp_path / "2", "T02", central_url=central.url, secret=secrets["T02"])
    try:
        one.tickets.take("A", identity=person())
        with pytest.raises(ServiceError) as again:
            two.tickets.take("A", identity=person())
    finally:
        one.close()
        two.close()
    assert again.value.reason == "already_holding"


def test_a_queue_that_needs_a_card_refuses_without_one(offline: Terminal) -> None:
    with pytest.raises(ServiceError) as refused:
        offline.tickets.take("C")
    assert refused.value.reason == "card_required"
    with pytest.raises(ServiceError) as unknown:
        offline.tickets.take("Z")
    assert unknown.value.reason == "unknown_queue"


def test_priority_is_chosen_by_the_citizen_and_proven_by_a_card_of_seventy(
    offline: Terminal,
) -> None:
    chosen = offline.tickets.take("V")
    proven = offline.tickets.take("V", identity=person(ELDER, "1950-01-01"))
    young = offline.tickets.take("V", identity=person())
    assert (chosen.priority, chosen.priority_proven) == (True, False)
    assert proven.priority_proven is True
    assert young.priority_proven is False
    assert date.today().year - 1950 >= 70


def test_an_unprinted_central_ticket_left_behind_is_voided_at_central(
    central: CentralProcess, tmp_path: Path
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    term = Terminal(tmp_path / "t", central_url=central.url, secret=secret)
    try:
        term.emulator.set(paper="out")
        with pytest.raises(ServiceError):
            term.tickets.take("A")
        assert term.tickets.void_unprinted() == 1  # the visit ended without a choice
        assert term.runner is not None and term.runner.drain().sent == 1
        term.emulator.set(paper="ok")
        after = term.tickets.take("A")
    finally:
        term.close()
    assert [r[4] for r in central_tickets(central)] == [1, 0]
    assert after.people_ahead == 0  # the void ticket is not counted as waiting

"""我该去哪 on the terminal without central: reading the ticket's code, the view-model's scans,
reasons and wipe, over the real service and store (central unreachable)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.services.common import Central, ServiceError
from kiosk.services.tickets.position import TicketPositions, parse_code, scan_code
from kiosk.store import Store
from kiosk.store.models import QueueTicketRow
from kiosk.visit import Visit
from kiosk.workers import ImmediateExecutor
from tests.unit.vm_fakes import HeldDispatcher, HeldExecutor, InlineDispatcher
from ui.viewmodels.where_to_go import WhereToGoViewModel

NOW = datetime(2026, 3, 2, 9, 30).astimezone()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "kiosk.db")
    with s.session(write=True) as db:
        db.add(
            QueueTicketRow(
                ticket_id="t-1",
                hall_id="H0001",
                queue="A",
                day=NOW.date().isoformat(),
                number=7,
                display="A007",
                status="issued",
                people_ahead=3,
                estimated_wait_min=12,
                created_at=NOW.isoformat(timespec="seconds"),
            )
        )
    return s


def offline_positions(store: Store) -> TicketPositions:
    return TicketPositions(store, Central(None), hall_id="H0001", clock=lambda: NOW)


def where_on(store: Store, dispatcher: object) -> WhereToGoViewModel:
    vm = WhereToGoViewModel(dispatcher, Visit())  # type: ignore[arg-type]
    vm.attach(offline_positions(store), ImmediateExecutor())
    return vm


def test_the_code_on_the_ticket_reads_back_and_odd_codes_are_refused() -> None:
    code = parse_code(" " + scan_code("H0001", "t-1", "a007"), "H0001")
    assert (code.hall_id, code.ticket_id, code.display) == ("H0001", "t-1", "A007")
    assert parse_code("a 007", "H0001").display == "A007"  # typed, with a stray space
    for text, reason in (
        ("", "ticket_code_invalid"),
        ("TICKET:H0001:t-1", "ticket_code_invalid"),
        ("TICKET:H0001::A007", "ticket_code_invalid"),
        ("A007;DROP", "ticket_code_invalid"),
        ("x" * 201, "ticket_code_invalid"),
        (scan_code("H0009", "t-1", "A007"), "other_hall"),
    ):
        with pytest.raises(ServiceError) as refused:
            parse_code(text, "H0001")
        assert refused.value.reason == reason, text


def test_offline_the_answer_is_unknown_with_the_figure_of_when_it_was_taken(store: Store) -> None:
    answer = offline_positions(store).where(scan_code("H0001", "t-1", "A007"))
    assert (answer.state, answer.offline, answer.display, answer.queue) == (
        "unknown",
        True,
        "A007",
        "A",
    )
    assert answer.waiting_before is None and answer.estimated_wait_min is None
    assert (answer.recorded_ahead, answer.recorded_wait_min) == (3, 12)
    assert offline_positions(store).where("a007").recorded_ahead == 3  # typed number
    with pytest.raises(ServiceError) as unknown:
        offline_positions(store).where("B001")  # not given out here; central cannot be asked
    assert unknown.value.reason == "not_found_offline"


def test_scans_count_only_while_the_page_listens(store: Store) -> None:
    vm = where_on(store, InlineDispatcher())
    vm.on_scan(scan_code("H0001", "t-1", "A007"))
    assert vm.property("answer") == {}
    vm.listen(True)
    vm.on_scan(scan_code("H0001", "t-1", "A007"))
    answer = vm.property("answer")
    assert (answer["display"], answer["state"], answer["offline"]) == ("A007", "unknown", True)
    assert (answer["ahead"], answer["windowNo"], answer["recordedAhead"]) == (-1, -1, 3)
    vm.listen(False)
    vm.clear()
    vm.on_scan(scan_code("H0001", "t-1", "A007"))
    assert vm.property("answer") == {}


def test_reasons_for_the_person_at_the_screen(store: Store) -> None:
    vm = where_on(store, InlineDispatcher())
    vm.lookUp("  ")
    assert vm.property("reason") == "ticket_empty"
    vm.lookUp(scan_code("H0002", "t-1", "A007"))
    assert vm.property("reason") == "other_hall" and vm.property("answer") == {}
    vm.lookUp("B001")
    assert vm.property("reason") == "not_found_offline"
    vm.lookUp("A007")
    assert vm.property("reason") == "" and vm.property("answer")["display"] == "A007"


def test_the_next_person_never_sees_the_last_ticket(store: Store) -> None:
    visit, dispatcher = Visit(), HeldDispatcher()
    vm = WhereToGoViewModel(dispatcher, visit)
    vm.attach(offline_positions(store), ImmediateExecutor())
    vm.lookUp("A007")
    dispatcher.run_all()
    assert vm.property("answer")["display"] == "A007"
    visit.end()
    assert vm.property("answer") == {}
    vm.lookUp("A007")
    visit.end()  # walked away while central was asked
    dispatcher.run_all()
    assert vm.property("answer") == {}


def test_the_demo_scan_looks_for_the_last_ticket_on_the_core_not_the_gui_thread(
    store: Store,
) -> None:
    """演示：模拟扫描最近的小票 finds the ticket with a store query: it runs on the core's
    executor (here held, as a busy core-tasks would), and "no ticket yet" comes back as the
    page's sentence; the page is not made busy (the scan would be refused while busy)."""
    asked: list[str] = []
    found = {"ticket": False}

    def last_ticket() -> bool:  # stands for DemoTerminal.scan_last_ticket
        asked.append("store")
        return found["ticket"]

    dispatcher, executor = HeldDispatcher(), HeldExecutor()
    vm = WhereToGoViewModel(dispatcher, Visit())  # type: ignore[arg-type]
    vm.attach(offline_positions(store), executor, simulate_scan=last_ticket)
    vm.simulateScan()
    assert asked == [] and not vm.property("busy")  # nothing waited for on the GUI thread
    executor.run_all()
    dispatcher.run_all()
    assert asked == ["store"] and vm.property("reason") == "no_demo_ticket"

    found["ticket"] = True
    vm.simulateScan()
    assert vm.property("reason") == ""  # the last sentence goes as the new try starts
    executor.run_all()
    dispatcher.run_all()
    assert vm.property("reason") == ""

    without = WhereToGoViewModel(InlineDispatcher(), Visit())  # type: ignore[arg-type]
    without.attach(offline_positions(store), ImmediateExecutor())  # not a demo
    without.simulateScan()
    assert without.property("reason") == "no_demo_ticket"

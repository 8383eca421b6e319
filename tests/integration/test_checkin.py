"""Appointment check-in: today's list by card, the early/late window, offline from the cache."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from central.testing import CentralProcess
from kiosk.services.common import ServiceError
from tests.central_ledger import query
from tests.integration.services_env import Terminal, person

OTHER = "110105199007070022"


def book(central: CentralProcess, appt_id: str, start: datetime, id_number: str) -> None:
    central.staff(
        "POST",
        "/appointments",
        {
            "appointment_id": appt_id,
            "hall_id": "H0001",
            "day": start.astimezone().date().isoformat(),
            "slot_start": start.isoformat(),
            "slot_end": (start + timedelta(minutes=30)).isoformat(),
            "service_code": "marriage_registration",
            "id_number": id_number,
        },
    )


def soon(minutes: int) -> datetime:
    moment = datetime.now(UTC) + timedelta(minutes=minutes)
    if moment.astimezone().date() != datetime.now().astimezone().date():
        pytest.skip("the slot would fall on another day")
    return moment


def test_checking_in_on_time_prints_a_priority_ticket_and_tells_central(
    central: CentralProcess, terminal: Terminal
) -> None:
    book(central, "AP1", soon(10), person().id_number)
    book(central, "AP2", soon(10), OTHER)
    today = terminal.checkin.today_for(person())
    assert [a.appointment_id for a in today.appointments] == ["AP1"]
    assert today.offline is False
    done = terminal.checkin.check_in(person(), "AP1")
    assert done.ticket.status == "issued"
    assert done.ticket.queue == "Y"
    assert done.appointment.checked_in
    assert terminal.runner is not None
    terminal.runner.drain()
    rows = query(central, "SELECT checked_in FROM appointment WHERE appointment_id = 'AP1'")
    assert rows == [(True,)]
    with pytest.raises(ServiceError) as again:
        terminal.checkin.check_in(person(), "AP1")
    assert again.value.reason == "already_checked_in"


def test_a_check_in_stopped_after_its_ticket_printed_is_recorded_with_that_ticket(
    central: CentralProcess, terminal: Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The terminal stopped between printing the priority ticket and recording the
    check-in: the citizen, ticket in hand, taps the card again and is checked in with it."""
    book(central, "AP1", soon(10), person().id_number)
    terminal.checkin.today_for(person())
    confirm = terminal.checkin.confirm

    def stop(*_args: object) -> None:
        raise RuntimeError("power gone")

    monkeypatch.setattr(terminal.checkin, "confirm", stop)
    with pytest.raises(RuntimeError):
        terminal.checkin.check_in(person(), "AP1")
    monkeypatch.setattr(terminal.checkin, "confirm", confirm)
    done = terminal.checkin.check_in(person(), "AP1")
    assert done.appointment.checked_in
    assert done.ticket.status == "issued"
    with terminal.store.engine.connect() as conn:
        issued = conn.exec_driver_sql("SELECT count(*) FROM queue_ticket").scalar()
    assert issued == 1  # the one printed before the stop, no second ticket


def test_too_early_says_when_to_come_back(central: CentralProcess, terminal: Terminal) -> None:
    start = soon(120)
    book(central, "AP1", start, person().id_number)
    terminal.checkin.today_for(person())
    with pytest.raises(ServiceError) as early:
        terminal.checkin.check_in(person(), "AP1")
    assert early.value.reason == "too_early"
    assert early.value.details["come_back_at"] == (
        start - timedelta(minutes=30)
    ).astimezone().strftime("%H:%M")


def test_too_late_sends_the_citizen_to_a_normal_ticket(
    central: CentralProcess, terminal: Terminal
) -> None:
    start = datetime.now(UTC) - timedelta(minutes=20)
    if start.astimezone().date() != datetime.now().astimezone().date():
        pytest.skip("the slot would fall on another day")
    book(central, "AP1", start, person().id_number)
    terminal.checkin.today_for(person())
    with pytest.raises(ServiceError) as late:
        terminal.checkin.check_in(person(), "AP1")
    assert late.value.reason == "too_late"
    assert late.value.details["closed_at"] == (start + timedelta(minutes=15)).astimezone().strftime(
        "%H:%M"
    )


def test_someone_elses_appointment_cannot_be_checked_in(
    central: CentralProcess, terminal: Terminal
) -> None:
    book(central, "AP2", soon(10), OTHER)
    with pytest.raises(ServiceError) as refused:
        terminal.checkin.check_in(person(), "AP2")
    assert refused.value.reason == "no_appointment"


def test_check_in_works_offline_from_the_list_fetched_earlier(
    central: CentralProcess, terminal: Terminal
) -> None:
    book(central, "AP1", soon(5), person().id_number)
    assert terminal.checkin.refresh() == 1
    central.stop()
    today = terminal.checkin.today_for(person())
    assert today.offline is True and today.fetched_at is not None
    done = terminal.checkin.check_in(person(), "AP1")
    assert done.ticket.offline is True
    assert done.ticket.display.startswith("T01-Y")

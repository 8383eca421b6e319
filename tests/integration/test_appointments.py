"""Appointment slots and booking against a real kiosk-central; offline gives a reason code."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from central.booking import HALL_TZ, day_slots
from central.testing import CentralProcess, free_port
from kiosk.contract import Slot
from kiosk.services.appointments import AppointmentError, AppointmentService
from kiosk.sync.client import CentralClient, Credentials
from tests.unit.apply_helpers import identity


def test_the_halls_days_skip_the_spring_festival_and_open_on_its_saturday() -> None:
    # Fri 13 Feb … Tue 24 Feb 2026: Sat 14 Feb (调休) open, 15-23 Feb closed.
    days = [date(2026, 2, 13) + timedelta(days=n) for n in range(12)]
    assert [d for d in days if day_slots(d)] == [
        date(2026, 2, 13),
        date(2026, 2, 14),
        date(2026, 2, 24),
    ]


def test_only_slots_yet_to_start_are_offered_and_a_booked_slot_fills_up(
    central: CentralProcess,
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
    try:
        booking = AppointmentService(client)
        today = datetime.now(HALL_TZ).date()
        slots = booking.free_slots("HJ-004", today, days=14)
        assert slots and all(s.start > datetime.now(UTC) for s in slots)
        first = slots[0]
        for _ in range(first.capacity):
            appt = booking.book("HJ-004", first, identity().id_number)
            assert (
                appt.slot_start == first.start
                and identity().id_number not in appt.model_dump_json()
            )
        with pytest.raises(AppointmentError) as full:
            booking.book("HJ-004", first, identity().id_number)
        assert full.value.reason == "slot_full"
        again = booking.free_slots("HJ-004", first.start.astimezone(HALL_TZ).date(), days=1)
        assert first.start not in {s.start for s in again}
    finally:
        client.close()


def test_a_slot_that_has_started_is_neither_offered_nor_booked(central: CentralProcess) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
    day = datetime.now(HALL_TZ).date() - timedelta(days=1)
    while not day_slots(day):
        day -= timedelta(days=1)
    begin, end = day_slots(day)[-1]
    try:
        booking = AppointmentService(client)
        assert booking.free_slots("HJ-004", day, days=1) == []
        past = Slot(start=begin, end=end, capacity=4, booked=0)
        with pytest.raises(AppointmentError) as refused:
            booking.book("HJ-004", past, identity().id_number)
        assert refused.value.reason == "slot_past"
    finally:
        client.close()


def test_no_central_means_appointments_offline() -> None:
    closed = CentralClient(
        f"http://127.0.0.1:{free_port()}", Credentials("T01", b"x" * 32), timeout=(0.5, 0.5)
    )
    try:
        for service in (AppointmentService(closed), AppointmentService(None)):
            with pytest.raises(AppointmentError) as err:
                service.free_slots("HJ-004", date(2026, 3, 2))
            assert err.value.reason == "appointments_offline"
    finally:
        closed.close()

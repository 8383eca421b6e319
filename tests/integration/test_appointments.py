"""Appointment slots and booking against a real kiosk-central; offline gives a reason code."""

from __future__ import annotations

from datetime import date

import pytest

from central.testing import CentralProcess, free_port
from kiosk.services.appointments import AppointmentError, AppointmentService
from kiosk.sync.client import CentralClient, Credentials
from tests.unit.apply_helpers import identity


def test_slots_skip_the_spring_festival_and_a_booked_slot_fills_up(
    central: CentralProcess,
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
    try:
        booking = AppointmentService(client)
        # Fri 13 Feb … Tue 24 Feb 2026: Sat 14 Feb (调休) open, 15-23 Feb closed.
        slots = booking.free_slots("HJ-004", date(2026, 2, 13), days=12)
        days = sorted({s.start.date() for s in slots})
        assert days == [date(2026, 2, 13), date(2026, 2, 14), date(2026, 2, 24)]
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
        again = booking.free_slots("HJ-004", date(2026, 2, 13), days=1)
        assert first.start not in {s.start for s in again}
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

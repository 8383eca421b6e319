"""The official holiday arrangement travels from central's staff API to a terminal over real
HTTP on 127.0.0.1, and central's own appointment slots follow it."""

from __future__ import annotations

from datetime import date

import pytest
import requests

from central.booking import day_slots
from central.testing import CentralProcess
from kiosk.catalog.calendar import installed, pull_from_central, work_calendar
from kiosk.store import Store
from kiosk.sync.client import CentralClient, Credentials
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.runner import SyncRunner
from kiosk.sync.worker import SyncWorker, WorkerTimings
from tests.unit.test_workdays_calendar import document
from tests.waiting import wait_for


def slot_days(client: CentralClient, start: date, days: int) -> set[date]:
    slots = client.appointment_slots("HJ-004", start, days).slots
    return {s.start.date() for s in slots}


def test_central_publishes_the_arrangement_and_a_terminal_installs_it(
    central: CentralProcess, store: Store
) -> None:
    secret = central.add_terminal("T01")
    central.start()
    client = CentralClient(central.url, Credentials("T01", secret.encode()), timeout=(1, 5))
    # Nothing published yet: nothing installed, 2027 estimated, and no slots on 1 Jan 2027.
    assert pull_from_central(store, client) is None
    assert work_calendar(store).day(date(2027, 1, 1)).source == "estimated"
    assert date(2027, 1, 1) not in slot_days(client, date(2026, 12, 31), 5)
    assert date(2027, 2, 13) not in slot_days(client, date(2027, 2, 8), 7)  # a Saturday

    # A document that does not validate is refused as a whole by central.
    bad = document(version=1)
    bad["years"][0]["holidays"] = bad["years"][0]["holidays"][1:]  # 元旦 left out
    with pytest.raises(requests.HTTPError) as refused:
        central.staff("PUT", "/calendar", bad)
    assert refused.value.response.status_code == 422
    assert "元旦" in refused.value.response.text

    assert central.staff("PUT", "/calendar", document(version=5)) == {"version": 5}
    with pytest.raises(requests.HTTPError) as stale:
        central.staff("PUT", "/calendar", document(version=4))
    assert stale.value.response.status_code == 409

    # The terminal's sync worker pulls it like a catalog change (as the app wires it).
    runner = SyncRunner(store, client, FieldCipher.for_data_dir(store.path.parent))
    worker = SyncWorker(
        runner,
        timings=WorkerTimings(poll_s=0.05, catalog_s=60, status_s=60, probe_offline_s=0.2),
    )
    worker.add_pull("calendar", 0.1, lambda: pull_from_central(store, client))
    worker.start()
    try:
        wait_for(lambda: installed(store) is not None, "the terminal installs the calendar")
    finally:
        worker.stop()
    doc = installed(store)
    assert doc is not None and doc.version == 5
    cal = work_calendar(store)
    assert cal.day(date(2027, 1, 1)).source == "official"
    assert cal.is_working_day(date(2027, 2, 13))  # the 调休 Saturday
    # Asked again, central has nothing newer.
    assert pull_from_central(store, client) is None
    # Central's own slots follow the arrangement: the 调休 Saturday opens, bridged days close.
    days = slot_days(client, date(2027, 2, 8), 7)
    assert date(2027, 2, 13) in days and date(2027, 2, 10) not in days


def test_slots_are_never_offered_on_a_statutory_holiday_of_an_unpublished_year() -> None:
    for day in (date(2027, 1, 1), date(2027, 2, 8), date(2027, 10, 1), date(2031, 5, 2)):
        assert day.weekday() < 5 and day_slots(day) == [], day
    assert day_slots(date(2027, 1, 4))  # an ordinary Monday

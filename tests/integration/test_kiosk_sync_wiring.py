"""The demo terminal: provisioned at its in-process central, it syncs on its own."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import requests

from demo import DemoTerminal, build_demo
from kiosk.app import ScanCallbacks
from kiosk.catalog import CatalogImportError, export_document
from kiosk.catalog.calendar import installed as installed_calendar
from kiosk.catalog.calendar import work_calendar
from kiosk.catalog.importer import installed_version
from kiosk.config import load_settings
from kiosk.devices.reader_worker import CardResult, ReaderCallbacks
from kiosk.services.progress import receipt_from_scan
from kiosk.sync.client import Credentials
from kiosk.sync.factory import make_runner
from kiosk.sync.status import SyncIndicator, sync_status
from tests.sample_submissions import accept_submission, sample_submission
from tests.unit.test_workdays_calendar import document as calendar_document
from tests.waiting import wait_for

UP_S = 60  # the demo core comes up in seconds; a loaded machine only slows it


def test_demo_kiosk_sends_a_submission_to_its_own_central(tmp_path: Path) -> None:
    settings = load_settings(env={}, data_dir=str(tmp_path), demo=True)
    kiosk = build_demo(settings).kiosk
    seen: list[SyncIndicator] = []
    kiosk.events.sync.append(seen.append)
    kiosk.start()
    try:
        assert kiosk.up.wait(UP_S), "the demo core did not come up"
        assert kiosk.sync is not None, "sync worker did not start"
        accept_submission(kiosk.store, sample_submission("D1"))
        kiosk.sync.notify()
        wait_for(lambda: sync_status(kiosk.store).sent >= 1, "the submission is sent")
        assert sync_status(kiosk.store).sent == 1
        assert kiosk.sync.snapshot().backlog == 0
        assert any(i.online for i in seen)
    finally:
        kiosk.stop()


@pytest.fixture
def started(tmp_path: Path) -> Iterator[DemoTerminal]:
    """A demo terminal whose core is up (devices, store, in-process central, sync)."""
    demo = build_demo(load_settings(env={}, data_dir=str(tmp_path), demo=True))
    demo.kiosk.start()
    try:
        assert demo.kiosk.up.wait(UP_S), "the demo core did not come up"
        yield demo
    finally:
        demo.kiosk.stop()


def test_demo_kiosk_wires_the_visit_services_to_its_central(started: DemoTerminal) -> None:
    """Tickets are numbered by central and appointments offered once the demo central is up;
    the sample cases are seeded."""
    services = started.kiosk.services
    ticket = services.tickets.take("A")
    assert ticket.status == "issued"
    assert not ticket.offline, "the ticket should be numbered by the demo central"
    assert services.appointments.client is not None
    assert len(started.receipts) == 4
    assert started.kiosk.central_url == started.central.url


def test_catalog_changes_published_at_central_reach_the_terminal_search(
    started: DemoTerminal,
) -> None:
    """Staff publish a renamed item and withdraw another; the terminal's next catalog pull
    installs both (a bad item changes nothing and is fetched again)."""
    kiosk, central = started.kiosk, started.central
    catalog = kiosk.services.catalog
    # This test pulls by hand: the terminal's own sync worker must not pull the same change
    # at the same moment (both would install "the next version"; one then finds it taken).
    assert kiosk.sync is not None, "sync worker did not start"
    kiosk.sync.stop()
    doc = export_document(kiosk.store)
    assert doc is not None
    first, second = doc["services"][0], doc["services"][1]
    renamed = dict(first, name=first["name"] + "（新版）", version=2)  # feed revision
    staff = {"Authorization": f"Bearer {central.staff_token}"}
    url = f"{central.url}/api/v1/staff/catalog"
    published = {"items": [renamed, dict(second, version=1)]}
    reply = requests.put(url, json=published, headers=staff, timeout=10)
    assert reply.status_code == 200, reply.text
    # central withdraws only what it published
    withdrawn = {"removed": [second["code"]]}
    assert requests.put(url, json=withdrawn, headers=staff, timeout=10).status_code == 200
    tid, secret = central.provision_terminal("T98", kiosk.settings.hall_id)
    runner = make_runner(
        kiosk.settings,
        kiosk.store,
        central.url,
        Credentials(tid, secret.encode()),
        on_catalog=kiosk.apply_catalog,
    )
    before = installed_version(kiosk.store)
    assert before is not None
    runner.pull_catalog()
    assert installed_version(kiosk.store) == before + 1
    assert catalog.service(first["code"]).name == renamed["name"]
    assert [r.code for r in catalog.search("新版", 5)] == [first["code"]]
    after = export_document(kiosk.store)
    assert after is not None and second["code"] not in {s["code"] for s in after["services"]}
    # an item that does not validate: nothing changes, and it is fetched again later
    broken = dict(first, theme="no-such-theme", version=3)
    requests.put(url, json={"items": [broken]}, headers=staff, timeout=10)
    with pytest.raises(CatalogImportError):
        runner.pull_catalog()
    assert installed_version(kiosk.store) == before + 1
    assert catalog.service(first["code"]).name == renamed["name"]


def test_the_terminal_pulls_the_holiday_arrangement_its_central_publishes(
    started: DemoTerminal,
) -> None:
    kiosk, central = started.kiosk, started.central
    assert kiosk.sync is not None, "sync worker did not start"
    kiosk.sync.stop()  # pulled by hand below, not by the worker at the same moment
    pulls = {name: pull for name, _every, pull in kiosk.sync._pulls}
    assert work_calendar(kiosk.store).day(date(2027, 1, 1)).source == "estimated"
    staff = {"Authorization": f"Bearer {central.staff_token}"}
    url = f"{central.url}/api/v1/staff/calendar"
    reply = requests.put(url, json=calendar_document(version=3), headers=staff, timeout=10)
    assert reply.status_code == 200, reply.text
    pulls["calendar"]()
    doc = installed_calendar(kiosk.store)
    assert doc is not None and doc.version == 3
    assert work_calendar(kiosk.store).day(date(2027, 1, 1)).source == "official"


def test_the_demo_taps_sample_cards_and_scans_a_sample_receipt_through_the_simulators(
    started: DemoTerminal,
) -> None:
    """What the demo buttons do arrives as the real devices' events would."""
    cards: list[CardResult] = []
    scans: list[str] = []
    read, scanned = threading.Event(), threading.Event()
    started.kiosk.events.card = ReaderCallbacks(
        on_card_read=lambda result: (cards.append(result), read.set())
    )
    started.kiosk.events.scan = ScanCallbacks(
        on_scan=lambda data: (scans.append(data), scanned.set())
    )
    started.simulate_card_tap()
    assert read.wait(UP_S), "no card read after the tap"
    assert cards[0].identity is not None
    assert started.scan_receipt()
    assert scanned.wait(UP_S), "no scan"
    assert receipt_from_scan(scans[0]) == started.receipts[0]


def test_the_demo_buttons_are_not_held_behind_core_work(started: DemoTerminal) -> None:
    """A card laid on the reader or a code held to the scanner does not wait for the
    terminal's other work: the demo's tap and scan reach their devices while ``core-tasks``
    is busy (a ticket waiting for its print, a long search)."""
    read, scanned, release = threading.Event(), threading.Event(), threading.Event()
    started.kiosk.events.card = ReaderCallbacks(on_card_read=lambda _result: read.set())
    started.kiosk.events.scan = ScanCallbacks(on_scan=lambda _data: scanned.set())
    started.kiosk.tasks.submit(lambda: release.wait(UP_S))
    try:
        started.simulate_card_tap()
        assert started.scan_receipt()
        assert read.wait(UP_S), "the tap waited for core-tasks"
        assert scanned.wait(UP_S), "the scan waited for core-tasks"
    finally:
        release.set()

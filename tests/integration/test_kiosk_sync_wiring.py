"""Demo mode: the kiosk provisions itself at the in-process central and syncs on its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from kiosk.app import Kiosk, build_kiosk
from kiosk.catalog import CatalogImportError, export_document
from kiosk.catalog.importer import installed_version
from kiosk.config import load_settings
from kiosk.sync.client import Credentials
from kiosk.sync.factory import make_runner
from kiosk.sync.status import SyncIndicator, sync_status
from tests.sample_submissions import accept_submission, sample_submission
from tests.waiting import wait_for


def test_demo_kiosk_sends_a_submission_to_its_own_central(tmp_path: Path) -> None:
    settings = load_settings(env={}, data_dir=str(tmp_path), demo=True)
    kiosk = build_kiosk(settings)
    seen: list[SyncIndicator] = []
    kiosk.sync_listeners.append(seen.append)
    kiosk.start()
    try:
        sync = wait_for(lambda: kiosk.sync, "the sync worker starts")
        accept_submission(kiosk.store, sample_submission("D1"))
        sync.notify()
        wait_for(lambda: sync_status(kiosk.store).sent >= 1, "the submission is sent")
        assert sync_status(kiosk.store).sent == 1
        assert sync.snapshot().backlog == 0
        assert any(i.online for i in seen)
    finally:
        kiosk.stop()


@pytest.fixture
def started(tmp_path: Path) -> Iterator[Kiosk]:
    """A demo kiosk whose core is up (devices, store, in-process central, sync)."""
    kiosk = build_kiosk(load_settings(env={}, data_dir=str(tmp_path), demo=True))
    kiosk.start()
    try:
        wait_for(lambda: kiosk.health, "the demo core comes up")
        yield kiosk
    finally:
        kiosk.stop()


def test_demo_kiosk_wires_the_visit_services_to_its_central(started: Kiosk) -> None:
    """Tickets are numbered by central and appointments offered once the demo central is up."""
    assert started.services is not None and started.submit is not None
    assert started.evaluation is not None
    ticket = started.services.tickets.take("A")
    assert ticket.status == "issued"
    assert not ticket.offline, "the ticket should be numbered by the demo central"
    assert started.appointments.client is not None


def test_catalog_changes_published_at_central_reach_the_terminal_search(started: Kiosk) -> None:
    """Staff publish a renamed item and withdraw another; the terminal's next catalog pull
    installs both (a bad item changes nothing and is fetched again)."""
    kiosk = started
    assert kiosk.central is not None and kiosk.catalog is not None
    # This test pulls by hand: the terminal's own sync worker must not pull the same change
    # at the same moment (both would install "the next version"; one then finds it taken).
    wait_for(lambda: kiosk.sync, "the sync worker starts").stop()
    doc = export_document(kiosk.store)
    assert doc is not None
    first, second = doc["services"][0], doc["services"][1]
    renamed = dict(first, name=first["name"] + "（新版）", version=2)  # feed revision
    staff = {"Authorization": f"Bearer {kiosk.central.staff_token}"}
    url = f"{kiosk.central.url}/api/v1/staff/catalog"
    published = {"items": [renamed, dict(second, version=1)]}
    reply = requests.put(url, json=published, headers=staff, timeout=10)
    assert reply.status_code == 200, reply.text
    # central withdraws only what it published
    withdrawn = {"removed": [second["code"]]}
    assert requests.put(url, json=withdrawn, headers=staff, timeout=10).status_code == 200
    tid, secret = kiosk.central.provision_terminal("T98", kiosk.settings.hall_id)
    runner = make_runner(
        kiosk.settings,
        kiosk.store,
        kiosk.central.url,
        Credentials(tid, secret.encode()),
        on_catalog=kiosk.on_catalog,
    )
    before = installed_version(kiosk.store)
    assert before is not None
    runner.pull_catalog()
    assert installed_version(kiosk.store) == before + 1
    assert kiosk.catalog.service(first["code"]).name == renamed["name"]
    assert [r.code for r in kiosk.catalog.search("新版", 5)] == [first["code"]]
    after = export_document(kiosk.store)
    assert after is not None and second["code"] not in {s["code"] for s in after["services"]}
    # an item that does not validate: nothing changes, and it is fetched again later
    broken = dict(first, theme="no-such-theme", version=3)
    requests.put(url, json={"items": [broken]}, headers=staff, timeout=10)
    with pytest.raises(CatalogImportError):
        runner.pull_catalog()
    assert installed_version(kiosk.store) == before + 1
    assert kiosk.catalog.service(first["code"]).name == renamed["name"]

"""Demo mode: the kiosk provisions itself at the in-process central and syncs on its own."""

from __future__ import annotations

import time
from pathlib import Path

from kiosk.app import build_kiosk
from kiosk.config import load_settings
from kiosk.sync.samples import accept_submission, sample_submission
from kiosk.sync.status import SyncIndicator, sync_status


def test_demo_kiosk_sends_a_submission_to_its_own_central(tmp_path: Path) -> None:
    settings = load_settings(env={}, data_dir=str(tmp_path), demo=True)
    kiosk = build_kiosk(settings)
    seen: list[SyncIndicator] = []
    kiosk.sync_listeners.append(seen.append)
    kiosk.start()
    try:
        deadline = time.monotonic() + 20
        while kiosk.sync is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert kiosk.sync is not None, "sync worker did not start"
        accept_submission(kiosk.store, sample_submission("D1"))
        kiosk.sync.notify()
        while sync_status(kiosk.store).sent < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sync_status(kiosk.store).sent == 1
        assert kiosk.sync.snapshot().backlog == 0
        assert any(i.online for i in seen)
    finally:
        kiosk.stop()


def test_demo_kiosk_wires_the_visit_services_to_its_central(tmp_path: Path) -> None:
    """Tickets are numbered by central and appointments offered once the demo central is up."""
    settings = load_settings(env={}, data_dir=str(tmp_path), demo=True)
    kiosk = build_kiosk(settings)
    kiosk.start()
    try:
        deadline = time.monotonic() + 20
        while kiosk.health is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert kiosk.services is not None and kiosk.submit is not None
        assert kiosk.evaluation is not None
        ticket = kiosk.services.tickets.take("A")
        assert ticket.status == "issued"
        assert not ticket.offline, "the ticket should be numbered by the demo central"
        assert kiosk.appointments.client is not None
    finally:
        kiosk.stop()

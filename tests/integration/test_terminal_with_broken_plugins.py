"""The whole terminal with a vendor's reader plug-in that does not build and a printer whose
driver hangs: it starts, serves what it can, and says which device is broken and why."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from drivers.registry import CARD_READERS, PRINTERS
from drivers.status import DeviceState
from drivers.testing import fake_distribution
from kiosk.app import Kiosk, build_kiosk
from kiosk.config import load_settings
from kiosk.health import SystemStatus
from kiosk.services.common import ServiceError
from tests.sample_slips import sample_ticket
from tests.waiting import GENEROUS_S

PLUGINS = {
    "acmeid_kiosk": "def make(uri):\n    raise OSError('libacmeid.so: cannot open it')\n",
    "acmeprint_kiosk": (
        "import threading\n"
        "from drivers.printers.base import PrinterStatus\n"
        "RELEASE = threading.Event()\n"
        "class Printer:\n"
        "    def __init__(self, uri):\n"
        "        self.uri = str(uri)\n"
        "    def send(self, data):\n"
        "        RELEASE.wait()\n"
        "    def query_status(self):\n"
        "        RELEASE.wait()\n"
        "        return PrinterStatus(online=True, paper='ok')\n"
        "    def close(self):\n"
        "        pass\n"
        "def make(uri):\n"
        "    return Printer(uri)\n"
    ),
}


@pytest.fixture
def kiosk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> Iterator[Kiosk]:
    site = tmp_path / "site"
    site.mkdir()
    fake_distribution(
        site,
        "acme-kiosk",
        "1.0",
        PLUGINS,
        {CARD_READERS: {"acmeid": "acmeid_kiosk:make"}, PRINTERS: {"acme": "acmeprint_kiosk:make"}},
    )
    monkeypatch.syspath_prepend(str(site))
    for name in PLUGINS:  # each test imports the plug-ins afresh (a released Event stays set)
        monkeypatch.delitem(sys.modules, name, raising=False)
    settings = load_settings(
        env={},
        data_dir=str(tmp_path / "data"),
        card_reader="acmeid:/dev/ttyACM0",
        printer="acme:/dev/usb/lp0",
    )
    terminal = build_kiosk(settings)  # does not raise: the terminal starts
    terminal.printing.send_deadline_s = 1.0  # the terminal's 60 s is too long for a test
    yield terminal
    sys.modules["acmeprint_kiosk"].RELEASE.set()  # let the abandoned driver threads end
    for name in PLUGINS:
        sys.modules.pop(name, None)


def test_the_terminal_starts_and_reports_each_broken_device(kiosk: Kiosk) -> None:
    snapshots: list[SystemStatus] = []
    seen = threading.Event()

    def on_status(status: SystemStatus) -> None:
        snapshots.append(status)
        seen.set()

    kiosk.events.status.append(on_status)
    kiosk.start()
    try:
        assert seen.wait(GENEROUS_S), "no status snapshot: a device held the health monitor"
        status = snapshots[-1]
        assert status.card_reader.state == DeviceState.ERROR
        assert status.card_reader.reason == "driver_broken"
        assert "libacmeid.so" in status.card_reader.detail
        assert "acme-kiosk" in status.card_reader.detail
        assert status.printer.state == DeviceState.ERROR
        assert status.printer.reason == "timeout"
        # Everything else still works: a ticket is issued, and the screen is told its print
        # timed out (it offers the number on screen) instead of the terminal stopping.
        with pytest.raises(ServiceError) as info:
            kiosk.services.tickets.take("A")
        assert info.value.reason in ("print_failed", "print_timeout")
        assert info.value.details["ticket"] is not None
    finally:
        done = threading.Event()
        threading.Thread(target=lambda: (kiosk.stop(), done.set()), daemon=True).start()
        assert done.wait(GENEROUS_S), "stop() hung on a driver"


def test_a_job_on_a_hung_printer_fails_with_timeout(kiosk: Kiosk) -> None:
    kiosk.start()
    try:
        printing = kiosk.printing.submit(sample_ticket(datetime.now()))
        assert printing.result(GENEROUS_S).reason == "timeout"
    finally:
        kiosk.stop()

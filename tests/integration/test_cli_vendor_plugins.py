"""``kioskctl`` with a vendor's plug-ins that misbehave, as separate processes (a vendor's
view): hung drivers, a plug-in that does not import, one whose factory raises.

The plug-ins are real distributions on PYTHONPATH, found through their entry points.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from drivers.registry import CARD_READERS, PRINTERS
from drivers.testing import fake_distribution

pytestmark = pytest.mark.slow  # each kioskctl start costs about 2 s
KIOSKCTL = str(Path(sys.executable).parent / "kioskctl")
GENEROUS_S = 30.0  # the deadlines below are 1 s; the machine is shared and loaded

HANGING = """
import threading

from drivers.printers.base import PrinterStatus
from drivers.status import DeviceState, DeviceStatus

NEVER = threading.Event()


class Printer:
    def __init__(self, uri, hang):
        self.uri, self.hang = str(uri), hang

    def send(self, data):
        if "send" in self.hang:
            NEVER.wait()

    def query_status(self):
        if "status" in self.hang:
            NEVER.wait()
        return PrinterStatus(online=True, paper="ok")

    def close(self):
        pass


class Reader:
    def __init__(self, uri):
        self.uri = str(uri)

    def open(self):
        pass

    def close(self):
        pass

    def read_card(self, timeout_s):
        NEVER.wait()

    def status(self):
        NEVER.wait()
        return DeviceStatus(DeviceState.OK, "never")


def printer(uri):
    return Printer(uri, uri.options.get("hang", "send"))


def reader(uri):
    return Reader(uri)
"""

GOOD = """
from drivers.cards.base import CardReaderError
from drivers.cards.sim.memory import MemoryCardReader


class Reader(MemoryCardReader):
    def open(self):
        if "absent" in self.uri:
            raise CardReaderError("no such port", "reader_absent")
        super().open()


def reader(uri):
    return Reader(str(uri))


def discover():
    return [{"uri": "good:acme-sdk-0", "description": "Acme AR-200 (SDK handle 0)"}]
"""

RAISING = """
def make(uri):
    raise OSError("libacmeid.so: cannot open shared object file")
"""


@pytest.fixture
def vendor(tmp_path: Path) -> dict[str, str]:
    """An environment where the acme plug-ins are installed, and settings using them."""
    plugins = tmp_path / "site"
    plugins.mkdir()
    fake_distribution(
        plugins,
        "acme-kiosk",
        "1.0",
        {
            "acme_kiosk": HANGING,
            "acmeid_kiosk": RAISING,
            "nosdk_kiosk": "import acme_sdk\n",
            "good_kiosk": GOOD,
        },
        {
            PRINTERS: {"acme": "acme_kiosk:printer", "nosdk": "nosdk_kiosk:make"},
            CARD_READERS: {
                "hang": "acme_kiosk:reader",
                "acmeid": "acmeid_kiosk:make",
                "good": "good_kiosk:reader",
            },
            "kiosk.discovery": {"good": "good_kiosk:discover", "broken": "nosdk_kiosk:x"},
        },
    )
    data = tmp_path / "data"
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'data_dir = "{data}"\n'
        'card_reader = "acmeid:/dev/ttyACM0"\nprinter = "acme:?hang=status"\n',
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("KIOSK_")}
    env["PYTHONPATH"] = str(plugins)
    env["KIOSK_CONFIG"] = str(config)
    return env


def kioskctl(env: dict[str, str], *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    done = subprocess.run([KIOSKCTL, *args], capture_output=True, text=True, timeout=120, env=env)
    return done, time.monotonic() - started


def no_traceback(done: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in done.stdout + done.stderr


def test_print_test_on_a_printer_whose_send_hangs_returns_within_its_deadline(vendor):
    done, took = kioskctl(vendor, "print-test", "--printer", "acme:?hang=send", "--deadline", "1")
    assert took < GENEROUS_S
    assert done.returncode == 1
    assert "did not finish 'send' within 1 s" in done.stderr and "[timeout]" in done.stderr
    no_traceback(done)


def test_printer_status_of_a_hung_printer_returns_within_its_deadline(vendor):
    done, took = kioskctl(vendor, "printer-status", "--deadline", "1", "--json")
    assert took < GENEROUS_S
    assert done.returncode == 1
    assert "did not finish 'status'" in json.loads(done.stdout)["detail"]


def test_read_card_on_a_hung_reader_returns_within_its_timeout_and_margin(vendor):
    done, took = kioskctl(vendor, "read-card", "--reader", "hang:", "--timeout", "1")
    assert took < GENEROUS_S
    assert done.returncode == 1, "2 means 'no card'; a hung reader is a broken device"
    assert "did not finish 'read'" in done.stderr
    no_traceback(done)


def test_doctor_reports_a_hung_printer_and_a_broken_reader_each_on_its_own_line(vendor):
    done, took = kioskctl(vendor, "doctor", "--json", "--deadline", "1")
    assert took < GENEROUS_S
    assert done.returncode == 1
    checks = {c["name"]: c for c in json.loads(done.stdout)["checks"]}
    printer, reader = checks["printer"], checks["card_reader"]
    assert printer["state"] == "error" and "did not finish 'status'" in printer["detail"]
    assert reader["state"] == "error" and "libacmeid.so" in reader["detail"]
    assert "acme-kiosk" in reader["hint"] and "cable" not in reader["hint"]
    assert checks["database"]["state"] == "ok"  # the rest is still checked
    no_traceback(done)


def test_a_plugin_that_does_not_import_exits_1_naming_its_package(vendor):
    done, _ = kioskctl(vendor, "print-test", "--printer", "nosdk:")
    assert done.returncode == 1
    assert "acme_sdk" in done.stderr and "acme-kiosk" in done.stderr
    assert "sim:" not in done.stdout + done.stderr
    no_traceback(done)
    done, _ = kioskctl(vendor, "read-card", "--reader", "acmeid:/dev/ttyACM0", "--timeout", "1")
    assert done.returncode == 1
    assert "libacmeid.so" in done.stderr
    no_traceback(done)


def test_a_missing_plugin_is_never_a_quiet_sim_printer(vendor, tmp_path):
    config = Path(vendor["KIOSK_CONFIG"])
    config.write_text(config.read_text() + "", encoding="utf-8")
    config.write_text(
        config.read_text().replace('printer = "acme:?hang=status"', 'printer = "gone:/dev/lp0"')
    )
    done, _ = kioskctl(vendor, "print-test")
    assert done.returncode == 1
    assert "no printer driver for 'gone'" in done.stderr
    assert "printed" not in done.stdout


def test_version_lists_loaded_and_failed_plugins(vendor):
    done, _ = kioskctl(vendor, "version", "--json")
    assert done.returncode == 0
    found = {p["scheme"]: p for p in json.loads(done.stdout)["plugins"]}
    assert found["acme"]["state"] == "loaded"
    assert found["nosdk"]["state"] == "failed" and "acme_sdk" in found["nosdk"]["error"]
    done, _ = kioskctl(vendor, "version")
    assert "nosdk" in done.stdout and "failed" in done.stdout


def test_vendor_check_passes_a_plugin_that_keeps_the_contract(vendor):
    done, _ = kioskctl(vendor, "vendor-check", "--reader", "good:/dev/ttyACM0", "--deadline", "5")
    assert done.returncode == 0, done.stdout
    assert "[PASS] card reader good:/dev/ttyACM0: absent device" in done.stdout
    assert "Driver check passed." in done.stdout


def test_vendor_check_reports_a_hung_printer_and_a_reader_that_does_not_build(vendor):
    done, took = kioskctl(
        vendor,
        "vendor-check",
        "--printer",
        "acme:?hang=send",
        "--reader",
        "acmeid:/dev/ttyACM0",
        "--deadline",
        "1",
        "--json",
    )
    assert took < GENEROUS_S * 2
    assert done.returncode == 1
    findings = {(f["device"], f["check"]): f for f in json.loads(done.stdout)["findings"]}
    build = findings[("card reader acmeid:/dev/ttyACM0", "build")]
    assert build["result"] == "fail" and "libacmeid.so" in build["detail"]
    send = findings[("printer acme:?hang=send", "send")]
    assert send["result"] == "fail" and "did not finish 'send' within 1 s" in send["detail"]
    no_traceback(done)


def test_devices_lists_hardware_a_plugin_discovers(vendor):
    done, _ = kioskctl(vendor, "devices", "--json")
    found = json.loads(done.stdout)["plugin_devices"]
    assert {
        "plugin": "good",
        "uri": "good:acme-sdk-0",
        "description": "Acme AR-200 (SDK handle 0)",
    } in found
    assert any(d["plugin"] == "broken" and "acme_sdk" in d["error"] for d in found)
    assert done.returncode == 0
    done, _ = kioskctl(vendor, "devices")
    assert "good:acme-sdk-0" in done.stdout and "discovery failed" in done.stdout
    no_traceback(done)

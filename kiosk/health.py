"""What the status bar and ``kioskctl doctor`` show: the state of each part of the terminal."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import requests

from drivers.cards.base import CardReader
from drivers.printers.base import Printer
from drivers.status import DeviceState, DeviceStatus
from kiosk.contract import API_PREFIX

log = logging.getLogger(__name__)

CENTRAL_TIMEOUT_S = 3.0


@dataclass(frozen=True)
class SystemStatus:
    """One snapshot of everything the status bar shows."""

    card_reader: DeviceStatus
    printer: DeviceStatus
    network: DeviceStatus
    checked_at: datetime


def check_card_reader(reader: CardReader | None) -> DeviceStatus:
    """The reader's own answer; a driver that raises counts as an error, not a crash."""
    if reader is None:
        return DeviceStatus(DeviceState.ERROR, "no card reader configured")
    try:
        return reader.status()
    except Exception as exc:  # drivers may fail in any way; staff get one line
        return DeviceStatus(DeviceState.ERROR, f"card reader check failed: {exc}")


def check_printer(printer: Printer | None) -> DeviceStatus:
    """The printer's status query turned into a coarse state."""
    if printer is None:
        return DeviceStatus(DeviceState.ERROR, "no printer configured")
    try:
        return printer.query_status().to_device_status()
    except Exception as exc:
        return DeviceStatus(DeviceState.ERROR, f"printer check failed: {exc}")


def check_central(
    url: str, session: requests.Session | None = None, timeout_s: float = CENTRAL_TIMEOUT_S
) -> DeviceStatus:
    """Whether the central service answers its health endpoint."""
    if not url:
        return DeviceStatus(DeviceState.UNKNOWN, "no central service configured (offline mode)")
    http = session or requests
    try:
        reply = http.get(f"{url.rstrip('/')}{API_PREFIX}/health", timeout=timeout_s)
    except requests.RequestException as exc:
        return DeviceStatus(
            DeviceState.ERROR, f"central service unreachable ({type(exc).__name__})"
        )
    if reply.status_code != 200:
        return DeviceStatus(DeviceState.ERROR, f"central service answered HTTP {reply.status_code}")
    try:
        body = reply.json()
    except ValueError:
        return DeviceStatus(
            DeviceState.ERROR, "central service answered something that is not JSON"
        )
    if not isinstance(body, dict) or body.get("status") != "ok":
        return DeviceStatus(DeviceState.ERROR, "central service reports a problem")
    return DeviceStatus(DeviceState.OK, "central service reachable")


def check_scanner(uri: str, running: bool, lost_reason: str) -> DeviceStatus:
    """A scanner as its worker last saw it (scanners answer no status query)."""
    if not running:
        return DeviceStatus(DeviceState.UNKNOWN, f"scanner {uri} not started")
    if lost_reason:
        return DeviceStatus(DeviceState.ERROR, f"scanner {uri}: {lost_reason}", lost_reason)
    return DeviceStatus(DeviceState.OK, f"scanner {uri} ready")


TIMESYNC_FLAG = Path("/run/systemd/timesync/synchronized")


def check_clock(
    now: Callable[[], datetime] = datetime.now, synced_flag: Path = TIMESYNC_FLAG
) -> DeviceStatus:
    """The local time, and whether systemd-timesyncd has synchronised it (receipts carry
    dates and promised dates: a wrong clock misleads citizens)."""
    shown = now().strftime("%Y-%m-%d %H:%M")
    if synced_flag.exists():
        return DeviceStatus(DeviceState.OK, f"{shown}, synchronised with a time server")
    return DeviceStatus(
        DeviceState.UNKNOWN, f"{shown}, not confirmed synchronised with a time server", "unsynced"
    )


def check_data_dir(path: Path) -> DeviceStatus:
    """The data folder exists and a file can be written there."""
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / f".write-test-{os.getpid()}"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        return DeviceStatus(
            DeviceState.ERROR, f"data folder {path} is not writable: {exc.strerror}"
        )
    return DeviceStatus(DeviceState.OK, f"data folder {path} writable")


class HealthMonitor:
    """Checks every part on its own thread every ``interval_s`` and reports each snapshot."""

    def __init__(
        self,
        card_reader: CardReader | None,
        printer: Printer | None,
        central_url: Callable[[], str],
        on_status: Callable[[SystemStatus], None],
        interval_s: float = 10.0,
    ) -> None:
        self._reader = card_reader
        self._printer = printer
        self._central_url = central_url
        self._on_status = on_status
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._http = requests.Session()

    def check_now(self) -> SystemStatus:
        """One snapshot, taken in the calling thread (blocking)."""
        return SystemStatus(
            card_reader=check_card_reader(self._reader),
            printer=check_printer(self._printer),
            network=check_central(self._central_url(), self._http),
            checked_at=datetime.now().astimezone(),
        )

    def start(self) -> None:
        """Start the monitor thread; the first snapshot comes at once."""
        self._thread = threading.Thread(target=self._run, name="health", daemon=True)
        self._thread.start()

    def refresh(self) -> None:
        """Take a snapshot soon (e.g. after the network came back)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=CENTRAL_TIMEOUT_S + 2)
        self._http.close()

    def _run(self) -> None:
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self._on_status(self.check_now())
            except Exception:
                log.exception("health check failed")
            self._wake.wait(max(0.0, self._interval_s - (time.monotonic() - started)))
            self._wake.clear()

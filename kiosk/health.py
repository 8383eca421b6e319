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
from typing import TypeVar

import requests

from drivers.cards.base import CardReader
from drivers.printers.base import Printer, PrinterStatus
from drivers.status import DeviceState, DeviceStatus
from kiosk.contract import API_PREFIX
from kiosk.devices.broken import BROKEN_REASON, broken_problem
from kiosk.devices.guard import DeviceGuard, DeviceTimeout, call_once

log = logging.getLogger(__name__)

CENTRAL_TIMEOUT_S = 3.0
T = TypeVar("T")
# How long a device's own status query may take before the device counts as hung.
STATUS_DEADLINE_S = 5.0


def _query(
    guard: DeviceGuard | None, device: str, operation: str, fn: Callable[[], T], deadline_s: float
) -> T:
    if guard is not None:
        return guard.call(operation, fn, deadline_s)
    return call_once(device, operation, fn, deadline_s)


@dataclass(frozen=True)
class SystemStatus:
    """One snapshot of everything the status bar shows."""

    card_reader: DeviceStatus
    printer: DeviceStatus
    network: DeviceStatus
    checked_at: datetime
    # When the checks began: a device's word given after this (a print job's outcome) is
    # newer than what the snapshot says of it.
    started_at: datetime | None = None
    # The A4 printer for certificates; None: none configured.
    a4_printer: DeviceStatus | None = None


def check_card_reader(
    reader: CardReader | None,
    guard: DeviceGuard | None = None,
    deadline_s: float = STATUS_DEADLINE_S,
) -> DeviceStatus:
    """The reader's own answer within ``deadline_s``; a driver that raises, hangs or answers
    something else than a :class:`DeviceStatus` counts as an error, not a crash."""
    if reader is None:
        return DeviceStatus(DeviceState.ERROR, "no card reader configured")
    problem = broken_problem(reader)
    if problem:
        return DeviceStatus(DeviceState.ERROR, problem, BROKEN_REASON)
    device = f"card reader {reader.uri}"
    try:
        status = _query(guard, device, "status", reader.status, deadline_s)
    except DeviceTimeout as exc:
        return DeviceStatus(DeviceState.ERROR, str(exc), exc.reason)
    except Exception as exc:  # drivers may fail in any way; staff get one line
        return DeviceStatus(DeviceState.ERROR, f"card reader check failed: {exc}")
    if not isinstance(status, DeviceStatus):
        return DeviceStatus(
            DeviceState.ERROR,
            f"{device}: driver does not conform: status() returned {type(status).__name__}",
            "driver_nonconforming",
        )
    return status


def check_printer(
    printer: Printer | None,
    guard: DeviceGuard | None = None,
    deadline_s: float = STATUS_DEADLINE_S,
) -> DeviceStatus:
    """The printer's status query, within ``deadline_s``, turned into a coarse state."""
    if printer is None:
        return DeviceStatus(DeviceState.ERROR, "no printer configured")
    problem = broken_problem(printer)
    if problem:
        return DeviceStatus(DeviceState.ERROR, problem, BROKEN_REASON)
    device = f"printer {printer.uri}"
    try:
        status = _query(guard, device, "status", printer.query_status, deadline_s)
    except DeviceTimeout as exc:
        return DeviceStatus(DeviceState.ERROR, str(exc), exc.reason)
    except Exception as exc:
        return DeviceStatus(DeviceState.ERROR, f"printer check failed: {exc}")
    if not isinstance(status, PrinterStatus):
        return DeviceStatus(
            DeviceState.ERROR,
            f"{device}: driver does not conform: query_status() returned {type(status).__name__}",
            "driver_nonconforming",
        )
    return status.to_device_status()


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
    """Checks every part on its own thread every ``interval_s`` and reports each snapshot.

    Each device is queried on a thread of its own under ``device_deadline_s``: a hung driver
    is reported as such ("did not finish 'status' within 5 s") and the snapshots keep coming.
    """

    def __init__(
        self,
        card_reader: CardReader | None,
        printer: Printer | None,
        central_url: Callable[[], str],
        on_status: Callable[[SystemStatus], None],
        interval_s: float = 10.0,
        device_deadline_s: float = STATUS_DEADLINE_S,
        a4_printer: Callable[[], DeviceStatus] | None = None,
    ) -> None:
        self._reader = card_reader
        self._a4 = a4_printer
        self._a4_guard = DeviceGuard("A4 printer")
        self._deadline_s = device_deadline_s
        self._reader_guard = DeviceGuard(f"card reader {getattr(card_reader, 'uri', '?')}")
        self._printer_guard = DeviceGuard(f"printer {getattr(printer, 'uri', '?')}")
        self._printer = printer
        self._central_url = central_url
        self._on_status = on_status
        self._interval_s = interval_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._http = requests.Session()

    def watches(self, card_reader: object, printer: object) -> bool:
        """Whether this monitor checks exactly these two devices."""
        return self._reader is card_reader and self._printer is printer

    def check_devices(self) -> tuple[DeviceStatus, DeviceStatus]:
        """Card reader and printer checked now, each under the deadline, on this monitor's
        device threads (the staff screen uses these too: a hung driver holds at most a few
        abandoned threads, however often staff press 重新检测)."""
        return (
            check_card_reader(self._reader, self._reader_guard, self._deadline_s),
            check_printer(self._printer, self._printer_guard, self._deadline_s),
        )

    def check_now(self) -> SystemStatus:
        """One snapshot, taken in the calling thread (blocking)."""
        started = datetime.now().astimezone()
        reader, printer = self.check_devices()
        return SystemStatus(
            card_reader=reader,
            printer=printer,
            network=check_central(self._central_url(), self._http),
            checked_at=datetime.now().astimezone(),
            started_at=started,
            a4_printer=self.check_a4_printer(),
        )

    def check_a4_printer(self) -> DeviceStatus | None:
        """The A4 printer checked now under the deadline (None: none configured)."""
        if self._a4 is None:
            return None
        try:
            return _query(self._a4_guard, "A4 printer", "status", self._a4, self._deadline_s)
        except DeviceTimeout as exc:
            return DeviceStatus(DeviceState.ERROR, str(exc), exc.reason)
        except Exception as exc:  # a driver may fail in any way; staff get one line
            return DeviceStatus(DeviceState.ERROR, f"A4 printer check failed: {exc}")

    def start(self) -> None:
        """Start the monitor thread; the first snapshot comes at once."""
        # Started before it is published: a stop() racing this start (the core is built on
        # its own thread) never joins a thread that has not started; it ends on the stop flag.
        thread = threading.Thread(target=self._run, name="health", daemon=True)
        thread.start()
        self._thread = thread

    def refresh(self) -> None:
        """Take a snapshot soon (e.g. after the network came back)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=CENTRAL_TIMEOUT_S + 2 * self._deadline_s + 2)
        self._reader_guard.close()
        self._printer_guard.close()
        self._a4_guard.close()
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

"""The terminal's heartbeat to central: what staff need to look after it from the console.

:class:`HeartbeatSource` keeps the latest health snapshot (the composition root hands it each
one) and builds a :class:`~kiosk.contract.Heartbeat` from it, the outbox counts, the
installed catalog and calendar versions and the last days' searches that found nothing. The
sync worker sends it about once a minute (:data:`INTERVAL_S`) with its own signed client;
offline, nothing is sent and nothing waits.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable

from drivers.status import DeviceStatus
from kiosk import __version__
from kiosk.catalog.calendar import installed as installed_calendar
from kiosk.catalog.importer import installed_version
from kiosk.catalog.misses import recent as recent_misses
from kiosk.contract import DeviceReport, Heartbeat
from kiosk.health import SystemStatus
from kiosk.store import Store
from kiosk.sync.outbox import counts

INTERVAL_S = 60.0
_CODE = re.compile(r"^[a-z0-9_]{1,40}$")
_PAPER = {"paper_out": "out", "near_end": "near_end"}


def _code(reason: str) -> str:
    """A reason code as the wire accepts it ("" for anything else: never free text)."""
    return reason if _CODE.match(reason) else ""


def report(status: DeviceStatus | None) -> DeviceReport:
    if status is None:
        return DeviceReport(state="unknown")
    return DeviceReport(state=str(status.state), reason=_code(status.reason))


def paper(printer: DeviceStatus | None) -> str:
    if printer is None:
        return "unknown"
    if printer.reason in _PAPER:
        return _PAPER[printer.reason]
    return "ok" if printer.ok else "unknown"


class HeartbeatSource:
    """The heartbeat as of now (thread-safe: fed by the health thread, read by sync)."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.monotonic) -> None:
        self._store = store
        self._clock = clock
        self._started = clock()
        self._lock = threading.Lock()
        self._status: SystemStatus | None = None
        self._last_error = ""
        # Optional devices (scanner, camera) as their workers last reported them; a
        # device missing here is not configured.
        self._optional: dict[str, DeviceReport] = {}

    def configured(self, device: str) -> None:
        """``device`` (``scanner`` / ``camera``) is configured: ok until its worker reports
        it lost (a worker that cannot open it at start reports that too)."""
        with self._lock:
            self._optional.setdefault(device, DeviceReport(state="ok"))

    def lost(self, device: str, reason: str) -> None:
        """The worker of ``device`` lost it (cable out, hung): an error until it is back."""
        with self._lock:
            self._optional[device] = DeviceReport(state="error", reason=_code(reason))
            if _code(reason):
                self._last_error = reason

    def back(self, device: str) -> None:
        """The worker of ``device`` has it working (again)."""
        with self._lock:
            self._optional[device] = DeviceReport(state="ok")

    def observe(self, status: SystemStatus) -> None:
        """A new health snapshot; its first device problem becomes the last error."""
        with self._lock:
            self._status = status
            for part in (status.card_reader, status.printer):
                if not part.ok and _code(part.reason):
                    self._last_error = part.reason
                    break

    def build(self) -> Heartbeat:
        with self._lock:
            status, last_error = self._status, self._last_error
            optional = dict(self._optional)
        outbox = counts(self._store)
        calendar = installed_calendar(self._store)
        return Heartbeat(
            software_version=__version__,
            catalog_version=installed_version(self._store),
            calendar_version=calendar.version if calendar is not None else None,
            card_reader=report(status.card_reader if status else None),
            printer=report(status.printer if status else None),
            paper=paper(status.printer if status else None),
            scanner=optional.get("scanner"),
            camera=optional.get("camera"),
            a4_printer=report(status.a4_printer) if status and status.a4_printer else None,
            outbox_pending=outbox.pending + outbox.sending,
            outbox_dead=outbox.dead,
            last_error=last_error,
            uptime_s=int(self._clock() - self._started),
            search_misses=recent_misses(self._store),
        )

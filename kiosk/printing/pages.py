"""The A4 printer (certificates) as the terminal holds it: opened on first use, on the thread
that uses it (``core-tasks``), never on the GUI thread; a ``sim:`` printer without a folder
writes into the data dir's ``pages`` folder (the demo's)."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from drivers.pages.base import PagePrinter, PagePrinterError, PageStatus
from drivers.registry import make_page_printer
from drivers.status import DeviceState, DeviceStatus
from drivers.uri import parse_device_uri
from kiosk.config import Settings

log = logging.getLogger(__name__)


def pages_dir(settings: Settings) -> Path:
    """Where the simulated A4 printer writes its jobs (``job-N.pdf``)."""
    return settings.data_dir / "pages"


def a4_printer_uri(settings: Settings) -> str:
    """The configured A4 printer's URI ("" for none); a bare ``sim:`` gets :func:`pages_dir`."""
    text = settings.a4_printer
    if not text:
        return ""
    uri = parse_device_uri(text)
    if uri.scheme == "sim" and not uri.target and "out" not in uri.options:
        return f"sim:{pages_dir(settings)}"
    return text


class A4Printer:
    """The configured A4 printer, built by the registry the first time it is needed."""

    def __init__(self, uri: str) -> None:
        self.uri = uri
        self._printer: PagePrinter | None = None
        self._lock = threading.Lock()

    def open(self) -> PagePrinter:
        """The driver (built now if it was not yet); raises :class:`PagePrinterError`
        (``no_such_queue``) when no driver can be built for the URI."""
        with self._lock:
            if self._printer is None:
                try:
                    self._printer = make_page_printer(self.uri)
                except Exception as exc:  # a missing plug-in, a bad folder: this device only
                    log.warning("A4 printer %s cannot be opened: %s", self.uri, exc)
                    raise PagePrinterError(f"{self.uri} cannot be opened", "no_such_queue") from exc
            return self._printer

    def status(self) -> PageStatus:
        """The printer's state (``unknown`` when it cannot be opened); blocking."""
        try:
            return self.open().status()
        except PagePrinterError as exc:
            return PageStatus("unknown", ("no-such-queue",), message=exc.message)

    def device_status(self) -> DeviceStatus:
        """The state as the health checks, the heartbeat and the staff screen take it: an
        error with the reason code (``paper_out`` …) when it cannot print now; blocking."""
        status = self.status()
        problem = status.problem()
        if problem and problem != "rejecting":  # a rejecting queue still prints what it took
            return DeviceStatus(DeviceState.ERROR, f"A4 printer {self.uri}: {problem}", problem)
        return DeviceStatus(DeviceState.OK, f"A4 printer {self.uri} ready")

    def close(self) -> None:
        """Release the driver if it was opened."""
        with self._lock:
            printer, self._printer = self._printer, None
        if printer is not None:
            printer.close()

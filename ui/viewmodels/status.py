"""The status bar's view-model: hall name, and the state of network, printer and card reader.

It is the interface's one record of the devices: the status bar and every page read it, so
they cannot disagree. The health monitor's snapshots come in every few seconds; what the
screens learn in between (the reader worker lost the reader, a print job found the paper out,
central did not answer) is reported here at once, and the newest word wins.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal

from drivers.status import DeviceState, DeviceStatus

if TYPE_CHECKING:  # the health module pulls in requests; not needed for the first frame
    from kiosk.health import SystemStatus
    from kiosk.sync.status import SyncIndicator


# Print failures that are the printer's state (not one document's): the status bar shows them.
PRINTER_REASONS = frozenset(
    {"paper_out", "cover_open", "offline", "unreachable", "timeout", "error"}
)


class StatusViewModel(QObject):
    """Device states as strings QML can bind to: ``ok``, ``warning``, ``error``, ``unknown``.

    Each device also has a ``…Reason`` (``paper_out``, ``offline`` …) so QML can pick the
    sentence; the English ``detail`` is for staff and never shown to citizens.
    """

    changed = Signal()

    def __init__(
        self, hall_name: str, terminal_name: str, demo: bool, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._hall_name = hall_name
        self._terminal_name = terminal_name
        self._demo = demo
        self._backlog = 0
        self._dead = 0
        self._states: dict[str, tuple[str, str]] = {
            "reader": ("unknown", ""),
            "printer": ("unknown", ""),
            "network": ("unknown", ""),
            # The document camera: "none" until the core says one is configured.
            "camera": ("none", ""),
        }
        self._printer_word_at: datetime | None = None  # when a print job last said

    def apply(self, status: SystemStatus) -> None:
        """Take a snapshot from the health monitor (call on the GUI thread). A snapshot whose
        checks began before a print job's outcome arrived says nothing newer of the printer:
        a probe that saw paper before the job ran out of it must not undo 缺纸."""
        self.set_device("reader", status.card_reader)
        job_word = self._printer_word_at
        if job_word is None or status.started_at is None or status.started_at > job_word:
            self.set_device("printer", status.printer)
        self.set_device("network", status.network)

    def apply_sync(self, indicator: SyncIndicator) -> None:
        """Take the sync worker's backlog (call on the GUI thread)."""
        new = (indicator.backlog, indicator.dead)
        if (self._backlog, self._dead) != new:
            self._backlog, self._dead = new
            self.changed.emit()

    def reader_lost(self, reason: str, _message: str = "") -> None:
        """The reader worker lost the reader (unplugged, port gone): the card page and the
        status bar both say so now, not at the next health check."""
        self.set_device("reader", DeviceStatus(DeviceState.ERROR, "reader lost", "reader_lost"))

    def reader_back(self) -> None:
        """The reader worker has the reader again."""
        self.set_device("reader", DeviceStatus(DeviceState.OK, "reader back"))

    def camera_configured(self) -> None:
        """A document camera is configured; its worker is opening it."""
        if self._state("camera") == "none":
            self._states["camera"] = ("unknown", "")
            self.changed.emit()

    def camera_lost(self, reason: str) -> None:
        """The camera worker lost the document camera (unplugged, broken driver)."""
        self.set_device("camera", DeviceStatus(DeviceState.ERROR, "camera lost", "camera_lost"))

    def camera_back(self) -> None:
        """The camera worker has the document camera (again)."""
        self.set_device("camera", DeviceStatus(DeviceState.OK, "camera back"))

    def print_finished(self, outcome: Any) -> None:
        """A print job's outcome (a ``PrintOutcome``) is the newest word on the printer: a
        job that found the paper out makes the status bar say 缺纸 with the page."""
        self._printer_word_at = datetime.now().astimezone()
        if outcome.printed:
            if self._state("printer") == "error":
                self.set_device("printer", DeviceStatus(DeviceState.OK, "printed"))
        elif outcome.reason in PRINTER_REASONS:
            self.set_device(
                "printer", DeviceStatus(DeviceState.ERROR, "print failed", outcome.reason)
            )

    def central_answered(self, offline: bool) -> None:
        """A page's answer came from central (online) or from what the terminal kept
        (offline): the network indicator follows."""
        if offline:
            self.set_device("network", DeviceStatus(DeviceState.ERROR, "no answer", "offline"))
        elif self._state("network") != "ok":
            self.set_device("network", DeviceStatus(DeviceState.OK, "answered"))

    def reader_usable(self) -> bool:
        """Whether a card can be read: not while the reader is known to be in error."""
        return self._state("reader") != "error"

    def set_device(self, name: str, status: DeviceStatus) -> None:
        """Update one device's state (also used by screenshots to show problem states)."""
        new = (status.state.value, status.reason)
        if self._states.get(name) != new:
            self._states[name] = new
            self.changed.emit()

    def _state(self, name: str) -> str:
        return self._states[name][0]

    def _reason(self, name: str) -> str:
        return self._states[name][1]

    hallName = Property(str, lambda self: self._hall_name, notify=changed)
    terminalName = Property(str, lambda self: self._terminal_name, notify=changed)
    demo = Property(bool, lambda self: self._demo, notify=changed)
    readerState = Property(str, lambda self: self._state("reader"), notify=changed)
    readerReason = Property(str, lambda self: self._reason("reader"), notify=changed)
    printerState = Property(str, lambda self: self._state("printer"), notify=changed)
    printerReason = Property(str, lambda self: self._reason("printer"), notify=changed)
    networkState = Property(str, lambda self: self._state("network"), notify=changed)
    syncBacklog = Property(int, lambda self: self._backlog, notify=changed)
    syncDead = Property(int, lambda self: self._dead, notify=changed)
    cameraState = Property(str, lambda self: self._state("camera"), notify=changed)
    networkReason = Property(str, lambda self: self._reason("network"), notify=changed)

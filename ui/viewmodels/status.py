"""The status bar's view-model: hall name, and the state of network, printer and card reader."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal

from drivers.status import DeviceStatus

if TYPE_CHECKING:  # the health module pulls in requests; not needed for the first frame
    from kiosk.health import SystemStatus
    from kiosk.sync.status import SyncIndicator


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
        }

    def apply(self, status: SystemStatus) -> None:
        """Take a snapshot from the health monitor (call on the GUI thread)."""
        self.set_device("reader", status.card_reader)
        self.set_device("printer", status.printer)
        self.set_device("network", status.network)

    def apply_sync(self, indicator: SyncIndicator) -> None:
        """Take the sync worker's backlog (call on the GUI thread)."""
        new = (indicator.backlog, indicator.dead)
        if (self._backlog, self._dead) != new:
            self._backlog, self._dead = new
            self.changed.emit()

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
    networkReason = Property(str, lambda self: self._reason("network"), notify=changed)

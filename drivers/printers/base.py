"""What every printer driver provides."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from drivers.errors import DeviceError
from drivers.status import DeviceState, DeviceStatus

PaperState = Literal["ok", "near_end", "out", "unknown"]


class PrinterError(DeviceError, RuntimeError):
    """A job could not be printed; the message is for staff, ``reason`` is machine-readable."""

    reason = "error"


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself. ``online`` is None when it did not answer."""

    online: bool | None
    paper: PaperState = "unknown"
    cover_open: bool = False

    def to_device_status(self) -> DeviceStatus:
        """The coarse state the status bar and doctor show."""
        if self.online is False:
            return DeviceStatus(DeviceState.ERROR, "printer offline", "offline")
        if self.paper == "out":
            return DeviceStatus(DeviceState.ERROR, "printer out of paper", "paper_out")
        if self.cover_open:
            return DeviceStatus(DeviceState.ERROR, "printer cover open", "cover_open")
        if self.paper == "near_end":
            return DeviceStatus(DeviceState.WARNING, "printer paper near end", "near_end")
        if self.online is None:
            return DeviceStatus(
                DeviceState.UNKNOWN, "printer did not answer a status query", "no_answer"
            )
        return DeviceStatus(DeviceState.OK, "printer ready")


class Printer(Protocol):
    """A printer that takes raw ESC/POS bytes. Blocking; call only from the printer worker."""

    uri: str

    def send(self, data: bytes) -> None:
        """Send one job's bytes; raises :class:`PrinterError` when they cannot be sent."""

    def query_status(self) -> PrinterStatus:
        """Ask the printer for its state; never blocks longer than the driver's timeout."""

    def close(self) -> None:
        """Release the connection; safe to call twice."""

"""What every scanner driver provides: one decoded scan at a time, with a timeout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from drivers.errors import DeviceError


class ScannerError(DeviceError, RuntimeError):
    """The scanner cannot be used; ``reason``: ``unreachable`` (port gone or not openable)."""

    reason = "unreachable"


@dataclass(frozen=True)
class Scan:
    """One barcode or QR code as the scanner sent it (terminator removed)."""

    data: str


class Scanner(Protocol):
    """A scanner that sends line-terminated codes. Blocking; call from its worker thread."""

    uri: str

    def open(self) -> None:
        """Open the port; raises :class:`ScannerError`."""

    def read_scan(self, timeout_s: float) -> Scan | None:
        """The next complete scan, or None when none arrived within ``timeout_s``."""

    def close(self) -> None:
        """Release the port; safe to call twice."""

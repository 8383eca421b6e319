"""Device health as every driver reports it: a state and one sentence for staff."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class DeviceState(StrEnum):
    """Coarse health of a device, as the status bar and ``kioskctl doctor`` show it."""

    OK = "ok"
    WARNING = "warning"  # works, but needs attention soon (paper near end, …)
    ERROR = "error"  # does not work
    UNKNOWN = "unknown"  # not checked yet, or the device does not tell


@dataclass(frozen=True)
class DeviceStatus:
    """A device's state, a short English sentence for staff, and a machine-readable reason.

    ``reason`` lets the screen pick its own sentence (``paper_out``, ``offline``, …).
    """

    state: DeviceState
    detail: str = ""
    reason: str = ""

    @property
    def ok(self) -> bool:
        """True when the device can be used now (OK or WARNING)."""
        return self.state in (DeviceState.OK, DeviceState.WARNING)

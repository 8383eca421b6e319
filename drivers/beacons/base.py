"""What every call-light driver provides: off, steady or blinking, and nothing to read back."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from drivers.errors import DeviceError


class BeaconError(DeviceError, RuntimeError):
    """The light cannot be set; ``reason``: ``unreachable`` (gone, or no permission)."""

    reason = "unreachable"


class Light(StrEnum):
    """What the lamp shows: ``BLINK`` a citizen is calling, ``ON`` staff are on their way."""

    OFF = "off"
    ON = "on"
    BLINK = "blink"


class Beacon(Protocol):
    """A call light. Blocking but quick; the terminal calls it under a deadline."""

    uri: str

    def open(self) -> None:
        """Check the light is there; raises :class:`BeaconError`."""

    def show(self, light: Light) -> None:
        """Switch the light; raises :class:`BeaconError`."""

    def close(self) -> None:
        """Switch the light off and release it; safe to call twice."""
